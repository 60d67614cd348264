import type * as z from 'zod';
import { requireScope } from '../auth/caller.js';
import type { RequestContext } from '../graphql/context.js';
import type { OperationModule } from '../operations/operation.js';
import { checkInput } from '../validation/check-input.js';

/**
 * The GraphQL face of an operation module: its scope (also checked for the whole document before
 * execution, by the scopes plugin), its input checked against the module's schema (field errors
 * placed under `at`, the argument's name), then its call. The answer is already the public shape.
 */
export function resolveOperation<Input extends z.ZodType, Output extends z.ZodType>(
  operation: OperationModule<Input, Output>,
  ctx: RequestContext,
  input: unknown,
  at: PropertyKey[] = ['input'],
): Promise<z.input<Output>> {
  requireScope(ctx.caller, ctx.scopes, operation.name);
  return operation.call(ctx.upstream, checkInput(operation.input, input, at));
}

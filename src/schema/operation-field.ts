import type * as z from 'zod';
import { requireScope } from '../auth/caller.js';
import type { RequestContext } from '../graphql/context.js';
import type { OperationModule } from '../operations/operation.js';

/** The GraphQL face of an operation module: its scope, then its call (input validated already). */
export function resolveOperation<Input extends z.ZodType, Output extends z.ZodType>(
  operation: OperationModule<Input, Output>,
  ctx: RequestContext,
  input: z.output<Input>,
): Promise<z.input<Output>> {
  requireScope(ctx.caller, ctx.scopes, operation.name);
  return operation.call(ctx.upstream, input);
}

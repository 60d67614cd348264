import type * as z from 'zod';
import type { RequestContext } from '../graphql/context.js';
import { invokeOperation } from '../operations/invoke-operation.js';
import type { OperationModule } from '../operations/operation.js';

/**
 * The GraphQL face of an operation module: its argument is the raw input (field errors placed
 * under `at`, the argument's name); invokeOperation does the rest (scope, also checked for the
 * whole document before execution by the scopes plugin; checks; call; metrics).
 */
export async function resolveOperation<Input extends z.ZodType, Output extends z.ZodType>(
  operation: OperationModule<Input, Output>,
  ctx: RequestContext,
  input: unknown,
  at: PropertyKey[] = ['input'],
): Promise<z.input<Output>> {
  return (await invokeOperation(operation, ctx, () => ({ value: input }), at)).output;
}

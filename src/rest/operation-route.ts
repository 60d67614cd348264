import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as z from 'zod';
import { ANONYMOUS_CALLER } from '../auth/caller.js';
import type { AppEnv } from '../http/request-id.js';
import { invokeOperation, type OperationServices, type RawInput } from '../operations/invoke-operation.js';
import type { OperationModule } from '../operations/operation.js';

export interface RouteOptions<Input extends z.ZodType, Output extends z.ZodType> {
  /** The success status (200 by default). */
  status?: ContentfulStatusCode;
  /** Headers of a success, e.g. the `Location` of what was created. */
  headers?: (input: z.output<Input>, output: z.input<Output>) => Record<string, string>;
}

/**
 * The REST face of an operation module: the route's reader turns path, query and body into the
 * raw input, invokeOperation does the rest (scope, checks, call, metrics), the answer is JSON.
 * Errors go on to the REST error handler.
 */
export function operationRoute<Input extends z.ZodType, Output extends z.ZodType>(
  services: OperationServices,
  operation: OperationModule<Input, Output>,
  read: (c: Context<AppEnv>) => RawInput | Promise<RawInput>,
  options: RouteOptions<Input, Output> | ContentfulStatusCode = {},
) {
  const { status = 200, headers } = typeof options === 'number' ? { status: options } : options;
  return async (c: Context<AppEnv>) => {
    // The caller is set by src/auth/authenticate.ts; absent only if it is not mounted: refuse then.
    const invocation = { ...services, caller: c.get('caller') ?? ANONYMOUS_CALLER };
    const { input, output } = await invokeOperation(operation, invocation, () => read(c));
    for (const [name, value] of Object.entries(headers?.(input, output) ?? {})) c.header(name, value);
    return c.json(output, status);
  };
}

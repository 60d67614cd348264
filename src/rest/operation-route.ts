import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as z from 'zod';
import type { FieldError } from '../errors/error-codes.js';
import type { AppEnv } from '../http/request-id.js';
import type { OperationModule, Upstream } from '../operations/operation.js';
import { checkInput } from '../validation/check-input.js';
import { type OperationDeps, runOperation } from './run-operation.js';

/** What a route read from the request (path, query): the raw input and any problems met reading it. */
export interface RawInput {
  value: Record<string, unknown>;
  errors: FieldError[];
}

export interface RouteOptions<Input extends z.ZodType, Output extends z.ZodType> {
  /** The success status (200 by default). */
  status?: ContentfulStatusCode;
  /** Headers of a success, e.g. the `Location` of what was created. */
  headers?: (input: z.output<Input>, output: z.input<Output>) => Record<string, string>;
}

/**
 * The REST face of an operation module: scope first (runOperation), then the route's raw input
 * checked by the module's own schema (as GraphQL checks it), then its call, answered as JSON.
 */
export function operationRoute<Input extends z.ZodType, Output extends z.ZodType>(
  deps: OperationDeps & { upstream: Upstream },
  operation: OperationModule<Input, Output>,
  read: (c: Context<AppEnv>) => RawInput | Promise<RawInput>,
  options: RouteOptions<Input, Output> | ContentfulStatusCode = {},
) {
  const { status = 200, headers } = typeof options === 'number' ? { status: options } : options;
  return (c: Context<AppEnv>) =>
    runOperation(deps, c, operation.name, async () => {
      const raw = await read(c);
      const input = checkInput(operation.input, raw.value, [], raw.errors);
      const output = await operation.call(deps.upstream, input);
      for (const [name, value] of Object.entries(headers?.(input, output) ?? {})) c.header(name, value);
      return c.json(output, status);
    });
}

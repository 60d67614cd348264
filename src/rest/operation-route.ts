import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as z from 'zod';
import type { FieldError } from '../errors/error-codes.js';
import type { AppEnv } from '../http/request-id.js';
import type { OperationModule, Upstream } from '../operations/operation.js';
import { parseInput } from './parse-input.js';
import { type OperationDeps, runOperation } from './run-operation.js';

/** What a route read from the request (path, query): the raw input and any problems met reading it. */
export interface RawInput {
  value: Record<string, unknown>;
  errors: FieldError[];
}

/**
 * The REST face of an operation module: scope first (runOperation), then the route's raw input
 * validated by the module's own schema, then its call, answered as JSON.
 */
export function operationRoute<Input extends z.ZodType, Output extends z.ZodType>(
  deps: OperationDeps & { upstream: Upstream },
  operation: OperationModule<Input, Output>,
  read: (c: Context<AppEnv>) => RawInput | Promise<RawInput>,
  status: ContentfulStatusCode = 200,
) {
  return (c: Context<AppEnv>) =>
    runOperation(deps, c, operation.name, async () => {
      const raw = await read(c);
      const input = parseInput(operation.input, raw.value, raw.errors);
      return c.json(await operation.call(deps.upstream, input), status);
    });
}

import type { Context } from 'hono';
import { ANONYMOUS_CALLER, type Operation, requireScope } from '../auth/caller.js';
import type { Config } from '../config.js';
import { FacadeError } from '../errors/facade-error.js';
import type { AppEnv } from '../http/request-id.js';
import type { OutcomeRecorder } from '../logging/operation-metrics.js';

export interface OperationDeps {
  config: Config;
  metrics?: OutcomeRecorder;
}

/**
 * One REST operation. The scope is checked before the input is read, so a caller without it learns
 * nothing about the input rules; the outcome is counted under the GraphQL field's name, so both
 * faces of an operation add up in one metric. Errors go on to the REST error handler.
 */
export async function runOperation(
  { config, metrics }: OperationDeps,
  c: Context<AppEnv>,
  operation: Operation,
  work: () => Promise<Response>,
): Promise<Response> {
  try {
    // Set by src/auth/authenticate.ts; absent only if that middleware is not mounted: refuse then.
    requireScope(c.get('caller') ?? ANONYMOUS_CALLER, config.auth.scopes, operation);
    const response = await work();
    metrics?.record(operation, 'OK');
    return response;
  } catch (error) {
    metrics?.record(operation, error instanceof FacadeError ? error.code : 'INTERNAL_SERVER_ERROR');
    throw error;
  }
}

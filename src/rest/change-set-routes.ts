import type { Context, Hono } from 'hono';
import type { AppEnv } from '../http/request-id.js';
import { describeChangeSet } from '../operations/describe-change-set.js';
import type { OperationServices, RawInput } from '../operations/invoke-operation.js';
import { startChangeSet } from '../operations/start-change-set.js';
import { withIdempotencyKey } from './idempotency-key.js';
import { operationRoute } from './operation-route.js';
import { singleValuedQuery } from './query-params.js';
import { readJsonObject } from './read-json-body.js';

async function startInput(c: Context<AppEnv>): Promise<RawInput> {
  const body = await readJsonObject(c);
  const keyed = withIdempotencyKey(
    c,
    body,
    'clientRequestToken',
    startChangeSet.input.shape.clientRequestToken,
  );
  return { value: keyed.body, errors: keyed.errors };
}

function describeInput(c: Context<AppEnv>): RawInput {
  const { query, errors } = singleValuedQuery(c);
  if ('changeSetId' in query) {
    errors.push({
      path: 'changeSetId',
      message: 'belongs in the path, not the query',
      code: 'INVALID_VALUE',
    });
  }
  return { value: { ...query, changeSetId: c.req.param('changeSetId') }, errors };
}

/**
 * Marketplace Catalog: POST starts a change set, which AWS applies asynchronously (202, with the
 * `Location` to poll); GET describes it.
 */
export function registerChangeSetRoutes(app: Hono<AppEnv>, deps: OperationServices) {
  app.post(
    '/change-sets',
    operationRoute(deps, startChangeSet, startInput, {
      status: 202,
      // Relative to the request URL, so it resolves under any API Gateway stage or base path.
      headers: (_input, payload) => ({ Location: `change-sets/${encodeURIComponent(payload.changeSetId)}` }),
    }),
  );
  app.get('/change-sets/:changeSetId', operationRoute(deps, describeChangeSet, describeInput));
}

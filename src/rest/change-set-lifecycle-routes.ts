import type { Context, Hono } from 'hono';
import type { FieldError } from '../errors/error-codes.js';
import type { AppEnv } from '../http/request-id.js';
import { cancelChangeSet } from '../operations/cancel-change-set.js';
import { describeEntity } from '../operations/describe-entity.js';
import type { OperationServices, RawInput } from '../operations/invoke-operation.js';
import { listChangeSets } from '../operations/list-change-sets.js';
import { operationRoute } from './operation-route.js';
import { numberParam, queryObject, singleValuedQuery } from './query-params.js';
import { readJsonObject } from './read-json-body.js';

/** The query, plus the path parameter, which must not also come in the query. */
function withPathParam(c: Context<AppEnv>, name: string): RawInput {
  const { query, errors } = singleValuedQuery(c);
  if (name in query)
    errors.push({ path: name, message: 'belongs in the path, not the query', code: 'INVALID_VALUE' });
  return { value: { ...query, [name]: c.req.param(name) }, errors };
}

/**
 * Cancel's body is optional (`{}` or `{"catalog": "AWSMarketplace"}`); it is a POST, so like every
 * POST it is sent as JSON (the CSRF guard refuses others). The id is in the path, nothing in the query.
 */
async function cancelInput(c: Context<AppEnv>): Promise<RawInput> {
  const errors: FieldError[] = Object.keys(c.req.queries()).map((name) => ({
    path: name,
    message: 'is not a query parameter of this operation',
    code: 'INVALID_VALUE',
  }));
  const text = await c.req.text();
  const body = text.trim() === '' ? {} : await readJsonObject(c);
  if ('changeSetId' in body) {
    errors.push({ path: 'changeSetId', message: 'belongs in the path, not the body', code: 'INVALID_VALUE' });
  }
  return { value: { ...body, changeSetId: c.req.param('changeSetId') }, errors };
}

// `status` may repeat (`?status=FAILED&status=CANCELLED`); every other parameter is given once.
const LIST_MULTI = new Set(['status']);

function listQuery(c: Context<AppEnv>): RawInput {
  const value = queryObject<unknown>();
  const errors: FieldError[] = [];
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (LIST_MULTI.has(name)) {
      value[name] = values;
      continue;
    }
    if (values.length > 1) errors.push({ path: name, message: 'must be given once', code: 'INVALID_VALUE' });
    value[name] = name === 'maxResults' ? numberParam(values[0]) : values[0];
  }
  return { value, errors };
}

/** Marketplace Catalog, the rest of the lifecycle: cancel a change set, list change sets, describe an entity. */
export function registerChangeSetLifecycleRoutes(app: Hono<AppEnv>, deps: OperationServices): void {
  app.post('/change-sets/:changeSetId/cancel', operationRoute(deps, cancelChangeSet, cancelInput));
  app.get('/change-sets', operationRoute(deps, listChangeSets, listQuery));
  app.get(
    '/entities/:entityId',
    operationRoute(deps, describeEntity, (c) => withPathParam(c, 'entityId')),
  );
}

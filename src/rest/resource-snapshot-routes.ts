import type { Context, Hono } from 'hono';
import type { AppEnv } from '../http/request-id.js';
import { createResourceSnapshot } from '../operations/create-resource-snapshot.js';
import { getResourceSnapshot } from '../operations/get-resource-snapshot.js';
import type { OperationServices, RawInput } from '../operations/invoke-operation.js';
import type { ResourceKey } from '../validation/resource-snapshot-input.js';
import { withIdempotencyKey } from './idempotency-key.js';
import { operationRoute } from './operation-route.js';
import { numberParam, singleValuedQuery } from './query-params.js';
import { readJsonObject } from './read-json-body.js';

/**
 * Where the snapshot just created can be read back: the GET form of its key and revision, as a
 * reference relative to the request URL, so it resolves under any API Gateway stage or base path
 * (a REST API's event path has no stage prefix).
 */
function snapshotLocation(key: ResourceKey, revision: number): string {
  const {
    catalog,
    engagementIdentifier,
    resourceType,
    resourceIdentifier,
    resourceSnapshotTemplateIdentifier,
  } = key;
  const query = new URLSearchParams({
    catalog,
    engagementIdentifier,
    resourceType,
    resourceIdentifier,
    resourceSnapshotTemplateIdentifier,
    revision: String(revision),
  });
  return `resource-snapshots?${query}`;
}

async function createInput(c: Context<AppEnv>): Promise<RawInput> {
  const body = await readJsonObject(c);
  const keyed = withIdempotencyKey(c, body, 'clientToken', createResourceSnapshot.input.shape.clientToken);
  return { value: keyed.body, errors: keyed.errors };
}

// GraphQL's Int: a revision GraphQL refuses is refused here too, before anything reaches AWS.
const MAX_INT = 2 ** 31 - 1;

function getInput(c: Context<AppEnv>): RawInput {
  const { query, errors } = singleValuedQuery(c);
  const revision = numberParam(query.revision);
  const outOfRange = typeof revision === 'number' && revision > MAX_INT;
  if (outOfRange) {
    errors.push({ path: 'revision', message: `must be at most ${MAX_INT}`, code: 'VALUE_OUT_OF_RANGE' });
  }
  // Reported once, above, not again as "not an integer" for a value beyond 2^53.
  return { value: { ...query, revision: outOfRange ? undefined : revision }, errors };
}

/** Partner Central: POST creates a snapshot (201), GET reads one back (the latest by default). */
export function registerResourceSnapshotRoutes(app: Hono<AppEnv>, deps: OperationServices) {
  app.post(
    '/resource-snapshots',
    operationRoute(deps, createResourceSnapshot, createInput, {
      status: 201,
      headers: (input, payload) => ({ Location: snapshotLocation(input, payload.revision) }),
    }),
  );
  app.get('/resource-snapshots', operationRoute(deps, getResourceSnapshot, getInput));
}

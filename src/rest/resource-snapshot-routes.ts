import type { Context, Hono } from 'hono';
import type { ResourceSnapshots } from '../aws/resource-snapshots.js';
import type { AppEnv } from '../http/request-id.js';
import {
  type CreateResourceSnapshotInput,
  createResourceSnapshotInput,
  resourceSnapshotInput,
} from '../validation/resource-snapshot-input.js';
import { withIdempotencyKey } from './idempotency-key.js';
import { parseInput } from './parse-input.js';
import { numberParam, singleValuedQuery } from './query-params.js';
import { readJsonObject } from './read-json-body.js';
import { resourceSnapshotBody } from './response-bodies.js';
import { type OperationDeps, runOperation } from './run-operation.js';

/**
 * Where the snapshot just created can be read back: the GET form of its key and revision, as a
 * reference relative to the request URL, so it resolves under any API Gateway stage or base path
 * (a REST API's event path has no stage prefix).
 */
function snapshotLocation(input: CreateResourceSnapshotInput, revision: number): string {
  const {
    catalog,
    engagementIdentifier,
    resourceType,
    resourceIdentifier,
    resourceSnapshotTemplateIdentifier,
  } = input;
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

async function createInput(c: Context<AppEnv>) {
  const body = await readJsonObject(c);
  const keyed = withIdempotencyKey(c, body, 'clientToken', createResourceSnapshotInput.shape.clientToken);
  return parseInput(createResourceSnapshotInput, keyed.body, keyed.errors);
}

// GraphQL's Int: a revision GraphQL refuses is refused here too, before anything reaches AWS.
const MAX_INT = 2 ** 31 - 1;

function getInput(c: Context<AppEnv>) {
  const { query, errors } = singleValuedQuery(c);
  const revision = numberParam(query.revision);
  const outOfRange = typeof revision === 'number' && revision > MAX_INT;
  if (outOfRange) {
    errors.push({ path: 'revision', message: `must be at most ${MAX_INT}`, code: 'VALUE_OUT_OF_RANGE' });
  }
  return parseInput(
    resourceSnapshotInput,
    // Reported once, above, not again as "not an integer" for a value beyond 2^53.
    { ...query, revision: outOfRange ? undefined : revision },
    errors,
  );
}

/** Partner Central: POST creates a snapshot (201), GET reads one back (the latest by default). */
export function registerResourceSnapshotRoutes(
  app: Hono<AppEnv>,
  deps: OperationDeps & { resourceSnapshots: ResourceSnapshots },
): void {
  app.post('/resource-snapshots', (c) =>
    runOperation(deps, c, 'createResourceSnapshot', async () => {
      const input = await createInput(c);
      const payload = await deps.resourceSnapshots.create(input);
      c.header('Location', snapshotLocation(input, payload.revision));
      return c.json(payload, 201);
    }),
  );

  app.get('/resource-snapshots', (c) =>
    runOperation(deps, c, 'resourceSnapshot', async () => {
      const snapshot = await deps.resourceSnapshots.get(getInput(c));
      return c.json(resourceSnapshotBody(snapshot), 200);
    }),
  );
}

import type { Context, Hono } from 'hono';
import type { ChangeSets } from '../aws/change-sets.js';
import type { AppEnv } from '../http/request-id.js';
import { changeSetQueryInput, startChangeSetInput } from '../validation/change-set-input.js';
import { withIdempotencyKey } from './idempotency-key.js';
import { parseInput } from './parse-input.js';
import { singleValuedQuery } from './query-params.js';
import { readJsonObject } from './read-json-body.js';
import { changeSetBody } from './response-bodies.js';
import { type OperationDeps, runOperation } from './run-operation.js';

async function startInput(c: Context<AppEnv>) {
  const body = await readJsonObject(c);
  const keyed = withIdempotencyKey(
    c,
    body,
    'clientRequestToken',
    startChangeSetInput.shape.clientRequestToken,
  );
  return parseInput(startChangeSetInput, keyed.body, keyed.errors);
}

function describeInput(c: Context<AppEnv>, changeSetId: string) {
  const { query, errors } = singleValuedQuery(c);
  if ('changeSetId' in query) {
    errors.push({
      path: 'changeSetId',
      message: 'belongs in the path, not the query',
      code: 'INVALID_VALUE',
    });
  }
  return parseInput(changeSetQueryInput, { ...query, changeSetId }, errors);
}

/**
 * Marketplace Catalog: POST starts a change set, which AWS applies asynchronously (202, with the
 * `Location` to poll); GET describes it.
 */
export function registerChangeSetRoutes(
  app: Hono<AppEnv>,
  deps: OperationDeps & { changeSets: ChangeSets },
): void {
  app.post('/change-sets', (c) =>
    runOperation(deps, c, 'startChangeSet', async () => {
      const payload = await deps.changeSets.start(await startInput(c));
      // Relative to the request URL, so it resolves under any API Gateway stage or base path.
      c.header('Location', `change-sets/${encodeURIComponent(payload.changeSetId)}`);
      return c.json(payload, 202);
    }),
  );

  app.get('/change-sets/:changeSetId', (c) =>
    runOperation(deps, c, 'changeSet', async () => {
      const changeSet = await deps.changeSets.describe(describeInput(c, c.req.param('changeSetId')));
      return c.json(changeSetBody(changeSet), 200);
    }),
  );
}

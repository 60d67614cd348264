import * as z from 'zod';
import {
  createDocument,
  type ZodOpenApiComponentsObject,
  type ZodOpenApiOperationObject,
  type ZodOpenApiResponsesObject,
  type ZodOpenApiSecuritySchemeObject,
} from 'zod-openapi';
import type { Operation } from '../auth/caller.js';
import type { Config } from '../config.js';
import { cancelChangeSet } from '../operations/cancel-change-set.js';
import { createResourceSnapshot } from '../operations/create-resource-snapshot.js';
import { describeChangeSet } from '../operations/describe-change-set.js';
import { describeEntity } from '../operations/describe-entity.js';
import { getResourceSnapshot } from '../operations/get-resource-snapshot.js';
import { listChangeSets } from '../operations/list-change-sets.js';
import { startChangeSet } from '../operations/start-change-set.js';
import { MARKETPLACE_CATALOG } from '../validation/change-set-input.js';
import * as out from './error-schema.js';
import { IDEMPOTENCY_KEY } from './idempotency-key.js';

/**
 * The OpenAPI 3.1 document of the REST routes, generated from the zod schemas that validate their
 * input and describe their output (the operation modules of src/operations/, shared with GraphQL).
 * Only the frame (paths, statuses, descriptions) is written here.
 */

// Output shapes only: input schemas (their transforms have no output form) become request bodies.
const SCHEMAS: ZodOpenApiComponentsObject['schemas'] = {
  CreateResourceSnapshotPayload: createResourceSnapshot.output,
  ResourceSnapshot: getResourceSnapshot.output,
  StartChangeSetPayload: startChangeSet.output,
  ChangeSet: describeChangeSet.output,
  CancelChangeSetPayload: cancelChangeSet.output,
  ChangeSetSummaryPage: listChangeSets.output,
  MarketplaceEntity: describeEntity.output,
  Error: out.errorBody,
};

const requestIdHeader = z.string().meta({ description: 'The request id, also in every error body.' });
const retryAfter = z.string().meta({ description: 'Seconds to wait before retrying.' });

const ERRORS: Record<number, { description: string; retryAfter?: 'always' | 'sometimes' }> = {
  400: {
    description: 'BAD_USER_INPUT (`fieldErrors` names every failing field) or BAD_REQUEST (unreadable body)',
  },
  401: { description: 'UNAUTHENTICATED: no or invalid credentials' },
  402: { description: 'SERVICE_QUOTA_EXCEEDED: an AWS service quota is exhausted' },
  403: { description: "FORBIDDEN: the caller lacks the operation's scope, or AWS denied the facade" },
  404: { description: 'NOT_FOUND: the resource does not exist or is not visible' },
  409: { description: "CONFLICT: the request conflicts with the resource's state (e.g. a token reused)" },
  413: { description: 'PAYLOAD_TOO_LARGE: the body is over the limit' },
  415: { description: 'BAD_REQUEST: the body is not sent as application/json' },
  423: {
    description: 'RESOURCE_IN_USE: an entity is locked by a running change set; retry when it completes',
  },
  429: {
    description: 'THROTTLED by AWS after the retries of the facade; retry with backoff',
    retryAfter: 'always',
  },
  500: { description: 'INTERNAL_SERVER_ERROR: unexpected; quote the requestId' },
  502: { description: 'UPSTREAM_ERROR: AWS failed or answered unreadably', retryAfter: 'sometimes' },
  503: { description: 'UPSTREAM_UNAVAILABLE: AWS could not be reached', retryAfter: 'sometimes' },
  504: { description: 'UPSTREAM_UNAVAILABLE: AWS did not answer in time', retryAfter: 'sometimes' },
};

const READ_ERRORS = [400, 401, 403, 404, 429, 500, 502, 503, 504];
const WRITE_ERRORS = [...READ_ERRORS, 402, 409, 413, 415];

function responses(
  success: Record<number, { description: string; schema: z.ZodType; location?: string }>,
  errors: number[],
): ZodOpenApiResponsesObject {
  const all: ZodOpenApiResponsesObject = {};
  for (const [status, { description, schema, location }] of Object.entries(success)) {
    all[status as `2${string}`] = {
      description,
      headers: z.object({
        'x-request-id': requestIdHeader,
        ...(location ? { Location: z.string().meta({ description: location }) } : {}),
      }),
      content: { 'application/json': { schema } },
    };
  }
  for (const status of [...errors].sort((a, b) => a - b)) {
    const { description, retryAfter: when } = ERRORS[status] ?? { description: 'Error' };
    all[String(status) as `4${string}`] = {
      description,
      headers: z.object({
        'x-request-id': requestIdHeader,
        ...(when ? { 'Retry-After': when === 'always' ? retryAfter : retryAfter.optional() } : {}),
      }),
      content: { 'application/json': { schema: out.errorBody } },
    };
  }
  return all;
}

function idempotencyKey(token: z.ZodType, field: string) {
  return z.object({
    [IDEMPOTENCY_KEY]: token.meta({
      description: `The idempotency token, when the body has no ${field} (both at once must be equal).`,
    }),
  });
}

const PARTNER_CENTRAL = 'Partner Central Selling';
const MARKETPLACE = 'Marketplace Catalog';
const TAG_OF: Record<Operation, string> = {
  createResourceSnapshot: PARTNER_CENTRAL,
  resourceSnapshot: PARTNER_CENTRAL,
  startChangeSet: MARKETPLACE,
  changeSet: MARKETPLACE,
  cancelChangeSet: MARKETPLACE,
  changeSets: MARKETPLACE,
  entity: MARKETPLACE,
};

export interface DocumentOptions {
  /** Where the REST routes are mounted, e.g. `/rest`. */
  basePath: string;
  auth: Config['auth'];
}

interface Security {
  schemes: Record<string, ZodOpenApiSecuritySchemeObject>;
  of: (operation: Operation) => Array<Record<string, string[]>>;
}

/** Security as the facade's AUTH_MODE has it; each operation names the scope it needs. */
function security(auth: Config['auth']): Security {
  if (auth.mode === 'jwt') {
    return {
      schemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      of: (operation: Operation) => [{ bearer: [auth.scopes[operation]] }],
    };
  }
  if (auth.mode === 'iam') {
    return {
      schemes: {
        sigv4: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'AWS Signature Version 4 (API Gateway IAM authorization).',
        },
      },
      of: () => [{ sigv4: [] }],
    };
  }
  return { schemes: {}, of: () => [] };
}

export function createOpenApiDocument({ basePath, auth }: DocumentOptions) {
  const sec = security(auth);
  const op = (operation: Operation, spec: Omit<ZodOpenApiOperationObject, 'operationId'>) => ({
    operationId: operation,
    tags: [TAG_OF[operation]],
    ...spec,
    ...(auth.mode === 'none' ? {} : { security: sec.of(operation) }),
  });

  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'AWS Partner facade, REST',
        version: '1',
        description:
          'REST form of the GraphQL operations of the same names, validated by the same rules. ' +
          'Errors carry the same codes as GraphQL, with the matching HTTP status.',
        license: { name: 'UNLICENSED', identifier: 'UNLICENSED' },
      },
      // Relative: the routes are served by whichever host and stage serve this document.
      servers: [{ url: '/', description: 'The host (and API Gateway stage) that serves this document' }],
      tags: [
        {
          name: PARTNER_CENTRAL,
          description: 'Resource snapshots of opportunities (AWS Partner Central Selling).',
        },
        { name: MARKETPLACE, description: 'Change sets and entities (AWS Marketplace Catalog).' },
      ],
      paths: {
        [`${basePath}/resource-snapshots`]: {
          post: op('createResourceSnapshot', {
            summary: 'AWS Partner Central Selling CreateResourceSnapshot',
            requestParams: {
              header: idempotencyKey(createResourceSnapshot.input.shape.clientToken, 'clientToken'),
            },
            requestBody: {
              id: 'CreateResourceSnapshotInput',
              required: true,
              content: { 'application/json': { schema: createResourceSnapshot.input } },
            },
            responses: responses(
              {
                201: {
                  description: 'Created (a replay of the same token and input answers the original)',
                  schema: createResourceSnapshot.output,
                  location: 'GET form of the new snapshot (its key and revision).',
                },
              },
              WRITE_ERRORS,
            ),
          }),
          get: op('resourceSnapshot', {
            summary: 'AWS Partner Central Selling GetResourceSnapshot (the latest revision by default)',
            requestParams: { query: getResourceSnapshot.input },
            responses: responses(
              { 200: { description: 'The snapshot', schema: getResourceSnapshot.output } },
              READ_ERRORS,
            ),
          }),
        },
        [`${basePath}/change-sets`]: {
          post: op('startChangeSet', {
            summary: 'AWS Marketplace Catalog StartChangeSet (applied asynchronously)',
            requestParams: {
              header: idempotencyKey(startChangeSet.input.shape.clientRequestToken, 'clientRequestToken'),
            },
            requestBody: {
              id: 'StartChangeSetInput',
              required: true,
              content: { 'application/json': { schema: startChangeSet.input } },
            },
            responses: responses(
              {
                202: {
                  description:
                    'Accepted: poll the Location until the status is SUCCEEDED, FAILED or CANCELLED',
                  schema: startChangeSet.output,
                  location: 'The change set, to poll.',
                },
              },
              [...WRITE_ERRORS, 423],
            ),
          }),
          get: op('changeSets', {
            summary:
              'AWS Marketplace Catalog ListChangeSets (filters AND together; repeat status for several)',
            requestParams: { query: listChangeSets.input },
            responses: responses(
              { 200: { description: 'One page of change sets', schema: listChangeSets.output } },
              READ_ERRORS,
            ),
          }),
        },
        [`${basePath}/change-sets/{changeSetId}/cancel`]: {
          post: op('cancelChangeSet', {
            summary: 'AWS Marketplace Catalog CancelChangeSet (only while the change set is PREPARING)',
            requestParams: { path: cancelChangeSet.input.pick({ changeSetId: true }) },
            requestBody: {
              description: 'Optional; sent as JSON like every POST.',
              content: {
                'application/json': { schema: cancelChangeSet.input.omit({ changeSetId: true }) },
              },
            },
            responses: responses(
              {
                200: {
                  description: 'Cancelled: the change set becomes CANCELLED',
                  schema: cancelChangeSet.output,
                },
              },
              [...READ_ERRORS, 415, 423],
            ),
          }),
        },
        [`${basePath}/entities/{entityId}`]: {
          get: op('entity', {
            summary: 'AWS Marketplace Catalog DescribeEntity',
            requestParams: {
              path: describeEntity.input.pick({ entityId: true }),
              query: describeEntity.input.pick({ catalog: true }),
            },
            responses: responses(
              { 200: { description: 'The entity', schema: describeEntity.output } },
              READ_ERRORS,
            ),
          }),
        },
        [`${basePath}/change-sets/{changeSetId}`]: {
          get: op('changeSet', {
            summary: 'AWS Marketplace Catalog DescribeChangeSet',
            requestParams: {
              path: describeChangeSet.input.pick({ changeSetId: true }),
              query: z.object({
                catalog: describeChangeSet.input.shape.catalog.meta({
                  description: `Always ${MARKETPLACE_CATALOG}, the default.`,
                }),
              }),
            },
            responses: responses(
              { 200: { description: 'The change set', schema: describeChangeSet.output } },
              READ_ERRORS,
            ),
          }),
        },
      },
      components: { schemas: SCHEMAS, securitySchemes: sec.schemes },
    },
    { allowEmptySchema: { unknown: true } },
  );
}

import { compileErrors, validate } from '@readme/openapi-parser';
import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { createOpenApiDocument } from '../../src/rest/openapi-document.js';
import { schema as graphqlSchema } from '../../src/schema/index.js';
import {
  CHANGE_SET_ID,
  CHANGE_TYPE,
  CLIENT_REQUEST_TOKEN,
  ENGAGEMENT_ID,
  TAG_TEXT,
} from '../../src/validation/constraints.js';
import { type Json, OpenApiClient } from '../support/openapi-client.js';
import { changeSetInput, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';
import { snapshotKey } from './snapshot-key.js';

describe('GET /rest/openapi.json', () => {
  let stack: Stack;
  let api: OpenApiClient;
  let doc: Json;
  beforeAll(async () => {
    stack = await startStack({ emulator: { changeSetDurationMs: 300 } });
    api = await OpenApiClient.load(stack.url);
    doc = api.document;
  });
  afterAll(() => stack.close());

  const resolve = (schema: Json): Json =>
    schema.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').pop()]) : schema;
  const bodySchema = (operationId: string): Json =>
    doc.components.requestBodies[api.operation(operationId).operation.requestBody.$ref.split('/').pop()]
      .content['application/json'].schema;

  it('is a valid OpenAPI 3.1 document (@readme/openapi-parser)', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it.each(['none', 'jwt', 'iam'] as const)(
    'is valid for AUTH_MODE=%s too, with its security scheme',
    async (mode) => {
      const auth = { ...readConfig('local', { LOG_LEVEL: 'SILENT' }).auth, mode };
      const document = createOpenApiDocument({ basePath: '/rest', auth });
      const result = await validate(structuredClone(document) as never);
      expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
      expect(Object.keys(document.components?.securitySchemes ?? {})).toEqual(
        { none: [], jwt: ['bearer'], iam: ['sigv4'] }[mode],
      );
    },
  );

  it('describes every REST route of the contract, under the GraphQL operation names', () => {
    const routes = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Json).map(
        ([method, op]) => `${method.toUpperCase()} ${path} ${(op as Json).operationId}`,
      ),
    );
    expect(routes.sort()).toEqual([
      'GET /rest/change-sets changeSets',
      'GET /rest/change-sets/{changeSetId} changeSet',
      'GET /rest/entities/{entityId} entity',
      'GET /rest/resource-snapshots resourceSnapshot',
      'POST /rest/change-sets startChangeSet',
      'POST /rest/change-sets/{changeSetId}/cancel cancelChangeSet',
      'POST /rest/resource-snapshots createResourceSnapshot',
    ]);
    for (const operationId of ['createResourceSnapshot', 'startChangeSet']) {
      const { operation } = api.operation(operationId);
      expect(doc.components.requestBodies[operation.requestBody.$ref.split('/').pop()].required).toBe(true);
      expect(operation.parameters).toContainEqual(
        expect.objectContaining({ in: 'header', name: 'Idempotency-Key' }),
      );
    }
    expect(api.operation('startChangeSet').operation.responses['202'].headers.Location).toBeDefined();
    expect(api.operation('createResourceSnapshot').operation.responses['201'].headers.Location).toBeDefined();
    expect(api.operation('startChangeSet').operation.responses['429'].headers['Retry-After'].required).toBe(
      true,
    );
    expect(doc.components.securitySchemes ?? {}).toEqual({});
  });

  it('declares the error envelope for every error status, with every error code', () => {
    const codes = resolve(doc.components.schemas.Error).properties.error.properties.code.enum;
    expect(codes).toEqual(
      expect.arrayContaining(['BAD_USER_INPUT', 'BAD_REQUEST', 'THROTTLED', 'UPSTREAM_ERROR']),
    );
    for (const item of Object.values<Json>(doc.paths)) {
      for (const operation of Object.values<Json>(item)) {
        const statuses = Object.keys(operation.responses).map(Number);
        expect(statuses).toEqual(expect.arrayContaining([400, 401, 403, 404, 429, 500, 502, 503, 504]));
        for (const status of statuses.filter((s) => s >= 400)) {
          expect(operation.responses[status].content['application/json'].schema).toEqual({
            $ref: '#/components/schemas/Error',
          });
        }
      }
    }
  });

  it('is generated from the zod schemas that validate the input (the same constraints)', () => {
    const snapshot = bodySchema('createResourceSnapshot');
    expect(snapshot.additionalProperties).toBe(false);
    expect(snapshot.required.sort()).toEqual(
      [
        'catalog',
        'engagementIdentifier',
        'resourceIdentifier',
        'resourceSnapshotTemplateIdentifier',
        'resourceType',
      ].sort(),
    );
    expect(snapshot.properties.engagementIdentifier.pattern).toBe(ENGAGEMENT_ID.source);
    expect(snapshot.properties.catalog.enum).toEqual(['AWS', 'SANDBOX']);

    const start = bodySchema('startChangeSet');
    expect(start.properties.changeSet).toMatchObject({ minItems: 1, maxItems: 20 });
    const change = start.properties.changeSet.items;
    expect(change.properties.changeType.pattern).toBe(CHANGE_TYPE.source);
    // A unicode-flag regex must come out as its source (one generator emitted `.../u`).
    const tags = start.properties.changeSetTags.anyOf.find((s: Json) => s.type === 'array');
    expect(tags.items.properties.key.pattern).toBe(TAG_TEXT.source);
    const header = api
      .operation('startChangeSet')
      .operation.parameters.find((p: Json) => p.name === 'Idempotency-Key');
    expect(header.schema.anyOf[0]).toMatchObject({ pattern: CLIENT_REQUEST_TOKEN.source, maxLength: 64 });

    const describeParams = api.operation('changeSet').operation.parameters;
    expect(describeParams.find((p: Json) => p.in === 'path')).toMatchObject({
      name: 'changeSetId',
      required: true,
      schema: { pattern: CHANGE_SET_ID.source },
    });
    const queryNames = api.operation('resourceSnapshot').operation.parameters.map((p: Json) => p.name);
    expect(queryNames).toEqual(Object.keys(snapshotKey({ revision: '1' })));
  });

  it('accepts the inputs the facade accepts', () => {
    expect(api.requestBodyErrors('createResourceSnapshot', snapshotInput({ clientToken: 't' }))).toEqual([]);
    expect(
      api.requestBodyErrors(
        'startChangeSet',
        changeSetInput({ intent: 'VALIDATE', changeSetTags: [{ key: 'Ünï', value: 'v 1' }] }),
      ),
    ).toEqual([]);
  });

  /** The response schemas say what the GraphQL types say: same fields, same nullability, same enums. */
  function expectSameShape(schema: Json, type: GraphQLObjectType, where: string): void {
    const props = resolve(schema).properties as Json;
    const fields = type.getFields();
    expect(Object.keys(props).sort(), where).toEqual(Object.keys(fields).sort());
    for (const [name, field] of Object.entries<GraphQLField<unknown, unknown>>(fields)) {
      expectSameType(props[name], field.type, `${where}.${name}`);
    }
  }

  function expectSameType(schema: Json, type: GraphQLOutputType, where: string): void {
    const variants: Json[] = schema.anyOf ?? [schema];
    const nullable =
      Object.keys(schema).filter((k) => k !== 'description').length === 0 ||
      variants.some((v) => v.type === 'null' || (Array.isArray(v.type) && v.type.includes('null')));
    expect(nullable, `${where} nullable`).toBe(!isNonNullType(type));
    const inner = isNonNullType(type) ? type.ofType : type;
    const value = resolve(variants.find((v) => v.type !== 'null') ?? schema);
    const named = getNamedType(inner);
    if (isListType(inner)) {
      expect(value.type, where).toBe('array');
      expectSameType(value.items, inner.ofType, `${where}[]`);
    } else if (isEnumType(named) && named.extensions.openEnum === true) {
      // An open enum (src/schema/open-enum.ts): a value AWS adds later passes through, so REST's
      // schema must not close the list either.
      expect([value.type].flat(), where).toContain('string');
      expect(value.enum, where).toBeUndefined();
    } else if (isEnumType(named)) {
      expect([...value.enum].sort(), where).toEqual(
        named
          .getValues()
          .map((v) => v.name)
          .sort(),
      );
    } else if (isObjectType(named)) {
      expectSameShape(value, named, where);
    }
  }

  it.each([
    ['CreateResourceSnapshotPayload', 'createResourceSnapshot', '201'],
    ['ResourceSnapshot', 'resourceSnapshot', '200'],
    ['StartChangeSetPayload', 'startChangeSet', '202'],
    ['ChangeSet', 'changeSet', '200'],
  ])('answers with the fields of the GraphQL type %s', (typeName, operationId, status) => {
    const schema = api.operation(operationId).operation.responses[status].content['application/json'].schema;
    expectSameShape(schema, graphqlSchema.getType(typeName) as GraphQLObjectType, typeName);
  });

  it('describes the real responses: a client built on it drives every operation', async () => {
    const created = await api.call('createResourceSnapshot', { body: snapshotInput() });
    expect(created.status).toBe(201);
    expect((await api.call('resourceSnapshot', { query: snapshotKey() })).status).toBe(200);
    const started = await api.call('startChangeSet', { body: changeSetInput() });
    expect(started.status).toBe(202);
    expect((await api.call('changeSet', { path: { changeSetId: started.body.changeSetId } })).status).toBe(
      200,
    );
  });

  it('is strict enough to catch a drift: an extra, a missing or a mistyped field fails it', () => {
    const payload = { changeSetId: 'a', changeSetArn: 'b', clientRequestToken: 'c' };
    expect(api.responseErrors('startChangeSet', 202, payload)).toEqual([]);
    expect(api.responseErrors('startChangeSet', 202, { ...payload, extra: 1 })).not.toEqual([]);
    expect(api.responseErrors('startChangeSet', 202, { changeSetId: 'a', changeSetArn: 'b' })).not.toEqual(
      [],
    );
    expect(api.responseErrors('startChangeSet', 202, { ...payload, changeSetId: 1 })).not.toEqual([]);
    expect(api.responseErrors('startChangeSet', 201, payload)).toBeNull();
  });
});

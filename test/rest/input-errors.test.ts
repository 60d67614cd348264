import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenApiClient } from '../support/openapi-client.js';
import { changeSetInput, SEED, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';
import { snapshotKey } from './snapshot-key.js';

const change = (overrides: Record<string, unknown> = {}) => ({
  changeType: 'UpdateInformation',
  entity: { ...SEED.product },
  ...overrides,
});

// [what, body, the field errors expected: path -> code]; paths are relative to the body.
type Case = [string, Record<string, unknown>, Record<string, string>];

const SNAPSHOT_CASES: Case[] = [
  [
    'engagement pattern',
    snapshotInput({ engagementIdentifier: 'eng-ABC' }),
    { engagementIdentifier: 'INVALID_STRING_FORMAT' },
  ],
  [
    'opportunity pattern',
    snapshotInput({ resourceIdentifier: 'X1' }),
    { resourceIdentifier: 'INVALID_STRING_FORMAT' },
  ],
  [
    'template too short',
    snapshotInput({ resourceSnapshotTemplateIdentifier: 'ab' }),
    { resourceSnapshotTemplateIdentifier: 'INVALID_STRING_FORMAT' },
  ],
  ['empty token', snapshotInput({ clientToken: '' }), { clientToken: 'INVALID_STRING_FORMAT' }],
  ['token with a newline', snapshotInput({ clientToken: 'a\nb' }), { clientToken: 'INVALID_STRING_FORMAT' }],
  ['catalog as the wire value', snapshotInput({ catalog: 'Sandbox' }), { catalog: 'INVALID_ENUM_VALUE' }],
  [
    'a number for a string',
    snapshotInput({ engagementIdentifier: 5 }),
    { engagementIdentifier: 'INVALID_VALUE' },
  ],
  ['an unknown field', snapshotInput({ colour: 'blue' }), { colour: 'INVALID_VALUE' }],
  [
    'missing fields and bad ones at once',
    {
      catalog: 'AWS',
      resourceType: 'OPPORTUNITY',
      resourceIdentifier: 'bad',
      resourceSnapshotTemplateIdentifier: '!',
    },
    {
      engagementIdentifier: 'REQUIRED_FIELD_MISSING',
      resourceIdentifier: 'INVALID_STRING_FORMAT',
      resourceSnapshotTemplateIdentifier: 'INVALID_STRING_FORMAT',
    },
  ],
];

const CHANGE_SET_CASES: Case[] = [
  ['no changeSet', { changeSetName: 'x' }, { changeSet: 'REQUIRED_FIELD_MISSING' }],
  ['empty change set', changeSetInput({ changeSet: [] }), { changeSet: 'NOT_ENOUGH_VALUES' }],
  [
    'catalog other than AWSMarketplace',
    changeSetInput({ catalog: 'Other' }),
    { catalog: 'INVALID_ENUM_VALUE' },
  ],
  ['intent', changeSetInput({ intent: 'NOW' }), { intent: 'INVALID_ENUM_VALUE' }],
  [
    'tag characters',
    changeSetInput({ changeSetTags: [{ key: 'a<b', value: 'v' }] }),
    { 'changeSetTags[0].key': 'INVALID_STRING_FORMAT' },
  ],
  [
    'details not a JSON object',
    changeSetInput({ changeSet: [change({ details: '[1]' })] }),
    { 'changeSet[0].details': 'INVALID_VALUE' },
  ],
  [
    'details and detailsDocument',
    changeSetInput({ changeSet: [change({ details: '{}', detailsDocument: {} })] }),
    { 'changeSet[0].detailsDocument': 'INVALID_VALUE' },
  ],
  [
    'the same change twice, on the later one',
    changeSetInput({ changeSet: [change(), change()] }),
    { 'changeSet[1]': 'DUPLICATE_KEY_VALUE' },
  ],
  [
    'several fields of several changes at once',
    changeSetInput({
      intent: 'NOW',
      changeSet: [
        change({ changeType: 'updateInformation' }),
        change({ entity: { type: 'SaaSProduct@1.0', identifier: 'bad id' }, extra: 1 }),
      ],
    }),
    {
      intent: 'INVALID_ENUM_VALUE',
      'changeSet[0].changeType': 'INVALID_STRING_FORMAT',
      'changeSet[1].entity.identifier': 'INVALID_STRING_FORMAT',
      'changeSet[1].extra': 'INVALID_VALUE',
    },
  ],
];

const codesByPath = (fieldErrors: Array<{ path: string; code: string }>) =>
  Object.fromEntries(fieldErrors.map((e) => [e.path, e.code]));

describe('REST: input that fails validation or cannot be read, and nothing reaches AWS', () => {
  let stack: Stack;
  let api: OpenApiClient;
  beforeAll(async () => {
    stack = await startStack();
    api = await OpenApiClient.load(stack.url);
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.reset());

  const expectNothingSent = () => expect(stack.emulator.stats().requests).toEqual({});

  it.each(SNAPSHOT_CASES)('POST /rest/resource-snapshots: %s', async (_what, body, expected) => {
    const res = await api.call('createResourceSnapshot', { body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', retryable: false });
    expect(codesByPath(res.body.error.fieldErrors)).toEqual(expected);
    expect(api.requestBodyErrors('createResourceSnapshot', body)?.length).toBeGreaterThan(0);
    expectNothingSent();
  });

  it.each(CHANGE_SET_CASES)('POST /rest/change-sets: %s', async (_what, body, expected) => {
    const res = await api.call('startChangeSet', { body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_USER_INPUT');
    expect(res.body.error.message).toBe(
      `${Object.keys(expected).length} invalid input field${Object.keys(expected).length === 1 ? '' : 's'}`,
    );
    expect(codesByPath(res.body.error.fieldErrors)).toEqual(expected);
    expectNothingSent();
  });

  describe('Idempotency-Key', () => {
    it('is checked with the constraints of the body field', async () => {
      const long = await api.call('startChangeSet', {
        body: changeSetInput(),
        headers: { 'Idempotency-Key': 'k'.repeat(65) },
      });
      expect(long.status).toBe(400);
      expect(codesByPath(long.body.error.fieldErrors)).toEqual({
        'Idempotency-Key': 'INVALID_STRING_FORMAT',
      });
      const spaced = await api.call('startChangeSet', {
        body: changeSetInput(),
        headers: { 'Idempotency-Key': 'has space' },
      });
      expect(codesByPath(spaced.body.error.fieldErrors)).toEqual({
        'Idempotency-Key': 'INVALID_STRING_FORMAT',
      });
      expectNothingSent();
    });

    it('must agree with the token in the body, and is reported with the body errors at once', async () => {
      const res = await api.call('createResourceSnapshot', {
        body: snapshotInput({ clientToken: 'in-body', resourceIdentifier: 'bad' }),
        headers: { 'Idempotency-Key': 'in-header' },
      });
      expect(res.status).toBe(400);
      expect(codesByPath(res.body.error.fieldErrors)).toEqual({
        'Idempotency-Key': 'INVALID_VALUE',
        resourceIdentifier: 'INVALID_STRING_FORMAT',
      });
      expectNothingSent();
    });
  });

  describe('query and path parameters', () => {
    it.each([
      ['not a number', 'abc', 'INVALID_VALUE'],
      ['zero', '0', 'VALUE_OUT_OF_RANGE'],
      ['a fraction', '1.5', 'INVALID_VALUE'],
      ['empty', '', 'INVALID_VALUE'],
    ])('revision %s', async (_what, revision, code) => {
      const res = await api.call('resourceSnapshot', { query: snapshotKey({ revision }) });
      expect(res.status).toBe(400);
      expect(codesByPath(res.body.error.fieldErrors)).toEqual({ revision: code });
      expectNothingSent();
    });

    it('reports missing, repeated and unknown parameters at once', async () => {
      const { engagementIdentifier: _, ...rest } = snapshotKey();
      const res = await api.call('resourceSnapshot', {
        query: { ...rest, catalog: ['AWS', 'SANDBOX'], resourceType: 'Opportunity', colour: 'blue' },
      });
      expect(res.status).toBe(400);
      expect(codesByPath(res.body.error.fieldErrors)).toEqual({
        catalog: 'INVALID_VALUE',
        engagementIdentifier: 'REQUIRED_FIELD_MISSING',
        resourceType: 'INVALID_ENUM_VALUE',
        colour: 'INVALID_VALUE',
      });
      expectNothingSent();
    });

    it('checks the change set id of the path and the catalog of the query', async () => {
      const res = await api.call('changeSet', {
        path: { changeSetId: 'bad.id' },
        query: { catalog: 'Other' },
      });
      expect(res.status).toBe(400);
      expect(codesByPath(res.body.error.fieldErrors)).toEqual({
        catalog: 'INVALID_ENUM_VALUE',
        changeSetId: 'INVALID_STRING_FORMAT',
      });
      expectNothingSent();
    });
  });

  describe('a body that cannot be read', () => {
    it.each([
      ['malformed JSON', '{"catalog": "AWS",'],
      ['an empty body', ''],
      ['a JSON array', '[]'],
      ['JSON null', 'null'],
      ['a JSON string', '"text"'],
    ])('%s is BAD_REQUEST (400), without the parser message', async (_what, rawBody) => {
      for (const operation of ['createResourceSnapshot', 'startChangeSet']) {
        const res = await api.call(operation, { rawBody, headers: { 'content-type': 'application/json' } });
        expect(res.status).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', retryable: false });
        expect(res.body.error).not.toHaveProperty('fieldErrors');
        expect(res.body.error.message).not.toMatch(/position|Unexpected|token/i);
      }
      expectNothingSent();
    });

    it.each([
      ['XML', 'application/xml'],
      ['text', 'text/plain'],
      ['a form', 'application/x-www-form-urlencoded'],
    ])('%s is BAD_REQUEST (415)', async (_what, type) => {
      const res = await api.call('startChangeSet', {
        rawBody: JSON.stringify(changeSetInput()),
        headers: { 'content-type': type },
      });
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      expectNothingSent();
    });

    it('accepts JSON with a charset and the +json types', async () => {
      const charset = await api.call('createResourceSnapshot', {
        rawBody: JSON.stringify(snapshotInput()),
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
      expect(charset.status).toBe(201);
      const vendor = await api.call('createResourceSnapshot', {
        rawBody: JSON.stringify(snapshotInput()),
        headers: { 'content-type': 'application/vnd.example+json' },
      });
      expect(vendor.status).toBe(201);
    });
  });

  it('answers a method a path does not serve with 405 and Allow', async () => {
    for (const [method, path, allow] of [
      ['PUT', '/rest/change-sets', 'GET, POST'],
      ['PUT', '/rest/change-sets/abc/cancel', 'POST'],
      ['DELETE', '/rest/entities/prod-1', 'GET'],
      ['DELETE', '/rest/resource-snapshots', 'GET, POST'],
      ['PATCH', '/rest/change-sets/abc', 'GET'],
      ['POST', '/rest/openapi.json', 'GET'],
    ] as const) {
      const res = await fetch(`${stack.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
      expect(await res.json()).toMatchObject({ error: { code: 'BAD_REQUEST', retryable: false } });
    }
    expectNothingSent();
  });
});

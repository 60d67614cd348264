import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import {
  CREATE_SNAPSHOT,
  changeSetInput,
  DESCRIBE_CHANGE_SET,
  GET_SNAPSHOT,
  SEED,
  START_CHANGE_SET,
  snapshotInput,
} from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

const change = (overrides: Record<string, unknown> = {}) => ({
  changeType: 'UpdateInformation',
  entity: { ...SEED.product },
  ...overrides,
});

/** [what, input, the field errors expected: path -> code] */
const SNAPSHOT_CASES: Array<[string, Record<string, unknown>, Record<string, string>]> = [
  [
    'engagement pattern',
    { engagementIdentifier: 'eng-ABC' },
    { 'input.engagementIdentifier': 'INVALID_STRING_FORMAT' },
  ],
  [
    'opportunity pattern',
    { resourceIdentifier: 'X1' },
    { 'input.resourceIdentifier': 'INVALID_STRING_FORMAT' },
  ],
  [
    'opportunity too long',
    { resourceIdentifier: `O${'1'.repeat(20)}` },
    { 'input.resourceIdentifier': 'INVALID_STRING_FORMAT' },
  ],
  [
    'template too short',
    { resourceSnapshotTemplateIdentifier: 'ab' },
    { 'input.resourceSnapshotTemplateIdentifier': 'INVALID_STRING_FORMAT' },
  ],
  [
    'template characters',
    { resourceSnapshotTemplateIdentifier: 'Opp-Summary' },
    { 'input.resourceSnapshotTemplateIdentifier': 'INVALID_STRING_FORMAT' },
  ],
  ['empty token', { clientToken: '' }, { 'input.clientToken': 'INVALID_STRING_FORMAT' }],
  ['token too long', { clientToken: 'x'.repeat(256) }, { 'input.clientToken': 'INVALID_STRING_FORMAT' }],
  [
    'token of 256 code points outside the BMP',
    { clientToken: '😀'.repeat(256) },
    { 'input.clientToken': 'INVALID_STRING_FORMAT' },
  ],
  ['token with a newline', { clientToken: 'a\nb' }, { 'input.clientToken': 'INVALID_STRING_FORMAT' }],
  [
    'three fields at once',
    { engagementIdentifier: 'bad', resourceIdentifier: 'bad', resourceSnapshotTemplateIdentifier: '!' },
    {
      'input.engagementIdentifier': 'INVALID_STRING_FORMAT',
      'input.resourceIdentifier': 'INVALID_STRING_FORMAT',
      'input.resourceSnapshotTemplateIdentifier': 'INVALID_STRING_FORMAT',
    },
  ],
];

const CHANGE_SET_CASES: Array<[string, Record<string, unknown>, Record<string, string>]> = [
  ['empty change set', { changeSet: [] }, { 'input.changeSet': 'NOT_ENOUGH_VALUES' }],
  [
    '21 changes',
    { changeSet: Array.from({ length: 21 }, (_, i) => change({ changeType: `Change${'A'.repeat(i + 1)}` })) },
    { 'input.changeSet': 'TOO_MANY_VALUES' },
  ],
  ['catalog other than AWSMarketplace', { catalog: 'Other' }, { 'input.catalog': 'INVALID_ENUM_VALUE' }],
  ['catalog pattern', { catalog: 'AWS-Marketplace' }, { 'input.catalog': 'INVALID_STRING_FORMAT' }],
  [
    'change type pattern',
    { changeSet: [change({ changeType: 'updateInformation' })] },
    { 'input.changeSet[0].changeType': 'INVALID_STRING_FORMAT' },
  ],
  [
    'entity type pattern',
    { changeSet: [change({ entity: { type: 'SaaS Product', identifier: 'p-1' } })] },
    { 'input.changeSet[0].entity.type': 'INVALID_STRING_FORMAT' },
  ],
  [
    'entity identifier pattern',
    { changeSet: [change({ entity: { type: 'SaaSProduct@1.0', identifier: 'p 1' } })] },
    { 'input.changeSet[0].entity.identifier': 'INVALID_STRING_FORMAT' },
  ],
  [
    'details not an object',
    { changeSet: [change({ details: '[1,2]' })] },
    { 'input.changeSet[0].details': 'INVALID_VALUE' },
  ],
  [
    'details not JSON',
    { changeSet: [change({ details: '{nope' })] },
    { 'input.changeSet[0].details': 'INVALID_VALUE' },
  ],
  [
    'details too long',
    { changeSet: [change({ details: JSON.stringify({ a: 'x'.repeat(16400) }) })] },
    { 'input.changeSet[0].details': 'INVALID_STRING_FORMAT' },
  ],
  [
    'details and detailsDocument',
    { changeSet: [change({ details: '{}', detailsDocument: {} })] },
    { 'input.changeSet[0].detailsDocument': 'INVALID_VALUE' },
  ],
  [
    'detailsDocument not an object',
    { changeSet: [change({ detailsDocument: ['a'] })] },
    { 'input.changeSet[0].detailsDocument': 'INVALID_VALUE' },
  ],
  [
    'detailsDocument nested too deep',
    { changeSet: [change({ detailsDocument: JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) })] },
    { 'input.changeSet[0].detailsDocument': 'INVALID_VALUE' },
  ],
  [
    'change name pattern',
    { changeSet: [change({ changeName: 'Change1' })] },
    { 'input.changeSet[0].changeName': 'INVALID_STRING_FORMAT' },
  ],
  [
    'entity tags empty',
    { changeSet: [change({ entityTags: [] })] },
    { 'input.changeSet[0].entityTags': 'NOT_ENOUGH_VALUES' },
  ],
  [
    'tag key pattern',
    { changeSetTags: [{ key: 'bad<key>', value: 'v' }] },
    { 'input.changeSetTags[0].key': 'INVALID_STRING_FORMAT' },
  ],
  [
    'tag value too long',
    { changeSetTags: [{ key: 'k', value: 'v'.repeat(257) }] },
    { 'input.changeSetTags[0].value': 'INVALID_STRING_FORMAT' },
  ],
  [
    'change set name pattern',
    { changeSetName: 'name#1' },
    { 'input.changeSetName': 'INVALID_STRING_FORMAT' },
  ],
  [
    'token not printable ASCII',
    { clientRequestToken: 'tök en' },
    { 'input.clientRequestToken': 'INVALID_STRING_FORMAT' },
  ],
  [
    'token too long',
    { clientRequestToken: 'x'.repeat(65) },
    { 'input.clientRequestToken': 'INVALID_STRING_FORMAT' },
  ],
  [
    'same change type twice on one entity (reported on the later item)',
    {
      changeSet: [
        change(),
        change({ entity: { type: 'SaaSProduct@2.0', identifier: 'prod-example00001@3' } }),
      ],
    },
    { 'input.changeSet[1]': 'DUPLICATE_KEY_VALUE' },
  ],
  [
    'reference to a change that is not in the set',
    { changeSet: [change({ entity: { type: 'Offer@1.0', identifier: '$CreateIt.Entity.Identifier' } })] },
    { 'input.changeSet[0].entity.identifier': 'INVALID_VALUE' },
  ],
  [
    'several bad fields in several items at once',
    {
      catalog: 'x1',
      changeSet: [
        change({ changeType: 'bad' }),
        change({ details: '"str"', entity: { type: '', identifier: 'ok' } }),
      ],
      clientRequestToken: '',
    },
    {
      'input.catalog': 'INVALID_STRING_FORMAT',
      'input.changeSet[0].changeType': 'INVALID_STRING_FORMAT',
      'input.changeSet[1].details': 'INVALID_VALUE',
      'input.changeSet[1].entity.type': 'INVALID_STRING_FORMAT',
      'input.clientRequestToken': 'INVALID_STRING_FORMAT',
    },
  ],
];

describe('local validation: every bad field reported at once, nothing sent to AWS', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  async function expectFieldErrors(
    query: string,
    variables: Record<string, unknown>,
    expected: Record<string, string>,
  ) {
    const before = JSON.stringify(stack.emulator.stats().requests);
    const res = await gql(stack.url, query, variables);
    expect(res.status).toBe(200);
    // Root fields are nullable (contract §6.2): the failing field is null, not the whole data.
    expect(Object.values(res.body.data ?? { missing: 'data' })).toEqual([null]);
    expect(res.body.errors).toHaveLength(1);
    const error = res.body.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.retryable).toBe(false);
    expect(error?.extensions).not.toHaveProperty('aws');
    const got = Object.fromEntries((error?.extensions?.fieldErrors ?? []).map((f) => [f.path, f.code]));
    expect(got).toEqual(expected);
    for (const f of error?.extensions?.fieldErrors ?? []) expect(f.message.length).toBeGreaterThan(0);
    expect(JSON.stringify(stack.emulator.stats().requests)).toBe(before);
  }

  it.each(SNAPSHOT_CASES)('createResourceSnapshot: %s', async (_name, overrides, expected) => {
    await expectFieldErrors(CREATE_SNAPSHOT, { input: snapshotInput(overrides) }, expected);
  });

  it.each(CHANGE_SET_CASES)('startChangeSet: %s', async (_name, overrides, expected) => {
    await expectFieldErrors(START_CHANGE_SET, { input: changeSetInput(overrides) }, expected);
  });

  it('resourceSnapshot: revision below 1 and a bad key', async () => {
    await expectFieldErrors(
      GET_SNAPSHOT,
      { input: snapshotInput({ revision: 0, engagementIdentifier: 'eng-1' }) },
      { 'input.revision': 'VALUE_OUT_OF_RANGE', 'input.engagementIdentifier': 'INVALID_STRING_FORMAT' },
    );
  });

  it('clientToken counts code points, as AWS does: 255 characters outside the BMP are valid', async () => {
    const clientToken = '😀'.repeat(255); // 510 UTF-16 units
    const res = await gql(stack.url, CREATE_SNAPSHOT, { input: snapshotInput({ clientToken }) });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.createResourceSnapshot.clientToken).toBe(clientToken);
  });

  it('changeSet: a bad id', async () => {
    await expectFieldErrors(
      DESCRIBE_CHANGE_SET,
      { id: 'not/valid' },
      { changeSetId: 'INVALID_STRING_FORMAT' },
    );
  });

  it('accepts a change that references another change of the set by name', async () => {
    const res = await gql(stack.url, START_CHANGE_SET, {
      input: changeSetInput({
        changeSet: [
          {
            changeType: 'CreateProduct',
            changeName: 'CreateIt',
            entity: { type: 'SaaSProduct@1.0' },
            detailsDocument: {},
          },
          {
            changeType: 'UpdateInformation',
            entity: { type: 'SaaSProduct@1.0', identifier: '$CreateIt.Entity.Identifier' },
            detailsDocument: { ProductTitle: 'New' },
          },
        ],
      }),
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.startChangeSet.changeSetId).toBeTruthy();
  });

  it('a missing required field or a wrong enum is a GraphQL validation error, also with nothing sent', async () => {
    const before = stack.emulator.stats().requests.CreateResourceSnapshot ?? 0;
    const { resourceType: _omitted, ...missing } = snapshotInput();
    const res = await gql(stack.url, CREATE_SNAPSHOT, { input: { ...missing, catalog: 'Sandbox' } });
    expect(res.status).toBe(400);
    expect(res.body.errors?.length).toBe(2);
    for (const e of res.body.errors ?? []) expect(e.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.map((e) => e.extensions?.fieldErrors?.[0])).toEqual([
      expect.objectContaining({ path: 'input.catalog', code: 'INVALID_ENUM_VALUE' }),
      expect.objectContaining({ path: 'input.resourceType', code: 'REQUIRED_FIELD_MISSING' }),
    ]);
    expect(stack.emulator.stats().requests.CreateResourceSnapshot ?? 0).toBe(before);
  });
});

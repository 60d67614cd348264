import {
  CancelChangeSetCommand,
  DescribeChangeSetCommand,
  type Filter,
  ListChangeSetsCommand,
  type ListChangeSetsCommandInput,
  AccessDeniedException as MpcAccessDeniedException,
  StartChangeSetCommand,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-marketplace-catalog';
import { beforeEach, describe, expect, it } from 'vitest';
import { type CaughtError, OFFER, rejectionOf, SAAS_PRODUCT, useEmulatorWithClients } from './clients.js';

// Change sets started here stay PREPARING (60 s) unless cancelled.
const t = useEmulatorWithClients(() => ({ changeSetDurationMs: 60_000 }));
beforeEach(() => t.emu.reset());

const SUCCEEDED = 'examplesucceeded000000001';
const FAILED = 'examplefailed000000000001';
const CANCELLED = 'examplecancelled000000001';

const list = (input: Partial<ListChangeSetsCommandInput> = {}) =>
  t.mpc.send(new ListChangeSetsCommand({ Catalog: 'AWSMarketplace', ...input }));
const ids = async (input: Partial<ListChangeSetsCommandInput> = {}) =>
  ((await list(input)).ChangeSetSummaryList ?? []).map((s) => s.ChangeSetId);
const filter = (Name: string, ...ValueList: string[]): Filter => ({ Name, ValueList });
const start = (ChangeSetName: string, Entity = SAAS_PRODUCT) =>
  t.mpc.send(
    new StartChangeSetCommand({
      Catalog: 'AWSMarketplace',
      ChangeSetName,
      ChangeSet: [{ ChangeType: 'UpdateInformation', Entity }],
    }),
  );
type Field = { Field?: string; Reason?: string };
const fields = (error: CaughtError) => (error.ValidationExceptionFieldList as Field[]).map((f) => f.Field);

describe('ListChangeSets', () => {
  it('lists the seeded history, newest first, with every summary member', async () => {
    const result = await list();
    expect(result.NextToken).toBeUndefined();
    expect(result.ChangeSetSummaryList).toEqual([
      {
        ChangeSetId: CANCELLED,
        ChangeSetArn: `arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/ChangeSet/${CANCELLED}`,
        ChangeSetName: 'Update offer availability',
        StartTime: '2026-11-04T10:00:00Z',
        EndTime: '2026-11-04T10:00:42Z',
        Status: 'CANCELLED',
        EntityIdList: ['offer-example0001'],
      },
      {
        ChangeSetId: FAILED,
        ChangeSetArn: `arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/ChangeSet/${FAILED}`,
        ChangeSetName: 'Add dimensions to the offer',
        StartTime: '2026-11-03T14:20:00Z',
        EndTime: '2026-11-03T14:21:07Z',
        Status: 'FAILED',
        EntityIdList: ['offer-example0001'],
        FailureCode: 'CLIENT_ERROR',
      },
      {
        ChangeSetId: SUCCEEDED,
        ChangeSetArn: `arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/ChangeSet/${SUCCEEDED}`,
        ChangeSetName: 'Update product information',
        StartTime: '2026-11-02T09:00:00Z',
        EndTime: '2026-11-02T09:04:31Z',
        Status: 'SUCCEEDED',
        EntityIdList: ['prod-example00001'],
      },
    ]);
  });

  it('describes the seeded change sets', async () => {
    const failed = await t.mpc.send(
      new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: FAILED }),
    );
    expect(failed).toMatchObject({
      Status: 'FAILED',
      FailureCode: 'CLIENT_ERROR',
      ChangeSet: [{ ChangeType: 'AddDimensions', ErrorDetailList: [{ ErrorCode: 'INVALID_CHANGE_TYPE' }] }],
    });
    const succeeded = await t.mpc.send(
      new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: SUCCEEDED }),
    );
    expect(succeeded).toMatchObject({
      Status: 'SUCCEEDED',
      EndTime: '2026-11-02T09:04:31Z',
      Intent: 'APPLY',
    });
    const cancel = await rejectionOf(
      t.mpc.send(new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: SUCCEEDED })),
    );
    expect(cancel).toBeInstanceOf(ValidationException);
  });

  it('includes created change sets, without EndTime while they run, and filters by status, name and entity', async () => {
    const running = await start('Running one');
    const other = await start('Offer one', OFFER);
    await t.mpc.send(
      new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: other.ChangeSetId }),
    );

    const all = await list();
    expect(all.ChangeSetSummaryList?.[1]).toMatchObject({
      ChangeSetId: running.ChangeSetId,
      Status: 'PREPARING',
      EntityIdList: ['prod-example00001'],
    });
    expect(all.ChangeSetSummaryList?.[1]?.EndTime).toBeUndefined();

    expect(await ids({ FilterList: [filter('Status', 'PREPARING')] })).toEqual([running.ChangeSetId]);
    expect(await ids({ FilterList: [filter('Status', 'CANCELLED', 'FAILED')] })).toEqual([
      other.ChangeSetId,
      CANCELLED,
      FAILED,
    ]);
    expect(
      await ids({ FilterList: [filter('ChangeSetName', 'Running one', 'Update product information')] }),
    ).toEqual([running.ChangeSetId, SUCCEEDED]);
    // Filters are ANDed; an identifier's @revision is ignored.
    expect(
      await ids({ FilterList: [filter('EntityId', 'offer-example0001@3'), filter('Status', 'CANCELLED')] }),
    ).toEqual([other.ChangeSetId, CANCELLED]);
  });

  it('filters by half-open time windows at second precision', async () => {
    const window = [
      filter('AfterStartTime', '2026-11-03T14:20:00Z'),
      filter('BeforeStartTime', '2026-11-04T10:00:00Z'),
    ];
    expect(await ids({ FilterList: window })).toEqual([FAILED]);
    expect(await ids({ FilterList: [filter('AfterEndTime', '2026-11-03T14:21:07.000+00:00')] })).toEqual([
      CANCELLED,
      FAILED,
    ]);
    expect(await ids({ FilterList: [filter('BeforeEndTime', '2026-11-03T15:21:07+01:00')] })).toEqual([
      SUCCEEDED,
    ]);
    // A running change set has not ended: no end-time filter matches it.
    await start('Running');
    expect(await ids({ FilterList: [filter('AfterEndTime', '2026-01-01T00:00:00Z')] })).toHaveLength(3);
  });

  it('sorts by each key in both orders', async () => {
    const asc = { SortOrder: 'ASCENDING' as const };
    expect(await ids({ Sort: { SortBy: 'StartTime', ...asc } })).toEqual([SUCCEEDED, FAILED, CANCELLED]);
    expect(await ids({ Sort: { SortBy: 'Name', ...asc } })).toEqual([FAILED, CANCELLED, SUCCEEDED]);
    expect(await ids({ Sort: { SortBy: 'Status', SortOrder: 'DESCENDING' } })).toEqual([
      SUCCEEDED,
      FAILED,
      CANCELLED,
    ]);
    const running = await start('Running');
    // A change set that has not ended sorts after every end time.
    expect(await ids({ Sort: { SortBy: 'EndTime', ...asc } })).toEqual([
      SUCCEEDED,
      FAILED,
      CANCELLED,
      running.ChangeSetId,
    ]);
    expect((await ids({ Sort: { SortBy: 'EndTime' } }))[0]).toBe(running.ChangeSetId);
  });

  it('pages with MaxResults and NextToken, stable while change sets are added', async () => {
    const first = await list({ MaxResults: 2, Sort: { SortBy: 'StartTime', SortOrder: 'ASCENDING' } });
    expect(first.ChangeSetSummaryList?.map((s) => s.ChangeSetId)).toEqual([SUCCEEDED, FAILED]);
    expect(first.NextToken).toMatch(/^[\w+=.:@\-/]+$/);
    // Started now, after every seeded change set: it lands on the second page.
    const added = await start('Added between pages');
    const second = await list({
      MaxResults: 2,
      Sort: { SortBy: 'StartTime', SortOrder: 'ASCENDING' },
      NextToken: first.NextToken,
    });
    expect(second.ChangeSetSummaryList?.map((s) => s.ChangeSetId)).toEqual([CANCELLED, added.ChangeSetId]);
    expect(second.NextToken).toBeUndefined();

    // A token belongs to its query.
    const other = await rejectionOf(
      list({ NextToken: first.NextToken, FilterList: [filter('Status', 'FAILED')] }),
    );
    expect(fields(other)).toEqual(['NextToken']);
    expect(fields(await rejectionOf(list({ NextToken: 'garbage' })))).toEqual(['NextToken']);
  });

  it('validates as AWS does, reporting every failing member', async () => {
    const error = await rejectionOf(
      list({
        Catalog: 'AWS',
        MaxResults: 21,
        Sort: { SortBy: 'Size', SortOrder: 'UP' as never },
        NextToken: 'has space',
        FilterList: [
          filter('Colour', 'red'),
          filter('Status', 'DONE'),
          filter('AfterStartTime', 'yesterday'),
          filter('BeforeEndTime', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'),
          { Name: 'ChangeSetName', ValueList: [] },
        ],
      }),
    );
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.$metadata?.httpStatusCode).toBe(422);
    expect(fields(error)).toEqual([
      'Catalog',
      'FilterList[0].Name',
      'FilterList[1].ValueList[0]',
      'FilterList[2].ValueList[0]',
      'FilterList[3].ValueList',
      'FilterList[4].ValueList',
      'Sort.SortBy',
      'Sort.SortOrder',
      'MaxResults',
      'NextToken',
    ]);
    expect(
      (error.ValidationExceptionFieldList as Field[]).every((f) => f.Reason === 'FieldValidationFailed'),
    ).toBe(true);
    expect(fields(await rejectionOf(list({ MaxResults: 0 })))).toEqual(['MaxResults']);
    expect(fields(await rejectionOf(list({ FilterList: [] })))).toEqual(['FilterList']);
    const nine = Array.from({ length: 9 }, () => filter('Status', 'FAILED'));
    expect(fields(await rejectionOf(list({ FilterList: nine })))).toEqual(['FilterList']);
    const eleven = filter('ChangeSetName', ...Array.from({ length: 11 }, (_, i) => `n${i}`));
    expect(fields(await rejectionOf(list({ FilterList: [eleven] })))).toEqual(['FilterList[0].ValueList']);
    expect(fields(await rejectionOf(t.mpc.send(new ListChangeSetsCommand({} as never))))).toEqual([
      'Catalog',
    ]);
  });

  it('speaks restJson1 on the wire: POST /ListChangeSets with a JSON body, nothing else', async () => {
    const post = (body: string, method = 'POST') =>
      fetch(`${t.emu.url}/ListChangeSets`, { method, headers: { 'content-type': 'application/json' }, body });
    const ok = await post('{"Catalog":"AWSMarketplace","MaxResults":1}');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/json');
    const page = (await ok.json()) as { ChangeSetSummaryList: unknown[]; NextToken: string };
    expect(page.ChangeSetSummaryList).toHaveLength(1);
    expect(page.NextToken).toMatch(/^[\w+=.:@\-/]{1,4096}$/);

    const broken = await post('{"Catalog":');
    expect(broken.status).toBe(422);
    expect(broken.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(await broken.json()).toMatchObject({ ValidationExceptionFieldList: [{ Reason: 'CannotParse' }] });

    const wrongMethod = await fetch(`${t.emu.url}/ListChangeSets`);
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });

  it('gets the same faults as the other operations', async () => {
    t.emu.setFaults({ accessDenied: true, operations: ['ListChangeSets'] });
    expect(await rejectionOf(list())).toBeInstanceOf(MpcAccessDeniedException);
    t.emu.setFaults({ throttleRate: 1, operations: ['ListChangeSets'] });
    const throttled = await rejectionOf(list());
    expect(throttled).toBeInstanceOf(ThrottlingException);
    expect(throttled.$metadata?.httpStatusCode).toBe(429);
    expect(t.emu.stats().requests.ListChangeSets).toBe(2);
  });
});

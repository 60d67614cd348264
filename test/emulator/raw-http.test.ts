import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { CreateResourceSnapshotCommand } from '@aws-sdk/client-partnercentral-selling';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { pcsClient, SNAPSHOT_KEY, UUID } from './clients.js';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ changeSetDurationMs: 60_000 });
});
afterAll(async () => {
  await emu.close();
});

const PCS_JSON = 'application/x-amz-json-1.0';

const pcsFetch = (body: BodyInit | undefined, headers: Record<string, string> = {}, path = '/') =>
  fetch(`${emu.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': PCS_JSON,
      'x-amz-target': 'AWSPartnerCentralSelling.CreateResourceSnapshot',
      ...headers,
    },
    body,
  });

const mpcFetch = (path: string, init: RequestInit = {}) =>
  fetch(`${emu.url}${path}`, { headers: { 'content-type': 'application/json' }, ...init });

/** The status, error name and JSON body a client sees; fails on a non-JSON body. */
async function seen(response: Response) {
  const text = await response.text();
  expect(response.headers.get('x-amzn-requestid')).toMatch(UUID);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    errorType: response.headers.get('x-amzn-errortype'),
    body: JSON.parse(text) as Record<string, unknown>,
  };
}

/** After each bad request, a good one through the real SDK still works. */
async function expectStillServing(): Promise<void> {
  const client = pcsClient(emu.url);
  const result = await client.send(new CreateResourceSnapshotCommand(SNAPSHOT_KEY));
  client.destroy();
  expect(result.Arn).toMatch(/^arn:/);
}

const pcsValidation = {
  status: 400,
  contentType: PCS_JSON,
  errorType: 'ValidationException',
  body: expect.objectContaining({
    __type: 'com.amazonaws.partnercentralselling#ValidationException',
    Reason: 'REQUEST_VALIDATION_FAILED',
    Message: expect.any(String),
  }),
};

describe('Partner Central over raw HTTP', () => {
  it.each([
    ['malformed JSON', '{"Catalog": '],
    ['non-object JSON', '[1, 2, 3]'],
    ['a JSON string', '"Sandbox"'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ])('answers %s with a JSON ValidationException', async (_what, body) => {
    const result = await seen(await pcsFetch(body));
    expect(result).toEqual(pcsValidation);
    expect(Object.keys(result.body).map((k) => k.toLowerCase())).not.toContain('code');
    await expectStillServing();
  });

  it('treats an empty body as {} and lists all six required members', async () => {
    const result = await seen(await pcsFetch(undefined));
    expect(result).toEqual(pcsValidation);
    expect(result.body.ErrorList).toHaveLength(6);
    expect(result.body.Message).toMatch(/^6 validation errors detected/);
  });

  it('rejects a wrong content type', async () => {
    const result = await seen(
      await pcsFetch(JSON.stringify(SNAPSHOT_KEY), { 'content-type': 'application/json' }),
    );
    expect(result).toEqual(pcsValidation);
    expect(result.body.Message).toContain('application/x-amz-json-1.0');
  });

  it('answers an unknown target with 400 UnknownOperationException', async () => {
    const result = await seen(
      await pcsFetch('{}', { 'x-amz-target': 'AWSPartnerCentralSelling.DeleteEverything' }),
    );
    expect(result).toMatchObject({
      status: 400,
      contentType: PCS_JSON,
      errorType: 'UnknownOperationException',
    });
    expect(result.body.__type).toMatch(/#UnknownOperationException$/);
  });

  it('answers a body over 1 MiB with a JSON 413 and keeps serving', async () => {
    const result = await seen(await pcsFetch(`{"pad":"${'x'.repeat(1024 * 1024 + 10)}"}`));
    expect(result).toMatchObject({ status: 413, contentType: PCS_JSON, errorType: 'ValidationException' });
    await expectStillServing();
  });

  it('tolerates a base path and sends a correct Date header', async () => {
    const response = await pcsFetch(
      JSON.stringify({ ...SNAPSHOT_KEY, ClientToken: 'base-path' }),
      {},
      '/some/base/',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(PCS_JSON);
    const date = Date.parse(response.headers.get('date') ?? '');
    expect(Math.abs(date - Date.now())).toBeLessThan(5000);
    expect(await response.json()).toMatchObject({
      Arn: expect.stringMatching(/^arn:/),
      Revision: expect.any(Number),
    });
  });
});

describe('Marketplace Catalog over raw HTTP', () => {
  const cannotParse = {
    status: 422,
    contentType: 'application/json',
    errorType: 'ValidationException',
    body: {
      Message: expect.any(String),
      ValidationExceptionFieldList: [expect.objectContaining({ Reason: 'CannotParse' })],
    },
  };

  it.each([
    ['malformed JSON', '{"Catalog":'],
    ['non-object JSON', 'null'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])],
  ])('answers %s with 422 CannotParse', async (_what, body) => {
    expect(await seen(await mpcFetch('/StartChangeSet', { method: 'POST', body }))).toEqual(cannotParse);
    await expectStillServing();
  });

  it('treats an empty body as {} and reports the required members', async () => {
    const result = await seen(await mpcFetch('/StartChangeSet', { method: 'POST' }));
    expect(result).toMatchObject({ status: 422, errorType: 'ValidationException' });
    expect(result.body.ValidationExceptionFieldList).toEqual([
      expect.objectContaining({ Field: 'Catalog' }),
      expect.objectContaining({ Field: 'ChangeSet' }),
    ]);
  });

  it('answers a body over 1 MiB with a JSON 413', async () => {
    const body = `{"Catalog":"${'A'.repeat(1024 * 1024 + 10)}"}`;
    const result = await seen(await mpcFetch('/StartChangeSet', { method: 'POST', body }));
    expect(result).toMatchObject({
      status: 413,
      contentType: 'application/json',
      errorType: 'ValidationException',
    });
  });

  it.each([
    ['an unknown path', 'GET', '/ListEntities'],
    ['a known path with the wrong method', 'GET', '/StartChangeSet'],
    ['the root path', 'POST', '/'],
  ])('answers %s with a JSON 404 UnknownOperationException', async (_what, method, path) => {
    const result = await seen(await fetch(`${emu.url}${path}`, { method }));
    expect(result).toEqual({
      status: 404,
      contentType: 'application/json',
      errorType: 'UnknownOperationException',
      body: { Message: expect.any(String) },
    });
    await expectStillServing();
  });

  it('tolerates a base path', async () => {
    const result = await seen(
      await fetch(`${emu.url}/prefix/DescribeChangeSet?catalog=AWSMarketplace&changeSetId=abc`),
    );
    expect(result).toMatchObject({ status: 404, errorType: 'ResourceNotFoundException' });
  });
});

describe('HTTP robustness', () => {
  it('keeps connections alive between requests', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ reused: boolean; status: number | undefined }>((resolve, reject) => {
        const req = request(
          `${emu.url}/DescribeChangeSet?catalog=AWSMarketplace&changeSetId=abc`,
          { agent },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ reused: req.reusedSocket, status: res.statusCode }));
          },
        );
        req.on('error', reject);
        req.end();
      });
    expect(await get()).toEqual({ reused: false, status: 404 });
    expect(await get()).toEqual({ reused: true, status: 404 });
    agent.destroy();
  });

  it('answers garbage that is not HTTP with a JSON 400 and keeps serving', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(emu.port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk.toString();
      });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({ Message: expect.any(String) });
    await expectStillServing();
  });
});

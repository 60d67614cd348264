import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeSetInput } from '../support/operations.js';
import { rawRequest } from '../support/raw-http.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    env: { SERVER_HEADERS_TIMEOUT_MS: '300', SERVER_REQUEST_TIMEOUT_MS: '600' },
  });
});
afterAll(() => stack.close());

const post = (path: string, host: string, body: string) =>
  `POST ${path} HTTP/1.1\r\nHost: ${host}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;

const startBody = JSON.stringify(changeSetInput({ intent: 'VALIDATE' }));
const awsRequests = () => Object.values(stack.emulator.stats().requests).reduce((a, b) => a + b, 0);

function expectEnvelope(
  answer: { status: number; headers: Record<string, string>; body: string },
  graphql: boolean,
) {
  const json = JSON.parse(answer.body);
  const error = graphql ? { ...json.errors[0].extensions, message: json.errors[0].message } : json.error;
  expect(error).toMatchObject({ code: 'BAD_REQUEST', retryable: false, requestId: expect.any(String) });
  expect(error.requestId).toBe(answer.headers['x-request-id']);
}

describe('local server: the request line routes, never the Host header', () => {
  it('a Host header holding a path cannot reach another route', async () => {
    const before = awsRequests();
    for (const host of ['x/rest/change-sets?', 'x/rest/change-sets#', 'x?', 'user@x', 'x\\rest']) {
      const answer = await rawRequest(stack.url, post('/graphql', host, startBody));
      expect(answer.status, host).toBe(400);
      expectEnvelope(answer, true);
    }
    expect(awsRequests()).toBe(before);
  });

  it('a malformed Host (or none) gets 400 in the envelope with a request id', async () => {
    for (const host of ['a b', '[::1', '%zz', 'x:port', '']) {
      const answer = await rawRequest(
        stack.url,
        `GET /health HTTP/1.1\r\nHost: ${host}\r\nconnection: close\r\n\r\n`,
      );
      expect(answer.status, host).toBe(400);
      expectEnvelope(answer, false);
    }
    const none = await rawRequest(stack.url, 'GET /rest/openapi.json HTTP/1.1\r\nconnection: close\r\n\r\n');
    expect(none.status).toBe(400);
    expectEnvelope(none, false);
  });

  it('valid Hosts of every form answer by the path; an absolute-form target routes by its path', async () => {
    for (const host of ['localhost', '127.0.0.1:4000', '[::1]:4000', 'api.example.com']) {
      const answer = await rawRequest(
        stack.url,
        `GET /health HTTP/1.1\r\nHost: ${host}\r\nconnection: close\r\n\r\n`,
      );
      expect(answer.status, host).toBe(200);
    }
    const absolute = await rawRequest(
      stack.url,
      'GET http://elsewhere.example/health HTTP/1.1\r\nHost: localhost\r\nconnection: close\r\n\r\n',
    );
    expect(absolute.status).toBe(200);
    expect(JSON.parse(absolute.body)).toEqual({ status: 'ok' });
  });

  it('a malformed request line gets the envelope, not Node bare 400', async () => {
    const answer = await rawRequest(stack.url, 'GET /health HTTP/9\r\n\r\n');
    expect(answer.status).toBe(400);
    expectEnvelope(answer, false);
  });
});

describe('local server: timeouts for slow clients', () => {
  it('headers that never finish get 408 in the envelope within the headers timeout', async () => {
    const answer = await rawRequest(stack.url, 'GET /health HTTP/1.1\r\nHost: localhost\r\n');
    expect(answer.status).toBe(408);
    expectEnvelope(answer, false);
    expect(answer.elapsedMs).toBeLessThan(2_500);
  });

  it('a body that stalls is cut at the request timeout, and nothing reaches AWS', async () => {
    const before = awsRequests();
    const answer = await rawRequest(
      stack.url,
      `POST /rest/change-sets HTTP/1.1\r\nHost: localhost\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"changeSetName"`,
    );
    expect(answer.elapsedMs).toBeLessThan(2_500);
    expect(answer.status).toBe(408);
    expectEnvelope(answer, false);
    expect(awsRequests()).toBe(before);
  });
});

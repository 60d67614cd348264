import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyResult, LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { envelopeBody } from '../http/envelope-body.js';
import { isValidHost } from '../http/request-target.js';
import type { LambdaHandler } from './handler.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;
const stringMap = (v: unknown) =>
  absent(v) || (isObject(v) && Object.values(v).every((x) => typeof x === 'string'));
const listMap = (v: unknown) =>
  absent(v) ||
  (isObject(v) && Object.values(v).every((x) => Array.isArray(x) && x.every((y) => typeof y === 'string')));
const METHOD = /^[A-Z]+$/;
// API Gateway's base64 is the standard alphabet, padded, without line breaks.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const SAFE_ID = /^[\w.:-]{8,128}$/;

interface Shape {
  method: unknown;
  path: unknown;
  problem?: string;
}

function shapeOf(event: Json): Shape {
  const context = isObject(event.requestContext) ? event.requestContext : undefined;
  const path = event.version === '2.0' ? event.rawPath : event.path;
  if (!context) return { method: undefined, path, problem: 'it has no requestContext' };
  if (event.version === '2.0') {
    const http = isObject(context.http) ? context.http : {};
    const shape = { method: http.method, path: event.rawPath };
    if (!stringMap(event.headers)) return { ...shape, problem: 'a header value is not a string' };
    if (!stringMap(event.queryStringParameters))
      return { ...shape, problem: 'a query value is not a string' };
    if (!absent(event.rawQueryString) && typeof event.rawQueryString !== 'string') {
      return { ...shape, problem: 'rawQueryString is not a string' };
    }
    if (
      !absent(event.cookies) &&
      !(Array.isArray(event.cookies) && event.cookies.every((c) => typeof c === 'string'))
    ) {
      return { ...shape, problem: 'cookies is not a list of strings' };
    }
    return shape;
  }
  const shape = { method: event.httpMethod, path: event.path };
  if (!stringMap(event.headers) || !listMap(event.multiValueHeaders)) {
    return { ...shape, problem: 'a header value is not a string' };
  }
  if (!stringMap(event.queryStringParameters) || !listMap(event.multiValueQueryStringParameters)) {
    return { ...shape, problem: 'a query value is not a string' };
  }
  return shape;
}

/** Why the event is not a request the app can read, or undefined when it is one. */
export function malformedEventProblem(event: unknown): { problem: string; path: string } | undefined {
  if (!isObject(event)) return { problem: 'The event is not an API Gateway proxy event.', path: '/' };
  const shape = shapeOf(event);
  const path = typeof shape.path === 'string' && shape.path.startsWith('/') ? shape.path : undefined;
  const refuse = (problem: string) => ({ problem: `Malformed request: ${problem}.`, path: path ?? '/' });
  if (shape.problem) return refuse(shape.problem);
  if (typeof shape.method !== 'string' || !METHOD.test(shape.method)) return refuse('no valid HTTP method');
  if (!path) return refuse('no valid path');
  // hono's adapter builds the URL from the domain name (or Host): it must not be able to move the path.
  const context = event.requestContext as Json;
  const headers = isObject(event.headers) ? event.headers : {};
  const domain = 'domainName' in context ? context.domainName : (headers.host ?? headers.Host);
  if (domain !== undefined && (typeof domain !== 'string' || !isValidHost(domain))) {
    return refuse('the domain name or Host is not a valid host');
  }
  const { body, isBase64Encoded } = event;
  if (!absent(body) && typeof body !== 'string') return refuse('the body is not a string');
  if (!absent(isBase64Encoded) && typeof isBase64Encoded !== 'boolean')
    return refuse('isBase64Encoded is not a boolean');
  if (isBase64Encoded === true && typeof body === 'string' && !BASE64.test(body)) {
    return refuse('the body is not valid base64');
  }
  if ((shape.method === 'GET' || shape.method === 'HEAD') && typeof body === 'string' && body !== '') {
    return refuse(`a ${shape.method} request carries no body`);
  }
  return undefined;
}

function requestIdOf(event: unknown): string {
  const id = isObject(event) && isObject(event.requestContext) ? event.requestContext.requestId : undefined;
  return typeof id === 'string' && SAFE_ID.test(id) ? id : randomUUID();
}

function answer(
  path: string,
  status: number,
  code: 'BAD_REQUEST' | 'INTERNAL_SERVER_ERROR',
  message: string,
  requestId: string,
): APIGatewayProxyResult {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId },
    body: envelopeBody(path, { code, message, retryable: false, requestId }),
    isBase64Encoded: false,
  };
}

/**
 * In front of the Lambda handler: an event that is not a well-formed API Gateway request (a GET
 * with a body, invalid base64, a header value that is not a string, no method or path) gets 400
 * BAD_REQUEST in the envelope, with a request id, instead of the adapter's plain text or a throw;
 * anything that still throws is a masked 500 in the envelope, logged.
 */
export function guardEvents(handler: LambdaHandler, logger: Logger): LambdaHandler {
  return async (event: LambdaEvent, context: LambdaContext) => {
    const malformed = malformedEventProblem(event);
    if (malformed) {
      const requestId = requestIdOf(event);
      logger.warn('Malformed API Gateway event refused', { requestId, reason: malformed.problem });
      return answer(malformed.path, 400, 'BAD_REQUEST', malformed.problem, requestId);
    }
    try {
      return await handler(event, context);
    } catch (error) {
      const requestId = requestIdOf(event);
      logger.error('Unexpected error in the Lambda handler', { requestId, error: error as Error });
      const path =
        (event as { rawPath?: string; path?: string }).rawPath ?? (event as { path?: string }).path ?? '/';
      return answer(path, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.', requestId);
    }
  };
}

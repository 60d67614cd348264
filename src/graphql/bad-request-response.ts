import type { FetchAPI } from 'graphql-yoga';
import { graphqlErrorBody } from '../errors/error-envelope.js';

/**
 * A request yoga's own plugins refuse before anything runs (onRequest), answered as a BAD_REQUEST
 * in the GraphQL envelope by the one envelope writer.
 */
export function badRequestResponse(
  fetchAPI: FetchAPI,
  status: number,
  message: string,
  serverContext: unknown,
): Response {
  const requestId = (serverContext as { requestId?: string }).requestId as string;
  const body = graphqlErrorBody({ code: 'BAD_REQUEST', message, retryable: false }, requestId);
  return new fetchAPI.Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

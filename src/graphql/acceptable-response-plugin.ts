import type { Plugin } from 'graphql-yoga';
import { badRequestResponse } from './bad-request-response.js';

// What yoga can answer a single result with (regular, SSE, multipart processors).
const ANSWERABLE = new Set([
  'application/graphql-response+json',
  'application/json',
  'application/*',
  '*/*',
  'text/event-stream',
  'multipart/mixed',
]);

/**
 * yoga negotiates the response type only after executing: a mutation sent with an Accept it cannot
 * satisfy would run against AWS and then answer an empty 406. Refuse such a request before
 * anything runs, with the error envelope. (A browser's GET for text/html is GraphiQL's, where it is on.)
 */
export function useAcceptableResponse(options: { graphiql: boolean }): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI, serverContext }) {
      const accept = request.headers.get('accept');
      if (!accept) return;
      if (options.graphiql && request.method === 'GET' && accept.includes('text/html')) return;
      const ranges = accept.split(',').map((r) => r.split(';')[0]?.trim().toLowerCase() ?? '');
      if (ranges.some((r) => ANSWERABLE.has(r))) return;
      endResponse(
        badRequestResponse(
          fetchAPI,
          406,
          'Not acceptable: accept application/graphql-response+json or application/json.',
          serverContext,
        ),
      );
    },
  };
}

import type { Plugin } from 'graphql-yoga';

const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);

function jsonObjectOrAbsent(value: string | null): boolean {
  if (value === null || value === '') return true;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed === null || isObject(parsed);
  } catch {
    return false;
  }
}

/**
 * yoga parses a GET's `variables` and `extensions` with JSON.parse and lets its SyntaxError reach
 * the error masking: `?variables={` was a masked INTERNAL_SERVER_ERROR. It is the client's
 * malformed request: 400 BAD_REQUEST in the envelope, before anything runs.
 */
export function useGetParamsCheck(): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (request.method !== 'GET') return;
      const bad = ['variables', 'extensions'].find((name) => !jsonObjectOrAbsent(url.searchParams.get(name)));
      if (!bad) return;
      const error = {
        message: `The "${bad}" parameter must be a JSON object.`,
        extensions: {
          code: 'BAD_REQUEST',
          retryable: false,
          requestId: (serverContext as { requestId?: string }).requestId,
        },
      };
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [error] }), {
          status: 400,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        }),
      );
    },
  };
}

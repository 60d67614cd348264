import type { Plugin } from 'graphql-yoga';
import { badRequestResponse } from './bad-request-response.js';

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
      endResponse(
        badRequestResponse(fetchAPI, 400, `The "${bad}" parameter must be a JSON object.`, serverContext),
      );
    },
  };
}

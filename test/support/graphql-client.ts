/** A minimal GraphQL-over-HTTP client, so tests see exactly what a client on the wire sees. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: Array<{
      message: string;
      path?: Array<string | number>;
      extensions?: {
        code?: string;
        retryable?: boolean;
        requestId?: string;
        aws?: {
          service: string;
          operation: string;
          errorName: string | null;
          httpStatusCode: number;
          requestId: string | null;
        };
        fieldErrors?: Array<{ path: string | null; message: string; code: string; awsField?: string }>;
        [key: string]: unknown;
      };
    }>;
  };
}

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response shapes.
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) };
}

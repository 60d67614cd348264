import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { ErrorExtensions } from '../../schema/error-extensions.js';
import { CHANGE_SET, CHANGE_SETS, ENTITY } from './operations.js';

/** A GraphQL error of this API, with its published extensions type. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly extensions: ErrorExtensions,
  ) {
    super(message);
  }
}

/** A minimal typed client: the variables and the result are typed by the document. */
export async function request<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await res.json()) as {
    data?: Result;
    errors?: Array<{ message: string; extensions: ErrorExtensions }>;
  };
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions);
  return body.data as Result;
}

/** What the example does: list the seeded change sets, read one, read the entity it changed. */
export async function tour(url: string) {
  const page = await request(url, CHANGE_SETS, { input: { status: ['SUCCEEDED'], maxResults: 5 } });
  const first = page.changeSets?.items[0];
  if (!first) throw new Error('no change set');
  const changeSet = await request(url, CHANGE_SET, { changeSetId: first.changeSetId });
  const entityId = first.entityIdList[0] ?? '';
  const entity = await request(url, ENTITY, { input: { entityId } });
  // Typed: status is ChangeSetStatus (today's values; one AWS adds later arrives as it is),
  // startTime an RFC 3339 string, detailsDocument unknown JSON.
  const started: string = first.startTime;
  return { status: changeSet.changeSet?.status, started, entityType: entity.entity?.entityType };
}

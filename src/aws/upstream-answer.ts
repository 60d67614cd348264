import { FacadeError } from '../errors/facade-error.js';
import type { CallSite } from './translate-error.js';

/**
 * AWS's answers are checked before they are reported as success. The SDK deserializes whatever
 * JSON arrives without checking types (`{"Arn":5}` reached clients) and leaves missing members
 * undefined (`200 {}` became `arn: ""`, `revision: 0`). A member the facade reports as non-null
 * (or botocore's model marks required) must be present and non-empty; every member present must
 * have its model's type. Anything else is UPSTREAM_ERROR with AWS's request id.
 */
export type MemberType =
  | 'string'
  | 'integer'
  /** An integer >= 1 (snapshot revisions). */
  | 'revision'
  | 'timestamp'
  /** A JSON object (a document or union member the facade passes on as JSON). */
  | 'object'
  /** Any JSON value (a Smithy document). */
  | 'document'
  | { list: MemberType }
  | { structure: AnswerShape };

export type AnswerShape = Record<string, { type: MemberType; required?: boolean }>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function typeProblem(type: MemberType, value: unknown, path: string, problems: string[]): void {
  if (typeof type === 'object') {
    if ('list' in type) {
      if (!Array.isArray(value)) problems.push(`${path} is not a list`);
      else for (const [i, item] of value.entries()) typeProblem(type.list, item, `${path}[${i}]`, problems);
    } else if (!isObject(value)) problems.push(`${path} is not a structure`);
    else shapeProblems(type.structure, value, `${path}.`, problems);
    return;
  }
  const ok =
    type === 'string'
      ? typeof value === 'string'
      : type === 'integer'
        ? Number.isSafeInteger(value)
        : type === 'revision'
          ? Number.isSafeInteger(value) && (value as number) >= 1
          : type === 'timestamp'
            ? value instanceof Date && !Number.isNaN(value.getTime())
            : type === 'object'
              ? isObject(value)
              : true;
  if (!ok) problems.push(`${path} is not ${type === 'revision' ? 'an integer >= 1' : `a valid ${type}`}`);
}

function shapeProblems(
  shape: AnswerShape,
  value: Record<string, unknown>,
  prefix: string,
  problems: string[],
) {
  for (const [name, member] of Object.entries(shape)) {
    const v = value[name];
    if (v === undefined || v === null) {
      if (member.required) problems.push(`${prefix}${name} is missing`);
    } else if (member.required && v === '') problems.push(`${prefix}${name} is empty`);
    else typeProblem(member.type, v, `${prefix}${name}`, problems);
  }
}

interface Answer {
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/** The answer itself when it fits `shape`; else UPSTREAM_ERROR naming the members (never their values). */
export function checkAnswer<Out extends Answer>(site: CallSite, shape: AnswerShape, out: Out): Out {
  const problems: string[] = [];
  if (!isObject(out)) problems.push('the answer is not a structure');
  else shapeProblems(shape, out as Record<string, unknown>, '', problems);
  if (problems.length === 0) return out;
  const shown =
    problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
  throw new FacadeError(
    'UPSTREAM_ERROR',
    `AWS answered ${site.operation} with an invalid response: ${shown}.`,
    {
      // What AWS did is unknown; a retry with the same idempotency token is safe, but may not help.
      retryable: false,
      aws: {
        service: site.service,
        operation: site.operation,
        errorName: null,
        httpStatusCode: out?.$metadata?.httpStatusCode ?? 200,
        requestId: out?.$metadata?.requestId ?? null,
      },
    },
  );
}

const string = { type: 'string' } as const;
const requiredString = { type: 'string', required: true } as const;

/** Per the botocore models (/work/shared/aws-models) and the facade's non-null output fields. */
export const ANSWERS = {
  CreateResourceSnapshot: {
    Arn: requiredString,
    Revision: { type: 'revision', required: true },
  },
  GetResourceSnapshot: {
    Catalog: requiredString,
    Arn: requiredString,
    Revision: { type: 'revision', required: true },
    CreatedBy: string,
    CreatedAt: { type: 'timestamp' },
    EngagementId: string,
    ResourceType: string,
    ResourceId: string,
    ResourceSnapshotTemplateName: string,
    Payload: { type: 'object' },
  },
  StartChangeSet: {
    ChangeSetId: requiredString,
    ChangeSetArn: requiredString,
  },
  DescribeChangeSet: {
    ChangeSetId: requiredString,
    ChangeSetArn: string,
    ChangeSetName: string,
    Intent: string,
    StartTime: string,
    EndTime: string,
    Status: string,
    FailureCode: string,
    FailureDescription: string,
    ChangeSet: {
      type: {
        list: {
          structure: {
            ChangeType: string,
            ChangeName: string,
            Entity: { type: { structure: { Type: string, Identifier: string } } },
            Details: string,
            DetailsDocument: { type: 'document' },
            ErrorDetailList: {
              type: { list: { structure: { ErrorCode: string, ErrorMessage: string } } },
            },
          },
        },
      },
    },
  },
} satisfies Record<string, AnswerShape>;

import type { CallSite } from '../aws/translate-error.js';
import { FacadeError } from '../errors/facade-error.js';
import { isRfc3339 } from '../validation/rfc3339.js';

/**
 * AWS's answers are checked before they are reported as success. The SDK deserializes whatever
 * JSON arrives without checking types (`{"Arn":5}` reached clients) and leaves missing members
 * undefined (`200 {}` became `arn: ""`, `revision: 0`). A member the facade reports as non-null
 * (or botocore's model marks required) must be present and non-empty; every member present must
 * have its model's type. Anything else is UPSTREAM_ERROR with AWS's request id, naming the members
 * (never their values). Operations check a whole answer against a shape (`checkAnswer`) or one
 * member at a time (`requiredString`, ...); both say it the same way.
 */
export type MemberType =
  | 'string'
  | 'integer'
  /** An integer >= 1 (snapshot revisions). */
  | 'revision'
  | 'timestamp'
  /** An RFC 3339 time sent as text (Marketplace's times), kept as AWS wrote it. */
  | 'time'
  /** A JSON object (a document or union member the facade passes on as JSON). */
  | 'object'
  /** Any JSON value (a Smithy document). */
  | 'document'
  | { list: MemberType }
  | { structure: AnswerShape };

export type AnswerShape = Record<string, { type: MemberType; required?: boolean }>;

interface Answer {
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The UPSTREAM_ERROR for an answer with these problems (each names a member, never its value). */
export function invalidAnswer(site: CallSite, answer: Answer | undefined, problems: string[]): FacadeError {
  const shown =
    problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
  return new FacadeError(
    'UPSTREAM_ERROR',
    `AWS answered ${site.operation} with an invalid response: ${shown}.`,
    {
      // A 2xx answer: what AWS did is unknown; a retry with the same idempotency token is safe, but may not help.
      retryable: false,
      aws: {
        service: site.service,
        operation: site.operation,
        errorName: null,
        httpStatusCode: answer?.$metadata?.httpStatusCode ?? 200,
        requestId: answer?.$metadata?.requestId ?? null,
      },
    },
  );
}

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
            : type === 'time'
              ? typeof value === 'string' && isRfc3339(value)
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

/** The answer itself when it fits `shape`; else UPSTREAM_ERROR naming the members. */
export function checkAnswer<Out extends Answer>(site: CallSite, shape: AnswerShape, out: Out): Out {
  const problems: string[] = [];
  if (!isObject(out)) problems.push('the answer is not a structure');
  else shapeProblems(shape, out as Record<string, unknown>, '', problems);
  if (problems.length === 0) return out;
  throw invalidAnswer(site, out, problems);
}

/** One member of `answer` that does not fit: UPSTREAM_ERROR naming it. */
export function malformedAnswer(site: CallSite, answer: Answer, member: string): FacadeError {
  return invalidAnswer(site, answer, [`${member} is not valid`]);
}

/** The member as a non-empty string, or the UPSTREAM_ERROR that says it is not. */
export function requiredString(site: CallSite, answer: Answer, member: string, value: unknown): string {
  if (typeof value === 'string' && value.length > 0) return value;
  const problem =
    value === undefined || value === null
      ? 'is missing'
      : value === ''
        ? 'is empty'
        : 'is not a valid string';
  throw invalidAnswer(site, answer, [`${member} ${problem}`]);
}

/** An optional member: a string or absent; anything else is AWS's failure. */
export function optionalString(
  site: CallSite,
  answer: Answer,
  member: string,
  value: unknown,
): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  throw invalidAnswer(site, answer, [`${member} is not a valid string`]);
}

/** AWS's ISO 8601 time as AWS wrote it (its precision kept), or absent; unparseable is AWS's failure. */
export function optionalTime(site: CallSite, answer: Answer, member: string, value: unknown): string | null {
  const text = optionalString(site, answer, member, value);
  if (text === null) return null;
  if (!isRfc3339(text)) throw invalidAnswer(site, answer, [`${member} is not a valid time`]);
  return text;
}

/** A time the public shape requires, as AWS wrote it. */
export function requiredTime(site: CallSite, answer: Answer, member: string, value: unknown): string {
  const time = optionalTime(site, answer, member, value);
  if (time === null) throw invalidAnswer(site, answer, [`${member} is missing`]);
  return time;
}

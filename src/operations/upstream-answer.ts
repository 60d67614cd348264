import type { CallSite } from '../aws/translate-error.js';
import { FacadeError } from '../errors/facade-error.js';
import { isRfc3339 } from '../validation/rfc3339.js';

interface AnswerMetadata {
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/**
 * An AWS answer that lacks a member the public shape requires (or has it with the wrong type) is
 * AWS's failure, not the client's: UPSTREAM_ERROR, retryable as its status says (a 2xx: no).
 */
export function malformedAnswer(site: CallSite, answer: AnswerMetadata, member: string): FacadeError {
  const status = answer.$metadata?.httpStatusCode ?? 200;
  return new FacadeError(
    'UPSTREAM_ERROR',
    `AWS answered without a valid ${member}; the facade cannot use that answer.`,
    {
      retryable: status === 429 || status >= 500,
      aws: {
        service: site.service,
        operation: site.operation,
        errorName: null,
        httpStatusCode: status,
        requestId: answer.$metadata?.requestId ?? null,
      },
    },
  );
}

/** The member as a non-empty string, or the UPSTREAM_ERROR that says it is not. */
export function requiredString(
  site: CallSite,
  answer: AnswerMetadata,
  member: string,
  value: unknown,
): string {
  if (typeof value === 'string' && value.length > 0) return value;
  throw malformedAnswer(site, answer, member);
}

/** An optional member: a string or absent; anything else is AWS's failure. */
export function optionalString(
  site: CallSite,
  answer: AnswerMetadata,
  member: string,
  value: unknown,
): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  throw malformedAnswer(site, answer, member);
}

/** AWS's ISO 8601 time as AWS wrote it (its precision kept), or absent; unparseable is AWS's failure. */
export function optionalTime(
  site: CallSite,
  answer: AnswerMetadata,
  member: string,
  value: unknown,
): string | null {
  const text = optionalString(site, answer, member, value);
  if (text === null) return null;
  if (!isRfc3339(text)) throw malformedAnswer(site, answer, member);
  return text;
}

/** A member the public shape requires, when the answer's metadata is no longer at hand. */
export function requiredMember<T>(site: CallSite, value: T | undefined | null, member: string): T {
  if (value === undefined || value === null || value === '') throw malformedAnswer(site, {}, member);
  return value;
}

/** A time the public shape requires, as AWS wrote it. */
export function requiredTime(site: CallSite, answer: AnswerMetadata, member: string, value: unknown): string {
  const time = optionalTime(site, answer, member, value);
  if (time === null) throw malformedAnswer(site, answer, member);
  return time;
}

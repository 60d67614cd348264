import type { z } from 'zod';
import type { FieldError, FieldErrorCode } from '../errors/error-codes.js';

/** `['input', 'changeSet', 1, 'entity']` -> `input.changeSet[1].entity` (contract §3). */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

/** Maps a zod issue onto the same codes AWS uses in its ValidationException details. */
function codeOf(issue: z.core.$ZodIssue): FieldErrorCode | string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'REQUIRED_FIELD_MISSING' : 'INVALID_VALUE';
    case 'invalid_value':
      return 'INVALID_ENUM_VALUE';
    case 'invalid_format':
      return 'INVALID_STRING_FORMAT';
    case 'too_small':
      if (issue.origin === 'array') return 'NOT_ENOUGH_VALUES';
      return issue.origin === 'string' ? 'INVALID_STRING_FORMAT' : 'VALUE_OUT_OF_RANGE';
    case 'too_big':
      if (issue.origin === 'array') return 'TOO_MANY_VALUES';
      return issue.origin === 'string' ? 'INVALID_STRING_FORMAT' : 'VALUE_OUT_OF_RANGE';
    case 'custom':
      return (issue.params?.code as string | undefined) ?? 'INVALID_VALUE';
    default:
      return 'INVALID_VALUE';
  }
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) {
    return 'is required';
  }
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  return issue.message;
}

/** One entry per failing field (the first rule it broke), in input order. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): FieldError[] {
  const byPath = new Map<string, FieldError>();
  for (const issue of issues) {
    const path = formatPath([...prefix, ...issue.path]);
    if (!byPath.has(path)) byPath.set(path, { path, message: messageOf(issue), code: codeOf(issue) });
  }
  return [...byPath.values()];
}

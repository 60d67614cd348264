import type { FieldError } from '../errors/error-codes.js';

/**
 * graphql-js reports a variable that does not fit its type (a missing required field, an unknown
 * enum value) only as text. Read the path and the kind back out of it, so such input errors look
 * like every other BAD_USER_INPUT: `Variable "$input" got invalid value ... at "input.catalog"; ...`.
 */
export function variableFieldError(message: string): FieldError | undefined {
  const head = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(message);
  if (!head) return undefined;
  const [, variable, at, reason = ''] = head;
  let path = at ?? variable ?? null;
  const missing = /^Field "(\w+)" of required type "[^"]+" was not provided\.$/.exec(reason);
  if (missing) path = `${path}.${missing[1]}`;
  const code = missing
    ? 'REQUIRED_FIELD_MISSING'
    : /does not exist in ".*" enum/.test(reason)
      ? 'INVALID_ENUM_VALUE'
      : 'INVALID_VALUE';
  return { path, message: reason.slice(0, 300), code };
}

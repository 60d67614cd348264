import { ServiceError } from '../wire.js';

/** Request validation for the two snapshot operations (aws-reference §1.2, §1.5, §5.1). */

export type ErrorCode =
  | 'REQUIRED_FIELD_MISSING'
  | 'INVALID_ENUM_VALUE'
  | 'INVALID_STRING_FORMAT'
  | 'INVALID_VALUE'
  | 'VALUE_OUT_OF_RANGE';

export interface FieldError {
  FieldName: string;
  Message: string;
  Code: ErrorCode;
}

export interface SnapshotKey {
  Catalog: string;
  EngagementIdentifier: string;
  ResourceType: string;
  ResourceIdentifier: string;
  ResourceSnapshotTemplateIdentifier: string;
}

export interface CreateSnapshotInput extends SnapshotKey {
  ClientToken: string;
}

export interface GetSnapshotInput extends SnapshotKey {
  Revision: number | undefined;
}

interface StringRule {
  pattern?: RegExp;
  values?: string[];
}

const KEY_RULES: Record<keyof SnapshotKey, StringRule> = {
  Catalog: { pattern: /^[a-zA-Z]+$/, values: ['AWS', 'Sandbox'] },
  EngagementIdentifier: { pattern: /^eng-[0-9a-z]{14}$/ },
  ResourceType: { values: ['Opportunity'] },
  ResourceIdentifier: { pattern: /^O[0-9]{1,19}$/ },
  ResourceSnapshotTemplateIdentifier: { pattern: /^[a-zA-Z0-9]{3,80}$/ },
};
const TOKEN_RULE: StringRule = { pattern: /^.{1,255}$/u };
const MAX_REVISION = 2 ** 31 - 1;

/** The first failing check of one member, or undefined when it is fine. */
function checkString(name: string, value: unknown, rule: StringRule): FieldError | undefined {
  if (value === undefined || value === null) {
    return { FieldName: name, Code: 'REQUIRED_FIELD_MISSING', Message: `${name} is required` };
  }
  if (typeof value !== 'string') {
    return { FieldName: name, Code: 'INVALID_VALUE', Message: `${name} must be a string` };
  }
  if (rule.pattern !== undefined && !rule.pattern.test(value)) {
    return {
      FieldName: name,
      Code: 'INVALID_STRING_FORMAT',
      Message: `${name} must match the pattern ${rule.pattern.source}`,
    };
  }
  if (rule.values !== undefined && !rule.values.includes(value)) {
    return {
      FieldName: name,
      Code: 'INVALID_ENUM_VALUE',
      Message: `${name} must be one of ${rule.values.join(', ')}`,
    };
  }
  return undefined;
}

function checkRevision(value: unknown): FieldError | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return { FieldName: 'Revision', Code: 'INVALID_VALUE', Message: 'Revision must be an integer' };
  }
  if (value < 1 || value > MAX_REVISION) {
    return {
      FieldName: 'Revision',
      Code: 'VALUE_OUT_OF_RANGE',
      Message: `Revision must be between 1 and ${MAX_REVISION}`,
    };
  }
  return undefined;
}

export function validationError(
  reason: 'REQUEST_VALIDATION_FAILED' | 'BUSINESS_VALIDATION_FAILED',
  errors: FieldError[],
): ServiceError {
  const count = `${errors.length} validation error${errors.length === 1 ? '' : 's'} detected`;
  const message = `${count}: ${errors.map((e) => e.Message).join('; ')}`;
  return new ServiceError('ValidationException', 400, message, { Reason: reason, ErrorList: errors });
}

function collect(errors: (FieldError | undefined)[]): void {
  const failing = errors.filter((e): e is FieldError => e !== undefined);
  if (failing.length > 0) throw validationError('REQUEST_VALIDATION_FAILED', failing);
}

const keyErrors = (body: Record<string, unknown>): (FieldError | undefined)[] =>
  Object.entries(KEY_RULES).map(([name, rule]) => checkString(name, body[name], rule));

const keyOf = (body: Record<string, unknown>): SnapshotKey => ({
  Catalog: body.Catalog as string,
  EngagementIdentifier: body.EngagementIdentifier as string,
  ResourceType: body.ResourceType as string,
  ResourceIdentifier: body.ResourceIdentifier as string,
  ResourceSnapshotTemplateIdentifier: body.ResourceSnapshotTemplateIdentifier as string,
});

/** Throws a ValidationException listing every failing member; unknown members are ignored. */
export function validateCreateSnapshot(body: Record<string, unknown>): CreateSnapshotInput {
  collect([...keyErrors(body), checkString('ClientToken', body.ClientToken, TOKEN_RULE)]);
  return { ...keyOf(body), ClientToken: body.ClientToken as string };
}

export function validateGetSnapshot(body: Record<string, unknown>): GetSnapshotInput {
  collect([...keyErrors(body), checkRevision(body.Revision)]);
  return { ...keyOf(body), Revision: (body.Revision ?? undefined) as number | undefined };
}

import { ServiceError } from '../wire.js';

/** Collects every failing field of a Marketplace Catalog request into one 422 ValidationException. */

export interface ChangeContext {
  EntityType?: string;
  EntityId?: string;
  ChangeType?: string;
}

export interface FieldProblem extends ChangeContext {
  Reason: 'FieldValidationFailed' | 'CannotParse' | 'Other';
  Field: string;
  Message: string;
}

export interface StringRule {
  min: number;
  max: number;
  /** The value must match at least one. */
  patterns?: RegExp[];
}

const MAX_MESSAGE = 2048;

export class FieldProblems {
  readonly list: FieldProblem[] = [];

  add(field: string, message: string, context: ChangeContext = {}): void {
    this.list.push({ Reason: 'FieldValidationFailed', Field: field, Message: message, ...context });
  }

  /** Checks one string member; true when it is present and valid. */
  string(
    field: string,
    value: unknown,
    rule: StringRule,
    required: boolean,
    context?: ChangeContext,
  ): boolean {
    if (value === undefined || value === null) {
      if (required) this.add(field, `${field} is required`, context);
      return false;
    }
    if (typeof value !== 'string') {
      this.add(field, `${field} must be a string`, context);
      return false;
    }
    const length = [...value].length;
    if (length < rule.min || length > rule.max) {
      this.add(field, `${field} must be between ${rule.min} and ${rule.max} characters long`, context);
      return false;
    }
    if (rule.patterns !== undefined && !rule.patterns.some((p) => p.test(value))) {
      this.add(field, `${field} must match ${rule.patterns.map((p) => p.source).join(' or ')}`, context);
      return false;
    }
    return true;
  }

  /** Checks a list member's presence, type and size; true when it is an array within bounds. */
  array(field: string, value: unknown, min: number, max: number, required: boolean): value is unknown[] {
    if (value === undefined || value === null) {
      if (required) this.add(field, `${field} is required`);
      return false;
    }
    if (!Array.isArray(value)) {
      this.add(field, `${field} must be a list`);
      return false;
    }
    if (value.length < min || value.length > max) {
      this.add(field, `${field} must have between ${min} and ${max} items`);
    }
    return true;
  }

  throwIfAny(): void {
    if (this.list.length === 0) return;
    throw fieldValidationError(this.list);
  }
}

export function fieldValidationError(problems: FieldProblem[]): ServiceError {
  const count = `${problems.length} validation error${problems.length === 1 ? '' : 's'} detected`;
  let message = `${count}: ${problems.map((p) => p.Message).join('; ')}`;
  if (message.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE - 3)}...`;
  return new ServiceError('ValidationException', 422, message, { ValidationExceptionFieldList: problems });
}

/** A 422 about the request as a whole rather than one of its fields. */
export function otherValidationError(field: string, message: string): ServiceError {
  return new ServiceError('ValidationException', 422, message, {
    ValidationExceptionFieldList: [{ Reason: 'Other', Field: field, Message: message }],
  });
}

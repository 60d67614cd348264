import * as z from 'zod';

/**
 * The AWS model constraints (aws-reference §1.2, §2.3), written once and shared by GraphQL and
 * REST. Where the published model regex is known to be wrong (§4) we follow what the service accepts.
 */

export function patterned(pattern: RegExp, min: number, max: number) {
  return (
    z
      .string({ error: 'must be a string' })
      .min(min, { error: `must be at least ${min} character${min === 1 ? '' : 's'}` })
      .max(max, { error: `must be at most ${max} characters` })
      .regex(pattern, { error: `must match ${pattern.source}` })
      // JSON Schema counts lengths in code points too, so the document states the same bounds.
      .meta({ minLength: min, maxLength: max })
  );
}

export const ENGAGEMENT_ID = /^eng-[0-9a-z]{14}$/;
export const OPPORTUNITY_ID = /^O[0-9]{1,19}$/;
export const TEMPLATE_NAME = /^[a-zA-Z0-9]{3,80}$/;
// `.{1,255}` as AWS counts it, in code points (a character outside the BMP is one): any
// characters but line terminators.
export const CLIENT_TOKEN = /^.{1,255}$/u;

/** A string bounded in code points (as AWS's `u`-flag patterns count), not UTF-16 units as zod does. */
export function codePointPatterned(pattern: RegExp, min: number, max: number) {
  return (
    z
      .string({ error: 'must be a string' })
      .refine((v) => [...v].length >= min, {
        error: `must be at least ${min} character${min === 1 ? '' : 's'}`,
        params: { code: 'INVALID_STRING_FORMAT' },
        abort: true,
      })
      .refine((v) => [...v].length <= max, {
        error: `must be at most ${max} characters`,
        params: { code: 'INVALID_STRING_FORMAT' },
        abort: true,
      })
      .regex(pattern, { error: `must match ${pattern.source}` })
      // JSON Schema counts lengths in code points too, so the document states the same bounds.
      .meta({ minLength: min, maxLength: max })
  );
}

export const MPC_CATALOG = /^[a-zA-Z]+$/;
export const CHANGE_TYPE = /^[A-Z]\w*$/;
export const ENTITY_TYPE = /^[a-zA-Z]+(@\d+\.\d+)?$/;
export const ENTITY_ID = /^[\w\-@]+$/;
export const CHANGE_REFERENCE = /^\$([a-zA-Z]+)\.Entity\.Identifier$/;
export const ENTITY_ID_OR_REFERENCE = /^([\w\-@]+|\$[a-zA-Z]+\.Entity\.Identifier)$/;
export const CHANGE_NAME = /^[a-zA-Z]+$/;
export const CHANGE_SET_NAME = /^[\w\s+=.:@-]+$/;
export const CLIENT_REQUEST_TOKEN = /^[!-~]+$/;
export const TAG_TEXT = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;
export const CHANGE_SET_ID = /^[\w-]+$/;

/** Facade limit, not AWS's: bounds the work of walking a client's JSON document. */
export const MAX_DOCUMENT_DEPTH = 32;

// ListChangeSets: a filter value (`FilterValueContent`) and the paging token (`NextToken`).
export const FILTER_VALUE = /^(.)+$/u;
export const NEXT_TOKEN = /^[\w+=.:@\-/]+$/;

/** An optional input field: absent, null or a valid value; null reads as absent (GraphQL sends either). */
export const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

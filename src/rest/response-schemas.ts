import * as z from 'zod';
import { ERROR_HTTP_STATUS, type ErrorCode } from '../errors/error-codes.js';
import {
  CHANGE_SET_FAILURE_CODES,
  CHANGE_SET_INTENTS,
  CHANGE_SET_STATUSES,
} from '../validation/change-set-input.js';
import { PARTNER_CENTRAL_CATALOGS, RESOURCE_TYPES } from '../validation/resource-snapshot-input.js';

/**
 * What the REST routes answer, as zod schemas so the OpenAPI document is generated from them.
 * Field names are those of the GraphQL types, and absent optional fields are null, as in GraphQL
 * (test/rest/openapi.test.ts compares both). They are named as components in openapi-document.ts
 * rather than with `.meta({ id })`, which would register ids in zod's global registry at import.
 */

export { CHANGE_SET_FAILURE_CODES, CHANGE_SET_STATUSES } from '../validation/change-set-input.js';

const json = z.unknown().meta({ description: 'Any JSON value, or null.' });
// ISO 8601 in UTC as GraphQL's DateTime gives it; z.iso.datetime() would add a long regex to the document.
const timestamp = z.string().meta({ format: 'date-time' }).nullable();

export const createResourceSnapshotPayload = z.object({
  arn: z.string(),
  revision: z.int().meta({ description: 'Starts at 1 and counts up per resource and template.' }),
  clientToken: z.string().meta({ description: 'The idempotency token used, given or generated.' }),
});

export const resourceSnapshot = z.object({
  id: z.string().meta({ description: 'Cache key, unique per snapshot revision; opaque.' }),
  arn: z.string(),
  revision: z.int(),
  catalog: z.enum(PARTNER_CENTRAL_CATALOGS).nullable(),
  engagementIdentifier: z.string().nullable(),
  resourceType: z.enum(RESOURCE_TYPES).nullable(),
  resourceIdentifier: z.string().nullable(),
  resourceSnapshotTemplateIdentifier: z.string().nullable(),
  createdAt: timestamp,
  createdBy: z.string().nullable(),
  targetMemberAccounts: z.array(z.string()).meta({
    description: "The engagement's member accounts when the snapshot was taken; empty when none.",
  }),
  payload: json.meta({
    description: 'The snapshot as AWS returns it, e.g. { "OpportunitySummary": { ... } }.',
  }),
});

export const startChangeSetPayload = z.object({
  changeSetId: z.string(),
  changeSetArn: z.string(),
  clientRequestToken: z.string().meta({ description: 'The idempotency token used, given or generated.' }),
});

export const entity = z.object({ type: z.string().nullable(), identifier: z.string().nullable() });
export const changeError = z.object({ code: z.string().nullable(), message: z.string().nullable() });

export const changeSummary = z.object({
  changeType: z.string().nullable(),
  changeName: z.string().nullable(),
  entity: entity.nullable(),
  details: z.string().nullable(),
  detailsDocument: json,
  errors: z.array(changeError),
});

// AWS's enums as open strings, as in GraphQL (src/schema/open-enum.ts).
const openEnum = (values: readonly string[]) =>
  z.string().meta({ description: `One of ${values.join(', ')} today; AWS may add values.` });

export const changeSet = z.object({
  id: z.string().meta({ description: 'Cache key: the change set id.' }),
  changeSetId: z.string(),
  changeSetArn: z.string(),
  changeSetName: z.string().nullable(),
  intent: openEnum(CHANGE_SET_INTENTS).nullable(),
  status: openEnum(CHANGE_SET_STATUSES),
  startTime: z.string().meta({ format: 'date-time' }),
  endTime: timestamp,
  failureCode: openEnum(CHANGE_SET_FAILURE_CODES).nullable(),
  failureDescription: z.string().nullable(),
  changes: z.array(changeSummary),
});

export const fieldError = z.object({
  path: z.string().nullable().meta({
    description:
      'The body field (`changeSet[1].entity.identifier`), query parameter or header (`Idempotency-Key`); null when AWS named a field with no counterpart here.',
  }),
  message: z.string(),
  code: z.string().meta({ description: 'AWS-style field error code, e.g. INVALID_STRING_FORMAT.' }),
  awsField: z
    .string()
    .optional()
    .meta({ description: "AWS's own name for the field, when AWS reported it." }),
});

export const awsError = z
  .object({
    service: z.enum(['partnercentral-selling', 'marketplace-catalog']),
    operation: z.string(),
    errorName: z.string().nullable(),
    httpStatusCode: z.int(),
    requestId: z.string().nullable(),
    reason: z.string().optional().meta({
      description:
        "AWS's Reason, when it sent one: e.g. REQUEST_VALIDATION_FAILED, BUSINESS_VALIDATION_FAILED, INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE (values AWS adds later pass through).",
    }),
  })
  .meta({ description: 'Present only when AWS answered with an HTTP response.' });

export const errorBody = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_HTTP_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string().meta({ description: 'Human-readable, safe to show.' }),
    retryable: z.boolean(),
    aws: awsError.optional(),
    fieldErrors: z.array(fieldError).optional().meta({ description: 'Present only for input errors.' }),
    requestId: z.string().meta({ description: 'Also in the x-request-id header; quote it to support.' }),
  }),
});

export type ErrorBody = z.input<typeof errorBody>;
export type ResourceSnapshotBody = z.input<typeof resourceSnapshot>;
export type ChangeSetBody = z.input<typeof changeSet>;

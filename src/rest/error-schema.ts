import * as z from 'zod';
import { ERROR_HTTP_STATUS, type ErrorCode } from '../errors/error-codes.js';

/**
 * The REST error body, as a zod schema so the OpenAPI document is generated from it. Successes
 * are the operations' own output schemas (src/operations/). Schemas are named as components in
 * openapi-document.ts rather than with `.meta({ id })`, which would register ids in zod's global
 * registry at import.
 */

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

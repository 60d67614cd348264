import * as z from 'zod';
import { ERROR_HTTP_STATUS, type ErrorCode } from './error-codes.js';

/**
 * `extensions` of every GraphQL error the facade answers (contract §3, §6.3), as a schema so that
 * the published JSON Schema (schema/error-extensions.schema.json) is generated from it.
 */
export const errorExtensions = z
  .object({
    code: z.enum(Object.keys(ERROR_HTTP_STATUS) as [ErrorCode, ...ErrorCode[]]),
    retryable: z.boolean().meta({ description: 'Whether the same request may succeed later.' }),
    requestId: z.string().meta({ description: 'Also in the x-request-id header; quote it to support.' }),
    aws: z
      .object({
        service: z.enum(['partnercentral-selling', 'marketplace-catalog']),
        operation: z.string(),
        errorName: z
          .string()
          .nullable()
          .meta({ description: 'AWS exception name; null when none was named.' }),
        httpStatusCode: z.int(),
        requestId: z.string().nullable(),
        reason: z.string().optional().meta({
          description:
            "AWS's Reason when it sent one (REQUEST_VALIDATION_FAILED, BUSINESS_VALIDATION_FAILED, INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE, or values AWS adds later).",
        }),
      })
      .optional()
      .meta({ description: 'Present only when AWS answered with an HTTP response.' }),
    fieldErrors: z
      .array(
        z.object({
          path: z.string().nullable().meta({
            description:
              'Input path (`input.changeSet[1].entity.type`); null when AWS named a field with no counterpart.',
          }),
          message: z.string(),
          code: z.string().meta({
            description:
              "AWS-style code: INVALID_STRING_FORMAT, ..., or AWS's own (e.g. FieldValidationFailed).",
          }),
          awsField: z.string().optional().meta({ description: "AWS's own name for the field." }),
        }),
      )
      .optional()
      .meta({ description: 'Present only for input errors (BAD_USER_INPUT).' }),
  })
  .meta({
    title: 'ErrorExtensions',
    description: 'extensions of every GraphQL error of the AWS Partner facade.',
  });

export type ErrorExtensions = z.output<typeof errorExtensions>;

/** The committed JSON Schema text (scripts/print-schema.ts writes it; a drift test compares). */
export function errorExtensionsJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(errorExtensions, { target: 'draft-2020-12' }), null, 2)}\n`;
}

import { DescribeChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import * as z from 'zod';
import { callAws } from '../aws/call-aws.js';
import {
  CHANGE_SET_FAILURE_CODES,
  CHANGE_SET_INTENTS,
  CHANGE_SET_STATUSES,
  marketplaceCatalog,
  openEnum,
} from '../validation/change-set-input.js';
import { CHANGE_SET_ID, patterned } from '../validation/constraints.js';
import { defineOperation } from './operation.js';
import { checkAnswer } from './upstream-answer.js';

const SITE = { service: 'marketplace-catalog', operation: 'DescribeChangeSet' } as const;
const string = { type: 'string' } as const;
const requiredString = { type: 'string', required: true } as const;

/** Per the botocore model and the public shape's non-null fields (id, ARN, status, start time). */
const ANSWER = {
  ChangeSetId: requiredString,
  ChangeSetArn: requiredString,
  ChangeSetName: string,
  Intent: string,
  StartTime: { type: 'time', required: true },
  EndTime: { type: 'time' },
  Status: requiredString,
  FailureCode: string,
  FailureDescription: string,
  ChangeSet: {
    type: {
      list: {
        structure: {
          ChangeType: string,
          ChangeName: string,
          Entity: { type: { structure: { Type: string, Identifier: string } } },
          Details: string,
          DetailsDocument: { type: 'document' },
          ErrorDetailList: { type: { list: { structure: { ErrorCode: string, ErrorMessage: string } } } },
        },
      },
    },
  },
} as const;

const time = z.string().meta({ format: 'date-time' });

const changeSummary = z
  .object({
    changeType: z.string().nullable(),
    changeName: z.string().nullable(),
    entity: z
      .object({ type: z.string().nullable(), identifier: z.string().nullable() })
      .meta({ description: 'The entity a change applies to.' })
      .nullable(),
    details: z.string().nullable(),
    detailsDocument: z.unknown(),
    errors: z.array(
      z.object({ code: z.string().nullable(), message: z.string().nullable() }).meta({
        description: "One of AWS's errors for a change of a FAILED change set (its ErrorDetailList).",
      }),
    ),
  })
  .meta({ description: 'One change of a change set, as AWS describes it.' });

/** Marketplace Catalog DescribeChangeSet: a change set, polled until its status is terminal. */
export const describeChangeSet = defineOperation({
  name: 'changeSet',
  input: z.strictObject({
    catalog: marketplaceCatalog,
    changeSetId: patterned(CHANGE_SET_ID, 1, 255),
  }),
  output: z
    .object({
      id: z.string().meta({ description: 'Cache key: the change set id.' }),
      changeSetId: z.string(),
      changeSetArn: z.string(),
      changeSetName: z.string().nullable(),
      intent: z
        .string()
        .nullable()
        .meta({ description: `${openEnum(CHANGE_SET_INTENTS)} (AWS's default is APPLY).` }),
      status: z.string().meta({
        description: `${openEnum(CHANGE_SET_STATUSES)}; SUCCEEDED, FAILED and CANCELLED are terminal.`,
      }),
      startTime: time,
      endTime: time.nullable().meta({ description: 'Set once the status is terminal.' }),
      failureCode: z
        .string()
        .nullable()
        .meta({ description: `${openEnum(CHANGE_SET_FAILURE_CODES)}; set when FAILED.` }),
      failureDescription: z.string().nullable(),
      changes: z.array(changeSummary),
    })
    .meta({ description: 'A change set as DescribeChangeSet returns it; poll it until status is terminal.' }),
  async call({ clients, deadlineMs }, input) {
    const command = new DescribeChangeSetCommand({ Catalog: input.catalog, ChangeSetId: input.changeSetId });
    const out = checkAnswer(
      SITE,
      ANSWER,
      await callAws(SITE, deadlineMs, command, (c) => clients.marketplace.send(c)),
    );
    // The required members are checked present above.
    return {
      id: out.ChangeSetId as string,
      changeSetId: out.ChangeSetId as string,
      changeSetArn: out.ChangeSetArn as string,
      changeSetName: out.ChangeSetName ?? null,
      intent: out.Intent ?? null,
      status: out.Status as string,
      startTime: out.StartTime as string,
      endTime: out.EndTime ?? null,
      failureCode: out.FailureCode ?? null,
      failureDescription: out.FailureDescription ?? null,
      changes: (out.ChangeSet ?? []).map((c) => ({
        changeType: c.ChangeType ?? null,
        changeName: c.ChangeName ?? null,
        entity: c.Entity ? { type: c.Entity.Type ?? null, identifier: c.Entity.Identifier ?? null } : null,
        details: c.Details ?? null,
        detailsDocument: c.DetailsDocument ?? null,
        errors: (c.ErrorDetailList ?? []).map((e) => ({
          code: e.ErrorCode ?? null,
          message: e.ErrorMessage ?? null,
        })),
      })),
    };
  },
});

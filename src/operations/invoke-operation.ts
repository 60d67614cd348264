import type * as z from 'zod';
import { type Caller, requireScope } from '../auth/caller.js';
import type { Config } from '../config.js';
import type { FieldError } from '../errors/error-codes.js';
import { FacadeError } from '../errors/facade-error.js';
import type { OutcomeRecorder } from '../logging/operation-metrics.js';
import { checkInput } from '../validation/check-input.js';
import type { OperationModule, Upstream } from './operation.js';

/** What a face hands an operation: who calls, the scope table, the way to AWS, and the metrics. */
export interface Invocation {
  caller: Caller;
  scopes: Config['auth']['scopes'];
  upstream: Upstream;
  /** Per-operation outcome metrics (Lambda's EMF); none locally. */
  metrics?: OutcomeRecorder;
}

/** What an operation needs besides its caller; built once per process (src/app.ts). */
export type OperationServices = Omit<Invocation, 'caller'>;

/** The input as a face read it from its own syntax, with any problems met reading it (REST's query). */
export interface RawInput {
  value: unknown;
  errors?: FieldError[];
}

/**
 * The one way both faces run an operation: scope first (a caller without it learns nothing about
 * the input rules), then the face's raw input read and checked against the module's schema (field
 * errors under `at`), then the call. Its outcome (OK or the contract code) is counted here, under
 * the operation's name, so a GraphQL field and its REST route add up in one metric.
 */
export async function invokeOperation<Input extends z.ZodType, Output extends z.ZodType>(
  operation: OperationModule<Input, Output>,
  invocation: Invocation,
  read: () => RawInput | Promise<RawInput>,
  at: PropertyKey[] = [],
): Promise<{ input: z.output<Input>; output: z.input<Output> }> {
  try {
    requireScope(invocation.caller, invocation.scopes, operation.name);
    const raw = await read();
    const input = checkInput(operation.input, raw.value, at, raw.errors);
    const output = await operation.call(invocation.upstream, input);
    invocation.metrics?.record(operation.name, 'OK');
    return { input, output };
  } catch (error) {
    invocation.metrics?.record(operation.name, outcomeOf(error));
    throw error;
  }
}

/** The code a client sees for this error: the facade's own, or the masked INTERNAL_SERVER_ERROR. */
const outcomeOf = (error: unknown): string =>
  error instanceof FacadeError ? error.code : 'INTERNAL_SERVER_ERROR';

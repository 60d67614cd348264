import type * as z from 'zod';
import type { Operation } from '../auth/caller.js';
import type { AwsClients } from '../aws/clients.js';

/** What an operation needs to reach AWS: the process's SDK clients and the whole-call deadline. */
export interface Upstream {
  clients: AwsClients;
  deadlineMs: number;
}

/**
 * One public operation, whichever face (GraphQL field, REST route) calls it. The faces are thin:
 * they read their own syntax into `input`, check `name`'s scope, call `call`, and render its
 * answer, which is already in the public shape (`output`, the same for GraphQL and REST).
 */
export interface OperationModule<Input extends z.ZodType, Output extends z.ZodType> {
  /** The GraphQL root field, the scope key in config.auth.scopes and the metric name. */
  name: Operation;
  /** AWS's constraints on the input (shared by both faces; REST names the same fields). */
  input: Input;
  /** The public answer, for the OpenAPI document and the types of the faces. */
  output: Output;
  /** The SDK call: validated input in, public shape out; AWS failures come out translated. */
  call(upstream: Upstream, input: z.output<Input>): Promise<z.input<Output>>;
}

export function defineOperation<Input extends z.ZodType, Output extends z.ZodType>(
  operation: OperationModule<Input, Output>,
): OperationModule<Input, Output> {
  return operation;
}

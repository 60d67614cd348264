import type { LambdaContext } from 'hono/aws-lambda';

/**
 * The Lambda context the init warm-up invokes the handler with. The handler tells it apart so the
 * warm-up neither publishes metrics nor uses up the cold-start flags of the logger and metrics:
 * the first real invocation is the cold start, under the function's real name.
 */
export const WARM_UP_CONTEXT: LambdaContext = Object.freeze({
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'warm-up',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:warm-up',
  memoryLimitInMB: '0',
  awsRequestId: 'warm-up',
  logGroupName: 'warm-up',
  logStreamName: 'warm-up',
  getRemainingTimeInMillis: () => 10_000,
});

export const isWarmUpContext = (context: LambdaContext): boolean => context === WARM_UP_CONTEXT;

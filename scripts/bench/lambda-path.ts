import { randomUUID } from 'node:crypto';
import { graphqlBody, type Mutation } from './inputs.js';

/** An API Gateway HTTP API (payload 2.0, `$default` stage) event, as API Gateway sends it. */
function v2Event(body: string) {
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: {
      accept: 'application/graphql-response+json',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      host: 'abc123.execute-api.us-east-1.amazonaws.com',
      'user-agent': 'bench',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: {
        method: 'POST',
        path: '/graphql',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'bench',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    body,
    isBase64Encoded: false,
  };
}

const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'aws-partner-facade-bench-api',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:aws-partner-facade-bench-api',
  memoryLimitInMB: '1024',
  logGroupName: '/aws/lambda/aws-partner-facade-bench-api',
  logStreamName: 'bench',
  awsRequestId: 'bench',
  getRemainingTimeInMillis: () => 29_000,
};

/**
 * The facade in process: v2 events through the real Lambda handler (src/lambda.ts), whose SDK
 * clients reach the emulator through AWS_ENDPOINT_URL exactly as they would reach AWS.
 */
export async function createLambdaPath(endpoint: string, handlerModule?: string) {
  Object.assign(process.env, {
    BACKEND: 'aws',
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDBENCH',
    AWS_SECRET_ACCESS_KEY: 'bench-secret',
    AUTH_MODE: 'none',
    AUTH_ALLOW_NONE_ON_LAMBDA: 'true',
    // As deployed (serverless.yml): logs at INFO, EMF metrics on, written to stdout per invocation.
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'INFO',
    POWERTOOLS_SERVICE_NAME: 'aws-partner-facade',
    POWERTOOLS_METRICS_NAMESPACE: 'AwsPartnerFacade',
    STAGE: 'bench',
  });
  const { handler } = await import(handlerModule ?? process.env.HANDLER ?? '../../src/lambda.js');
  return {
    async call(mutation: Mutation): Promise<void> {
      const res = await handler(v2Event(graphqlBody(mutation)) as never, context as never);
      if (res.statusCode !== 200 || (res.body as string).includes('"errors"')) {
        throw new Error(`lambda path failed: ${res.statusCode} ${res.body}`);
      }
    },
  };
}

import type { APIGatewayProxyResult, LambdaEvent } from 'hono/aws-lambda';
import { createAwsClients, EMULATOR_CREDENTIALS } from '../../src/aws/clients.js';
import { readConfig } from '../../src/config.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { createAppHandler } from '../../src/lambda/app-handler.js';
import { createLogger } from '../../src/logging/logger.js';
import { lambdaContext } from '../support/apigw-events.js';
import { FAST_RETRIES } from '../support/stack.js';

export interface LambdaApp {
  /** The handler as src/lambda.ts serves the app: the GraphQL pipeline's fast lane, then hono's adapter. */
  handler: ReturnType<typeof createAppHandler>['handler'];
  // biome-ignore lint/suspicious/noExplicitAny: events are built from JSON samples.
  invoke(event: any): Promise<APIGatewayProxyResult>;
  emulator: RunningEmulator;
  close(): Promise<void>;
}

/**
 * The app as it runs on Lambda (config read for runtime 'lambda', the Lambda handler of src/lambda.ts),
 * with the SDK clients pointed at the emulator instead of AWS.
 */
export async function startLambdaApp(env: Record<string, string> = {}): Promise<LambdaApp> {
  const emulator = await startEmulator({ port: 0 });
  const config = readConfig('lambda', { LOG_LEVEL: 'SILENT', ...env });
  const clients = createAwsClients(config.aws, {
    endpoint: emulator.url,
    credentials: EMULATOR_CREDENTIALS,
    ...FAST_RETRIES,
  });
  const { handler } = createAppHandler({ config, clients, logger: createLogger(config) });
  return {
    handler,
    invoke: (event) => handler(event as LambdaEvent, lambdaContext()) as Promise<APIGatewayProxyResult>,
    emulator,
    async close() {
      clients.partnerCentral.destroy();
      clients.marketplace.destroy();
      await emulator.close();
    },
  };
}

/** A header of a Lambda result, whichever of `headers` / `multiValueHeaders` the adapter used. */
export function resultHeader(result: APIGatewayProxyResult, name: string): string | undefined {
  const single = result.headers?.[name];
  if (single !== undefined) return String(single);
  const multi = (result as { multiValueHeaders?: Record<string, unknown[]> }).multiValueHeaders?.[name];
  return multi?.[0] !== undefined ? String(multi[0]) : undefined;
}

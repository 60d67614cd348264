import type { APIGatewayProxyResult, LambdaEvent } from 'hono/aws-lambda';
import { handle } from 'hono/aws-lambda';
import { createApp } from '../../src/app.js';
import { createAwsClients, EMULATOR_CREDENTIALS } from '../../src/aws/clients.js';
import { readConfig } from '../../src/config.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { createLogger } from '../../src/logging/logger.js';
import { lambdaContext } from '../support/apigw-events.js';
import { FAST_RETRIES } from '../support/stack.js';

export interface LambdaApp {
  /** hono's adapter, as src/lambda.ts serves the app. */
  handler: ReturnType<typeof handle>;
  // biome-ignore lint/suspicious/noExplicitAny: events are built from JSON samples.
  invoke(event: any): Promise<APIGatewayProxyResult>;
  emulator: RunningEmulator;
  close(): Promise<void>;
}

/**
 * The app as it runs on Lambda (config read for runtime 'lambda', hono's aws-lambda adapter),
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
  const { app } = createApp({ config, clients, logger: createLogger(config) });
  const handler = handle(app);
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

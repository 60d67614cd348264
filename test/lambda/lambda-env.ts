import { vi } from 'vitest';

/**
 * The environment src/lambda.ts reads at import: `aws` mode with the SDK pointed at the emulator
 * by AWS_ENDPOINT_URL (as the SDK honours it), dummy credentials, and AUTH_MODE=none explicitly
 * allowed (the auth layer is tested on its own). Import src/lambda.ts only after this.
 */
export function stubLambdaEnv(emulatorUrl: string, extra: Record<string, string> = {}): void {
  const env: Record<string, string> = {
    BACKEND: 'aws',
    AWS_ENDPOINT_URL: emulatorUrl,
    AWS_ACCESS_KEY_ID: 'AKIDLAMBDATEST',
    AWS_SECRET_ACCESS_KEY: 'lambda-test-secret',
    AWS_REGION: 'us-east-1',
    AUTH_MODE: 'none',
    AUTH_ALLOW_NONE_ON_LAMBDA: 'true',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    LOG_LEVEL: 'INFO',
    ...extra,
  };
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
}

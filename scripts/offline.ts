import { spawn } from 'node:child_process';
import { startEmulator } from '../src/emulator/index.js';

/**
 * `npm run offline`: the Lambda function as serverless-offline serves it (built by
 * serverless-esbuild exactly as `npm run package` builds it, behind the same HTTP API routes),
 * talking to the built-in emulator: `BACKEND=aws` with AWS_ENDPOINT_URL and dummy credentials, as
 * the SDK would talk to AWS. API Gateway's JWT authorizer is off (--noAuth) and AUTH_MODE=none is
 * allowed explicitly; GraphiQL is on. Extra arguments go to `serverless offline`
 * (e.g. `npm run offline -- --httpPort 4000`).
 */
const emulator = await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 0) });
console.log(`Emulator on ${emulator.url}`);

const child = spawn(
  'npx',
  [
    'serverless',
    'offline',
    'start',
    '--stage',
    'offline',
    '--noAuth',
    '--localEnvironment',
    '--param=jwtIssuer=https://issuer.example.invalid/',
    '--param=jwtAudience=offline',
    '--param=graphiql=true',
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      // --localEnvironment passes these on to the handler; serverless.yml's environment comes on top.
      AUTH_MODE: 'none',
      AUTH_ALLOW_NONE_ON_LAMBDA: 'true',
      AWS_ENDPOINT_URL: emulator.url,
      AWS_ACCESS_KEY_ID: 'AKIDOFFLINE',
      AWS_SECRET_ACCESS_KEY: 'offline-secret',
      AWS_REGION: 'us-east-1',
      SLS_TELEMETRY_DISABLED: '1',
    },
  },
);

const stop = (signal: NodeJS.Signals) => child.kill(signal);
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
child.on('exit', async (code) => {
  await emulator.close();
  process.exit(code ?? 0);
});

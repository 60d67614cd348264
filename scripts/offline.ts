import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../src/emulator/index.js';
import { readGatewayTemplate } from '../test/support/gateway-template.js';
import { startLambdaBridge } from '../test/support/lambda-http-bridge.js';
import { unpackZip } from '../test/support/packaged-lambda.js';
import { startPackagedSandbox } from '../test/support/packaged-sandbox.js';

/**
 * `npm run offline`: the deployable zip (`npm run package`, GraphiQL on) served as API Gateway and
 * Lambda would serve it, by the Lambda-faithful bridge the tests use (test/support/
 * lambda-http-bridge.ts): the routes, CORS configuration and function environment of the generated
 * CloudFormation template, a fresh request id per request, the 6 MB payload, header and 29 s
 * limits, and the bundle in one long-lived process (a sandbox) whose SDK clients talk to the
 * built-in emulator. The one difference from AWS: no identity provider here, so a route with the
 * JWT authorizer accepts any request and passes every scope as the token's claims.
 *   npm run offline -- [--port 3000] [--param=corsOrigins=http://localhost:5173 ...]
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    param: { type: 'string', multiple: true, default: [] },
  },
});

const built = spawnSync(
  'npx',
  ['tsx', 'scripts/package.ts', '--param=graphiql=true', ...values.param.map((p) => `--param=${p}`)],
  {
    stdio: 'inherit',
  },
);
if (built.status !== 0) process.exit(built.status ?? 1);

const template = readGatewayTemplate();
const { dir } = unpackZip();
const emulator = await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 0) });
const sandbox = await startPackagedSandbox(process.execPath, join(dir, 'src/lambda.mjs'), {
  ...template.function.environment,
  AWS_ENDPOINT_URL: emulator.url,
  AWS_ACCESS_KEY_ID: 'AKIDOFFLINE',
  AWS_SECRET_ACCESS_KEY: 'offline-secret',
  AWS_REGION: 'us-east-1',
  AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
  ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
});
const ALL_SCOPES =
  'partnercentral/snapshots.write partnercentral/snapshots.read marketplace/changesets.write marketplace/changesets.read marketplace/entities.read';
const bridge = await startLambdaBridge({
  handler: sandbox.handler,
  port: Number(values.port),
  gateway: {
    routes: template.routes,
    cors: template.cors,
    authorize: async () => ({ sub: 'offline', scope: ALL_SCOPES }),
  },
});
console.log(`Emulator on ${emulator.url}`);
console.log(`API on ${bridge.url} (GraphiQL: ${bridge.url}/graphiql)`);

const stop = async () => {
  await bridge.close();
  await sandbox.close();
  await emulator.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

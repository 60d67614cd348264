import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { startTestIssuer, type TestIssuer } from '../security/jwt-issuer.js';
import { readGatewayTemplate } from '../support/gateway-template.js';
import { jwtAuthorizer } from '../support/jwt-authorizer.js';
import { type LambdaBridge, startLambdaBridge } from '../support/lambda-http-bridge.js';
import { lambdaNodeMajor, nodeBinary } from '../support/node-major.js';
import { packageWithoutAws, unpackZip } from '../support/packaged-lambda.js';
import { type PackagedSandbox, startPackagedSandbox } from '../support/packaged-sandbox.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * GraphiQL as deployed: the packaged zip, on the runtime's Node, behind the Lambda-faithful gateway
 * built from the generated template (`graphiql=true`), in a real browser with the network cut off.
 * The page loads at /graphiql with no token; its query carries the token a user would type into
 * the Headers tab (here set on the browser context) through the JWT authorizer.
 */
describe('GraphiQL on Lambda, through the gateway, in Chromium', () => {
  let issuer: TestIssuer;
  let emulator: RunningEmulator;
  let sandbox: PackagedSandbox;
  let bridge: LambdaBridge;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: apt-get install chromium (see .ci/run)`);
    issuer = await startTestIssuer();
    packageWithoutAws({ jwtIssuer: issuer.issuer, jwtAudience: issuer.audience, graphiql: 'true' });
    const template = readGatewayTemplate();
    const { dir } = unpackZip();
    emulator = await startEmulator({ port: 0 });
    const node = nodeBinary(lambdaNodeMajor());
    if (!node) throw new Error('no Node binary for this platform');
    sandbox = await startPackagedSandbox(node, join(dir, 'src/lambda.mjs'), {
      ...template.function.environment,
      AWS_ENDPOINT_URL: emulator.url,
      AWS_ACCESS_KEY_ID: 'AKIDE2E',
      AWS_SECRET_ACCESS_KEY: 'e2e-secret',
      AWS_REGION: 'eu-west-1',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    });
    const jwt = template.authorizers.jwt;
    const verify = jwtAuthorizer({
      issuer: jwt?.issuer ?? '',
      audience: jwt?.audience ?? [],
      jwksUrl: issuer.jwksUrl,
    });
    bridge = await startLambdaBridge({
      handler: sandbox.handler,
      gateway: {
        routes: template.routes,
        cors: template.cors,
        authorize: async (_n, t) => (t ? verify(t) : undefined),
      },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    await sandbox?.close();
    await emulator?.close();
    await issuer?.close();
  });

  it('loads /graphiql with no token, runs CreateSnapshot with one, every response under 6 MB', async () => {
    const context = await browser.newContext();
    const blocked: string[] = [];
    const statuses: Array<[string, number]> = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(bridge.url) || url.startsWith('blob:') || url.startsWith('data:'))
        return route.continue();
      blocked.push(url);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('response', (r) => statuses.push([r.url(), r.status()]));
    // What a user types into the Headers tab; only /graphql needs it.
    const token = await issuer.token();
    await page.route(`${bridge.url}/graphql`, (route) =>
      route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${token}` } }),
    );

    await page.goto(`${bridge.url}/graphiql`);
    const execute = page.locator('.graphiql-execute-button');
    await execute.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('.graphiql-query-editor').textContent(), { timeout: 15_000 })
      .toContain('createResourceSnapshot');
    await execute.click();
    const shown = async () =>
      ((await page.locator('.graphiql-response').textContent()) ?? '').replace(/\s+/g, '');
    await expect.poll(shown, { timeout: 30_000 }).toContain('"revision":1,');
    await page.screenshot({ path: 'test/e2e/graphiql-lambda.png' });

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    // The gateway answers 500 for a result over 6 MB: none happened.
    expect(statuses.filter(([, status]) => status >= 400)).toEqual([]);
    expect(statuses.some(([url]) => url.includes('/graphiql/assets/'))).toBe(true);
    await context.close();
  });
});

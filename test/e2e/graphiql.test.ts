import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** GraphiQL in a real browser, with every request off this machine's app cut off. */
describe('GraphiQL in Chromium, offline', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: apt-get install chromium (see .ci/run)`);
    stack = await startStack();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('opens with the examples, runs CreateSnapshot and shows its result', async () => {
    const context = await browser.newContext();
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(stack.url) || url.startsWith('blob:') || url.startsWith('data:'))
        return route.continue();
      blocked.push(url);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${stack.url}/graphql`);
    const execute = page.locator('.graphiql-execute-button');
    await execute.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('.graphiql-query-editor').textContent(), { timeout: 15_000 })
      .toContain('createResourceSnapshot');

    await execute.click();
    const response = page.locator('.graphiql-response');
    // Monaco wraps long lines: compare without white space.
    const shown = async () => ((await response.textContent()) ?? '').replace(/\s+/g, '');
    await expect.poll(shown, { timeout: 30_000 }).toContain('"revision":1,');
    expect(await shown()).toContain('"arn":"arn:aws:partnercentral:');
    await page.screenshot({ path: 'test/e2e/graphiql.png' });

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(stack.emulator.stats().created.snapshots).toBe(1);
    await context.close();
  });

  it('every example tab of one operation succeeds as it opens (the cancel tab: see graphiql-examples.test.ts)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.url}/graphql`);
    const execute = page.locator('.graphiql-execute-button');
    await execute.waitFor({ timeout: 30_000 });
    const tabs = page.locator('.graphiql-tab-button');
    await expect.poll(() => tabs.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(7);
    const tabsAndFields = [
      ['CreateSnapshot', 'createResourceSnapshot'],
      ['StartChangeSet', 'startChangeSet'],
      ['LatestSnapshot', 'resourceSnapshot'],
      ['ChangeSet', 'changeSet'],
      ['ChangeSets', 'changeSets'],
      ['Entity', 'entity'],
    ] as const;
    for (const [i, [name, field]] of tabsAndFields.entries()) {
      // A synthetic click: the tabs are drag-reorderable, and a pointer click can start a drag instead.
      await tabs.nth(i).dispatchEvent('click');
      await expect.poll(() => tabs.nth(i).textContent(), { timeout: 5_000 }).toContain(name);
      // The editor shows the tab's document before it runs.
      await expect
        .poll(() => page.locator('.graphiql-query-editor').textContent(), { timeout: 15_000 })
        .toContain(`${field}(`);
      // GraphiQL re-parses the document (and its operation names) after a tab switch, debounced.
      await page.waitForTimeout(1_000);
      await execute.click();
      const shown = async () =>
        ((await page.locator('.graphiql-response').textContent()) ?? '').replace(/\s+/g, '');
      // This tab's own field, with an object: not the previous tab's answer, not null, and no
      // top-level errors (they would come first: `{"errors":[...],"data":...}`).
      await expect.poll(shown, { timeout: 30_000 }).toMatch(new RegExp(`^\\{"data":\\{"${field}":\\{`));
      expect(await shown(), name).not.toMatch(/\},"errors":\[\{"message"/);
    }
    await context.close();
  });
});

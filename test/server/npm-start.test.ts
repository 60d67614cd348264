import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { CREATE_SNAPSHOT, snapshotInput } from '../support/operations.js';

/** `npm start` as a user runs it: src/server.ts with the embedded emulator, on a free port. */
describe('the local server (npm start)', () => {
  let child: ChildProcess;
  let url: string;
  const lines: string[] = [];

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'INFO' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.setEncoding('utf8');
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start-up line in:\n${lines.join('\n')}`)), 20_000);
      child.stdout?.on('data', (chunk: string) => {
        for (const line of chunk.split('\n').filter(Boolean)) {
          lines.push(line);
          const match = /Listening on (http:\/\/[\d.]+:\d+)\/graphql/.exec(line);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        }
      });
    });
  });

  afterAll(async () => {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  });

  it('logs, as JSON, which backend it uses', () => {
    const startup = lines.map((l) => JSON.parse(l)).find((l) => l.message?.startsWith('Listening on'));
    expect(startup).toMatchObject({
      level: 'INFO',
      backend: 'emulator',
      emulatorUrl: expect.stringMatching(/^http:/),
    });
  });

  it('serves a mutation against the embedded emulator', async () => {
    const res = await gql(url, CREATE_SNAPSHOT, { input: snapshotInput() });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.createResourceSnapshot.revision).toBe(1);
  });

  it('refuses to start on a bad setting, naming it', async () => {
    const bad = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    bad.stderr?.on('data', (c) => {
      stderr += c;
    });
    const [code] = await once(bad, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
  });
});

/**
 * The dev key, used when SWITCHBOARD_API_KEYS is unset: kept in DATA_DIR across restarts (a
 * file of mode 0600), or taken from SWITCHBOARD_DEV_KEY, or made per run with DATA_DIR=memory;
 * printed as a plain line with the explorer's URL, never in a JSON log line; so is a generated
 * webhook token.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, DEV_KEY_FILE, loadConfig } from '../../src/config.js';
import { startChildGateway, type ChildGateway } from '../helpers/child.js';

const BASE = { PORT: '0', WEBHOOK_TOKEN: 'test-webhook-token-0123456789', LOG_LEVEL: 'info' };
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-devkey-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The key from the printed "Dev API key" line, once it is there. */
async function printedKey(gw: ChildGateway): Promise<{ key: string; line: string }> {
  await expect.poll(() => gw.output(), { timeout: 5_000 }).toMatch(/Dev API key .*: \S+\n/);
  const line = /^Dev API key .*$/m.exec(gw.output())![0];
  return { key: line.split(': ').pop()!, line };
}

async function status(gw: ChildGateway, key: string): Promise<number> {
  const res = await fetch(`${gw.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: '{"query":"{ providers { provider } }"}' });
  return res.status;
}

describe('the dev key at start', () => {
  it('is made once, kept in DATA_DIR (mode 0600) and the same after a restart; printed, never logged', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DEV_KEY_FILE);
    const first = await startChildGateway({ ...BASE, DATA_DIR: dataDir });
    let key: string;
    try {
      const printed = await printedKey(first);
      key = printed.key;
      expect(printed.line).toBe(`Dev API key (read, write, admin), kept in ${file}: ${key}`);
      expect(first.output()).toContain(`Switchboard is ready: explorer ${first.url}/ (local GraphiQL ${first.url}/graphiql), GraphQL ${first.url}/graphql\n`);
      expect(readFileSync(file, 'utf8')).toBe(`${key}\n`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(await status(first, key)).toBe(200);
      expect(await status(first, `${key}x`)).toBe(401);
      // The JSON log lines tell where the key came from, not the key.
      expect(first.logs.find((l) => l.msg === 'Switchboard is ready')).toMatchObject({ devKey: 'file' });
      expect(JSON.stringify(first.logs)).not.toContain(key);
    } finally {
      expect(await first.kill('SIGTERM')).toBe(0);
    }

    const second = await startChildGateway({ ...BASE, DATA_DIR: dataDir });
    try {
      expect((await printedKey(second)).key).toBe(key);
      // The store opened in the same directory and the key still works.
      expect(await status(second, key)).toBe(200);
    } finally {
      await second.kill('SIGTERM');
    }
  }, 240_000);

  it('SWITCHBOARD_DEV_KEY is the key when given; with DATA_DIR=memory and none, each run has its own', async () => {
    const given = 'my-team-dev-key-0001';
    const [fromEnv, perRun] = await Promise.all([startChildGateway({ ...BASE, DATA_DIR: 'memory', SWITCHBOARD_DEV_KEY: given }), startChildGateway({ ...BASE, DATA_DIR: 'memory' })]);
    try {
      expect((await printedKey(fromEnv)).line).toBe(`Dev API key (read, write, admin), from SWITCHBOARD_DEV_KEY: ${given}`);
      expect(await status(fromEnv, given)).toBe(200);
      const run = await printedKey(perRun);
      expect(run.line).toMatch(/^Dev API key \(read, write, admin\), for this run only \(DATA_DIR=memory\): dev_[\w-]{24}$/);
      expect(await status(perRun, run.key)).toBe(200);
    } finally {
      await Promise.all([fromEnv.kill('SIGTERM'), perRun.kill('SIGTERM')]);
    }
  }, 240_000);

  it('prints only the explorer line when SWITCHBOARD_API_KEYS is set', async () => {
    const configured = await startChildGateway({ ...BASE, DATA_DIR: 'memory', SWITCHBOARD_API_KEYS: 'rw-key-123456=read,write' });
    try {
      await expect.poll(() => configured.output()).toContain('Switchboard is ready: explorer');
      expect(configured.output()).not.toContain('Dev API key');
    } finally {
      await configured.kill('SIGTERM');
    }
  }, 240_000);
});

describe('the generated webhook token', () => {
  it('is printed on a plain line with an example URL, works, and is in no JSON log line', async () => {
    const { WEBHOOK_TOKEN: _given, ...withoutToken } = BASE;
    const gw = await startChildGateway({ ...withoutToken, DATA_DIR: 'memory', SWITCHBOARD_API_KEYS: 'rw-key-123456=read,write' });
    try {
      await expect.poll(() => gw.output(), { timeout: 5_000 }).toMatch(/Webhook token .*: \S+\n/);
      const token = /^Webhook token \(no WEBHOOK_TOKEN set\), for this run only: (\S+)$/m.exec(gw.output())![1]!;
      expect(gw.output()).toContain(`  providers call http://localhost:${new URL(gw.url).port}/webhooks/<provider>/<event>?token=${token}\n`);
      const webhook = (t: string) => fetch(`${gw.url}/webhooks/exotel/calls?token=${t}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect((await webhook(token)).status).toBe(400); // past the token check: the empty event is refused
      expect((await webhook(`${token}x`)).status).toBe(401);
      expect(gw.logs.some((l) => /WEBHOOK_TOKEN/.test(String(l.msg)))).toBe(true);
      expect(JSON.stringify(gw.logs)).not.toContain(token);
    } finally {
      await gw.kill('SIGTERM');
    }
  }, 240_000);
});

describe('dev key configuration', () => {
  const env = (over: Record<string, string>) => ({ ...BASE, DATA_DIR: 'memory', ...over });
  const error = (over: Record<string, string>) => {
    try {
      loadConfig(env(over));
    } catch (err) {
      if (err instanceof ConfigError) return err.message;
      throw err;
    }
    return undefined;
  };

  it('refuses a short or unsafe SWITCHBOARD_DEV_KEY, and one given beside SWITCHBOARD_API_KEYS', () => {
    expect(error({ SWITCHBOARD_DEV_KEY: 'short' })).toMatch(/^SWITCHBOARD_DEV_KEY: must be at least 16 URL-safe characters/);
    expect(error({ SWITCHBOARD_DEV_KEY: 'sixteen chars with spaces' })).toMatch(/^SWITCHBOARD_DEV_KEY: must be/);
    expect(error({ SWITCHBOARD_DEV_KEY: 'my-team-dev-key-0001', SWITCHBOARD_API_KEYS: 'rw-key-123456=read' })).toMatch(/^SWITCHBOARD_DEV_KEY: is set but so is SWITCHBOARD_API_KEYS/);
    expect(loadConfig(env({ SWITCHBOARD_DEV_KEY: 'my-team-dev-key-0001' })).apiKeys.get('my-team-dev-key-0001')).toEqual(new Set(['read', 'write', 'admin']));
  });

  it('refuses a DATA_DIR whose key file holds no key, or where none can be written; configured keys touch nothing', () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, DEV_KEY_FILE), '\n');
    expect(error({ DATA_DIR: dataDir })).toMatch(/^DATA_DIR: .*switchboard-dev-key holds no valid key .*delete the file for a new one/);

    const notADir = path.join(tempDir(), 'file');
    writeFileSync(notADir, '');
    expect(error({ DATA_DIR: path.join(notADir, 'data') })).toMatch(/^DATA_DIR: cannot write .*: ENOTDIR/);

    const untouched = path.join(tempDir(), 'data');
    expect(loadConfig(env({ DATA_DIR: untouched, SWITCHBOARD_API_KEYS: 'rw-key-123456=read' })).devKey).toBeUndefined();
    expect(() => statSync(untouched)).toThrow();
  });
});

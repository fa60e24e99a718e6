/** A bad environment variable stops `main` before it starts: exit 2, one line naming the variable. */
import { beforeAll, describe, expect, it } from 'vitest';
import { runChild } from '../helpers/child.js';

const GOOD: Record<string, string> = {
  PORT: '0',
  DATA_DIR: 'memory',
  LOG_LEVEL: 'silent',
  SWITCHBOARD_API_KEYS: 'rw-key-123456=read,write;ro-key-1234567=read',
  WEBHOOK_TOKEN: 'test-webhook-token-0123456789',
};

const CASES: Array<[variable: string, env: Record<string, string>]> = [
  ['PORT', { PORT: 'abc' }],
  ['SANDBOX', { SANDBOX: 'maybe' }],
  ['SWITCHBOARD_API_KEYS', { SWITCHBOARD_API_KEYS: 'bad' }],
  ['WEBHOOK_TOKEN', { WEBHOOK_TOKEN: 'short' }],
  ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
  ['AVANSER_PASSWORD', { AVANSER_USERNAME: 'someone' }],
  ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
  ['SANDBOX_TIME_SCALE', { SANDBOX_TIME_SCALE: '0' }],
  ['WEBHOOK_CLAIM_LEASE_SECONDS', { WEBHOOK_CLAIM_LEASE_SECONDS: '0' }],
  ['SWITCHBOARD_TEST_WEBHOOK_PAUSE', { SWITCHBOARD_TEST_WEBHOOK_PAUSE: 'claimed', NODE_ENV: 'production' }],
];

const runMain = (env: Record<string, string>) => runChild({ ...GOOD, ...env });

describe('configuration errors at boot', () => {
  const results = new Map<string, Awaited<ReturnType<typeof runMain>>>();
  beforeAll(async () => {
    // Each child pays tsx's compile of the whole import graph (~3 s of CPU): two at a time.
    const queue = [...CASES];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) results.set(next[0], await runMain(next[1]));
    };
    await Promise.all([worker(), worker()]);
  }, 90_000);

  for (const [variable, env] of CASES) {
    it(`${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ')} → exit 2 naming ${variable}`, () => {
      const r = results.get(variable)!;
      expect(r.code, r.stderr).toBe(2);
      const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^switchboard: configuration error: ${variable}\\b`));
      expect(r.stdout).toBe('');
    });
  }
});

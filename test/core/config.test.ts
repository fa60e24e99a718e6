/**
 * A bad environment variable, or one that does not work on this machine, stops `main`: exit 2,
 * one line naming the variable; and following an error's example gives a configuration that loads.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
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
  }, 240_000);

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

describe('boot failures that are the user\'s', () => {
  let taken: Server;
  const results = new Map<string, Awaited<ReturnType<typeof runMain>>>();
  const cases: Array<[name: string, variable: string, env: () => Record<string, string>, says: RegExp]> = [
    ['a port in use', 'PORT', () => ({ PORT: String((taken.address() as { port: number }).port) }), /^PORT: 127\.0\.0\.1:\d+ is already in use \(example: PORT=0\)$/],
    ['an unresolvable HOST', 'HOST', () => ({ HOST: 'no-such-host.invalid' }), /^HOST: "no-such-host\.invalid" does not resolve to an address/],
    ['an unreachable DATABASE_URL', 'DATABASE_URL', () => ({ DATABASE_URL: 'postgres://switchboard:not-printed@127.0.0.1:1/switchboard' }), /^DATABASE_URL: cannot connect to 127\.0\.0\.1:1\/switchboard: connection refused/],
  ];
  beforeAll(async () => {
    taken = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    const queue = [...cases];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) results.set(next[0], await runMain(next[2]()));
    };
    await Promise.all([worker(), worker()]);
  }, 240_000);
  afterAll(() => {
    taken?.close();
  });

  for (const [name, variable, , says] of cases) {
    it(`${name} → exit 2, one line naming ${variable}, no stack`, () => {
      const r = results.get(name)!;
      expect(r.code, r.stderr).toBe(2);
      const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]!.replace(/^switchboard: configuration error: /, '')).toMatch(says);
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at |not-printed/);
    });
  }
});

describe('every configuration error\'s example', () => {
  const BAD: Array<Record<string, string>> = [
    { PORT: 'abc' },
    { PORT: '70000' },
    { HOST: 'bad host!' },
    { PUBLIC_URL: 'not a url' },
    { PUBLIC_URL: 'ftp://example.com' },
    { SANDBOX: 'maybe' },
    { DATABASE_URL: 'mysql://x' },
    { REDIS_URL: 'http://x' },
    { SWITCHBOARD_API_KEYS: 'bad' },
    { SWITCHBOARD_API_KEYS: 'short=read' },
    { SWITCHBOARD_API_KEYS: 'long-enough-key=superuser' },
    { SWITCHBOARD_API_KEYS: ';;' },
    { WEBHOOK_TOKEN: 'short' },
    { SWITCHBOARD_DEV_KEY: 'my-team-dev-key-0001' },
    { SWITCHBOARD_API_KEYS: '', SWITCHBOARD_DEV_KEY: 'short' },
    { SANDBOX_TIME_SCALE: '0' },
    { EXOTEL_TIMEZONE: 'IST' },
    { VOIPINNOVATIONS_ENDPOINT_FIELD: 'x' },
    { LOG_LEVEL: 'loud' },
    { UPSTREAM_TIMEOUT_MS: '5' },
    { RATE_LIMIT_PER_MINUTE: '0' },
    { RECONCILIATION_INTERVAL_SECONDS: '-1' },
    { RECONCILIATION_LEASE_SECONDS: '0' },
    { DELACON_ORDER_STALE_AFTER_SECONDS: '0' },
    { AVANSER_ORDER_STALE_AFTER_SECONDS: 'soon' },
    { AVANSER_USERNAME: 'someone' },
    { EXOTEL_TENANT_SID: 'tenant' },
    { DELACON_BASE_URL: 'https://pla.delaconcorp.com' },
    { DELACON_AUTH_TOKEN: 'token', DELACON_BASE_URL: 'not a url' },
    { TRUST_PROXY: 'true' },
    { TRUST_PROXY: '0' },
    { TRUST_PROXY: '10.0.0.0/33' },
    { TRUST_PROXY: '10.0.0.1,proxy.internal' },
    { CORS_ORIGINS: 'https://app.example.com/' },
    { CORS_ORIGINS: 'app.example.com' },
    { CORS_ORIGINS: 'https://app.example.com,*' },
    { KEEPALIVE_MS: '5' },
  ];

  it.each(BAD.map((env) => [Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' '), env] as const))('%s: following the examples gives a configuration that loads', (_name, bad) => {
    let env: Record<string, string> = { ...GOOD, ...bad };
    const followed: string[] = [];
    for (;;) {
      let error: unknown;
      try {
        loadConfig(env);
        break;
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const { variable, example } = error as ConfigError;
      // An example that does not fix its own variable would name it again.
      expect(followed, (error as Error).message).not.toContain(variable);
      followed.push(variable);
      env = { ...env, [variable]: example };
    }
    expect(followed.length).toBeGreaterThan(0);
  });
});

describe('API key scopes', () => {
  it('takes read, write and admin, and names them when refusing another', () => {
    const keys = loadConfig({ ...GOOD, SWITCHBOARD_API_KEYS: 'ops-key-0001=read, admin;rw-key-123456=read,write' }).apiKeys;
    expect([...keys].map(([k, scopes]) => [k, [...scopes]])).toEqual([
      ['ops-key-0001', ['read', 'admin']],
      ['rw-key-123456', ['read', 'write']],
    ]);
    expect(() => loadConfig({ ...GOOD, SWITCHBOARD_API_KEYS: 'ops-key-0001=root' })).toThrow(/^SWITCHBOARD_API_KEYS: unknown scope "root" \(scopes are read, write and admin\)/);
  });

  it('gives the dev key every scope', () => {
    expect([...loadConfig({ ...GOOD, SWITCHBOARD_API_KEYS: '' }).apiKeys.values()].map((s) => [...s])).toEqual([['read', 'write', 'admin']]);
  });
});

describe('TRUST_PROXY, CORS_ORIGINS and KEEPALIVE_MS', () => {
  const load = (env: Record<string, string>) => loadConfig({ ...GOOD, ...env });

  it('trust no proxy by default; take a hop count or addresses and CIDR ranges', () => {
    expect(load({}).trustProxy).toBe(false);
    expect(load({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(load({ TRUST_PROXY: '10.0.0.0/8, 192.0.2.7,::1,fd00::/8' }).trustProxy).toEqual(['10.0.0.0/8', '192.0.2.7', '::1', 'fd00::/8']);
    expect(() => load({ TRUST_PROXY: 'true' })).toThrow(/^TRUST_PROXY: "true" is neither a hop count nor an IP address or CIDR range/);
  });

  it('allow localhost origins on a loopback HOST and none elsewhere by default; take *, or exact origins', () => {
    expect(load({ HOST: '127.0.0.1' }).corsOrigins).toBe('loopback');
    expect(load({ HOST: '0.0.0.0' }).corsOrigins).toEqual([]);
    expect(load({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
    expect(load({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(() => load({ CORS_ORIGINS: 'https://app.example.com/' })).toThrow(/^CORS_ORIGINS: "https:\/\/app.example.com\/" is not an origin/);
  });

  it('send keep-alives every 10 s by default', () => {
    expect(load({}).keepAliveMs).toBe(10_000);
    expect(load({ KEEPALIVE_MS: '250' }).keepAliveMs).toBe(250);
  });
});

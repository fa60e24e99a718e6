/**
 * The one reader of `process.env`. Every variable is validated here at boot; a bad value
 * throws a ConfigError whose message is the single line `main` prints before exiting 2.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { PROVIDER_MODULES } from './datasources/providers.js';
import type { ProviderName } from './domain/model.js';

/** `read`: queries and subscriptions; `write`: mutations; `admin`: the operators' fields (webhook receipts), besides read or write. */
export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];
export type ProviderMode = 'LIVE' | 'SANDBOX' | 'OFF';

/** The key used when no SWITCHBOARD_API_KEYS are set: every scope, pre-filled in the explorer on loopback. */
export interface DevKey {
  key: string;
  /** SWITCHBOARD_DEV_KEY; a file in DATA_DIR that keeps it across restarts; or this run only (DATA_DIR=memory). */
  source: 'SWITCHBOARD_DEV_KEY' | 'file' | 'run';
  file?: string;
}

/** The file in DATA_DIR that keeps the generated dev key. */
export const DEV_KEY_FILE = 'switchboard-dev-key';

/** A provider's slice of the configuration; a provider's module may add settings of its own. */
export interface ProviderSettings<T = unknown> {
  mode: ProviderMode;
  /** Present when LIVE; a sandbox fills it in with its simulator's address at start. */
  live?: T;
  /**
   * A provider whose orders are confirmed later (asynchronously) says how long one may stay
   * PENDING: past this, reconciliation marks it STALE.
   */
  orderStaleAfterSeconds?: number;
}

/** How a provider's module reads its slice (`src/datasources/<provider>/module.ts`): this file stays the one reader of process.env. */
export interface ConfigEnv {
  /** A variable's trimmed value; undefined when unset or blank. */
  value(name: string): string | undefined;
  /** A whole number from `name` within min..max, else `fallback`. */
  int(name: string, fallback: number, min: number, max: number, example: string): number;
  /** An http(s) base URL from `name`, else `fallback`. */
  url(name: string, fallback: string, example: string): string;
  /**
   * LIVE with `build(values)` when all `credentials` are set, SANDBOX when none are (and the
   * sandbox is on), OFF otherwise. Half a set, or `baseUrl` set without credentials, stops the boot.
   */
  account<T>(credentials: string[], baseUrl: string, build: (values: Record<string, string>) => T): ProviderSettings<T>;
  /** Stop the boot: `name` holds a value that does not work. */
  fail(name: string, problem: string, example: string): never;
}

export interface Config {
  port: number;
  host: string;
  /** PUBLIC_URL; unset means the address the server binds (http://localhost:<port>). */
  publicUrl?: string;
  production: boolean;
  logLevel: string;
  databaseUrl?: string;
  /** Directory of the embedded store, or `memory`. */
  dataDir: string;
  redisUrl?: string;
  apiKeys: Map<string, Set<Scope>>;
  /** Set when no SWITCHBOARD_API_KEYS was given: printed at start, pre-filled in the explorer on loopback. */
  devKey?: DevKey;
  webhookToken: string;
  webhookTokenGenerated: boolean;
  sandbox: boolean;
  /** Multiplier applied to provider delays in the sandbox (0.001 turns 7 minutes into 0.42 s). */
  sandboxTimeScale: number;
  upstreamTimeoutMs: number;
  rateLimitPerMinute: number;
  /**
   * Which proxies may say who the client is (X-Forwarded-For): none (false), the nearest
   * `n` hops, or the proxies at these addresses or CIDR ranges.
   */
  trustProxy: false | number | string[];
  /** Browser origins allowed to call /graphql (CORS): `*`, a list of origins, or `loopback` (localhost on any port). */
  corsOrigins: '*' | 'loopback' | string[];
  /** How often every subscription transport sends a keep-alive (WebSocket ping, `ka`, SSE comment, multipart heartbeat). */
  keepAliveMs: number;
  /** A webhook claim older than this whose receipt is still `received` was abandoned: retries and the sweep take it over. */
  webhookClaimLeaseSeconds: number;
  /** How often reconciliation runs (on one instance at a time); 0: never. */
  reconciliationIntervalSeconds: number;
  /** How long a reconciliation run holds the job between renewals: an instance that died lets go after this. */
  reconciliationLeaseSeconds: number;
  /** Tests only (refused in production): hang every webhook after this step, for a `kill -9` in the window. */
  testWebhookPause?: 'claimed' | 'applied';
  /** Each provider's slice, read by its module. */
  providers: Record<ProviderName, ProviderSettings>;
}

/** A variable whose value does not work, with an example of one that does. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
    readonly example: string,
  ) {
    super(`${variable}: ${problem} (example: ${variable}=${example})`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number, example: string): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a whole number`, example);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `${n} is outside ${min}..${max}`, example);
  return n;
}

function url(env: Env, name: string, fallback: string | undefined, protocols: string[], example: string): string | undefined {
  const raw = str(env, name) ?? fallback;
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL', example);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`, example);
  }
  return raw.replace(/\/+$/, '');
}

/** Secrets we take from the environment or a file: long enough, and safe in a header or URL. */
const SECRET = /^[A-Za-z0-9._~-]{16,}$/;
const SECRET_RULE = 'must be at least 16 URL-safe characters (letters, digits, . _ ~ -)';

/**
 * SWITCHBOARD_DEV_KEY, else the key kept in DATA_DIR (made on first start, mode 0600), else
 * (DATA_DIR=memory) a new one for this run.
 */
function devKey(env: Env, dataDir: string): DevKey {
  const given = str(env, 'SWITCHBOARD_DEV_KEY');
  if (given !== undefined) {
    if (!SECRET.test(given)) throw new ConfigError('SWITCHBOARD_DEV_KEY', SECRET_RULE, `dev-${randomBytes(12).toString('hex')}`);
    return { key: given, source: 'SWITCHBOARD_DEV_KEY' };
  }
  const key = `dev_${randomBytes(18).toString('base64url')}`;
  if (dataDir === 'memory') return { key, source: 'run' };
  const file = path.resolve(dataDir, DEV_KEY_FILE);
  const unusable = (problem: string) => new ConfigError('DATA_DIR', `${problem} (the dev key is kept there when SWITCHBOARD_API_KEYS is unset)`, './.switchboard');
  // Written whole under another name, then linked into place: a crash or a second process
  // starting at the same moment never leaves an empty or a second key.
  const draft = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(draft, `${key}\n`, { mode: 0o600 });
    linkSync(draft, file);
    return { key, source: 'file', file };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw unusable(`cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  } finally {
    try {
      unlinkSync(draft);
    } catch {
      // never written
    }
  }
  let kept: string;
  try {
    kept = readFileSync(file, 'utf8').trim();
  } catch (err) {
    throw unusable(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  if (!SECRET.test(kept)) throw unusable(`${file} holds no valid key (it ${SECRET_RULE}; delete the file for a new one)`);
  return { key: kept, source: 'file', file };
}

/** TRUST_PROXY: a hop count, or proxy addresses and CIDR ranges (`10.0.0.0/8,::1`). */
function trustProxy(env: Env): false | number | string[] {
  const raw = str(env, 'TRUST_PROXY');
  if (raw === undefined) return false;
  const example = '1';
  if (/^\d+$/.test(raw)) return int(env, 'TRUST_PROXY', 0, 1, 10, example);
  const entries = raw.split(',').map((s) => s.trim());
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = family === 6 ? 128 : 32;
    if (!family || rest.length > 0 || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= bits))) {
      // `true` would trust any client's own X-Forwarded-For: say what to write instead.
      throw new ConfigError('TRUST_PROXY', `"${entry}" is neither a hop count nor an IP address or CIDR range (a proxy's)`, example);
    }
  }
  return entries;
}

/** A loopback HOST: only this machine can connect, so its browser pages on any localhost port may too. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** CORS_ORIGINS: `*`, or origins (`https://app.example.com,http://localhost:5173`). */
function corsOrigins(env: Env, host: string): Config['corsOrigins'] {
  const raw = str(env, 'CORS_ORIGINS');
  if (raw === undefined) return isLoopbackHost(host) ? 'loopback' : [];
  if (raw === '*') return '*';
  const example = 'https://app.example.com,http://localhost:5173';
  return raw.split(',').map((entry) => {
    const origin = entry.trim();
    let u: URL | undefined;
    try {
      u = new URL(origin);
    } catch {
      // reported below
    }
    // An origin is scheme://host[:port], exactly as a browser sends it: no path, no trailing slash.
    if (!u || !['http:', 'https:'].includes(u.protocol) || u.origin !== origin) {
      throw new ConfigError('CORS_ORIGINS', `"${origin}" is not an origin (scheme://host[:port], no path; or * alone)`, example);
    }
    return origin;
  });
}

function parseApiKeys(raw: string): Map<string, Set<Scope>> {
  const example = 'frontend-key-1=read;ops-key-0001=read,write,admin';
  const keys = new Map<string, Set<Scope>>();
  for (const entry of raw.split(';').map((s) => s.trim()).filter(Boolean)) {
    const eq = entry.indexOf('=');
    const key = eq < 0 ? '' : entry.slice(0, eq).trim();
    if (!key) throw new ConfigError('SWITCHBOARD_API_KEYS', 'every entry must be key=scope[,scope]', example);
    if (key.length < 8) throw new ConfigError('SWITCHBOARD_API_KEYS', 'a key must be at least 8 characters long', example);
    const scopes = new Set<Scope>();
    for (const s of entry.slice(eq + 1).split(',').map((x) => x.trim())) {
      if (!(SCOPES as readonly string[]).includes(s)) {
        throw new ConfigError('SWITCHBOARD_API_KEYS', `unknown scope "${s}" (scopes are read, write and admin)`, example);
      }
      scopes.add(s as Scope);
    }
    keys.set(key, scopes);
  }
  if (keys.size === 0) throw new ConfigError('SWITCHBOARD_API_KEYS', 'holds no key', example);
  return keys;
}

/**
 * A provider is LIVE when all its credentials are set, SANDBOX when none are and the
 * sandbox is on, OFF otherwise. Half a set of credentials is a mistake worth stopping for.
 */
function account<T>(env: Env, sandbox: boolean, credentials: string[], baseUrlVar: string, build: (values: Record<string, string>) => T): ProviderSettings<T> {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of credentials) {
    const v = str(env, name);
    if (v === undefined) missing.push(name);
    else values[name] = v;
  }
  const present = credentials.length - missing.length;
  if (present > 0 && missing.length > 0) {
    const name = missing[0]!;
    throw new ConfigError(name, `is required when ${credentials.find((c) => values[c] !== undefined)} is set`, `your-${name.toLowerCase().replace(/_/g, '-')}`);
  }
  if (present === 0) {
    if (str(env, baseUrlVar) !== undefined) {
      // The example is empty: unset, for the sandbox.
      throw new ConfigError(baseUrlVar, `is set but ${credentials.join(', ')} ${credentials.length > 1 ? 'are' : 'is'} not: set them, or leave it empty for the sandbox`, '');
    }
    return { mode: sandbox ? 'SANDBOX' : 'OFF' };
  }
  return { mode: 'LIVE', live: build(values) };
}

function configEnv(env: Env, sandbox: boolean): ConfigEnv {
  return {
    value: (name) => str(env, name),
    int: (name, fallback, min, max, example) => int(env, name, fallback, min, max, example),
    url: (name, fallback, example) => url(env, name, fallback, ['https:', 'http:'], example)!,
    account: (credentials, baseUrl, build) => account(env, sandbox, credentials, baseUrl, build),
    fail(name, problem, example) {
      throw new ConfigError(name, problem, example);
    },
  };
}

export function loadConfig(env: Env = process.env): Config {
  const port = int(env, 'PORT', 4000, 0, 65535, '4000');
  const host = str(env, 'HOST') ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host)) throw new ConfigError('HOST', `"${host}" is not a host name or address`, '0.0.0.0');
  const publicUrl = url(env, 'PUBLIC_URL', undefined, ['http:', 'https:'], 'https://switchboard.example.com');

  const sandboxRaw = (str(env, 'SANDBOX') ?? 'on').toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0'].includes(sandboxRaw)) {
    throw new ConfigError('SANDBOX', `"${sandboxRaw}" is neither on nor off`, 'off');
  }
  const sandbox = ['on', 'true', '1'].includes(sandboxRaw);

  const databaseUrl = url(env, 'DATABASE_URL', undefined, ['postgres:', 'postgresql:'], 'postgres://switchboard@localhost:5432/switchboard');
  const redisUrl = url(env, 'REDIS_URL', undefined, ['redis:', 'rediss:'], 'redis://localhost:6379');
  const dataDir = str(env, 'DATA_DIR') ?? './.switchboard';

  const keysRaw = str(env, 'SWITCHBOARD_API_KEYS');
  let apiKeys: Map<string, Set<Scope>>;
  let dev: DevKey | undefined;
  if (keysRaw === undefined) {
    dev = devKey(env, dataDir);
    apiKeys = new Map([[dev.key, new Set<Scope>(SCOPES)]]);
  } else {
    if (str(env, 'SWITCHBOARD_DEV_KEY') !== undefined) {
      // The example is empty: unset, as the configured keys replace the dev key.
      throw new ConfigError('SWITCHBOARD_DEV_KEY', 'is set but so is SWITCHBOARD_API_KEYS, and a dev key is only used without API keys: leave it empty', '');
    }
    apiKeys = parseApiKeys(keysRaw);
  }

  const tokenRaw = str(env, 'WEBHOOK_TOKEN');
  if (tokenRaw !== undefined && !SECRET.test(tokenRaw)) throw new ConfigError('WEBHOOK_TOKEN', SECRET_RULE, randomBytes(16).toString('hex'));
  const webhookToken = tokenRaw ?? randomBytes(24).toString('base64url');

  const scaleRaw = str(env, 'SANDBOX_TIME_SCALE');
  const sandboxTimeScale = scaleRaw === undefined ? 0.001 : Number(scaleRaw);
  if (!Number.isFinite(sandboxTimeScale) || sandboxTimeScale <= 0 || sandboxTimeScale > 1) {
    throw new ConfigError('SANDBOX_TIME_SCALE', `"${scaleRaw}" must be a number in (0, 1]`, '0.01');
  }

  const pause = str(env, 'SWITCHBOARD_TEST_WEBHOOK_PAUSE');
  if (pause !== undefined && ((pause !== 'claimed' && pause !== 'applied') || str(env, 'NODE_ENV') === 'production')) {
    throw new ConfigError('SWITCHBOARD_TEST_WEBHOOK_PAUSE', 'is for tests only: claimed or applied, never in production', 'claimed');
  }

  const logLevel = str(env, 'LOG_LEVEL') ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `"${logLevel}" is not a pino level`, 'debug');
  }

  return {
    port,
    host,
    publicUrl,
    production: str(env, 'NODE_ENV') === 'production',
    logLevel,
    databaseUrl,
    dataDir,
    redisUrl,
    apiKeys,
    devKey: dev,
    webhookToken,
    webhookTokenGenerated: tokenRaw === undefined,
    sandbox,
    sandboxTimeScale,
    upstreamTimeoutMs: int(env, 'UPSTREAM_TIMEOUT_MS', 10_000, 100, 120_000, '10000'),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000, '600'),
    trustProxy: trustProxy(env),
    corsOrigins: corsOrigins(env, host),
    keepAliveMs: int(env, 'KEEPALIVE_MS', 10_000, 50, 60_000, '10000'),
    webhookClaimLeaseSeconds: int(env, 'WEBHOOK_CLAIM_LEASE_SECONDS', 60, 1, 3_600, '60'),
    reconciliationIntervalSeconds: int(env, 'RECONCILIATION_INTERVAL_SECONDS', 300, 0, 86_400, '300'),
    reconciliationLeaseSeconds: int(env, 'RECONCILIATION_LEASE_SECONDS', 120, 1, 3_600, '120'),
    testWebhookPause: pause,
    providers: Object.fromEntries(PROVIDER_MODULES.map((m) => [m.name, m.settings(configEnv(env, sandbox))])) as Record<ProviderName, ProviderSettings>,
  };
}

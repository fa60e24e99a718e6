/** The upstream client base against a scripted node:http server on loopback. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { Options } from 'got';
import PCancelable from 'p-cancelable';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agents, statusFailure, Upstream, type UpstreamOptions } from '../../src/datasources/upstream.js';
import { ErrorCode, GatewayError } from '../../src/errors.js';
import { closedPort } from '../helpers/closed-port.js';

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
}

/** Answers are consumed in order; the last one repeats. */
let script: Answer[] = [];
let hits: Array<{ method: string; url: string }> = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push({ method: req.method!, url: req.url! });
    const answer = (script.length > 1 ? script.shift() : script[0])!;
    req.resume();
    setTimeout(() => res.writeHead(answer.status, answer.headers).end(answer.body ?? ''), answer.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  hits = [];
});

const upstream = (opts: Partial<UpstreamOptions> = {}) =>
  new Upstream({ provider: 'AVANSER', baseUrl: base, timeoutMs: 500, log: pino({ level: 'silent' }), ...opts });

const failure = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable('should have failed'),
    (err: unknown) => err as GatewayError,
  );

describe('Upstream retries', () => {
  it('retries an idempotent GET on 503 and returns the answer that succeeds', async () => {
    script = [{ status: 503 }, { status: 503 }, { status: 200, body: 'ok' }];
    // A deadline roomy enough for both backoffs (up to 200 + 400 ms of jitter).
    const res = await upstream({ timeoutMs: 5_000 }).request({ operation: 'read', method: 'GET', path: '/x' });
    expect(res).toMatchObject({ status: 200, body: 'ok' });
    expect(hits).toHaveLength(3);
  });

  it('never repeats a POST unless the caller says it is idempotent', async () => {
    script = [{ status: 503 }, { status: 200 }];
    const res = await upstream().request({ operation: 'create', method: 'POST', path: '/x', json: {} });
    expect(res.status).toBe(503);
    expect(hits).toHaveLength(1);

    script = [{ status: 503 }, { status: 201 }];
    hits = [];
    const safe = await upstream().request({ operation: 'create', method: 'POST', path: '/x', json: {}, idempotent: true });
    expect(safe.status).toBe(201);
    expect(hits).toHaveLength(2);
  });

  it('stops after the retry limit and hands back the last answer', async () => {
    script = [{ status: 502, body: 'bad gateway' }];
    const res = await upstream({ retries: 1 }).request({ operation: 'read', method: 'GET' });
    expect(res).toMatchObject({ status: 502, body: 'bad gateway' });
    expect(hits).toHaveLength(2);
  });

  it('does not retry statuses the provider excludes (a SOAP fault on HTTP 500)', async () => {
    script = [{ status: 500, body: '<soap:Fault/>' }, { status: 200 }];
    const res = await upstream({ retryStatuses: [502, 503, 504] }).request({ operation: 'read', method: 'POST', idempotent: true });
    expect(res.status).toBe(500);
    expect(hits).toHaveLength(1);
  });

  it("honours Retry-After and reports it on the final answer", async () => {
    script = [{ status: 429, headers: { 'retry-after': '0' } }, { status: 429, headers: { 'retry-after': '7' } }];
    const res = await upstream({ retries: 1 }).request({ operation: 'read', method: 'GET' });
    expect(res.status).toBe(429);
    expect(res.retryAfterSeconds).toBe(7);
    expect(hits).toHaveLength(2);
  });

  it('does not retry a client error', async () => {
    script = [{ status: 400 }, { status: 200 }];
    const res = await upstream().request({ operation: 'read', method: 'GET' });
    expect(res.status).toBe(400);
    expect(hits).toHaveLength(1);
  });
});

describe('Upstream deadline', () => {
  it('bounds a read with all its retries by timeoutMs', async () => {
    script = [{ status: 200, delayMs: 2_000 }];
    const started = performance.now();
    const err = await failure(upstream({ timeoutMs: 300 }).request({ operation: 'read', method: 'GET' }));
    const elapsed = performance.now() - started;
    expect(err.code).toBe(ErrorCode.UPSTREAM_TIMEOUT);
    expect(elapsed).toBeLessThan(300 + 150);
    expect(hits).toHaveLength(1);
  });

  it('gives a retry only what is left of the deadline', async () => {
    // The retry starts at 300 ms (the provider's Retry-After: 0, no jitter) and hangs: a full
    // timeout of its own would end it at 700 ms, what is left of the deadline at 400.
    script = [{ status: 503, delayMs: 300, headers: { 'retry-after': '0' } }, { status: 200, delayMs: 2_000 }];
    const started = performance.now();
    const err = await failure(upstream({ timeoutMs: 400 }).request({ operation: 'read', method: 'GET' }));
    const elapsed = performance.now() - started;
    expect(err.code).toBe(ErrorCode.UPSTREAM_TIMEOUT);
    expect(hits).toHaveLength(2);
    expect(elapsed).toBeLessThan(400 + 250);
  });

  it('retries only while the deadline leaves time for it', async () => {
    script = [{ status: 503, delayMs: 150 }, { status: 503, delayMs: 150 }, { status: 200, body: 'late' }];
    const started = performance.now();
    const outcome = await upstream({ timeoutMs: 250 }).request({ operation: 'read', method: 'GET' }).then((r) => r.status, (e: GatewayError) => e.code);
    expect(performance.now() - started).toBeLessThan(250 + 150);
    expect([503, ErrorCode.UPSTREAM_TIMEOUT]).toContain(outcome);
    expect(hits.length).toBeLessThan(3);
  });
});

describe('Upstream over HTTPS', () => {
  // A self-signed certificate for 127.0.0.1 (test/fixtures/tls, valid for a century).
  const tls = { key: readFileSync('test/fixtures/tls/loopback-test-key.pem'), cert: readFileSync('test/fixtures/tls/loopback-test-cert.pem') };
  let secure: https.Server;
  let secureBase: string;
  beforeAll(async () => {
    secure = https.createServer(tls, (req, res) => {
      hits.push({ method: req.method!, url: req.url! });
      res.end('{"over":"tls"}');
    });
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    secureBase = `https://127.0.0.1:${(secure.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    delete agents.https.options.ca;
    return new Promise<void>((resolve) => secure.close(() => resolve()));
  });

  it('checks the provider\'s certificate, and reads its answer once it is trusted', async () => {
    const err = await failure(upstream({ baseUrl: secureBase, retries: 0 }).request({ operation: 'read', method: 'GET', path: '/v1/x' }));
    expect(err.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect(hits).toHaveLength(0);
    agents.https.options.ca = tls.cert;
    const res = await upstream({ baseUrl: secureBase }).request({ operation: 'read', method: 'GET', path: '/v1/x', searchParams: { a: '1' } });
    expect([res.status, res.body]).toEqual([200, '{"over":"tls"}']);
    expect(hits).toEqual([{ method: 'GET', url: '/v1/x?a=1' }]);
  });
});

describe('Upstream failures', () => {
  it('turns a slow answer into UPSTREAM_TIMEOUT', async () => {
    script = [{ status: 200, delayMs: 400 }];
    const err = await failure(upstream({ timeoutMs: 100, retries: 0 }).request({ operation: 'read', method: 'GET' }));
    expect(err).toBeInstanceOf(GatewayError);
    expect(err.code).toBe(ErrorCode.UPSTREAM_TIMEOUT);
    expect(err.extensions.provider).toBe('AVANSER');
  });

  it('turns a refused connection into UPSTREAM_UNAVAILABLE without leaking the address', async () => {
    const port = await closedPort();
    const err = await failure(upstream({ baseUrl: `http://127.0.0.1:${port}`, retries: 0 }).request({ operation: 'read', method: 'GET' }));
    expect(err.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect(err.message).not.toContain(String(port));
  });

  it('opens the circuit after repeated outage answers, then pauses calls', async () => {
    script = [{ status: 503 }];
    const client = upstream({ retries: 0 });
    for (let i = 0; i < 10; i++) expect((await client.request({ operation: 'read', method: 'GET' })).status).toBe(503);
    const before = hits.length;
    const err = await failure(client.request({ operation: 'read', method: 'GET' }));
    expect(err.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect(hits.length).toBe(before);
  });

  it('opens the circuit on persistent 500s too: calls stop reaching the provider', async () => {
    script = [{ status: 500 }];
    const client = upstream({ timeoutMs: 5_000 });
    const answers = [];
    for (let i = 0; i < 14; i++) answers.push(await client.request({ operation: 'read', method: 'GET' }).then((r) => r.status, (e: GatewayError) => e.code));
    // Ten failing calls (three tries each) open it; the rest are refused without a hit.
    expect(answers).toEqual([...Array(10).fill(500), ...Array(4).fill(ErrorCode.UPSTREAM_UNAVAILABLE)]);
    expect(hits).toHaveLength(30);
  });

  it('says which failures prove the provider did nothing', async () => {
    const nothingDone = (p: Promise<unknown>) => failure(p).then((e) => e.nothingDone);
    const port = await closedPort();
    expect(await nothingDone(upstream({ baseUrl: `http://127.0.0.1:${port}`, retries: 0 }).request({ operation: 'create', method: 'POST' }))).toBe(true);
    script = [{ status: 200, delayMs: 400 }];
    expect(await nothingDone(upstream({ timeoutMs: 100 }).request({ operation: 'create', method: 'POST' }))).toBe(false);
    expect(statusFailure('AVANSER', { status: 403, headers: {}, body: '' }).nothingDone).toBe(true);
    expect(statusFailure('AVANSER', { status: 409, headers: {}, body: '' }).nothingDone).toBe(true);
    expect(statusFailure('AVANSER', { status: 502, headers: {}, body: '' }).nothingDone).toBe(false);
    expect(statusFailure('AVANSER', { status: 200, headers: {}, body: '' }).nothingDone).toBe(false);
  });

  it('keeps the circuit closed when the provider answers business errors', async () => {
    script = [{ status: 404 }];
    const client = upstream({ retries: 0 });
    for (let i = 0; i < 12; i++) await client.request({ operation: 'read', method: 'GET' });
    // Still closed: the next call reaches the provider and gets its answer.
    expect((await client.request({ operation: 'read', method: 'GET' })).status).toBe(404);
    expect(hits).toHaveLength(13);
  });
});

describe('Upstream connections', () => {
  // A provider closes a connection it has kept idle for its keep-alive timeout; a POST sent on it
  // just then fails with ECONNRESET and is not retried. The client gives it up a second before.
  it("reuses a connection while it is idle, and stops a second before the provider's announced keep-alive ends", async () => {
    const provider = http.createServer((req, res) => {
      req.resume();
      res.end(String(req.socket.remotePort));
    });
    provider.keepAliveTimeout = 3_000; // announced as Keep-Alive: timeout=3
    let connections = 0;
    provider.on('connection', () => connections++);
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    try {
      const client = upstream({ baseUrl: `http://127.0.0.1:${(provider.address() as AddressInfo).port}`, retries: 0 });
      const post = async () => (await client.request({ operation: 'create', method: 'POST', path: '/x', json: {} })).body;
      const first = await post();
      await new Promise((r) => setTimeout(r, 400));
      expect(await post()).toBe(first);
      // Idle 2.6 s: the client gave the connection up at 2 s.
      await new Promise((r) => setTimeout(r, 2_600));
      expect(await post()).not.toBe(first);
      expect(connections).toBe(2);
    } finally {
      provider.closeAllConnections();
      await new Promise<void>((resolve) => provider.close(() => resolve()));
    }
  });

  // Waiting out 30 s here would make the suite 30 s longer: the pooled connection's idle timer
  // is what gives it up (the case above shows that timer at work, shortened by an announcement).
  it('gives up a connection idle for 30 s when the provider announces no keep-alive timeout', async () => {
    const provider = http.createServer((req, res) => {
      req.resume();
      res.end(String(req.socket.remotePort));
    });
    provider.keepAliveTimeout = 0; // no Keep-Alive header, connections kept until the client closes them
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    try {
      const client = upstream({ baseUrl: `http://127.0.0.1:${(provider.address() as AddressInfo).port}`, retries: 0 });
      const res = await client.request({ operation: 'create', method: 'POST', path: '/x', json: {} });
      expect(res.headers['keep-alive']).toBeUndefined();
      // The agent pools the connection once the response has ended, on the next turn.
      await new Promise((r) => setTimeout(r, 50));
      const pooled = Object.values(agents.http.freeSockets).flat().find((s) => s?.localPort === Number(res.body));
      expect(pooled?.timeout).toBe(30_000);
    } finally {
      provider.closeAllConnections();
      await new Promise<void>((resolve) => provider.close(() => resolve()));
    }
  });
});

describe('got, as patched (patches/got+14.6.6.patch)', () => {
  // On Node 20's V8, `{ ...a, b, c, … }` built a new hidden class on every call: got's
  // createNativeRequestOptions cost ~70 µs and old-space garbage per request. The patch builds
  // the same object with Object.assign.
  it('is applied', () => {
    expect(String(Options.prototype.createNativeRequestOptions)).toContain('Object.assign({}, internals.cacheOptions, this._unixOptions, {');
  });

  it('still hands node:http the cache, unix-socket and TLS options', () => {
    const tls = new Options('https://provider.test/v1/numbers', { https: { rejectUnauthorized: false }, cacheOptions: { shared: false }, method: 'POST' });
    expect(tls.createNativeRequestOptions()).toMatchObject({ shared: false, rejectUnauthorized: false, method: 'POST', setHost: true });
    const unix = new Options('unix:/tmp/provider.sock:/v1/numbers', { enableUnixSockets: true });
    expect(unix.createNativeRequestOptions()).toMatchObject({ socketPath: '/tmp/provider.sock', path: '/v1/numbers', method: 'GET' });
  });
});

describe('p-cancelable, as patched (patches/p-cancelable+4.0.1.patch)', () => {
  // got's promises are p-cancelable's. It defined `shouldReject` as accessors on each promise's
  // `onCancel`: a hidden class per promise, kept in V8's old generation, so every promise and what
  // it settled with (got's request and response) outlived young-generation collections.
  it('keeps its cancel semantics: a cancel rejects with CancelError, unless shouldReject was turned off', async () => {
    const ran: string[] = [];
    const a = new PCancelable((_resolve, _reject, onCancel) => onCancel(() => ran.push('a')));
    a.cancel('stopped');
    await expect(a).rejects.toMatchObject({ name: 'CancelError', message: 'stopped' });
    let settle!: (value: string) => void;
    const b = new PCancelable<string>((resolve, _reject, onCancel) => {
      settle = resolve;
      onCancel.shouldReject = false;
      expect(onCancel.shouldReject).toBe(false);
      onCancel(() => ran.push('b'));
    });
    b.cancel();
    settle('done');
    await expect(b).resolves.toBe('done');
    expect(b.isCanceled).toBe(true);
    expect(ran).toEqual(['a', 'b']);
  });
});

describe('young-generation garbage', () => {
  /** npm start's node flags (package.json's start script, as the bench reads them). */
  const startFlags = () => /exec node ((?:--\S+ )*)scripts\/start\.mjs/.exec(JSON.parse(readFileSync('package.json', 'utf8')).scripts.start)![1]!.split(' ').filter(Boolean);

  // got's calls as the gateway makes them (src/datasources/upstream.ts: a prepared instance, a
  // deadline in the context, node:http given only defined options), against a server in the same
  // process, measured from the first call: a full collection can end the survival for a while, so
  // a warmed-up window hid it. Without got's as-promise patch, 7.5% of what the calls allocate was
  // promoted (2 full collections in 4,000 calls; 0.3% with it, with or without
  // `--no-allocation-site-pretenuring`); without the p-cancelable patch, or without that flag
  // before the as-promise patch, ~20% survived each young collection (9-12 ms pauses instead of ~1).
  const calls = `
    import http from 'node:http';
    import got from 'got';
    const server = http.createServer((req, res) => res.end('{"numbers":[]}'));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new http.Agent({ keepAlive: true });
    const request = (url, options) => {
      const given = {};
      for (const key in options) if (options[key] !== undefined) given[key] = options[key];
      return http.request(url, given);
    };
    const client = got.extend({ agent: { http: agent }, request, timeout: { request: 10000 }, throwHttpErrors: false, followRedirect: false, retry: { limit: 2 } });
    const url = 'http://127.0.0.1:' + server.address().port + '/v1/numbers';
    const call = () => client(url, { method: 'GET', context: { deadline: Date.now() + 10000 } });
    for (let i = 0; i < 4000; i++) await call();
    server.close();
    agent.destroy();
  `;

  it("lets a got call's objects die young, with npm start's node flags", { timeout: 60_000 }, async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [...startFlags(), '--trace-gc-nvp', '--input-type=module', '-e', calls], { maxBuffer: 64 * 2 ** 20 });
    const scavenges = stdout
      .split('\n')
      .filter((line) => line.includes(' gc=s '))
      .map((line) => Object.fromEntries([...line.matchAll(/(\w+)=([\d.]+)/g)].map((m) => [m[1], Number(m[2])])));
    expect(scavenges.length).toBeGreaterThan(3);
    const sum = (key: string) => scavenges.reduce((n, s) => n + (s[key] ?? 0), 0);
    expect(sum('promoted') / sum('allocated')).toBeLessThan(0.02);
  });
});

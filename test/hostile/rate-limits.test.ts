/**
 * Rate limits as a hostile client meets them: per API key however the header is written, per
 * client address without a valid key (X-Forwarded-For only from trusted proxies), over HTTP
 * (GET and POST, the SDL too) and WebSocket against one bucket, with 429, Retry-After and
 * RateLimit-* headers; webhooks never limited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, WEBHOOK_TOKEN, wsResult, type TestGateway } from '../helpers/gateway.js';
import { fixture } from '../delacon/helpers.js';

const LIMIT = 3;
const key = (name: string) => `rate-${name}-key-0000`;
const KEYS = ['post', 'forms', 'other', 'ws', 'schema'].map(key);
const QUERY = '{ providers { provider } }';

let gw: TestGateway;
beforeAll(async () => {
  // The tests run behind no proxy: loopback stands for one, so X-Forwarded-For names the client.
  gw = await startTestGateway({ RATE_LIMIT_PER_MINUTE: String(LIMIT), SWITCHBOARD_API_KEYS: KEYS.map((k) => `${k}=read`).join(';'), TRUST_PROXY: '127.0.0.0/8,::1' });
});
afterAll(async () => {
  await gw?.close();
});

function post(headers: Record<string, string>, target = gw) {
  return fetch(target.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: QUERY }) });
}
const get = (headers: Record<string, string>) => fetch(`${gw.graphqlUrl}?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json', ...headers } });
const bearer = (k: string) => ({ authorization: `Bearer ${k}` });

async function expectRateLimited(res: Response) {
  expect(res.status).toBe(429);
  // JSON whatever type the request asked for: the body is the 429's own, not a GraphQL response.
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.headers.get('ratelimit-limit')).toBe(String(LIMIT));
  expect(res.headers.get('ratelimit-remaining')).toBe('0');
  expect(Number(res.headers.get('ratelimit-reset'))).toBe(retryAfter);
  const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
  expect(body).toEqual({ errors: [{ message: expect.stringMatching(/^Rate limit exceeded: 3 operations per minute/), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } }] });
}

describe('GraphQL over HTTP', () => {
  it('lets a key run its minute (POST and GET alike), then answers 429 RATE_LIMITED with Retry-After and RateLimit-*', async () => {
    const answers = [await post(bearer(KEYS[0]!)), await get({ ...bearer(KEYS[0]!), 'apollo-require-preflight': 'true' }), await post(bearer(KEYS[0]!))];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(answers.map((r) => r.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0']);
    for (const r of answers) expect(r.headers.get('ratelimit-limit')).toBe('3');
    for (const r of answers) expect(r.headers.get('retry-after')).toBeNull();

    for (let i = 0; i < 10; i++) await expectRateLimited(await post(bearer(KEYS[0]!)));
    await expectRateLimited(await post({ ...bearer(KEYS[0]!), accept: 'application/graphql-response+json' }));
    await expectRateLimited(await get(bearer(KEYS[0]!)));
  });

  it('counts a key once however the Authorization header is written, and each key apart', async () => {
    const k = KEYS[1]!;
    const forms = [`Bearer ${k}`, `bearer ${k}`, `Bearer  ${k}`];
    expect(await Promise.all(forms.map(async (authorization) => (await post({ authorization })).status))).toEqual([200, 200, 200]);
    await expectRateLimited(await post({ authorization: `BEARER ${k}  ` }));
    // Another key has its own bucket.
    expect((await post(bearer(KEYS[2]!))).status).toBe(200);
  });

  it('limits callers without a valid key per client address, whatever key they make up', async () => {
    const from = (ip: string, headers: Record<string, string> = {}) => post({ 'x-forwarded-for': ip, ...headers });
    expect([(await from('198.51.100.7')).status, (await from('198.51.100.7', bearer('made-up-key-0001'))).status, (await from('198.51.100.7', bearer('made-up-key-0002'))).status]).toEqual([401, 401, 401]);
    await expectRateLimited(await from('198.51.100.7', bearer('made-up-key-0003')));
    await expectRateLimited(await from('198.51.100.7'));
    // Another address, and a valid key from the same address, are counted apart.
    expect((await from('198.51.100.8')).status).toBe(401);
    expect((await from('198.51.100.7', bearer(KEYS[2]!))).status).toBe(200);
  });
});

describe('X-Forwarded-For', () => {
  const unauthenticated = (target: TestGateway, xff: string) => post({ 'x-forwarded-for': xff }, target);

  it('is ignored without TRUST_PROXY: a client that forges it gets no fresh bucket', async () => {
    const direct = await startTestGateway({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    try {
      const forged = ['203.0.113.1', '203.0.113.2', '203.0.113.3'];
      expect(await Promise.all(forged.map(async (ip) => (await unauthenticated(direct, ip)).status))).toEqual([401, 401, 401]);
      await expectRateLimited(await unauthenticated(direct, '203.0.113.4'));
    } finally {
      await direct.close();
    }
  });

  it('with TRUST_PROXY=1 names the client by the address the proxy appended, whatever the client put before it', async () => {
    const proxied = await startTestGateway({ RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: '1' });
    try {
      const forged = ['203.0.113.1', '203.0.113.2', '203.0.113.3'].map((ip) => `${ip}, 198.51.100.20`);
      expect(await Promise.all(forged.map(async (xff) => (await unauthenticated(proxied, xff)).status))).toEqual([401, 401, 401]);
      await expectRateLimited(await unauthenticated(proxied, '203.0.113.4, 198.51.100.20'));
      expect((await unauthenticated(proxied, '198.51.100.21')).status).toBe(401);
    } finally {
      await proxied.close();
    }
  });
});

describe('GET /schema.graphql', () => {
  it('counts against the key’s bucket like introspection', async () => {
    const k = KEYS[4]!;
    const sdl = () => fetch(`${gw.url}/schema.graphql`, { headers: bearer(k) });
    const answers = [await sdl(), await sdl(), await sdl()];
    expect(answers.map((r) => [r.status, r.headers.get('ratelimit-remaining')])).toEqual([[200, '2'], [200, '1'], [200, '0']]);
    await expectRateLimited(await sdl());
    await expectRateLimited(await post(bearer(k)));
  });
});

describe('GraphQL over WebSocket', () => {
  it('counts each operation against the key’s HTTP bucket; over it an operation gets RATE_LIMITED and the socket stays open', async () => {
    const k = KEYS[3]!;
    expect((await post(bearer(k))).status).toBe(200);
    const client = gw.ws(k);
    let closed = false;
    client.on('closed', () => (closed = true));
    // Every `subscribe` message is one operation, whatever it runs.
    for (let i = 0; i < 2; i++) expect(await wsResult(client, QUERY)).toMatchObject({ data: { providers: expect.any(Array) } });

    for (let i = 0; i < 3; i++) {
      const refused = await wsResult(client, QUERY);
      expect(refused.errors).toEqual([{ message: expect.stringMatching(/^Rate limit exceeded/), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } }]);
    }
    expect(closed).toBe(false);
    await expectRateLimited(await post(bearer(k)));
  });
});

describe('webhooks', () => {
  it('are never rate limited: 30 deliveries with a limit of 3 are all accepted', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const id = String(91_000_000 + i);
      const res = await fetch(`${gw.url}/webhooks/delacon/calls?token=${WEBHOOK_TOKEN}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: fixture('call-start.json').replace('1122334', id) });
      expect(await res.text()).toBe(`{"PLA_Call_Id":"${id}","success":"true","error":""}`);
      expect(res.headers.get('ratelimit-limit')).toBeNull();
      statuses.push(res.status);
    }
    expect(statuses).toEqual(Array(30).fill(200));
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)('two instances sharing Redis', () => {
  it('count a key against one bucket', async () => {
    // A key of this run: Redis keeps buckets across runs.
    const k = `rate-shared-${Date.now()}`;
    const env = { RATE_LIMIT_PER_MINUTE: String(LIMIT), SWITCHBOARD_API_KEYS: `${k}=read`, REDIS_URL: process.env.TEST_REDIS_URL! };
    const [a, b] = await Promise.all([startTestGateway(env), startTestGateway(env)]);
    try {
      expect([(await post(bearer(k), a)).status, (await post(bearer(k), b)).status, (await post(bearer(k), a)).status]).toEqual([200, 200, 200]);
      await expectRateLimited(await post(bearer(k), b));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

/**
 * CORS as browsers meet it: preflights from a dev server's origin answered 204 with the headers
 * the clients send (never rate limited, never 400), answers readable by allowed origins only,
 * credentials per the Fetch spec, and Apollo's CSRF prevention still refusing simple requests.
 * (Node's fetch sends whatever Origin we give it; test/clients/cors-browser.test.ts has Chromium
 * enforce the same answers.)
 */
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RW_KEY, startTestGateway, type TestGateway } from '../helpers/gateway.js';

const DEV_SERVER = 'http://localhost:3000';
const OTHER_KEY = 'cors-other-key-0000';
const CSRF_KEY = 'cors-csrf-key-00000';

function preflight(gw: TestGateway, origin: string, requestHeaders = 'authorization, content-type', path = '/graphql') {
  return fetch(`${gw.url}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders } });
}

const allowHeaders = (res: Response) => (res.headers.get('access-control-allow-headers') ?? '').split(',').map((h) => h.trim());

describe('on a loopback HOST, by default', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // Each test its own key: the limit is low enough to reach.
    gw = await startTestGateway({ RATE_LIMIT_PER_MINUTE: '2', SWITCHBOARD_API_KEYS: [RW_KEY, OTHER_KEY, CSRF_KEY].map((k) => `${k}=read,write`).join(';') });
  });
  afterAll(() => gw?.close());

  it('answers a preflight from a localhost dev server 204 with the methods and every header the clients send', async () => {
    const asked = 'authorization, content-type, accept, apollo-require-preflight, x-apollo-operation-name, apollographql-client-name, sentry-trace';
    for (const origin of [DEV_SERVER, 'http://127.0.0.1:5173', 'http://[::1]:8080', 'https://localhost']) {
      const res = await preflight(gw, origin, asked);
      expect(res.status, origin).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-credentials')).toBe('true');
      expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST');
      expect(allowHeaders(res)).toEqual(expect.arrayContaining(asked.split(', ')));
      expect(res.headers.get('access-control-max-age')).toBe('600');
      expect(res.headers.get('vary')).toMatch(/^Origin\b/);
      expect(await res.text()).toBe('');
    }
  });

  it('never rate limits or refuses a preflight: 10 with a limit of 2 are all 204, and /schema.graphql takes them too', async () => {
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => preflight(gw, DEV_SERVER, 'authorization', i % 2 ? '/graphql' : '/schema.graphql').then((r) => [r.status, r.headers.get('ratelimit-limit')])));
    expect(statuses).toEqual(Array(10).fill([204, null]));
    // Nor is a plain OPTIONS (no preflight headers) a 400: it lists the methods.
    const plain = await fetch(gw.graphqlUrl, { method: 'OPTIONS' });
    expect([plain.status, plain.headers.get('allow')]).toEqual([204, 'GET, POST, OPTIONS']);
  });

  it('grants nothing to another site: 204 without Access-Control-Allow-*, and its answers carry none', async () => {
    const pre = await preflight(gw, 'https://evil.example');
    expect(pre.status).toBe(204);
    expect([...pre.headers.keys()].filter((h) => h.startsWith('access-control-allow'))).toEqual([]);
    const res = await fetch(gw.graphqlUrl, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json', authorization: `Bearer ${OTHER_KEY}` }, body: '{"query":"{ providers { provider } }"}' });
    expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([200, null]);
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('lets Apollo Client on the dev server’s origin read its answers (with credentials), refusals and 429s included', async () => {
    const seen: Response[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin: DEV_SERVER } });
      seen.push(res);
      return res;
    };
    const client = (key: string) => new ApolloClient({ link: new HttpLink({ uri: gw.graphqlUrl, fetch: recordingFetch, credentials: 'include', headers: { authorization: `Bearer ${key}` } }), cache: new InMemoryCache() });
    const query = gql`query Providers { providers { provider } }`;
    const { data } = await client(RW_KEY).query({ query, fetchPolicy: 'no-cache' });
    expect(data.providers).toHaveLength(4);
    await expect(client('not-a-key-0000').query({ query, fetchPolicy: 'no-cache' })).rejects.toThrow(/401/);
    await client(RW_KEY).query({ query, fetchPolicy: 'no-cache' }).catch(() => undefined);
    await expect(client(RW_KEY).query({ query, fetchPolicy: 'no-cache' })).rejects.toThrow(/429/);
    expect(seen.map((r) => r.status)).toEqual([200, 401, 200, 429]);
    for (const res of seen) {
      expect(res.headers.get('access-control-allow-origin')).toBe(DEV_SERVER);
      expect(res.headers.get('access-control-allow-credentials')).toBe('true');
      expect(res.headers.get('access-control-expose-headers')).toContain('retry-after');
    }
  });

  it('keeps Apollo’s CSRF prevention: a simple GET from an allowed origin is refused before it runs', async () => {
    const res = await fetch(`${gw.graphqlUrl}?query=${encodeURIComponent('{ providers { provider } }')}`, { headers: { origin: DEV_SERVER, authorization: `Bearer ${CSRF_KEY}` } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.message).toMatch(/CSRF/);
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });
});

describe('CORS_ORIGINS', () => {
  it('lists the origins allowed, and only those (localhost too is then refused)', async () => {
    const gw = await startTestGateway({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' });
    try {
      expect((await preflight(gw, 'https://app.example.com')).headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect((await preflight(gw, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      for (const origin of [DEV_SERVER, 'https://app.example.com.evil.example', 'http://app.example.com', 'null']) {
        const res = await preflight(gw, origin);
        expect([res.status, res.headers.get('access-control-allow-origin')], origin).toEqual([204, null]);
      }
    } finally {
      await gw.close();
    }
  });

  it('`*` allows every origin without credentials, as the Fetch spec requires', async () => {
    const gw = await startTestGateway({ CORS_ORIGINS: '*' });
    try {
      const pre = await preflight(gw, 'https://anywhere.example');
      expect(pre.headers.get('access-control-allow-origin')).toBe('*');
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
      const res = await fetch(gw.graphqlUrl, { method: 'POST', headers: { origin: 'https://anywhere.example', 'content-type': 'application/json', authorization: `Bearer ${RW_KEY}` }, body: '{"query":"{ providers { provider } }"}' });
      expect([res.status, res.headers.get('access-control-allow-origin'), res.headers.get('access-control-allow-credentials')]).toEqual([200, '*', null]);
    } finally {
      await gw.close();
    }
  });

});

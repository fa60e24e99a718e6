/** The gateway over real HTTP on loopback: routes, GraphQL-over-HTTP compliance, auth, limits. */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProvidersDocument, ProvisionNumbersDocument } from '../generated/graphql.js';
import { connectionOutcome, RO_KEY, RW_KEY, startTestGateway, subscribe, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw?.close();
});

describe('boot', () => {
  it('serves every provider from its sandbox simulator', async () => {
    const data = await gw.request(ProvidersDocument);
    expect(data.providers.map((p) => p.provider).sort()).toEqual(['AVANSER', 'DELACON', 'EXOTEL', 'VOIP_INNOVATIONS']);
    for (const p of data.providers) expect(p).toMatchObject({ mode: 'SANDBOX', sandbox: true, configured: false });
  });

  it('serves the Sandbox landing page at / and on GET /graphql for browsers', async () => {
    for (const path of ['/', '/graphql']) {
      const res = await fetch(`${gw.url}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/text\/html/);
      const html = await res.text();
      expect(html, path).toContain('EmbeddedSandbox');
      expect(html, path).toContain("window.location.origin + '/graphql'");
    }
  });

  it('answers /healthz, /readyz and /metrics', async () => {
    const health = await fetch(`${gw.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const ready = await fetch(`${gw.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { store: true, bus: true, schema: true } });

    const metrics = await fetch(`${gw.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/^# HELP switchboard_\w+ /m);
    expect(text).toMatch(/^# TYPE switchboard_\w+ (counter|gauge|histogram|summary)$/m);
  });
});

describe('GraphQL over HTTP (graphql-http audits)', () => {
  const audits = serverAudits({
    url: () => gw.graphqlUrl,
    fetchFn: (input: string | URL | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${RW_KEY}`);
      return fetch(input, { ...init, headers });
    },
  });
  const must = audits.filter((a) => a.name.startsWith('MUST'));

  it('has MUST audits to run', () => {
    expect(must.length).toBeGreaterThan(10);
  });

  for (const audit of must) {
    it(audit.name, async () => {
      const result = await audit.fn();
      const detail = result.status === 'ok' ? '' : `${result.reason}${'response' in result ? ` — HTTP ${result.response.status}: ${await result.response.clone().text().catch(() => '')}` : ''}`;
      expect(result.status, detail).toBe('ok');
    });
  }
});

describe('authentication and scopes', () => {
  it('refuses a request without a key: 401 UNAUTHENTICATED', async () => {
    const r = await gw.post(ProvidersDocument, {}, null);
    expect(r.status).toBe(401);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses an unknown key: 401', async () => {
    const r = await gw.post(ProvidersDocument, {}, 'not-a-real-key-000');
    expect(r.status).toBe(401);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a read-only key query', async () => {
    const r = await gw.post(ProvidersDocument, {}, RO_KEY);
    expect(r.status).toBe(200);
    expect(r.body.data?.providers).toHaveLength(4);
  });

  it('refuses a mutation with a read-only key: 403 FORBIDDEN, before it runs', async () => {
    const r = await gw.post(ProvisionNumbersDocument, { input: { provider: 'DELACON', delacon: { count: 1, companyId: '1234' } } }, RO_KEY);
    expect(r.status).toBe(403);
    expect(r.body.data ?? null).toBeNull();
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('closes a WebSocket without a key with 4403, and accepts one with a key', async () => {
    const anonymous = gw.ws(null);
    expect(await connectionOutcome(anonymous)).toMatchObject({ connected: false, code: 4403 });

    const client = gw.ws(RO_KEY);
    expect(await connectionOutcome(client)).toEqual({ connected: true });
    // And it runs a query over the socket.
    const sub = subscribe(client, ProvidersDocument);
    const data = await sub.next();
    expect(data.providers).toHaveLength(4);
  });
});

describe('limits', () => {
  const deep = `query Deep { callEvents { edges { node { allocation { calls { allocation { calls { allocation { calls { allocation { calls { id } } } } } } } } } } } }`;

  it('refuses a query deeper than 10 on HTTP', async () => {
    const r = await gw.post(deep, {});
    expect(r.status).toBe(400);
    expect(r.body.data ?? undefined).toBeUndefined();
    expect(JSON.stringify(r.body.errors)).toMatch(/depth/i);
  });

  it('accepts a page of calls with their numbers, services and allocations (within the cost limit)', async () => {
    const r = await gw.post(`query Page { callEvents(first: 100) { edges { node { id number { e164 service { name } } service { name } allocation { greenVN } } } } }`, {});
    expect(r.body.errors).toBeUndefined();
    expect(r.status).toBe(200);
  });

  it.each([0, 101, -5])('refuses a page of %i with BAD_USER_INPUT', async (first) => {
    const r = await gw.post(`query Page($first: Int!) { callEvents(first: $first) { edges { node { id } } } }`, { first });
    expect(r.body.data).toBeNull();
    expect(r.body.errors).toEqual([expect.objectContaining({ message: `first must be between 1 and 100 (got ${first})`, path: ['callEvents'], extensions: { code: 'BAD_USER_INPUT' } })]);
  });

  it('accepts the same shape within the limit', async () => {
    const r = await gw.post(`query Shallow { callEvents { edges { node { allocation { calls { id } } } } } }`, {});
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
  });
});

describe('what HTTP cannot carry', () => {
  const allocations = async () => (await gw.post('{ allocations(first: 100) { edges { node { id } } } }', {})).body.data as { allocations: { edges: unknown[] } };
  const allocate = (accept: string) =>
    fetch(gw.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${RW_KEY}` },
      body: JSON.stringify({ query: 'mutation { allocateGreenVN(input: { aPartyNumbers: ["+919811000001"], bPartyNumbers: ["+919811000002"] }) { allocation { id } userErrors { code } } }' }),
    });

  it('refuses Accept: text/plain with 406 before a mutation runs: nothing is allocated', async () => {
    const before = (await allocations()).allocations.edges.length;
    const refused = await allocate('text/plain');
    expect(refused.status).toBe(406);
    expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
    expect((await allocations()).allocations.edges).toHaveLength(before);

    const accepted = await allocate('text/plain;q=0.5, application/*;q=0.8');
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await allocations()).allocations.edges).toHaveLength(before + 1);
  });

  it('refuses a subscription over a plain JSON POST with 400 naming the streams and the WebSocket URL', async () => {
    const r = await gw.post('subscription { callEvents { id } }', {});
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      {
        message: `A subscription over HTTP needs a stream: send Accept: multipart/mixed;subscriptionSpec="1.0" (Apollo's multipart subscriptions) or text/event-stream (GraphQL over SSE); or use the WebSocket at ${gw.wsUrl} (graphql-transport-ws, or the legacy graphql-ws)`,
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
  });
});

describe('connections', () => {
  it.each([
    ['callEvents', '{ callEvents(after: $after) { edges { cursor } } }'],
    ['orders', '{ orders(after: $after) { edges { cursor } } }'],
    ['allocations', '{ allocations(after: $after) { edges { cursor } } }'],
    ['services', '{ services(provider: DELACON, after: $after) { edges { cursor } } }'],
    ['numbers', '{ numbers(provider: DELACON, after: $after) { edges { cursor } } }'],
    ['availableNumbers', '{ availableNumbers(provider: AVANSER, filter: { country: "AU" }, after: $after) { edges { cursor } } }'],
  ])('%s: after null is the first page', async (_name, selection) => {
    const q = `query Page($after: String) ${selection}`;
    const first = await gw.post(q, {});
    expect(first.body.errors).toBeUndefined();
    const withNull = await gw.post(q, { after: null });
    expect(withNull.body).toEqual(first.body);
    expect(await gw.post(q.replace('($after: String)', '').replace('$after', 'null'), {})).toMatchObject({ status: 200, body: first.body });
  });
});

/**
 * Subscriptions over every transport the mainstream clients use, each driven by its real
 * library (test/clients/fixtures.ts): graphql-transport-ws (graphql-ws, Apollo's GraphQLWsLink,
 * urql's graphql-ws exchange), the legacy graphql-ws subprotocol (subscriptions-transport-ws,
 * what Apollo iOS and Apollo Kotlin speak by default), Apollo's multipart HTTP (HttpLink, with
 * and without persisted queries) and SSE (urql's fetchSubscriptions, graphql-sse). One suite,
 * defined once, runs over each: the same events from real webhooks, filters, refusals with
 * their codes, one rate limit with HTTP, the shared source streams freed, keep-alives.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RO_KEY, RW_KEY, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { CLIENTS, type Connection, type Result, type Sub } from './fixtures.js';

const WO_KEY = 'write-only-key-0000';
const LIMIT = 2;
const limitedKey = (i: number) => `limited-key-${i}-000000`;
const KEEPALIVE_MS = 200;

let gw: TestGateway;
/** A gateway with a rate limit low enough to reach. */
let limited: TestGateway;
beforeAll(async () => {
  [gw, limited] = await Promise.all([
    startTestGateway({ KEEPALIVE_MS: String(KEEPALIVE_MS), RATE_LIMIT_PER_MINUTE: '100000', SWITCHBOARD_API_KEYS: `${RW_KEY}=read,write;${RO_KEY}=read;${WO_KEY}=write` }),
    startTestGateway({ RATE_LIMIT_PER_MINUTE: String(LIMIT), SWITCHBOARD_API_KEYS: CLIENTS.map((_, i) => `${limitedKey(i)}=read`).join(';') }),
  ]);
});
afterAll(async () => {
  await Promise.all([gw?.close(), limited?.close()]);
});

const exotelCall = JSON.parse(readFileSync(new URL('../fixtures/exotel/call-event.json', import.meta.url), 'utf8')) as Record<string, string>;
const call = (sid: string) => ({ ...exotelCall, call_sid: sid, greenvn: '+918040001001', from: '+919811000001', to: '+919876543210' });

let documents = 0;
/** A subscription document of its own: each is its own shared source stream, so their count can be watched. */
const onCall = () => `subscription OnCall${++documents}($filter: CallEventFilter) { callEvents(filter: $filter) { provider providerCallId from } }`;

/** Open shared source streams, from the gateway's metrics (both gateways run in this process). */
const sourceStreams = () => gw.metric('switchboard_subscription_source_streams');

/** Waits until `count` source streams are open: the subscriptions are listening. */
async function listening(count: number): Promise<void> {
  await expect.poll(sourceStreams, { timeout: 15_000, interval: 20 }).toBe(count);
}

/** A subscription's first outcome: `open` once it listens, or the result refusing it. */
async function outcome(sub: Sub, before: number): Promise<'open' | Result> {
  let settled = false;
  const refused = sub.feed.next(10_000).finally(() => (settled = true));
  refused.catch(() => undefined); // no refusal once it listens
  while (!settled) {
    if ((await sourceStreams()) > before) return 'open';
    await Promise.race([refused.catch(() => undefined), new Promise((r) => setTimeout(r, 20))]);
  }
  return refused;
}

const code = (c: string) => ({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: c }) })] });

for (const [i, client] of CLIENTS.entries()) {
  describe(`${client.name} (${client.transport})`, () => {
    const open: Connection[] = [];
    const connect = (key = RW_KEY, target = gw) => {
      const connection = client.connect(target.graphqlUrl, key);
      open.push(connection);
      return connection;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((c) => c.close()));
      await listening(0);
    });

    it('delivers a webhook’s event once; a repeat delivery changes nothing', async () => {
      const sub = connect().subscribe(onCall(), { filter: { provider: 'EXOTEL' } });
      await listening(1);
      const sid = `transport-${i}-event`;
      expect((await gw.webhook('exotel/calls', call(sid))).status).toBe(200);
      expect(await sub.feed.next()).toMatchObject({ data: { callEvents: { provider: 'EXOTEL', providerCallId: sid, from: '+919811000001' } } });
      expect((await gw.webhook('exotel/calls', call(sid))).status).toBe(200);
      expect(await sub.feed.drain(300)).toEqual([]);
    });

    it('filters per subscriber', async () => {
      const connection = connect();
      const exotel = connection.subscribe(onCall(), { filter: { provider: 'EXOTEL' } });
      const delacon = connection.subscribe(onCall(), { filter: { provider: 'DELACON' } });
      await listening(2);
      const sid = `transport-${i}-filtered`;
      expect((await gw.webhook('exotel/calls', call(sid))).status).toBe(200);
      expect(await exotel.feed.next()).toMatchObject({ data: { callEvents: { providerCallId: sid } } });
      expect(await delacon.feed.drain(300)).toEqual([]);
    });

    it('refuses an unknown key', async () => {
      const sub = connect('not-a-key-000000').subscribe(onCall());
      expect(await sub.feed.next()).toMatchObject(client.authRefusal);
      expect(await sourceStreams()).toBe(0);
    });

    it('refuses a key without the read scope: FORBIDDEN', async () => {
      const sub = connect(WO_KEY).subscribe(onCall());
      expect(await sub.feed.next()).toMatchObject({ errors: [{ message: 'This API key lacks the "read" scope needed for subscriptions', extensions: { code: 'FORBIDDEN' } }] });
    });

    // A multipart request that is not a subscription is the plain HTTP path (test/core/webhook-receipts.test.ts);
    // urql sends nothing but subscriptions through these exchanges (the other clients cover the same protocols).
    it.skipIf(client.transport === 'multipart' || client.name.startsWith('urql'))('refuses an admin field, through a fragment too, to a key without the admin scope: FORBIDDEN', async () => {
      const connection = connect(RW_KEY);
      const direct = connection.subscribe(`query Receipts${i} { webhookReceipts(first: 1) { edges { cursor } } }`);
      expect(await direct.feed.next()).toMatchObject({ errors: [{ message: 'This API key lacks the "admin" scope needed for Query.webhookReceipts', extensions: { code: 'FORBIDDEN' } }] });
      const fragment = connection.subscribe(`query Spread${i} { ...R } fragment R on Query { webhookReceipts(first: 1) { pageInfo { hasNextPage } } }`);
      expect(await fragment.feed.next()).toMatchObject(code('FORBIDDEN'));
    });

    it('applies the document limits, with their codes and no suggestions', async () => {
      const connection = connect(RO_KEY);
      const overCap = connection.subscribe(`subscription Kinds${i} { allocationEvents(filter: { kinds: [${Array(11).fill('UPDATED').join(', ')}] }) { kind } }`);
      expect(await overCap.feed.next()).toMatchObject({ errors: [{ message: 'allocationEvents(filter).kinds takes at most 10 items (got 11)', extensions: { code: 'BAD_USER_INPUT' } }] });
      const misspelt = connection.subscribe(`subscription Misspelt${i} { callEvent { id } }`);
      const refused = await misspelt.feed.next();
      expect(refused).toMatchObject(code('GRAPHQL_VALIDATION_FAILED'));
      expect(JSON.stringify(refused)).not.toContain('Did you mean');
      const deep = connection.subscribe(`subscription Deep${i} { callEvents { allocation { calls { allocation { calls { allocation { calls { allocation { calls { allocation { calls { id } } } } } } } } } } } }`);
      expect(await deep.feed.next()).toMatchObject(code('GRAPHQL_VALIDATION_FAILED'));
    });

    it('counts each subscription against the key’s one rate limit with HTTP: over it, RATE_LIMITED', async () => {
      const key = limitedKey(i);
      const connection = connect(key, limited);
      const outcomes: Array<'open' | Result> = [];
      // One at a time, so that the last is the one over the limit.
      for (let k = 0; k <= LIMIT; k++) {
        const before = await sourceStreams(); // before it subscribes, or an opening could be counted in
        outcomes.push(await outcome(connection.subscribe(onCall()), before));
      }
      expect(outcomes[0]).toBe('open');
      expect(outcomes[LIMIT]).toMatchObject({ errors: [{ message: expect.stringMatching(/^Rate limit exceeded: 2 operations per minute/), extensions: { code: 'RATE_LIMITED' } }] });
      const overHttp = await fetch(limited.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: '{"query":"{ providers { provider } }"}' });
      expect(overHttp.status).toBe(429);
    });

    it('frees the shared source stream when the subscriber unsubscribes (the connection stays usable)', async () => {
      const connection = connect();
      const first = connection.subscribe(onCall(), { filter: { provider: 'EXOTEL' } });
      await listening(1);
      first.stop();
      await listening(0);
      const second = connection.subscribe(onCall(), { filter: { provider: 'EXOTEL' } });
      await listening(1);
      expect((await gw.webhook('exotel/calls', call(`transport-${i}-after-stop`))).status).toBe(200);
      expect(await second.feed.next()).toMatchObject({ data: { callEvents: { providerCallId: `transport-${i}-after-stop` } } });
    });

    it('serialises each event once for all the subscribers of its shared stream', async () => {
      // Three connections, one document text and variables: one shared source stream.
      const document = onCall();
      const subs = [connect(), connect(), connect()].map((c) => c.subscribe(document, { filter: { provider: 'EXOTEL' } }));
      await listening(1);
      const sid = `transport-${i}-serialised`;
      // The real JSON.stringify, counted: the calls whose value carries this event's data, at any depth a frame puts it.
      const carries = (v: unknown, depth = 0): boolean =>
        typeof v === 'object' && v !== null && depth < 4 && ((v as { callEvents?: { providerCallId?: unknown } }).callEvents?.providerCallId === sid || Object.values(v).some((x) => carries(x, depth + 1)));
      const stringify = vi.spyOn(JSON, 'stringify');
      try {
        expect((await gw.webhook('exotel/calls', call(sid))).status).toBe(200);
        for (const sub of subs) expect(await sub.feed.next()).toMatchObject({ data: { callEvents: { providerCallId: sid } } });
        expect(stringify.mock.calls.filter(([v]) => carries(v))).toHaveLength(1);
      } finally {
        stringify.mockRestore();
      }
    });

    it('sends keep-alives while nothing happens; the client reads events after them', async () => {
      const connection = connect();
      const sub = connection.subscribe(onCall(), { filter: { provider: 'EXOTEL' } });
      await listening(1);
      await expect.poll(() => connection.keepAlives(), { timeout: 20 * KEEPALIVE_MS }).toBeGreaterThanOrEqual(3);
      expect((await gw.webhook('exotel/calls', call(`transport-${i}-after-keepalive`))).status).toBe(200);
      expect(await sub.feed.next()).toMatchObject({ data: { callEvents: { providerCallId: `transport-${i}-after-keepalive` } } });
    });

    it.runIf(client.socket)('caps operations per connection: the 101st gets TOO_MANY_SUBSCRIPTIONS, the others run on', async () => {
      const connection = connect();
      const subs = Array.from({ length: 100 }, () => connection.subscribe(onCall(), { filter: { provider: 'EXOTEL' } }));
      await listening(100);
      const refused = connection.subscribe(onCall());
      expect(await refused.feed.next()).toMatchObject({ errors: [{ message: expect.stringMatching(/^At most 100 operations at once on one WebSocket/), extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } }] });
      expect((await gw.webhook('exotel/calls', call(`transport-${i}-capped`))).status).toBe(200);
      expect(await subs[99]!.feed.next()).toMatchObject({ data: { callEvents: { providerCallId: `transport-${i}-capped` } } });
    });
  });
}

/**
 * The webhook router's own answers, on loopback with a real store: every refusal in the
 * route's reply format (nothing internal, detail in the log without the token), what the
 * store cannot keep answered 4xx and kept as `rejected`, byte for byte, and the store being
 * down answered 503 in the provider's format.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookRoutes as avanserRoutes } from '../../src/datasources/avanser/webhooks.js';
import { webhookRoutes as delaconRoutes } from '../../src/datasources/delacon/webhooks.js';
import { webhookRoutes as exotelRoutes } from '../../src/datasources/exotel/webhooks.js';
import { Effects } from '../../src/gateway/effects.js';
import { webhookStepDuration } from '../../src/observability/metrics.js';
import { createBus, type Bus } from '../../src/pubsub/bus.js';
import { openDb, type Db } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { WebhookDeliveries } from '../../src/webhooks/deliveries.js';
import { WebhookPayloadError, type WebhookRoute } from '../../src/webhooks/route.js';
import { WEBHOOK_BODY_LIMIT, webhookRouter } from '../../src/webhooks/router.js';
import { bodyBytes } from '../../src/webhooks/storable.js';

const TOKEN = 'router-test-token-0123456789';

/**
 * Routes of a test provider that leave out what real routes check (id caps), so that the
 * store itself refuses: the router's last line of defence. `calls` stores `callId` as a call.
 */
const probeRoutes: WebhookRoute<{ key: string; callId: string }, unknown>[] = [
  {
    event: 'calls',
    methods: ['POST'],
    read: (req) => {
      const body = req.body as { key?: string; callId?: string } | undefined;
      if (!body?.key || !body.callId) throw new WebhookPayloadError('key and callId are required');
      return { key: body.key, callId: body.callId };
    },
    eventKey: (p) => p.key,
    apply: (p, effects) => effects.recordCall({ provider: 'EXOTEL', providerCallId: p.callId, raw: {} }),
    reply: (r) => (r.ok ? { status: 200, body: { probe: 'ok' } } : { status: r.status, body: { probe: 'error', reason: r.reason } }),
  },
  {
    event: 'broken',
    methods: ['POST'],
    read: () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x') at /work/src/secret.ts:1:1");
    },
    eventKey: () => 'never',
    apply: async () => null,
    reply: (r) => (r.ok ? { status: 200, body: { probe: 'ok' } } : { status: r.status, body: { probe: 'error', reason: r.reason } }),
  },
];

/** A route whose reading and applying a test can break and mend, for replays. */
const picky = { readable: false, broken: false };
const pickyRoute: WebhookRoute<{ key: string }, unknown> = {
  event: 'picky',
  methods: ['POST'],
  read: (req) => {
    const key = (req.body as { key?: string } | undefined)?.key;
    if (!key || !picky.readable) throw new WebhookPayloadError('not readable yet');
    return { key };
  },
  eventKey: (p) => p.key,
  apply: async (p, effects) => {
    if (picky.broken) throw new Error('cannot apply yet');
    return effects.recordCall({ provider: 'EXOTEL', providerCallId: `picky-${p.key}`, raw: {} });
  },
  reply: (r) => (r.ok ? { status: 200, body: { picky: 'ok' } } : { status: r.status, body: { picky: 'error', reason: r.reason } }),
};

let app: FastifyInstance;
let deliveries: WebhookDeliveries;
let db: Db;
let bus: Bus;
let store: Store;
let url: string;
const logLines: string[] = [];

beforeAll(async () => {
  db = await openDb({ dataDir: 'memory' });
  bus = await createBus();
  store = new Store(db);
  const log = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  app = Fastify();
  deliveries = new WebhookDeliveries({
    receipts: store.receipts,
    effects: new Effects(store, bus, log),
    log,
    providers: [
      { slug: 'delacon', provider: 'DELACON', routes: delaconRoutes() },
      { slug: 'avanser', provider: 'AVANSER', routes: avanserRoutes() },
      { slug: 'exotel', provider: 'EXOTEL', routes: exotelRoutes({ timezone: '+05:30' }) },
      { slug: 'probe', provider: 'EXOTEL', routes: [...probeRoutes, pickyRoute] },
    ],
  });
  await app.register(webhookRouter, { token: TOKEN, deliveries });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.close();
  await bus?.close();
  await db?.close().catch(() => undefined);
});

async function send(path: string, body: string | Uint8Array | undefined, opts: { token?: string | null; method?: string; contentType?: string } = {}) {
  const token = opts.token === undefined ? TOKEN : opts.token;
  const res = await fetch(`${url}/webhooks/${path}${token === null ? '' : `?token=${token}`}`, {
    method: opts.method ?? 'POST',
    headers: opts.contentType === undefined ? {} : { 'content-type': opts.contentType },
    body,
  });
  return { status: res.status, allow: res.headers.get('allow'), body: (await res.json()) as unknown };
}

const receiptsOf = (provider: string, event: string) => store.receipts.list(provider, event);
const CALL_END = '{"PLA_Call_Id":"5551234","PLA_CallResult":"Answered","PLA_Duration":"12s"}';

describe('refusals of the router, in the route’s reply format', () => {
  it.each([
    ['a wrong token', 'delacon/calls', { token: 'wrong' }, 401, { PLA_Call_Id: '5551234', success: 'false', error: 'missing or wrong token' }],
    ['no token', 'exotel/calls', { token: null }, 401, { status: 'error', reason: 'missing or wrong token' }],
    ['an unknown event of a known provider', 'delacon/nothing', {}, 404, { PLA_Call_Id: '5551234', success: 'false', error: 'no such webhook' }],
    ['an unknown provider', 'nobody/calls', {}, 404, { error: 'no such webhook' }],
    ['a method the route does not take', 'avanser/calls', { method: 'PUT' }, 405, { ok: false, error: 'PUT is not accepted here' }],
  ] as const)('%s on %s: answered in the route format, nothing stored', async (_name, path, opts, status, body) => {
    const before = (await db.query('SELECT count(*)::int AS n FROM webhook_receipts'))[0];
    const answer = await send(path, CALL_END, { contentType: 'application/json', ...opts });
    expect({ status: answer.status, body: answer.body }).toEqual({ status, body });
    if (status === 405) expect(answer.allow).toBe('GET');
    expect((await db.query('SELECT count(*)::int AS n FROM webhook_receipts'))[0]).toEqual(before);
  });

  it('answers a body over the limit 413 in the route format', async () => {
    const answer = await send('delacon/orders', `OrderID=1&Result=OK&Message=${'x'.repeat(WEBHOOK_BODY_LIMIT)}`, { contentType: 'application/x-www-form-urlencoded' });
    expect(answer).toMatchObject({ status: 413, body: { RESULT: 'FAIL', MESSAGE: 'the body is larger than 256 KB' } });
  });

  it('reads a malformed or missing content type as any other: the body decides', async () => {
    for (const contentType of ['', ';;;', 'application/json; charset', undefined]) {
      expect(await send('delacon/calls', CALL_END, { contentType })).toMatchObject({ status: 200, body: { PLA_Call_Id: '5551234', success: 'true' } });
    }
  });

  it('answers a fault of ours 500 in the route format, with nothing of it; the detail goes to the log', async () => {
    const answer = await send('probe/broken', '{}', { contentType: 'application/json' });
    expect(answer).toEqual({ status: 500, allow: null, body: { probe: 'error', reason: 'internal error' } });
    expect((await receiptsOf('EXOTEL', 'broken')).map((r) => [r.status, r.reason])).toEqual([['failed', 'could not read']]);
    const line = logLines.find((l) => l.includes('secret.ts'));
    expect(JSON.parse(line!)).toMatchObject({ msg: 'webhook failed', status: 500, error: { type: 'TypeError' } });
    expect(line).not.toContain('"stack"');
  });
});

describe('what the store cannot keep', () => {
  it('keeps a body with NUL bytes or invalid UTF-8 as base64, byte for byte, and answers 400', async () => {
    const bytes = Buffer.concat([Buffer.from('{"PLA_Call_Id":"77","PLA_CallResult":"Ans\u0000wered"}'), Buffer.from([0xff, 0xfe])]);
    expect(await send('delacon/calls', bytes, { contentType: 'application/json' })).toMatchObject({ status: 400, body: { success: 'false' } });
    const kept = (await receiptsOf('DELACON', 'calls')).at(-1)!;
    expect({ status: kept.status, encoding: kept.body_encoding }).toEqual({ status: 'rejected', encoding: 'base64' });
    expect(bodyBytes(kept).equals(bytes)).toBe(true);
  });

  it('keeps a NUL or a lone surrogate of a parsed payload as text and refuses it with the reason', async () => {
    const nul = await send('exotel/calls', '{"call_sid":"abc\\u0000","from":"+919811000001"}', { contentType: 'application/json' });
    expect(nul).toEqual({ status: 400, allow: null, body: { status: 'error', reason: 'the payload contains a NUL character' } });
    const lone = await send('exotel/calls', '{"call_sid":"abc\\ud800","from":"+919811000001"}', { contentType: 'application/json' });
    expect(lone).toEqual({ status: 400, allow: null, body: { status: 'error', reason: 'the payload contains a lone surrogate (not valid Unicode)' } });
    const kept = (await receiptsOf('EXOTEL', 'calls')).slice(-2);
    expect(kept.map((r) => [r.status, r.body, r.body_encoding])).toEqual([
      ['rejected', '{"call_sid":"abc\\u0000","from":"+919811000001"}', null],
      ['rejected', '{"call_sid":"abc\\ud800","from":"+919811000001"}', null],
    ]);
  });

  it('keeps a query with NUL written as \\u0000', async () => {
    expect(await send('avanser/calls', undefined, { method: 'GET', token: `${TOKEN}&callid=9%00` })).toMatchObject({ status: 400 });
    expect((await receiptsOf('AVANSER', 'calls')).at(-1)).toMatchObject({ status: 'rejected', query: { callid: '9\\u0000' } });
  });

  it('refuses an event id the store cannot index (no route cap caught it): 400, kept as rejected', async () => {
    const key = randomBytes(1600).toString('hex');
    const answer = await send('probe/calls', JSON.stringify({ key, callId: 'c1' }), { contentType: 'application/json' });
    expect(answer.body).toEqual({ probe: 'error', reason: 'the payload holds data the gateway cannot store' });
    expect(answer.status).toBe(400);
    expect((await receiptsOf('EXOTEL', 'calls')).at(-1)).toMatchObject({ status: 'rejected', event_key: null, reason: 'the payload holds data the gateway cannot store' });
    expect(logLines.some((l) => l.includes('54000'))).toBe(true);
  });

  it('refuses a call the store cannot index when applying: 400, receipt rejected, claim released', async () => {
    const body = JSON.stringify({ key: `probe-${randomBytes(4).toString('hex')}`, callId: randomBytes(1600).toString('hex') });
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await send('probe/calls', body, { contentType: 'application/json' })).toMatchObject({ status: 400, body: { reason: 'the payload holds data the gateway cannot store' } });
    }
    // Both attempts claimed the event (the first released it) and were refused by the store.
    expect((await receiptsOf('EXOTEL', 'calls')).slice(-2).map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('replaying a receipt', () => {
  it('applies a rejected receipt once its route reads it, and a failed one once applying works: through the same read and apply, once', async () => {
    const key = `k-${randomBytes(4).toString('hex')}`;
    expect(await send('probe/picky', JSON.stringify({ key }), { contentType: 'application/json' })).toMatchObject({ status: 400, body: { reason: 'not readable yet' } });
    const [kept] = (await receiptsOf('EXOTEL', 'picky')).slice(-1);
    expect(kept).toMatchObject({ status: 'rejected', event_key: null });
    const calls = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM call_events WHERE provider_call_id = $1', [`picky-${key}`]))[0]!.n;

    await expect(deliveries.replay(kept!.id)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: 'the payload still cannot be read: not readable yet' });
    picky.readable = true;
    picky.broken = true;
    expect(await deliveries.replay(kept!.id)).toMatchObject({ status: 'failed', reason: 'could not apply', event_key: key });
    expect(await calls()).toBe(0);
    picky.broken = false;
    expect(await deliveries.replay(kept!.id)).toMatchObject({ status: 'applied', reason: null });
    expect(await calls()).toBe(1);
    await expect(deliveries.replay(kept!.id)).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    // The provider's redelivery is a duplicate now, as after any applied delivery.
    expect(await send('probe/picky', JSON.stringify({ key }), { contentType: 'application/json' })).toMatchObject({ status: 200 });
    expect((await receiptsOf('EXOTEL', 'picky')).at(-1)!.status).toBe('duplicate');
  });
});

/** This process's switchboard_webhook_step_seconds for a route, by step: how many were timed, and their seconds. */
async function steps(event: string): Promise<Record<string, { count: number; sum: number }>> {
  const out: Record<string, { count: number; sum: number }> = {};
  for (const v of (await webhookStepDuration.get()).values) {
    if (v.labels.provider !== 'EXOTEL' || v.labels.event !== event) continue;
    const step = (out[v.labels.step as string] ??= { count: 0, sum: 0 });
    if (v.metricName === 'switchboard_webhook_step_seconds_count') step.count = v.value;
    if (v.metricName === 'switchboard_webhook_step_seconds_sum') step.sum = v.value;
  }
  return out;
}

/** What a delivery added to its route's step times (how many, and their seconds), and how long its answer took to come. */
async function timedSteps(path: string, event: string, body: string) {
  const before = await steps(event);
  const started = performance.now();
  const answer = await send(path, body, { contentType: 'application/json' });
  const seconds = (performance.now() - started) / 1000;
  const after = await steps(event);
  const added = (field: 'count' | 'sum') => Object.fromEntries(Object.entries(after).map(([step, a]) => [step, a[field] - (before[step]?.[field] ?? 0)]));
  return { status: answer.status, seconds, counts: added('count'), sums: added('sum') };
}

describe('the time of each step, in /metrics', () => {
  it('times the claim, the apply and the mark of a new event, within the time its answer took; a duplicate only its claim', async () => {
    const body = JSON.stringify({ key: `steps-${randomBytes(4).toString('hex')}`, callId: `steps-${randomBytes(4).toString('hex')}` });
    const first = await timedSteps('probe/calls', 'calls', body);
    expect(first.status).toBe(200);
    expect(first.counts).toEqual({ claim: 1, apply: 1, mark: 1 });
    for (const sum of Object.values(first.sums)) expect(sum).toBeGreaterThan(0);
    // In seconds, and each step inside the delivery: together no longer than the answer took.
    expect(first.sums.claim! + first.sums.apply! + first.sums.mark!).toBeLessThan(first.seconds);

    const again = await timedSteps('probe/calls', 'calls', body);
    expect(again.status).toBe(200);
    expect(again.counts).toEqual({ claim: 1, apply: 0, mark: 0 });
  });

  it('times a step that fails as well: an apply that throws, and the mark that releases its claim', async () => {
    picky.readable = true;
    picky.broken = true;
    try {
      const failed = await timedSteps('probe/picky', 'picky', JSON.stringify({ key: `steps-${randomBytes(4).toString('hex')}` }));
      expect(failed.status).toBe(503);
      expect(failed.counts).toEqual({ claim: 1, apply: 1, mark: 1 });
    } finally {
      picky.broken = false;
    }
  });
});

describe('the store down', () => {
  it('answers 503 in the provider format, echoing the call id, with nothing of the store; never the token in the log', async () => {
    await db.close();
    const answer = await send('delacon/calls', CALL_END, { contentType: 'application/json' });
    expect(answer).toEqual({ status: 503, allow: null, body: { PLA_Call_Id: '5551234', success: 'false', error: 'temporarily unable to process; retry later' } });
    expect(await send('delacon/orders', 'OrderID=5&Result=OK', { contentType: 'application/x-www-form-urlencoded' })).toMatchObject({
      status: 503,
      body: { RESULT: 'FAIL', MESSAGE: 'temporarily unable to process; retry later' },
    });
    expect(logLines.at(-1)).toMatch(/"msg":"webhook failed"/);
    expect(logLines.join('\n')).not.toContain(TOKEN);
  });
});

/**
 * Two gateways sharing one PostgreSQL and one Redis, as in a scaled deployment: a webhook
 * received by instance A reaches a subscriber of instance B, exactly once.
 * Runs only when TEST_DATABASE_URL and TEST_REDIS_URL are both set (see .ci/run).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, subscribe, type TestGateway } from '../helpers/gateway.js';

const PG_URL = process.env.TEST_DATABASE_URL;
const REDIS_URL = process.env.TEST_REDIS_URL;
/** A schema of its own, so the store suite's reset of `public` cannot pull the floor from under us. */
const SCHEMA = 'two_instances';

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

type CallEvents = { callEvents: { providerCallId: string; status: string } };
const exotelCall = JSON.parse(readFileSync(new URL('../fixtures/exotel/call-event.json', import.meta.url), 'utf8')) as Record<string, string>;
const CALL_EVENTS: TypedDocumentNode<CallEvents, Record<string, never>> = parse('subscription { callEvents { providerCallId status } }');

describe.skipIf(!PG_URL || !REDIS_URL)('two instances sharing PostgreSQL and Redis', () => {
  let a: TestGateway | undefined;
  let b: TestGateway | undefined;
  let redis: Redis;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
    } finally {
      await admin.end();
    }
    redis = new Redis(REDIS_URL!, { maxRetriesPerRequest: 3 });
    const env = { DATABASE_URL: withSearchPath(PG_URL!, SCHEMA), REDIS_URL: REDIS_URL!, SANDBOX: 'on' };
    // Started together: both run the migrations, which the advisory lock serialises.
    [a, b] = await Promise.all([startTestGateway(env), startTestGateway(env)]);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.quit();
  });

  const redisSubscribers = async (channel: string) => Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]);

  it('delivers a call webhook received by A to a subscriber on B, once', async () => {
    expect(a!.running.db.engine).toBe('postgres');
    expect(a!.url).not.toBe(b!.url);

    const before = await redisSubscribers('CALL_EVENT');
    const sub = subscribe(b!.ws(), CALL_EVENTS);
    await sub.ready;
    // The subscription is live once B's Redis connection has subscribed to the topic.
    await expect.poll(() => redisSubscribers('CALL_EVENT'), { timeout: 5_000, interval: 25 }).toBeGreaterThan(before);

    const callSid = `two-instances-${randomUUID()}`;
    const payload = { ...JSON.parse(readFileSync(new URL('../fixtures/exotel/call-event.json', import.meta.url), 'utf8')), call_sid: callSid };
    const res = await a!.webhook('exotel/calls', payload);
    expect(res.status, await res.clone().text()).toBeLessThan(300);

    const event = await sub.next(10_000);
    expect(event.callEvents.providerCallId).toBe(callSid);
    expect(event.callEvents.status).toBe('ANSWERED');
    // Exactly once: nothing else for this call arrives on B.
    const more = await sub.drain(1_000);
    expect(more.filter((e) => e.callEvents.providerCallId === callSid)).toEqual([]);
    sub.stop();

    // And B reads what A stored.
    const rows = await b!.running.db.query<{ status: string }>('SELECT status FROM call_events WHERE provider_call_id = $1', [callSid]);
    expect(rows).toEqual([{ status: 'ANSWERED' }]);
  });

  it('counts calls received by A into live statistics on B once each, while B counts them in SQL meanwhile', async () => {
    // A caller of its own: the rows hold this test's calls only.
    const from = `+9198${String(Date.now() % 1e8).padStart(8, '0')}`;
    const post = async (i: number, status = 'completed') => {
      const start = `2024-09-0${1 + (i % 3)}T10:00:00+05:30`;
      const res = await a!.webhook('exotel/calls', { ...exotelCall, call_sid: `live-two-${from}-${i}`, from, start_time: start, current_time: start, dial_call_status: status });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
    };
    const q = { filter: { from, startedAfter: '2024-08-31T00:00:00Z', startedBefore: '2024-09-05T00:00:00Z' }, groupBy: ['STATUS' as const], interval: 'DAY' as const, timeZone: 'Asia/Kolkata' };
    await Promise.all([0, 1, 2].map((i) => post(i)));
    const live = await b!.running.gateway.callStats.live(q);
    const last = new Map<string, number>();
    let pushes = 0;
    const reading = (async () => {
      for await (const rows of live) {
        pushes++;
        for (const r of rows) last.set(`${r.keys.status} ${r.bucketStart}`, r.totalCalls);
      }
    })();
    try {
      // Calls arriving while B's first count runs, and after; one changes its status (out of one row, into another).
      for (let i = 3; i < 12; i++) await post(i);
      await post(4, 'no-answer');
      const expected = async () => new Map((await b!.running.gateway.callStats.rows(q)).filter((r) => r.totalCalls > 0).map((r) => [`${r.keys.status} ${r.bucketStart}`, r.totalCalls]));
      const want = await expected();
      expect([...want.values()].reduce((x, y) => x + y, 0)).toBe(12);
      await expect.poll(() => Object.fromEntries([...last].filter(([k]) => want.has(k))), { timeout: 10_000, interval: 100 }).toEqual(Object.fromEntries(want));
      expect(pushes).toBeGreaterThan(0);
    } finally {
      await live.return!();
      await reading;
    }
  });
});

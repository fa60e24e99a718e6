/**
 * Call history and statistics through the API: filters and orders over HTTP, refusals naming
 * the argument on HTTP and on every subscription transport, and live rows shared by every
 * subscriber with the same arguments, whatever its document or transport.
 */
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Effects } from '../../src/gateway/effects.js';
import { CallHistoryDocument, CallStatsDocument } from '../generated/graphql.js';
import { CLIENTS, type Connection, type Result } from '../clients/fixtures.js';
import { RW_KEY, startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ RATE_LIMIT_PER_MINUTE: '100000' });
});
afterAll(async () => {
  await gw?.close();
});

const exotelCall = JSON.parse(readFileSync(new URL('../fixtures/exotel/call-event.json', import.meta.url), 'utf8')) as Record<string, string>;

/** An answered Exotel call of `seconds`, started at `start` (ISO with offset). */
async function exotel(sid: string, from: string, start: string, seconds: number): Promise<void> {
  const res = await gw.webhook('exotel/calls', { ...exotelCall, call_sid: sid, from, to: '+919876543210', greenvn: '+918040001001', start_time: start, current_time: start, dial_call_duration: String(seconds), on_call_duration: String(seconds) });
  expect(res.status).toBe(200);
}

describe('callEvents', () => {
  it('filters by start, caller and answered, and orders by duration with cursors', async () => {
    await exotel('hist-1', '+919811000101', '2024-06-03T09:00:00+05:30', 30);
    await exotel('hist-2', '+919811000102', '2024-06-04T09:00:00+05:30', 10);
    await exotel('hist-3', '+919811000101', '2024-06-05T09:00:00+05:30', 20);
    await exotel('hist-4', '+919811000101', '2024-06-12T09:00:00+05:30', 5);
    const week = { startedAfter: '2024-06-03T00:00:00+05:30', startedBefore: '2024-06-10T00:00:00+05:30' };

    const ids = async (filter: object, orderBy: object = {}) =>
      (await gw.request(CallHistoryDocument, { filter, orderBy })).callEvents.edges.map((e) => e.node.providerCallId);
    expect(await ids(week)).toEqual(['hist-3', 'hist-2', 'hist-1']);
    expect(await ids({ ...week, from: '+91 98110 00101' })).toEqual(['hist-3', 'hist-1']);
    expect(await ids({ ...week, answered: false })).toEqual([]);
    expect(await ids({ ...week, search: '98110 00102' })).toEqual(['hist-2']);

    const first = await gw.request(CallHistoryDocument, { filter: week, orderBy: { field: 'DURATION', direction: 'ASC' }, first: 2 });
    expect(first.callEvents.edges.map((e) => e.node.providerCallId)).toEqual(['hist-2', 'hist-3']);
    const rest = await gw.request(CallHistoryDocument, { filter: week, orderBy: { field: 'DURATION', direction: 'ASC' }, first: 2, after: first.callEvents.pageInfo.endCursor });
    expect(rest.callEvents.edges.map((e) => e.node.providerCallId)).toEqual(['hist-1']);
    expect(rest.callEvents.pageInfo.hasNextPage).toBe(false);

    const stats = await gw.request(CallStatsDocument, { filter: { ...week, provider: 'EXOTEL' }, groupBy: ['PROVIDER'], interval: 'DAY', timeZone: 'Asia/Kolkata' });
    expect(stats.callStats.map((r) => [r.bucketStart, r.totalCalls, r.firstTimeCallers])).toEqual([
      ['2024-06-02T18:30:00.000Z', 1, 1],
      ['2024-06-03T18:30:00.000Z', 1, 1],
      ['2024-06-04T18:30:00.000Z', 1, 0],
      ['2024-06-05T18:30:00.000Z', 0, 0],
      ['2024-06-06T18:30:00.000Z', 0, 0],
      ['2024-06-07T18:30:00.000Z', 0, 0],
      ['2024-06-08T18:30:00.000Z', 0, 0],
    ]);
    expect(stats.callStats[0]).toMatchObject({ keys: { provider: 'EXOTEL' }, answeredCalls: 1, missedCalls: 0, answerRate: 1, totalDurationSeconds: 30, averageDurationSeconds: 30 });
  });
});

describe('the ends of the calendar', () => {
  const days = async (variables: Record<string, unknown>) => {
    const res = await gw.post(CallStatsDocument, variables as never);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.callStats.map((r) => [r.bucketStart, r.totalCalls]);
  };

  it('counts calls of years 1 to 99 into buckets of their own dates', async () => {
    await exotel('ancient-1', '+919811000301', '0013-01-01T10:00:00+00:00', 5);
    await exotel('ancient-2', '+919811000301', '0005-03-02T10:00:00+00:00', 5);
    const from = { from: '+919811000301' };
    expect(await days({ interval: 'DAY', filter: { ...from, startedAfter: '0013-01-01T00:00:00Z', startedBefore: '0013-01-03T00:00:00Z' } })).toEqual([
      ['0013-01-01T00:00:00.000Z', 1],
      ['0013-01-02T00:00:00.000Z', 0],
    ]);
    expect(await days({ interval: 'DAY', filter: { ...from, startedAfter: '0005-03-01T00:00:00Z', startedBefore: '0005-03-03T00:00:00Z' } })).toEqual([
      ['0005-03-01T00:00:00.000Z', 0],
      ['0005-03-02T00:00:00.000Z', 1],
    ]);
  });

  it('a first local day that began in 1 BC is shown from 0001-01-01T00:00:00Z', async () => {
    // New York's 31 December of 1 BC ends at 04:56:02 UTC on 1 January of year 1 (local mean time).
    expect(await days({ interval: 'DAY', timeZone: 'America/New_York', filter: { startedAfter: '0001-01-01T00:00:00Z', startedBefore: '0001-01-02T12:00:00Z' } })).toEqual([
      ['0001-01-01T00:00:00.000Z', 0],
      ['0001-01-01T04:56:02.000Z', 0],
      ['0001-01-02T04:56:02.000Z', 0],
    ]);
  });

  it('a total talk time past what a 32-bit Int holds (two calls of 2^31 - 1 s)', async () => {
    await exotel('long-1', '+919811000302', '2023-01-01T09:00:00+05:30', 2 ** 31 - 1);
    await exotel('long-2', '+919811000302', '2023-01-02T09:00:00+05:30', 2 ** 31 - 1);
    const res = await gw.post(CallStatsDocument, { filter: { from: '+919811000302' } } as never);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.callStats[0]).toMatchObject({ answeredCalls: 2, totalDurationSeconds: 2 ** 32 - 2, averageDurationSeconds: 2 ** 31 - 1 });
  });
});

// Arguments refused, each with the argument its message must name.
const BAD: Array<[string, Record<string, unknown>, string]> = [
  ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
  ['a POSIX zone, not an IANA name', { timeZone: 'UTC+5' }, 'timeZone'],
  // Node still takes these two (asserted below); the store's tzdata dropped them.
  ['a zone Node takes and the store does not know', { timeZone: 'US/Pacific-New' }, 'timeZone'],
  ['the same with an interval', { timeZone: 'Canada/East-Saskatchewan', interval: 'HOUR', filter: { startedAfter: '2024-01-01T00:00:00Z', startedBefore: '2024-01-02T00:00:00Z' } }, 'timeZone'],
  // Years 0-99 once counted as 1900-1999 here: 200 years of weeks passed as ~10,400 buckets.
  ['weeks from year 50 to 250', { interval: 'WEEK', filter: { startedAfter: '0050-01-01T00:00:00Z', startedBefore: '0250-01-01T00:00:00Z' } }, 'interval'],
  ['more than 10,000 buckets', { interval: 'HOUR', filter: { startedAfter: '2020-01-01T00:00:00Z', startedBefore: '2022-01-01T00:00:00Z' } }, 'interval'],
  ['more than three dimensions', { groupBy: ['PROVIDER', 'STATUS', 'SOURCE', 'CAMPAIGN'] }, 'groupBy'],
  ['a range that ends before it starts', { filter: { startedAfter: '2024-02-01T00:00:00Z', startedBefore: '2024-01-01T00:00:00Z' } }, 'filter.startedBefore'],
  ['a series without its start', { interval: 'DAY' }, 'filter.startedAfter'],
  ['a misspelt dimension', { groupBy: ['PROVIDR'] }, 'groupBy'],
];

const refusedFor = (errors: Result['errors'], argument: string) => {
  expect(errors?.[0]?.extensions?.code, JSON.stringify(errors)).toBe("BAD_USER_INPUT");
  expect(errors![0]!.message).toContain(argument);
  expect(errors![0]!.message).not.toMatch(/did you mean/i);
};

describe('bad input', () => {
  it('Node takes both zones the store does not know (else those cases test only Node)', () => {
    for (const timeZone of ['US/Pacific-New', 'Canada/East-Saskatchewan']) expect(() => new Intl.DateTimeFormat('en-US', { timeZone })).not.toThrow();
  });

  it.each(BAD)('callStats refuses %s with BAD_USER_INPUT naming the argument', async (_name, variables, argument) => {
    const res = await gw.post(CallStatsDocument, variables as never);
    refusedFor(res.body.errors, argument);
  });

  it('callEvents refuses a range that ends before it starts, naming it', async () => {
    const res = await gw.post(CallHistoryDocument, { filter: { startedAfter: '2024-02-01T00:00:00Z', startedBefore: '2024-01-01T00:00:00Z' } });
    refusedFor(res.body.errors, 'filter.startedBefore');
  });

  const SUBSCRIPTION = `subscription Bad($filter: CallEventFilter, $groupBy: [CallStatsDimension!]! = [], $interval: CallStatsInterval, $timeZone: String! = "UTC") {
    callStatsUpdated(filter: $filter, groupBy: $groupBy, interval: $interval, timeZone: $timeZone) { totalCalls } }`;

  it.each(CLIENTS.map((c) => [c.name, c] as const))('callStatsUpdated over %s refuses each, naming the argument', async (_name, client) => {
    const conn: Connection = client.connect(gw.graphqlUrl, RW_KEY);
    try {
      for (const [, variables, argument] of BAD) {
        const sub = conn.subscribe(SUBSCRIPTION, variables);
        const first = await sub.feed.next(10_000);
        sub.stop();
        refusedFor(first.errors, argument);
      }
    } finally {
      await conn.close();
    }
  });
});

describe('callStatsUpdated', () => {
  it('pushes the changed rows to every subscriber on every transport; one computation per change and set of arguments', async () => {
    const args = { filter: { provider: 'EXOTEL', startedAfter: '2024-07-01T00:00:00Z' }, groupBy: ['PROVIDER'], interval: 'DAY', timeZone: 'Asia/Kolkata' };
    const other = { ...args, groupBy: ['STATUS'] };
    const connections = CLIENTS.map((c) => c.connect(gw.graphqlUrl, RW_KEY));
    try {
      // Each client its own document (a source stream each): only the arguments are shared.
      const subs = connections.map((conn, i) =>
        conn.subscribe(`subscription Live${i}($filter: CallEventFilter, $groupBy: [CallStatsDimension!]!, $interval: CallStatsInterval, $timeZone: String!) {
          callStatsUpdated(filter: $filter, groupBy: $groupBy, interval: $interval, timeZone: $timeZone) { keys { provider status } bucketStart totalCalls answeredCalls } }`, args),
      );
      const byStatus = connections[0]!.subscribe(`subscription LiveByStatus($filter: CallEventFilter, $groupBy: [CallStatsDimension!]!, $interval: CallStatsInterval, $timeZone: String!) {
        callStatsUpdated(filter: $filter, groupBy: $groupBy, interval: $interval, timeZone: $timeZone) { keys { status } totalCalls } }`, other);
      await expect.poll(() => gw.metric('switchboard_subscription_source_streams'), { timeout: 15_000, interval: 20 }).toBe(CLIENTS.length + 1);

      const before = await gw.metric('switchboard_call_stats_computations_total');
      await exotel('live-1', '+919811000201', '2024-07-02T10:00:00+05:30', 40);
      // Apollo Client adds __typename to what it asks for.
      const plain = (r: Result) => JSON.parse(JSON.stringify(r.data, (k, v) => (k === '__typename' ? undefined : v)));
      for (const sub of subs) {
        expect(plain(await sub.feed.next(10_000))).toEqual({ callStatsUpdated: [{ keys: { provider: 'EXOTEL', status: null }, bucketStart: '2024-07-01T18:30:00.000Z', totalCalls: 1, answeredCalls: 1 }] });
      }
      expect(plain(await byStatus.feed.next(10_000))).toEqual({ callStatsUpdated: [{ keys: { status: 'ANSWERED' }, totalCalls: 1 }] });
      expect((await gw.metric('switchboard_call_stats_computations_total')) - before).toBe(2);

      // A call outside the filter touches no row: nothing is computed or sent.
      await exotel('live-old', '+919811000202', '2024-06-30T10:00:00+05:30', 40);
      expect(await subs[0]!.feed.drain(300)).toEqual([]);
      expect((await gw.metric('switchboard_call_stats_computations_total')) - before).toBe(2);

      // The rows are known now: the next call of that day is counted into them in memory, with
      // no count in SQL (the change's row must be the row the store counted).
      const sqlCounts = await gw.metric('switchboard_call_stats_counts_total', 'kind="rows"');
      await exotel('live-2', '+919811000203', '2024-07-02T23:00:00+05:30', 20);
      for (const sub of subs) {
        expect(plain(await sub.feed.next(10_000))).toEqual({ callStatsUpdated: [{ keys: { provider: 'EXOTEL', status: null }, bucketStart: '2024-07-01T18:30:00.000Z', totalCalls: 2, answeredCalls: 2 }] });
      }
      expect(plain(await byStatus.feed.next(10_000))).toEqual({ callStatsUpdated: [{ keys: { status: 'ANSWERED' }, totalCalls: 2 }] });
      expect((await gw.metric('switchboard_call_stats_counts_total', 'kind="rows"')) - sqlCounts).toBe(0);
      for (const sub of [...subs, byStatus]) sub.stop();
    } finally {
      await Promise.all(connections.map((c) => c.close()));
    }
  });

  it('pushes a changed call’s row before and after: a RINGING call answered moves from one status row to the other', async () => {
    const effects = new Effects(gw.running.store, gw.running.bus, pino({ level: 'silent' }));
    const live = await gw.running.gateway.callStats.live({ filter: { provider: 'AVANSER' }, groupBy: ['STATUS'], timeZone: 'UTC' });
    try {
      const startedAt = '2024-08-01T00:00:00.000Z';
      await effects.recordCall({ provider: 'AVANSER', providerCallId: 'moves-1', raw: {}, status: 'RINGING', startedAt });
      expect((await live.next()).value).toEqual([expect.objectContaining({ keys: { status: 'RINGING' }, totalCalls: 1 })]);
      await effects.recordCall({ provider: 'AVANSER', providerCallId: 'moves-1', raw: {}, status: 'ANSWERED', durationSeconds: 12 });
      const rows = (await live.next()).value as Array<{ keys: object; totalCalls: number }>;
      expect(rows.map((r) => [r.keys, r.totalCalls]).sort()).toEqual([
        [{ status: 'ANSWERED' }, 1],
        [{ status: 'RINGING' }, 0],
      ].sort());
    } finally {
      await live.return?.();
    }
  });

  it("moves firstTimeCallers to the caller's next call when a later word about their first call names another caller, in the live rows and in callStats", async () => {
    const effects = new Effects(gw.running.store, gw.running.bus, pino({ level: 'silent' }));
    const q = { filter: { provider: 'AVANSER' as const, startedAfter: '2024-09-01T00:00:00Z', startedBefore: '2024-09-01T03:00:00Z' }, groupBy: [], interval: 'HOUR' as const, timeZone: 'UTC' };
    const call = (id: string, from: string, hour: number) => effects.recordCall({ provider: 'AVANSER', providerCallId: id, raw: {}, status: 'ANSWERED', durationSeconds: 5, from, startedAt: `2024-09-01T0${hour}:00:00.000Z` });
    await call('first-1', '+61400000901', 0);
    await call('first-2', '+61400000901', 1);
    const figures = (rows: Array<{ bucketStart?: string | null; totalCalls: number; firstTimeCallers: number }>) => rows.map((r) => [r.bucketStart, r.totalCalls, r.firstTimeCallers]).sort();
    expect(figures(await gw.running.gateway.callStats.rows(q))).toEqual([
      ['2024-09-01T00:00:00.000Z', 1, 1],
      ['2024-09-01T01:00:00.000Z', 1, 0],
      ['2024-09-01T02:00:00.000Z', 0, 0],
    ]);
    const live = await gw.running.gateway.callStats.live(q);
    try {
      await new Promise((r) => setTimeout(r, 300)); // counted in SQL first
      // The first call was another caller's all along: both calls are now their caller's first.
      await call('first-1', '+61400000902', 0);
      const after = [
        ['2024-09-01T00:00:00.000Z', 1, 1],
        ['2024-09-01T01:00:00.000Z', 1, 1],
      ];
      expect(figures((await live.next()).value as [])).toEqual(after);
      expect(figures(await gw.running.gateway.callStats.rows(q))).toEqual([...after, ['2024-09-01T02:00:00.000Z', 0, 0]]);
    } finally {
      await live.return?.();
    }
  });
});

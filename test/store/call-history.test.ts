/**
 * Call history and statistics on the store: keyset pages that hold while calls arrive, and
 * callStats' SQL against a plain in-memory count of the same calls (fast-check), time zones
 * and DST included.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bucketLabel as domainBucketLabel, keyFields, keysOf, type CallStatsDimension, type CallStatsKeys, type CallStatsInterval, type CallStatsRecord } from '../../src/domain/call-stats.js';
import { callFacets, facetsMatch, type CallChange, type CallFilter } from '../../src/domain/calls.js';
import type { CallEventPatch, CallEventRecord, CallStatus, ProviderName } from '../../src/domain/model.js';
import { openDb, type Db } from '../../src/store/db.js';
import type { CallOrder } from '../../src/store/calls.js';
import { migrate } from '../../src/store/migrations.js';
import { parseSnapshot, txidOf, visibleIn } from '../../src/store/call-stats.js';
import { Store } from '../../src/store/store.js';
import { CallStats, COALESCE_MS, PUSH_INTERVAL_MS } from '../../src/gateway/call-stats.js';
import { createBus, Topic } from '../../src/pubsub/bus.js';

let db: Db;
let store: Store;
let n = 0;

beforeAll(async () => {
  db = await openDb({ dataDir: 'memory' });
  await migrate(db);
  store = new Store(db);
});
afterAll(() => db?.close());

const clear = () => db.exec('DELETE FROM call_callers; DELETE FROM call_facets; DELETE FROM call_events');

const PROVIDERS: ProviderName[] = ['DELACON', 'AVANSER', 'EXOTEL', 'VOIP_INNOVATIONS'];
const STATUSES: CallStatus[] = ['RINGING', 'ANSWERED', 'MISSED', 'BUSY', 'VOICEMAIL', 'FAILED'];

describe('callEvents pages', () => {
  beforeEach(clear);

  async function call(startedAt: number, durationSeconds: number) {
    await store.calls.merge({ provider: 'DELACON', providerCallId: `c${n++}`, raw: {}, status: 'ANSWERED', startedAt: new Date(startedAt).toISOString(), durationSeconds });
  }

  // Starts and durations repeat on purpose: the seq tiebreaker must place equal keys.
  const arrivals = fc.array(fc.record({ minute: fc.integer({ min: 0, max: 20 }), duration: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 6 });

  it.each<CallOrder>([
    { field: 'STARTED_AT', direction: 'DESC' },
    { field: 'STARTED_AT', direction: 'ASC' },
    { field: 'DURATION', direction: 'DESC' },
    { field: 'DURATION', direction: 'ASC' },
  ])('hold their place while calls arrive between pages ($field $direction): every call stored before once, in order, none twice', async (order) => {
    await fc.assert(
      fc.asyncProperty(fc.array(arrivals, { minLength: 1, maxLength: 4 }), arrivals, async (between, initial) => {
        await clear();
        const base = Date.parse('2026-01-01T00:00:00Z');
        for (const c of initial) await call(base + c.minute * 60_000, c.duration);
        const before = (await db.query<{ id: string }>('SELECT id::text FROM call_events')).map((r) => r.id);
        const seen: Array<{ id: string; key: number; seq: number }> = [];
        let req: { first: number; afterSeq?: number; afterKey?: number } = { first: 2 };
        for (let i = 0; ; i++) {
          const page = await store.calls.list({}, order, req);
          seen.push(...page.items.map((x) => ({ id: x.record.id, key: x.key!, seq: x.seq })));
          if (!page.hasNextPage) break;
          for (const c of between[i] ?? []) await call(base + c.minute * 60_000, c.duration);
          const last = page.items.at(-1)!;
          req = { first: 2, afterSeq: last.seq, afterKey: last.key };
        }
        const ids = seen.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of before) expect(ids).toContain(id);
        const sign = order.direction === 'ASC' ? 1 : -1;
        for (let i = 1; i < seen.length; i++) {
          const [a, b] = [seen[i - 1]!, seen[i]!];
          expect(Math.sign(b.key - a.key || b.seq - a.seq)).toBe(sign);
        }
      }),
      { numRuns: 15 },
    );
  });
});

// --- callStats against a plain count -------------------------------------------------------

const ZONES = ['UTC', 'Australia/Sydney', 'America/New_York', 'Asia/Kolkata'];
// Sydney's DST ends on 6 April 2025, New York's starts on 9 March 2025.
const WINDOW = { from: Date.parse('2025-03-01T00:00:00Z'), days: 45 };

const formats = new Map<string, Intl.DateTimeFormat>();
const format = (timeZone: string) =>
  formats.get(timeZone) ??
  formats.set(timeZone, new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short' })).get(timeZone)!;

function localParts(at: number, timeZone: string) {
  const p = Object.fromEntries(
    format(timeZone)
      .formatToParts(new Date(at))
      .map((x) => [x.type, x.value]),
  );
  return p as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'weekday', string>;
}

/** The bucket an instant falls in, by the local calendar and clock: what the SQL must agree with. */
function bucketLabel(at: number, interval: CallStatsInterval, timeZone: string): string {
  const p = localParts(at, timeZone);
  if (interval === 'HOUR') return String(at - at % 1000 - (Number(p.minute) * 60 + Number(p.second)) * 1000);
  if (interval === 'MONTH') return `${p.year}-${p.month}`;
  const day = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day));
  if (interval === 'DAY') return new Date(day).toISOString().slice(0, 10);
  const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday).toISOString().slice(0, 10);
}

const keyText = (keys: object) => JSON.stringify(Object.entries(keys).map(([k, v]) => [k, v ?? null]).sort());

type Figures = Omit<CallStatsRecord, 'keys' | 'bucketStart'>;
const zero = (): Figures => ({ totalCalls: 0, answeredCalls: 0, missedCalls: 0, totalDurationSeconds: 0, firstTimeCallers: 0, conversions: 0 });

/** The rows callStats must give, counted one call at a time. */
function expected(calls: CallEventRecord[], filter: CallFilter, groupBy: CallStatsDimension[], interval: CallStatsInterval | undefined, timeZone: string) {
  const facets = calls.map(callFacets);
  const first = new Map<string, number>();
  facets.forEach((f, i) => {
    if (!f.from) return;
    const j = first.get(f.from);
    if (j === undefined || Date.parse(f.startedAt) < Date.parse(facets[j]!.startedAt)) first.set(f.from, i);
  });
  const inRange = (f: (typeof facets)[number]) =>
    (!filter.startedAfter || Date.parse(f.startedAt) >= Date.parse(filter.startedAfter)) && (!filter.startedBefore || Date.parse(f.startedAt) < Date.parse(filter.startedBefore));
  const rows = new Map<string, Figures>();
  // Without dimensions there is always the one row (or series) of totals.
  const keys = new Set<string>(groupBy.length ? [] : [keyText({})]);
  if (!interval && !groupBy.length) rows.set(`${keyText({})}|`, zero());
  facets.forEach((f, i) => {
    if (!inRange(f) || (filter.provider && f.provider !== filter.provider) || (filter.answered !== undefined && (f.status === 'ANSWERED') !== filter.answered) || (filter.answered === false && f.status === 'RINGING')) return;
    const key = keyText(keysOf(f, keyFields(groupBy)));
    keys.add(key);
    const id = `${key}|${interval ? bucketLabel(Date.parse(f.startedAt), interval, timeZone) : ''}`;
    const r = rows.get(id) ?? zero();
    r.totalCalls++;
    if (f.status === 'ANSWERED') {
      r.answeredCalls++;
      r.totalDurationSeconds += f.durationSeconds;
    }
    if (['MISSED', 'BUSY', 'VOICEMAIL', 'FAILED'].includes(f.status)) r.missedCalls++;
    if (f.from && first.get(f.from) === i) r.firstTimeCallers++;
    if (f.sale) r.conversions++;
    rows.set(id, r);
  });
  if (!interval) return rows;

  // Every bucket of the range, seen by walking it a quarter hour at a time.
  const labels = new Set<string>();
  for (let t = Date.parse(filter.startedAfter!); t < Date.parse(filter.startedBefore!); t += 15 * 60_000) labels.add(bucketLabel(t, interval, timeZone));
  const all = new Map<string, Figures>();
  for (const key of keys) for (const label of labels) all.set(`${key}|${label}`, rows.get(`${key}|${label}`) ?? zero());
  return all;
}

const startOf = (quarter: number) => new Date(WINDOW.from + quarter * 900_000).toISOString();
const CALLERS = ['+61400000001', '+61400000002', '+61400000003', '+12125550100'];
const QUARTERS = WINDOW.days * 96;

/** Stores the calls (and their later changes), telling `changed` of each change as the gateway publishes it; `before` is awaited before each write. */
async function record(specs: Array<typeof callArb extends fc.Arbitrary<infer T> ? T : never>, changed: (c: CallChange) => void = () => undefined, before: () => Promise<unknown> = async () => undefined): Promise<void> {
  for (const s of specs) {
    const patch: CallEventPatch = {
      provider: s.provider,
      providerCallId: `c${n++}`,
      raw: {},
      status: s.status,
      from: s.from,
      to: s.to,
      serviceRef: s.serviceRef,
      startedAt: startOf(s.quarter),
      durationSeconds: s.durationSeconds,
      attribution: s.landingPage || s.keywords ? { landingPage: s.landingPage, keywords: s.keywords } : undefined,
      surveyOutcome: s.surveyOutcome,
    };
    const later = s.later && { provider: s.provider, providerCallId: patch.providerCallId, raw: {}, status: s.later.status, durationSeconds: s.later.durationSeconds, from: s.later.from, startedAt: s.later.quarter === undefined ? undefined : startOf(s.later.quarter) };
    for (const p of [patch, ...(later ? [later] : [])]) {
      await before();
      const merged = await store.calls.merge(p);
      if (merged.changed) changed(merged);
    }
  }
}

const callArb = fc.record({
  provider: fc.constantFrom(...PROVIDERS),
  status: fc.constantFrom(...STATUSES),
  from: fc.option(fc.constantFrom(...CALLERS), { nil: undefined }),
  to: fc.constantFrom('+61280740801', '+61280740802', '+12125550199'),
  serviceRef: fc.option(fc.constantFrom('s1', 's2'), { nil: undefined }),
  // Whole quarter hours, so that starts repeat and fall on bucket edges.
  quarter: fc.integer({ min: 0, max: QUARTERS }),
  durationSeconds: fc.integer({ min: 0, max: 900 }),
  landingPage: fc.option(fc.constantFrom('https://ex.com/a?utm_source=google&utm_campaign=spring', 'https://ex.com/b?gclid=1', 'not a url'), { nil: undefined }),
  keywords: fc.option(fc.constantFrom('plumber', 'electrician'), { nil: undefined }),
  surveyOutcome: fc.option(fc.constantFrom('Sale', 'enquiry'), { nil: undefined }),
  // A later webhook may also name another caller or start: a caller's first call moves.
  later: fc.option(
    fc.record({
      status: fc.constantFrom(...STATUSES),
      durationSeconds: fc.integer({ min: 0, max: 900 }),
      from: fc.option(fc.constantFrom(...CALLERS), { nil: undefined, freq: 2 }),
      // The window's first quarter often: a call moved there becomes its caller's first.
      quarter: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: QUARTERS })), { nil: undefined, freq: 2 }),
    }),
    { nil: undefined },
  ),
});

const dimensionsArb = fc.uniqueArray(fc.constantFrom<CallStatsDimension>('PROVIDER', 'NUMBER', 'SERVICE', 'STATUS', 'SOURCE', 'CAMPAIGN', 'KEYWORDS', 'LANDING_PAGE', 'ALLOCATION'), { maxLength: 3 });

describe('callStats', () => {
  it('agrees with a plain count of the same calls: every key, bucket and figure, empty buckets included, in any time zone', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(callArb, { maxLength: 30 }),
        dimensionsArb,
        fc.option(fc.constantFrom<CallStatsInterval>('HOUR', 'DAY', 'WEEK', 'MONTH'), { nil: undefined }),
        fc.constantFrom(...ZONES),
        fc.record({ provider: fc.option(fc.constantFrom(...PROVIDERS), { nil: undefined }), answered: fc.option(fc.boolean(), { nil: undefined }) }),
        fc.integer({ min: 0, max: WINDOW.days * 96 }),
        fc.integer({ min: 1, max: 40 * 96 }),
        async (specs, groupBy, interval, timeZone, picked, startQuarter, lengthQuarters) => {
          await clear();
          await record(specs);
          const calls = (await db.query<{ data: CallEventRecord }>('SELECT data FROM call_events ORDER BY seq')).map((r) => r.data);
          // Hours over at most four days, to keep a run's rows few.
          const quarters = interval === 'HOUR' ? Math.min(lengthQuarters, 4 * 96) : lengthQuarters;
          const range = interval || startQuarter % 2 ? { startedAfter: new Date(WINDOW.from + startQuarter * 900_000).toISOString(), startedBefore: new Date(WINDOW.from + (startQuarter + quarters) * 900_000).toISOString() } : {};
          const filter: CallFilter = { ...picked, ...range };
          const rows = await store.callStats.rows({ filter, groupBy, interval, timeZone }, new Date());
          const got = new Map<string, Figures>();
          for (const { keys, bucketStart, ...figures } of rows) {
            if (interval && interval !== 'HOUR') {
              // A bucket starts at local midnight; a week on Monday, a month on the 1st.
              const p = localParts(Date.parse(bucketStart!), timeZone);
              expect([p.hour, p.minute, interval === 'WEEK' ? p.weekday : 'Mon', interval === 'MONTH' ? p.day : '01'].join(' ')).toBe('00 00 Mon 01');
            }
            const id = `${keyText(keys)}|${interval ? bucketLabel(Date.parse(bucketStart!), interval, timeZone) : ''}`;
            expect(got.has(id)).toBe(false);
            got.set(id, figures);
          }
          expect(got).toEqual(expected(calls, filter, groupBy, interval, timeZone));
          // Without empty buckets (what live statistics start from): the same rows, less the empty ones.
          const filled = await store.callStats.counted({ filter, groupBy, interval, timeZone });
          expect(filled.rows).toEqual(rows.filter((r) => r.totalCalls > 0 || !interval));
        },
      ),
      { numRuns: 30 },
    );
  }, 240_000);
});

describe('bucketLabel', () => {
  it('labels two instants alike exactly when the local calendar puts them in one bucket, in every IANA zone since 1990 (labels are kept per quarter hour)', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom<CallStatsInterval>('HOUR', 'DAY', 'WEEK', 'MONTH'),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        // Near instants (the same or the next quarter, hour or day) as well as far ones.
        fc.oneof(fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }), fc.integer({ min: -40 * 86_400_000, max: 40 * 86_400_000 })),
        (zone, interval, a, delta) => {
          const b = Math.max(Date.UTC(1990, 0, 1), a + delta);
          const kept = domainBucketLabel(new Date(a), interval, zone) === domainBucketLabel(new Date(b), interval, zone);
          expect(kept).toBe(bucketLabel(a, interval, zone) === bucketLabel(b, interval, zone));
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe('callStatsUpdated', () => {
  it('keeps its rows in memory equal to a fresh callStats query, whatever calls arrive or change, in whatever order, however late each change is announced', async () => {
    const bus = await createBus();
    const stats = new CallStats(store, bus);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(callArb, { maxLength: 15 }),
          fc.array(callArb, { minLength: 1, maxLength: 25 }),
          dimensionsArb,
          fc.option(fc.constantFrom<CallStatsInterval>('HOUR', 'DAY', 'WEEK', 'MONTH'), { nil: undefined }),
          fc.constantFrom(...ZONES),
          fc.option(fc.constantFrom(...PROVIDERS), { nil: undefined }),
          fc.nat(20),
          // Each write's pause before it, and how long after its commit its change is announced
          // (over Redis, or after the store's answer to a count that includes it), in order as one
          // publisher's are: writes go on while rows are counted, and some are announced after
          // a count that includes them has answered.
          fc.array(fc.record({ pause: fc.nat(15), lag: fc.nat(50) }), { minLength: 1, maxLength: 50 }),
          async (stored, arriving, groupBy, interval, timeZone, provider, waitMs, timings) => {
            await clear();
            await record(stored);
            // Hour buckets over a week at most, to keep a series' rows few.
            const days = interval === 'HOUR' ? 7 : WINDOW.days;
            const range = interval ? { startedAfter: new Date(WINDOW.from).toISOString(), startedBefore: new Date(WINDOW.from + days * 86_400_000).toISOString() } : {};
            const q = { filter: { provider, ...range }, groupBy, interval, timeZone };
            const live = await stats.live(q);
            const pushed = new Map<string, CallStatsRecord>();
            const id = (keys: CallStatsKeys, at: string | undefined) => JSON.stringify([keyText(keys), interval ? bucketLabel(Date.parse(at!), interval, timeZone) : '']);
            const touched = new Set<string>();
            let lastPush = performance.now();
            const reading = (async () => {
              for await (const rows of live) {
                lastPush = performance.now();
                for (const r of rows) pushed.set(id(r.keys, r.bucketStart), r);
              }
            })();
            // Changes arrive while the first query runs, or after it.
            await new Promise((r) => setTimeout(r, waitMs));
            let announced = Promise.resolve();
            let k = 0;
            const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
            await record(
              arriving,
              (change) => {
                const f = callFacets(change.call);
                if (facetsMatch(f, q.filter)) touched.add(id(keysOf(f, keyFields(groupBy)), f.startedAt));
                announced = Promise.all([announced, sleep(timings[k++ % timings.length]!.lag)]).then(() => bus.publish(Topic.CALL_CHANGED, change));
              },
              () => sleep(timings[k % timings.length]!.pause),
            );
            await announced;
            // Until no push has come for longer than a push interval since the last change: every touched row has been sent.
            lastPush = Math.max(lastPush, performance.now());
            while (performance.now() - lastPush < PUSH_INTERVAL_MS + COALESCE_MS * 3) await sleep(50);
            await live.return!();
            await reading;
            const fresh = new Map((await store.callStats.rows(q, new Date())).map((r) => [id(r.keys, r.bucketStart), r]));
            // Every row a change touched was sent, and the last sent of each is what a query now counts.
            expect([...touched].filter((key) => !pushed.has(key))).toEqual([]);
            for (const [key, row] of pushed) expect(row, key).toEqual(fresh.get(key) ?? { ...row, ...zero() });
          },
        ),
        { numRuns: 25 },
      );
    } finally {
      await bus.close();
    }
  }, 240_000);
});

describe('a count\'s snapshot', () => {
  it('includes a transaction exactly when the engine\'s pg_visible_in_snapshot says so, read once from the text it writes', async () => {
    // Snapshots as pg_current_snapshot() writes them: xmin ≤ xip < xmax, xip ascending (the
    // engine refuses a snapshot from an epoch after its own: xids below 2^32 here).
    const snapshotArb = fc
      .tuple(fc.bigInt({ min: 1n, max: 2n ** 32n - 100n }), fc.nat(40), fc.uniqueArray(fc.nat(39), { maxLength: 6 }))
      .map(([xmin, span, offsets]) => ({ xmin, xmax: xmin + BigInt(span), xip: offsets.filter((o) => o < span).sort((a, b) => a - b).map((o) => xmin + BigInt(o)) }));
    await fc.assert(
      fc.asyncProperty(snapshotArb, fc.integer({ min: -3, max: 45 }), async ({ xmin, xmax, xip }, offset) => {
        const text = `${xmin}:${xmax}:${xip.join(',')}`;
        const txid = String(xmin + BigInt(offset));
        const [row] = await db.query<{ visible: boolean }>('SELECT pg_visible_in_snapshot($1::xid8, $2::pg_snapshot) AS visible', [txid, text]);
        expect(visibleIn(parseSnapshot(text), txidOf(txid))).toBe(row!.visible);
      }),
      { numRuns: 300 },
    );
    // A change with no transaction (over Redis from an older instance) is never taken as counted.
    expect(visibleIn(parseSnapshot('10:20:'), txidOf(undefined))).toBe(false);
  });
});

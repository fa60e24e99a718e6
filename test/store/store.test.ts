/**
 * The store against both engines: embedded PGlite always, PostgreSQL when TEST_DATABASE_URL
 * is set (its schema `public` is dropped and recreated first, so runs are repeatable).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllocationRecord, CallEventPatch, OrderRecord, PhoneNumberRecord, ServiceRecord } from '../../src/domain/model.js';
import { isDataError, openDb, throwawayRoot, type Db, type Queryable } from '../../src/store/db.js';
import type { CallStatsRecord } from '../../src/domain/call-stats.js';
import { CallStats } from '../../src/gateway/call-stats.js';
import { createBus, Topic } from '../../src/pubsub/bus.js';
import { storeQueries } from '../../src/observability/metrics.js';
import { migrate } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';

const PG_URL = process.env.TEST_DATABASE_URL;

async function resetPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}

interface Engine {
  name: string;
  available: boolean;
  open(): Promise<Db>;
  /** Prepare a fresh database before the suite. */
  reset(): Promise<void>;
}

const ENGINES: Engine[] = [
  { name: 'pglite', available: true, open: () => openDb({ dataDir: 'memory' }), reset: async () => undefined },
  {
    name: 'postgres',
    available: Boolean(PG_URL),
    open: () => openDb({ databaseUrl: PG_URL, dataDir: 'memory' }),
    reset: () => resetPostgres(PG_URL!),
  },
];

const now = () => new Date().toISOString();

/** Store statements run so far, by every store of this process. */
const queries = async () => (await storeQueries.get()).values.reduce((n, v) => n + v.value, 0);

function order(over: Partial<OrderRecord> = {}): OrderRecord {
  const at = now();
  return { id: randomUUID(), provider: 'DELACON', status: 'PENDING', numbers: [], kind: 'PROVISION', history: [{ at, status: 'PENDING' }], createdAt: at, updatedAt: at, ...over };
}

function service(over: Partial<ServiceRecord> = {}): ServiceRecord {
  return { provider: 'DELACON', providerRef: `svc-${randomUUID()}`, numbers: [], settings: {}, updatedAt: now(), ...over };
}

function allocation(over: Partial<AllocationRecord> = {}): AllocationRecord {
  const at = now();
  return {
    provider: 'EXOTEL',
    providerRef: randomUUID(),
    connectionId: `conn-${randomUUID()}`,
    aPartyNumbers: [],
    bPartyNumbers: [],
    aPartyPins: [],
    bPartyPins: [],
    usage: 'TWO_WAY',
    state: 'ACTIVE',
    createdAt: at,
    updatedAt: at,
    refreshedAt: at,
    ...over,
  };
}

function number(e164: string, over: Partial<PhoneNumberRecord> = {}): PhoneNumberRecord {
  return { provider: 'AVANSER', e164, status: 'AVAILABLE', capabilities: ['VOICE'], ...over };
}

const callStart = (id: string): CallEventPatch => ({ provider: 'EXOTEL', providerCallId: id, status: 'RINGING', from: '+61290000001', startedAt: '2026-01-01T00:00:00.000Z', raw: { start: { phase: 'start' } } });
const callEnd = (id: string): CallEventPatch => ({ provider: 'EXOTEL', providerCallId: id, status: 'ANSWERED', durationSeconds: 42, endedAt: '2026-01-01T00:01:00.000Z', raw: { end: { phase: 'end' } } });

describe.each(ENGINES)('store on $name', (engine) => {
  describe.skipIf(!engine.available)(engine.available ? 'suite' : 'suite (set TEST_DATABASE_URL to run)', () => {
    let db: Db;
    let store: Store;

    beforeAll(async () => {
      await engine.reset();
      db = await engine.open();
      store = new Store(db);
    });
    afterAll(async () => {
      await db?.close();
    });

    const callRows = async (id: string) =>
      (await db.query<{ id: string; status: string; data: { id: string; status: string; raw: Record<string, unknown> } }>('SELECT id, status, data FROM call_events WHERE provider_call_id = $1', [id]));

    it('runs migrations once, however often it is opened', async () => {
      const versions = async (d: Db) => (await d.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);
      const before = await versions(db);
      expect(before.length).toBeGreaterThan(0);
      await migrate(db);
      expect(await versions(db)).toEqual(before);
      if (engine.name === 'postgres') {
        // A second instance opening the same database, twice over, concurrently.
        const [a, b] = await Promise.all([engine.open(), engine.open()]);
        try {
          expect(await versions(a)).toEqual(before);
          expect(await versions(b)).toEqual(before);
        } finally {
          await Promise.all([a.close(), b.close()]);
        }
      }
    });

    it('runs statements prepared, beyond the prepared ones, in transactions all or nothing; errors keep their SQLSTATE', async () => {
      // The same statement with other values, and more distinct statements than are kept prepared.
      const sums = await Promise.all(Array.from({ length: 250 }, (_, k) => db.query<{ n: number }>(`SELECT $1::int + ${k % 210} AS n`, [k])));
      expect(sums.map((r) => r[0]!.n)).toEqual(Array.from({ length: 250 }, (_, k) => k + (k % 210)));
      const job = `probe-${randomUUID()}`;
      const held = (name: string) => db.query('SELECT name FROM jobs WHERE name = $1', [name]);
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO jobs (name) VALUES ($1)', [job]);
          expect(await tx.query('SELECT name FROM jobs WHERE name = $1', [job])).toHaveLength(1);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await held(job)).toEqual([]);
      const failed = await db.transaction((tx) => tx.query('SELECT 1 / $1::int', [0])).catch((err: unknown) => err);
      expect(failed).toMatchObject({ code: '22012' });
      expect(isDataError(failed)).toBe(true);
      await db.transaction((tx) => tx.query('INSERT INTO jobs (name) VALUES ($1)', [job]));
      expect(await held(job)).toEqual([{ name: job }]);
      expect(await db.ping()).toBe(true);
    });

    it('saves orders, finds the one to settle (by reference, else oldest pending of the service) and settles it', async () => {
      const serviceRef = `svc-${randomUUID()}`;
      const first = order({ serviceRef, providerRef: `ref-${randomUUID()}` });
      const second = order({ serviceRef });
      await store.orders.save(first);
      await store.orders.save(second);

      expect((await store.orders.byIds([first.id, second.id, 'not-a-uuid'])).map((o) => o.id).sort()).toEqual([first.id, second.id].sort());

      const byRef = await db.transaction((tx) => store.orders.findForUpdate(tx, 'DELACON', { providerRef: first.providerRef }));
      expect(byRef?.id).toBe(first.id);
      const byService = await db.transaction((tx) => store.orders.findForUpdate(tx, 'DELACON', { providerRef: 'unknown', serviceRef }));
      expect(byService?.id).toBe(first.id);
      expect(await db.transaction((tx) => store.orders.findForUpdate(tx, 'AVANSER', { serviceRef }))).toBeNull();

      // Settle the first inside the transaction that found it.
      await db.transaction(async (tx) => {
        const o = (await store.orders.findForUpdate(tx, 'DELACON', { serviceRef }))!;
        await store.orders.save({ ...o, status: 'COMPLETED', updatedAt: now(), history: [...o.history, { at: now(), status: 'COMPLETED' }] }, tx);
      });
      const [settled] = await store.orders.byIds([first.id]);
      expect(settled!.status).toBe('COMPLETED');
      expect(settled!.history.map((h) => h.status)).toEqual(['PENDING', 'COMPLETED']);
      // The next pending order of the service is now the second.
      const next = await db.transaction((tx) => store.orders.findForUpdate(tx, 'DELACON', { serviceRef }));
      expect(next?.id).toBe(second.id);
      expect((await store.orders.list({ provider: 'DELACON', status: 'COMPLETED' }, { first: 50 })).items.map((i) => i.record.id)).toContain(first.id);
    });

    it('merges services: given fields win, settings merge, numbers accumulate', async () => {
      const s = service({ name: 'Sales', numbers: ['+61290000001'], settings: { a: '1', b: '2' }, recording: true });
      await store.services.save(s);
      const { service: merged, changed } = await store.services.save({ ...s, name: undefined, numbers: ['+61290000002', '+61290000001'], settings: { b: '3', c: '4' }, recording: false });
      expect(changed).toBe(true);
      expect(merged.name).toBe('Sales');
      expect(merged.recording).toBe(false);
      expect(merged.settings).toEqual({ a: '1', b: '3', c: '4' });
      expect([...merged.numbers].sort()).toEqual(['+61290000001', '+61290000002']);
      const [stored] = await store.services.byRefs([{ provider: s.provider, providerRef: s.providerRef }]);
      expect(stored).toEqual(merged);
      expect(await store.services.byRefs([{ provider: 'AVANSER', providerRef: s.providerRef }])).toEqual([]);
      // Told again later, with nothing new: nothing changes, not even when it was last told.
      expect(await store.services.save({ ...merged, updatedAt: new Date(Date.now() + 1000).toISOString() })).toEqual({ service: merged, changed: false });
      // Gone at the provider, then listed again: news of a service means it exists.
      const removed = await store.services.save({ ...merged, removedAt: new Date().toISOString() });
      expect(removed.service.removedAt).toBeDefined();
      expect((await store.services.save({ ...s, settings: {} })).service.removedAt).toBeUndefined();
    });

    it('keeps every number when the first saves of a service arrive together', async () => {
      if (engine.name === 'postgres') await Promise.all(Array.from({ length: 10 }, () => db.transaction((tx) => tx.query('SELECT pg_sleep(0.05)'))));
      const s = service();
      const numbers = Array.from({ length: 6 }, (_, i) => `+6129000010${i}`);
      await Promise.all(numbers.map((n) => store.services.save({ ...s, numbers: [n] })));
      const [stored] = await store.services.byRefs([{ provider: s.provider, providerRef: s.providerRef }]);
      expect([...stored!.numbers].sort()).toEqual(numbers);
    });

    it('saves a provider\'s list of services in three statements, whatever its length, as saving each in turn would', async () => {
      const listed = Array.from({ length: 600 }, (_, i) => service({ provider: 'AVANSER', providerRef: `+6128${randomUUID().slice(0, 7)}${i}`, numbers: [`+61280${String(i).padStart(6, '0')}`] }));
      const before = await queries();
      const saved = await store.services.saveMany(listed);
      expect(await queries()).toBe(before + 3);
      expect(saved.every((s, i) => s.changed && s.service.providerRef === listed[i]!.providerRef)).toBe(true);
      expect(await store.services.byRefs(listed)).toHaveLength(600);
      // Listed again unchanged: nothing is written.
      const again = await queries();
      expect((await store.services.saveMany(listed)).map((s) => s.changed)).toEqual(listed.map(() => false));
      expect(await queries()).toBe(again + 2);
      expect(await store.services.saveMany([])).toEqual([]);
    });

    it('saves many services as one save after another would: fuzzed against separate saves', async () => {
      // A few keys, each told several times in one list: later fields win, settings merge,
      // numbers accumulate, a removal is undone by news, and an unchanged repeat is not a change.
      const told = fc.record({
        key: fc.integer({ min: 0, max: 3 }),
        name: fc.option(fc.constantFrom('Sales', 'Support'), { nil: undefined }),
        numbers: fc.subarray(['+61290000201', '+61290000202', '+61290000203']),
        settings: fc.dictionary(fc.constantFrom('a', 'b'), fc.constantFrom('1', '2')),
        removed: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(told, { minLength: 1, maxLength: 8 }), async (list) => {
          const run = randomUUID();
          // One time for both lists: a removal told again at another millisecond is a change, so
          // a clock tick between two records of one list and not the other made them differ.
          const at = now();
          const records = (prefix: string) =>
            list.map((t): ServiceRecord => ({ provider: 'DELACON', providerRef: `${prefix}-${run}-${t.key}`, name: t.name, numbers: t.numbers, settings: t.settings, updatedAt: at, removedAt: t.removed ? at : undefined }));
          const oneByOne: Array<{ service: ServiceRecord; changed: boolean }> = [];
          for (const r of records('one')) oneByOne.push(await store.services.save(r));
          const together = await store.services.saveMany(records('many'));
          const unprefixed = (s: ServiceRecord) => ({ ...s, providerRef: s.providerRef.slice(s.providerRef.indexOf('-')), updatedAt: '', removedAt: s.removedAt && 'removed' });
          expect(together.map((s) => ({ ...s, service: unprefixed(s.service) }))).toEqual(oneByOne.map((s) => ({ ...s, service: unprefixed(s.service) })));
          const stored = async (prefix: string) => (await store.services.byRefs(records(prefix))).map(unprefixed).sort((a, b) => a.providerRef.localeCompare(b.providerRef));
          expect(await stored('many')).toEqual(await stored('one'));
        }),
        { numRuns: 40 },
      );
    });

    it('keeps every number when lists naming the same services in other orders are saved at once', async () => {
      const refs = Array.from({ length: 20 }, () => `svc-${randomUUID()}`);
      // Half of them name the services backwards.
      const lists = Array.from({ length: 6 }, (_, i) => {
        const list = refs.map((providerRef) => service({ providerRef, numbers: [`+612900004${String(i).padStart(2, '0')}`] }));
        return i % 2 ? list.reverse() : list;
      });
      await Promise.all(lists.map((l) => store.services.saveMany(l)));
      for (const s of await store.services.byRefs(refs.map((providerRef) => ({ provider: 'DELACON' as const, providerRef })))) expect(s.numbers).toHaveLength(6);
    });

    it('reads numbers in one batch and merges their data on save', async () => {
      const a = `+6129${Date.now().toString().slice(-7)}`;
      const b = `+6138${Date.now().toString().slice(-7)}`;
      expect((await store.numbers.save([number(a, { region: 'NSW' }), number(b)])).map((c) => [c.number.e164, c.inserted])).toEqual([[a, true], [b, true]]);
      // Only what changed comes back (what is worth publishing), merged with what was stored.
      expect(await store.numbers.save([number(b)])).toEqual([]);
      const changed = await store.numbers.save([number(a, { status: 'RESERVED' })]);
      expect(changed).toEqual([{ number: expect.objectContaining({ e164: a, status: 'RESERVED', region: 'NSW' }), inserted: false }]);
      const before = db.queryCount;
      const found = await store.numbers.byE164([a, b, '+61000000000']);
      expect(db.queryCount - before).toBe(1);
      const byE164 = new Map(found.map((n) => [n.e164, n]));
      expect(byE164.size).toBe(2);
      expect(byE164.get(a)).toMatchObject({ status: 'RESERVED', region: 'NSW' });
      expect(await store.numbers.byE164([])).toEqual([]);
    });

    it('finds allocations by reference, connection id and active green VN', async () => {
      const greenVN = `+9180${Date.now().toString().slice(-8)}`;
      const old = allocation({ greenVN, state: 'DEALLOCATED' });
      const live = allocation({ greenVN });
      await store.allocations.save(old);
      await store.allocations.save(live);
      expect((await store.allocations.find('EXOTEL', { providerRef: old.providerRef }))?.providerRef).toBe(old.providerRef);
      expect((await store.allocations.find('EXOTEL', { connectionId: live.connectionId }))?.providerRef).toBe(live.providerRef);
      expect((await store.allocations.find('EXOTEL', { greenVN }))?.providerRef).toBe(live.providerRef);
      expect(await store.allocations.find('EXOTEL', { providerRef: 'nope' })).toBeNull();
      expect(await store.allocations.find('EXOTEL', {})).toBeNull();
      await store.allocations.save({ ...live, state: 'DEALLOCATED', updatedAt: now() });
      expect(await store.allocations.find('EXOTEL', { greenVN })).toBeNull();
      expect((await store.allocations.byRefs([{ provider: 'EXOTEL', providerRef: live.providerRef }]))[0]?.state).toBe('DEALLOCATED');
    });

    it.each([
      ['start then end', [callStart, callEnd]],
      ['end then start', [callEnd, callStart]],
    ] as const)('merges a call delivered %s into one final call', async (_, phases) => {
      const id = `call-${randomUUID()}`;
      const { call: first } = await store.calls.merge(phases[0](id));
      const { call: second, changed } = await store.calls.merge(phases[1](id));
      expect(changed).toBe(true);
      expect(second.id).toBe(first.id);
      expect(second).toMatchObject({ status: 'ANSWERED', from: '+61290000001', durationSeconds: 42, startedAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-01-01T00:01:00.000Z' });
      expect(Object.keys(second.raw).sort()).toEqual(['end', 'start']);
      const rows = await callRows(id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.status).toBe('ANSWERED');
      expect(rows[0]!.data.id).toBe(rows[0]!.id);
      // A late, repeated RINGING never undoes the final status.
      expect((await store.calls.merge(callStart(id))).call.status).toBe('ANSWERED');
      // The same facts again (an event applied twice) change nothing.
      expect((await store.calls.merge(callEnd(id))).changed).toBe(false);
      expect((await store.calls.byIds([first.id]))[0]?.status).toBe('ANSWERED');
    });

    it('gives one row, with every fact, for concurrent merges of the same call', async () => {
      if (engine.name === 'postgres') {
        // Open every pooled connection first, so that the merges really run side by side.
        await Promise.all(Array.from({ length: 10 }, () => db.transaction((tx) => tx.query('SELECT pg_sleep(0.05)'))));
        // The first two deliveries of a new call (start and end) arriving together.
        for (let k = 0; k < 5; k++) {
          const pair = `call-${randomUUID()}`;
          await Promise.all([store.calls.merge(callEnd(pair)), store.calls.merge(callStart(pair))]);
          const [row, ...more] = await callRows(pair);
          expect(more).toHaveLength(0);
          expect({ status: row!.status, dataStatus: row!.data.status, sameId: row!.data.id === row!.id, raw: Object.keys(row!.data.raw).sort() }).toEqual({
            status: 'ANSWERED',
            dataStatus: 'ANSWERED',
            sameId: true,
            raw: ['end', 'start'],
          });
        }
      }
      const id = `call-${randomUUID()}`;
      const patches: CallEventPatch[] = [callStart(id), callEnd(id), ...Array.from({ length: 8 }, (_, i) => ({ provider: 'EXOTEL' as const, providerCallId: id, raw: { [`extra${i}`]: { i } } }))];
      const results = await Promise.all(patches.map((p) => store.calls.merge(p)));
      const rows = await callRows(id);
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(new Set(results.map((r) => r.call.id))).toEqual(new Set([row.id]));
      expect(row.data.id).toBe(row.id);
      expect(row.status).toBe('ANSWERED');
      expect(row.data.status).toBe('ANSWERED');
      expect(Object.keys(row.data.raw).sort()).toEqual(['end', 'start', ...Array.from({ length: 8 }, (_, i) => `extra${i}`)].sort());
    });

    it("keeps each caller's first call through concurrent merges that change callers and starts, and the changes' first-call marks add up to it, call by call and row by row", async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.record({ call: fc.nat(5), caller: fc.option(fc.nat(2), { nil: undefined }), minute: fc.nat(20) }), { minLength: 1, maxLength: 24 }), async (writes) => {
          const tag = `first-${randomUUID()}`;
          const callers = [0, 1, 2].map((k) => `+6139${String(Date.now() % 1e4).padStart(4, '0')}${String(run).padStart(3, '0')}${k}`);
          run++;
          // What the changes say, call by call (+1 each time it became first, -1 each time it
          // stopped) and row by row, as live statistics count them: a row per caller and start,
          // each mark counted into the row of the version it carries.
          const said = new Map<string, number>();
          const rows = new Map<string, number>();
          const row = (c: { from?: string; startedAt?: string }) => `${c.from} ${c.startedAt && Date.parse(c.startedAt)}`;
          const add = (id: string, n: number, version: { from?: string; startedAt?: string }) => {
            said.set(id, (said.get(id) ?? 0) + n);
            rows.set(row(version), (rows.get(row(version)) ?? 0) + n);
          };
          await Promise.all(
            writes.map(async (w) => {
              const from = w.caller === undefined ? undefined : callers[w.caller];
              const m = await store.calls.merge({ provider: 'EXOTEL', providerCallId: `${tag}-${w.call}`, raw: {}, from, startedAt: new Date(Date.UTC(2026, 2, 1, 10, w.minute)).toISOString() });
              if (!m.changed) return;
              if (m.first.was) add(m.call.id, -1, m.previous!);
              if (m.first.is) add(m.call.id, 1, m.call);
              for (const k of m.marks) add(k.call.id, k.sign, k.call);
            }),
          );
          // Each caller's first: the earliest of its calls as stored (by start, then seq).
          const calls = await db.query<{ id: string; from_number: string | null; started_at: Date; seq: number }>(
            'SELECT e.id, f.from_number, f.started_at, f.seq FROM call_facets f JOIN call_events e ON e.seq = f.seq WHERE e.provider_call_id LIKE $1 ORDER BY f.started_at, f.seq',
            [`${tag}-%`],
          );
          const firsts = new Map<string, string>();
          const firstRows = new Map<string, number>();
          for (const c of calls) {
            if (!c.from_number || firsts.has(c.from_number)) continue;
            firsts.set(c.from_number, c.id);
            firstRows.set(row({ from: c.from_number, startedAt: new Date(c.started_at).toISOString() }), 1);
          }
          const kept = await db.query<{ from_number: string; id: string }>('SELECT k.from_number, e.id FROM call_callers k JOIN call_events e ON e.seq = k.first_seq WHERE k.from_number = ANY($1)', [callers]);
          expect(new Map(kept.map((k) => [k.from_number, k.id]))).toEqual(firsts);
          // The flag statistics count (the store's triggers keep it as callers' rows change).
          const flagged = await db.query<{ id: string }>('SELECT e.id FROM call_facets f JOIN call_events e ON e.seq = f.seq WHERE e.provider_call_id LIKE $1 AND f.first_call', [`${tag}-%`]);
          expect(flagged.map((f) => f.id).sort()).toEqual([...firsts.values()].sort());
          expect([...said].filter(([, n]) => n !== 0).sort()).toEqual([...firsts.values()].map((id) => [id, 1]).sort());
          expect(new Map([...rows].filter(([, n]) => n !== 0))).toEqual(firstRows);
        }),
        { numRuns: 40 },
      );
    });

    it('counts each change of a call into live statistics once, even announced after a count that includes it answered', async () => {
      const bus = await createBus();
      const stats = new CallStats(store, bus);
      const from = `+6129${String(Date.now() % 1e7).padStart(7, '0')}`;
      const q = { filter: { from, startedAfter: '2026-01-01T00:00:00Z', startedBefore: '2026-02-01T00:00:00Z' }, groupBy: [], interval: 'DAY' as const, timeZone: 'UTC' };
      const write = async (day: number) => {
        const m = await store.calls.merge({ provider: 'EXOTEL', providerCallId: `live-${randomUUID()}`, status: 'ANSWERED', from, startedAt: `2026-01-0${day}T10:00:00.000Z`, durationSeconds: 60, raw: {} });
        if (!m.changed) throw new Error('a new call is a change');
        return () => bus.publish(Topic.CALL_CHANGED, m);
      };
      const totals = (rows: CallStatsRecord[]) => Object.fromEntries(rows.map((r) => [r.bucketStart!.slice(0, 10), r.totalCalls]));
      const live = await stats.live(q);
      try {
        // Counted by the group's first query, announced only later.
        const announceEarly = await write(3);
        await new Promise((r) => setTimeout(r, 300));
        // A new row, counted in SQL COALESCE_MS after the first change: the second call is
        // written before that count and announced after it.
        (await write(5))();
        const announceSecond = await write(5);
        expect(totals((await live.next()).value as CallStatsRecord[])).toEqual({ '2026-01-05': 2 });
        announceEarly();
        announceSecond();
        expect(totals((await live.next()).value as CallStatsRecord[])).toEqual({ '2026-01-03': 1, '2026-01-05': 2 });
        expect(totals(await store.callStats.rows({ ...q, filter: { ...q.filter, startedAfter: '2026-01-03T00:00:00Z', startedBefore: '2026-01-06T00:00:00Z' } }, new Date()))).toEqual({ '2026-01-03': 1, '2026-01-04': 0, '2026-01-05': 2 });
      } finally {
        await live.return!();
        await bus.close();
      }
    });

    it('starts live statistics of an open-ended series from every stored call, those stamped a little ahead of our clock too', async () => {
      const bus = await createBus();
      const stats = new CallStats(store, bus);
      const from = `+6128${String(Date.now() % 1e7).padStart(7, '0')}`;
      const at = (ms: number) => new Date(Date.now() + ms).toISOString();
      const write = async (startedAt: string) => {
        const m = await store.calls.merge({ provider: 'EXOTEL', providerCallId: `ahead-${randomUUID()}`, status: 'ANSWERED', from, startedAt, durationSeconds: 5, raw: {} });
        return () => m.changed && bus.publish(Topic.CALL_CHANGED, m);
      };
      // No end: the series runs to now, and on as calls come.
      const q = { filter: { from, startedAfter: at(-40 * 86_400_000) }, groupBy: [], interval: 'MONTH' as const, timeZone: 'UTC' };
      const starts = [at(-60_000), at(120_000)]; // a provider's clock two minutes ahead of ours
      for (const startedAt of starts) await write(startedAt);
      const live = await stats.live(q);
      try {
        await new Promise((r) => setTimeout(r, 300));
        const last = at(-30_000);
        (await write(last))();
        const rows = (await live.next()).value as CallStatsRecord[];
        // The three in one row, but for a run within minutes of a month's start (UTC).
        const month = (iso: string) => iso.slice(0, 7);
        expect(rows.map((r) => r.totalCalls)).toEqual([1 + starts.filter((t) => month(t) === month(last)).length]);
      } finally {
        await live.return!();
        await bus.close();
      }
    });

    it('fails only the call or receipt it cannot keep among concurrent ones, with a data error', async () => {
      const ids = Array.from({ length: 20 }, () => `call-${randomUUID()}`);
      const refused: CallEventPatch[] = [
        { provider: 'EXOTEL', providerCallId: randomBytes(1600).toString('hex'), raw: {} },
        { provider: 'EXOTEL', providerCallId: `call-${randomUUID()}`, raw: { start: { nul: 'a\u0000b' } } },
      ];
      const merges = await Promise.allSettled([...ids.map((id) => store.calls.merge(callStart(id))), ...refused.map((p) => store.calls.merge(p))]);
      expect(merges.map((m) => m.status)).toEqual([...ids.map(() => 'fulfilled'), 'rejected', 'rejected']);
      expect(merges.slice(-2).map((m) => (m as PromiseRejectedResult).reason.code)).toEqual(['54000', '22P05']);
      for (const id of ids) expect(await callRows(id)).toHaveLength(1);

      const raw = { provider: 'EXOTEL', event: `calls-${randomUUID()}`, method: 'POST', query: {}, body: '{}' };
      const claims = await Promise.allSettled([...ids.map((id) => store.receipts.receive(raw, id)), store.receipts.receive(raw, randomBytes(1600).toString('hex'))]);
      expect(claims.map((c) => c.status === 'fulfilled' && c.value.claimed)).toEqual([...ids.map(() => true), false]);
    });

    it('keeps webhook receipts and claims each provider event once', async () => {
      const event = `calls-${randomUUID()}`;
      const raw = { provider: 'EXOTEL', event, method: 'POST', query: { a: '1' }, contentType: 'application/json', body: '{"x":1}' };
      const rejected = await store.receipts.save({ ...raw, status: 'rejected', reason: 'no call id' });
      expect(rejected).toBeTypeOf('number');
      const first = await store.receipts.receive(raw, 'k1');
      expect(first.claimed).toBe(true);
      await store.receipts.mark(first.receiptId, 'applied');
      const again = await store.receipts.receive(raw, 'k1');
      expect(again.claimed).toBe(false);
      expect(await store.receipts.list('EXOTEL', event)).toEqual([
        { id: rejected, event, method: 'POST', query: { a: '1' }, status: 'rejected', reason: 'no call id', body: '{"x":1}', body_encoding: null, event_key: null },
        { id: first.receiptId, event, method: 'POST', query: { a: '1' }, status: 'applied', reason: null, body: '{"x":1}', body_encoding: null, event_key: 'k1' },
        { id: again.receiptId, event, method: 'POST', query: { a: '1' }, status: 'duplicate', reason: null, body: '{"x":1}', body_encoding: null, event_key: 'k1' },
      ]);

      expect((await store.receipts.receive(raw, 'k2')).claimed).toBe(true);
      // Marking a duplicate releases nothing: the claim is the first receipt's.
      await store.receipts.mark(again.receiptId, 'failed', { release: true });
      expect((await store.receipts.receive(raw, 'k1')).claimed).toBe(false);
      await store.receipts.mark(first.receiptId, 'failed', { reason: 'could not apply', release: true });
      expect((await store.receipts.receive(raw, 'k1')).claimed).toBe(true);
      // Concurrent claims: exactly one wins.
      const claims = await Promise.all(Array.from({ length: 5 }, () => store.receipts.receive(raw, 'k3')));
      expect(claims.filter((c) => c.claimed)).toHaveLength(1);
    });

    it('marks receipts asked for in one turn with one statement, each with its own outcome, and sends a later turn\'s mark without waiting for a running one', async () => {
      const event = `calls-${randomUUID()}`;
      const raw = { provider: 'EXOTEL', event, method: 'POST', query: {}, body: '{}' };
      const claims = await Promise.all(['a', 'b', 'c', 'd'].map((k) => store.receipts.receive(raw, k)));
      const [a, b, c, d] = claims.map((x) => x.receiptId) as [number, number, number, number];
      const before = await queries();
      await Promise.all([store.receipts.mark(a, 'applied'), store.receipts.mark(b, 'unmatched', { release: true }), store.receipts.mark(c, 'failed', { reason: 'could not apply', release: true })]);
      expect(await queries()).toBe(before + 1);
      const rows = new Map((await store.receipts.list('EXOTEL', event)).map((r) => [r.id, r]));
      expect([a, b, c].map((id) => [rows.get(id)!.status, rows.get(id)!.reason])).toEqual([['applied', null], ['unmatched', null], ['failed', 'could not apply']]);
      // Released claims only: b's and c's events can be claimed again, a's cannot.
      expect((await Promise.all(['a', 'b', 'c'].map((k) => store.receipts.receive(raw, k)))).map((x) => x.claimed)).toEqual([false, true, true]);

      // A mark asked in a later turn than a running one runs before a read asked after it. The
      // embedded store runs statements one at a time, in the order sent; PostgreSQL's pool runs
      // them on several connections at once, so two statements there have no order, batched or not.
      if (engine.name !== 'pglite') return;
      void store.receipts.mark(a, 'applied');
      await new Promise((r) => setImmediate(r));
      const marked = store.receipts.mark(d, 'applied');
      await new Promise((r) => setImmediate(r));
      expect((await store.receipts.one(d))!.status).toBe('applied');
      await marked;
    });

    it('lets a claim left unfinished past the lease be taken over by a retry, or resumed by the sweep; never one in time', async () => {
      const leased = new Store(db, { claimLeaseSeconds: 1 });
      const event = `calls-${randomUUID()}`;
      const raw = { provider: 'EXOTEL', event, method: 'POST', query: {}, body: '{}' };
      const crashed = await leased.receipts.receive(raw, 'k1'); // claimed, then the process died
      const sweptLater = await leased.receipts.receive(raw, 'k2');
      const finished = await leased.receipts.receive(raw, 'k3');
      await leased.receipts.mark(finished.receiptId, 'applied');
      // Within the lease: a duplicate, and nothing for the sweep.
      expect((await leased.receipts.receive(raw, 'k1')).claimed).toBe(false);
      expect((await leased.receipts.unfinished()).map((r) => r.id)).not.toContain(crashed.receiptId);
      await new Promise((r) => setTimeout(r, 1_100));

      const retries = await Promise.all([leased.receipts.receive(raw, 'k1'), leased.receipts.receive(raw, 'k1')]);
      expect(retries.map((r) => r.claimed).sort()).toEqual([false, true]);
      expect((await leased.receipts.receive(raw, 'k3')).claimed).toBe(false); // applied: never taken over
      const unfinished = (await leased.receipts.unfinished()).map((r) => r.id);
      expect(unfinished).toEqual(expect.arrayContaining([crashed.receiptId, sweptLater.receiptId]));
      expect(unfinished).not.toContain(finished.receiptId);
      expect(await Promise.all([leased.receipts.resumeClaim(sweptLater.receiptId), leased.receipts.resumeClaim(sweptLater.receiptId)])).toEqual(expect.arrayContaining(['resumed', 'busy']));
      expect(await leased.receipts.resumeClaim(crashed.receiptId)).toBe('superseded');
      expect((await leased.receipts.list('EXOTEL', event)).find((r) => r.id === crashed.receiptId)?.status).toBe('superseded');
    });

    it('answers idempotency keys: new, busy, replay, conflict', async () => {
      const key = `idem-${randomUUID()}`;
      expect(await store.idempotencyKeys.begin('ops', key, 'createOrder', 'h1')).toEqual({ state: 'new' });
      expect(await store.idempotencyKeys.begin('ops', key, 'createOrder', 'h1')).toEqual({ state: 'busy' });
      expect(await store.idempotencyKeys.begin('ops', key, 'createOrder', 'h2')).toEqual({ state: 'conflict' });
      expect(await store.idempotencyKeys.begin('ops', key, 'deleteOrder', 'h1')).toEqual({ state: 'conflict' });
      // Another principal's key of the same name is its own.
      expect(await store.idempotencyKeys.begin('frontend', key, 'createOrder', 'h1')).toEqual({ state: 'new' });
      await store.idempotencyKeys.complete('ops', key, { ok: true, id: 7 });
      expect(await store.idempotencyKeys.begin('ops', key, 'createOrder', 'h1')).toEqual({ state: 'replay', response: { ok: true, id: 7 } });
      await store.idempotencyKeys.abandon('ops', key); // completed: kept
      expect((await store.idempotencyKeys.begin('ops', key, 'createOrder', 'h1')).state).toBe('replay');
      await store.idempotencyKeys.abandon('frontend', key); // unfinished: dropped, may start again
      expect(await store.idempotencyKeys.begin('frontend', key, 'createOrder', 'h1')).toEqual({ state: 'new' });
      await store.idempotencyKeys.purge(24);
      expect((await store.idempotencyKeys.begin('ops', key, 'createOrder', 'h1')).state).toBe('replay');
    });

    it('holds a key while its request runs; a key given up or held by a dead process is taken over with its attempt', async () => {
      const key = `idem-${randomUUID()}`;
      const mine = (rows: Array<{ key: string }>) => rows.some((r) => r.key === key);
      expect(await store.idempotencyKeys.begin('ops', key, 'provision', 'h1', 60_000)).toEqual({ state: 'new' });
      const attempt = { provider: 'AVANSER', marker: 'm1', recoverable: true };
      await store.idempotencyKeys.recordAttempt('ops', key, attempt);
      expect(mine(await store.idempotencyKeys.open(1000))).toBe(false);
      expect(await store.idempotencyKeys.claim('ops', key, 60_000)).toBeUndefined();
      // Given up with the outcome unknown: open, and the next request resumes it.
      await store.idempotencyKeys.release('ops', key, { ...attempt, lostAt: 'now' });
      expect(mine(await store.idempotencyKeys.open(1000))).toBe(true);
      expect(await store.idempotencyKeys.begin('ops', key, 'provision', 'h1', 60_000)).toEqual({ state: 'resume', attempt: { ...attempt, lostAt: 'now' } });
      expect(await store.idempotencyKeys.begin('ops', key, 'provision', 'h1', 60_000)).toEqual({ state: 'busy' });
      // A hold that lapses (its process died) frees the key too; only one of two takers gets it.
      await store.idempotencyKeys.hold('ops', key, 1);
      await new Promise((r) => setTimeout(r, 20));
      const takers = await Promise.all([store.idempotencyKeys.claim('ops', key, 60_000), store.idempotencyKeys.claim('ops', key, 60_000)]);
      expect(takers.filter(Boolean)).toEqual([{ attempt: { ...attempt, lostAt: 'now' } }]);
      // Found out (waiting for the client) or beyond any provider's reach: nothing left to settle.
      await store.idempotencyKeys.release('ops', key, { ...attempt, recovered: { orders: [] } });
      expect(mine(await store.idempotencyKeys.open(1000))).toBe(false);
      await store.idempotencyKeys.release('ops', key, { ...attempt, recoverable: false });
      expect(mine(await store.idempotencyKeys.open(1000))).toBe(false);
      expect(await store.idempotencyKeys.claim('ops', key, 60_000)).toEqual({ attempt: { ...attempt, recoverable: false } });
      await store.idempotencyKeys.complete('ops', key, { done: true });
      expect(mine(await store.idempotencyKeys.open(1000))).toBe(false);
      expect(await store.idempotencyKeys.begin('ops', key, 'provision', 'h1', 60_000)).toEqual({ state: 'replay', response: { done: true } });
      // A key whose request died before recording anything starts afresh.
      const other = `idem-${randomUUID()}`;
      await store.idempotencyKeys.begin('ops', other, 'provision', 'h1', 1);
      await new Promise((r) => setTimeout(r, 20));
      expect(await store.idempotencyKeys.begin('ops', other, 'provision', 'h1', 60_000)).toEqual({ state: 'new' });
    });

    it('lets one holder at a time take a job; another takes it when the lease lapses; a run keeps its report', async () => {
      const job = `job-${randomUUID()}`;
      // Many instances at once (a pool of connections on PostgreSQL): one wins.
      const taken = await Promise.all(Array.from({ length: 8 }, (_, i) => store.jobs.take(job, `holder-${i}`, 60)));
      expect(taken.filter(Boolean)).toHaveLength(1);
      const winner = `holder-${taken.indexOf(true)}`;
      expect(await store.jobs.renew(job, winner, 60)).toBe(true);
      expect(await store.jobs.renew(job, 'holder-x', 60)).toBe(false);
      await store.jobs.release(job, winner, { found: 1 });
      expect(await store.jobs.report(job)).toEqual({ found: 1 });
      // Released, but it started just now: not due again within its interval; due without one.
      expect(await store.jobs.take(job, 'holder-x', 60, 60)).toBe(false);
      expect(await store.jobs.take(job, 'holder-x', 1)).toBe(true);
      // holder-x dies holding it: refused until its lease lapses, then taken, and holder-x has lost it.
      expect(await store.jobs.take(job, 'holder-y', 60)).toBe(false);
      await new Promise((r) => setTimeout(r, 1_100));
      expect(await store.jobs.take(job, 'holder-y', 60)).toBe(true);
      expect(await store.jobs.renew(job, 'holder-x', 60)).toBe(false);
      // A failed run leaves the last report.
      await store.jobs.release(job, 'holder-y');
      expect(await store.jobs.report(job)).toEqual({ found: 1 });
    });

    it('pages newest first with afterSeq', async () => {
      const provider = 'VOIP_INNOVATIONS';
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const o = order({ provider, status: 'FAILED' });
        ids.push(o.id);
        await store.orders.save(o);
      }
      const newestFirst = [...ids].reverse();
      const seen: string[] = [];
      let afterSeq: number | undefined;
      const pages: boolean[] = [];
      do {
        const page = await store.orders.list({ provider, status: 'FAILED' }, { first: 2, afterSeq });
        for (const item of page.items) expect(item.seq).toBeTypeOf('number');
        seen.push(...page.items.map((i) => i.record.id));
        pages.push(page.hasNextPage);
        afterSeq = page.items.at(-1)?.seq;
        if (!page.hasNextPage) break;
      } while (pages.length < 10);
      expect(seen).toEqual(newestFirst);
      expect(pages).toEqual([true, true, false]);
      const all = await store.orders.list({ provider }, { first: 5 });
      expect(all.hasNextPage).toBe(false);
    });
  });
});

describe('PGlite data directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-store-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps data across close and reopen', async () => {
    const dataDir = path.join(dir, 'data');
    const o = order({ serviceRef: 'svc-persist' });
    const first = await openDb({ dataDir });
    try {
      await new Store(first).orders.save(o);
      await new Store(first).calls.merge(callEnd('persisted-call'));
    } finally {
      await first.close();
    }
    const again = await openDb({ dataDir });
    try {
      const store = new Store(again);
      expect((await store.orders.byIds([o.id]))[0]).toEqual(o);
      expect((await store.calls.list({ provider: 'EXOTEL' }, { field: 'STARTED_AT', direction: 'DESC' }, { first: 10 })).items.map((i) => i.record.providerCallId)).toEqual(['persisted-call']);
      const versions = await again.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(versions[0]!.n).toBeGreaterThan(0);
    } finally {
      await again.close();
    }
  });

  // PGlite runs no autovacuum: without this the planner has no statistics at all (reltuples -1).
  it('keeps planner statistics: a table that grew is analysed every analyzeEveryMs and on open', async () => {
    const dataDir = path.join(dir, 'analysed');
    const calls = (db: Db, from: number) => Promise.all(Array.from({ length: 2_500 }, (_, i) => new Store(db).calls.merge(callEnd(`grown-${from + i}`))));
    const facetRows = async (db: Db) => (await db.query<{ n: number }>(`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'call_facets'`))[0]!.n;
    const often = await openDb({ dataDir, analyzeEveryMs: 100 });
    try {
      await calls(often, 0);
      await expect.poll(() => facetRows(often), { timeout: 10_000 }).toBe(2_500);
    } finally {
      await often.close();
    }
    const never = await openDb({ dataDir, analyzeEveryMs: 3_600_000 });
    try {
      await calls(never, 2_500);
      expect(await facetRows(never)).toBe(2_500);
    } finally {
      await never.close();
    }
    const reopened = await openDb({ dataDir, analyzeEveryMs: 3_600_000 });
    try {
      await expect.poll(() => facetRows(reopened), { timeout: 10_000 }).toBe(5_000);
    } finally {
      await reopened.close();
    }
  });

  // The check costs the store's thread ~1-2 ms: an idle gateway paid it every second. Due every
  // millisecond, checks kept that thread busy (1,030-1,090 ms of CPU a second); now the idle
  // second is the timer's thousand wake-ups and whatever else the test process does (31-77 ms
  // here; a check due every 10 ms read 6 here and 68 in CI, after the tests before it).
  it('checks for grown tables only after a write: an idle store does no work', async () => {
    const db = await openDb({ dataDir: 'memory', analyzeEveryMs: 1 });
    try {
      await new Store(db).calls.merge(callEnd('idle-0'));
      await new Promise((r) => setTimeout(r, 500));
      const before = process.cpuUsage();
      await new Promise((r) => setTimeout(r, 1_000));
      const { user, system } = process.cpuUsage(before);
      expect((user + system) / 1000).toBeLessThan(350);
    } finally {
      await db.close();
    }
  });

  // PGlite plans in WebAssembly: a statement by key runs a generic plan (PLAN_CACHE_MODE),
  // made for its tables as they were; an analysis as they grow renews it.
  it('renews a kept plan as its table grows, and plans a date range for its values', async () => {
    const ids = (n: number, from: number) => Array.from({ length: n }, (_, i) => `kept-${from + i}`);
    const merge = (store: Store, list: string[]) => Promise.all(list.map((id) => store.calls.merge(callStart(id))));
    /** The call lookup's kept statement: how often its generic plan ran, and that plan. */
    const lookup = async (db: Db) => {
      for (let i = 0; i < 6; i++) await new Store(db).calls.byProviderCallId('EXOTEL', 'kept-1');
      const [kept] = await db.query<{ name: string; generic_plans: number }>(
        `SELECT name, generic_plans FROM pg_prepared_statements WHERE statement LIKE 'SELECT data FROM call_events WHERE provider = $1 AND provider_call_id = $2%'`,
      );
      const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) EXECUTE ${kept!.name}('EXOTEL', 'kept-1')`);
      return { generic: kept!.generic_plans, plan: plan.map((r) => r['QUERY PLAN']).join('\n') };
    };
    const byKey = /Index Cond: \(\(provider = \$1\) AND \(provider_call_id = \$2\)\)/;
    for (const [analyzeEveryMs, renewed] of [[100, true], [3_600_000, false]] as const) {
      const db = await openDb({ dataDir: 'memory', analyzeEveryMs });
      try {
        const store = new Store(db);
        await merge(store, ids(20, 0));
        const small = await lookup(db);
        expect(small.generic).toBeGreaterThan(0);
        // Made on 20 rows, the plan reads a provider's calls and filters them (what staying would cost).
        expect(small.plan).not.toMatch(byKey);
        for (let k = 1; k <= 5; k++) await merge(store, ids(1_000, k * 1_000));
        if (renewed) await expect.poll(async () => (await lookup(db)).plan, { timeout: 10_000 }).toMatch(byKey);
        else expect((await lookup(db)).plan).not.toMatch(byKey);
        // A date range is planned for its values: never kept.
        const page = await store.calls.list({ startedAfter: '2025-12-31T00:00:00.000Z', startedBefore: '2026-01-02T00:00:00.000Z' }, { field: 'STARTED_AT', direction: 'DESC' }, { first: 3 });
        expect(page.items).toHaveLength(3);
        expect(await db.query('SELECT 1 FROM pg_prepared_statements WHERE statement LIKE $1', ['%f.started_at >=%'])).toEqual([]);
      } finally {
        await db.close();
      }
    }
  });

  it("keeps a webhook's statements' plans though their generic plan guesses a batch of ten, and plans a one-off for its values even when one fails", async () => {
    const db = await openDb({ dataDir: 'memory' });
    try {
      const store = new Store(db);
      for (let i = 0; i < 12; i++) {
        const { receiptId } = await store.receipts.receive({ provider: 'EXOTEL', event: 'call', method: 'POST', query: {}, body: '{}' }, `plans-${i}`);
        await store.calls.merge({ ...callStart(`plans-${i}`), from: `+6129000${String(i).padStart(4, '0')}` });
        await store.receipts.mark(receiptId, 'applied');
      }
      // Each costed against its plan for one row, PostgreSQL's own choice (`auto`) planned the
      // merge and the mark at most runs (bench/HISTORY.md, the twenty-seventh session).
      const kept = await db.query<{ statement: string; generic_plans: number; custom_plans: number }>(
        `SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements WHERE statement ~ 'INSERT INTO call_events|INSERT INTO webhook_events|UPDATE webhook_receipts r SET'`,
        [],
        { planEachRun: true }, // not itself kept, so not in the list
      );
      expect(kept).toHaveLength(3);
      for (const k of kept) expect({ generic: k.generic_plans, custom: k.custom_plans }).toEqual({ generic: 12, custom: 0 });

      const mode = (q: Queryable, planEachRun: boolean) => q.query<{ mode: string }>(`SELECT current_setting('plan_cache_mode') AS mode`, [], { planEachRun }).then((r) => r[0]!.mode);
      const failing = (q: Queryable) => q.query('SELECT 1 / $1::int AS x', [0], { planEachRun: true });
      expect([await mode(db, false), await mode(db, true)]).toEqual(['force_generic_plan', 'force_custom_plan']);
      // A one-off that fails rolls its setting back with it, alone or inside a transaction.
      await expect(failing(db)).rejects.toThrow(/division by zero/);
      expect(await mode(db, false)).toBe('force_generic_plan');
      await expect(db.transaction(async (tx) => failing(tx))).rejects.toThrow(/division by zero/);
      expect(await mode(db, false)).toBe('force_generic_plan');
      expect(await db.transaction(async (tx) => [await mode(tx, true), await mode(tx, false)])).toEqual(['force_custom_plan', 'force_generic_plan']);
    } finally {
      await db.close();
    }
  });
});

describe('throwaway stores (DATA_DIR=memory)', () => {
  const mine = async (root: string) => (await readdir(root)).filter((n) => n.startsWith(`switchboard-store-${process.pid}-`)).sort();

  it('start empty every time and leave nothing behind on close', async () => {
    const root = await throwawayRoot();
    const before = await mine(root);
    const first = await openDb({ dataDir: 'memory' });
    const o = order();
    await new Store(first).orders.save(o);
    expect((await mine(root)).length).toBe(before.length + 1);
    await first.close();
    expect(await mine(root)).toEqual(before);

    const second = await openDb({ dataDir: 'memory' });
    try {
      expect(await new Store(second).orders.byIds([o.id])).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('sweep away the stores of processes that died without closing them', async () => {
    const root = await throwawayRoot();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const left = path.join(root, `switchboard-store-${dead}-crashed`);
    await mkdir(path.join(left, 'base'), { recursive: true });
    const db = await openDb({ dataDir: 'memory' });
    await db.close();
    expect(existsSync(left)).toBe(false);
  });
});

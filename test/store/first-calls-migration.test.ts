/**
 * Migration 8: each call's facets say whether it is its caller's first (`first_call`), which
 * statistics count instead of joining every caller's first call. Calls stored before it get the
 * flag from the callers' rows; from then on the store's triggers keep it as those rows change.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CallEventPatch } from '../../src/domain/model.js';
import { openDb, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';

let db: Db;
beforeAll(async () => {
  db = await openDb({ dataDir: 'memory' });
});
afterAll(async () => {
  await db?.close();
});

const call = (id: string, from: string | undefined, minute: number): CallEventPatch => ({
  provider: 'EXOTEL',
  providerCallId: id,
  raw: {},
  from,
  startedAt: new Date(Date.UTC(2026, 2, 1, 10, minute)).toISOString(),
});

/** The calls flagged first, and each caller's first call as its row holds it. */
async function firsts() {
  const flagged = await db.query<{ id: string }>('SELECT e.provider_call_id AS id FROM call_facets f JOIN call_events e ON e.seq = f.seq WHERE f.first_call ORDER BY 1');
  const held = await db.query<{ id: string }>('SELECT e.provider_call_id AS id FROM call_callers k JOIN call_events e ON e.seq = k.first_seq ORDER BY 1');
  return { flagged: flagged.map((r) => r.id), held: held.map((r) => r.id) };
}

const firstTimeCallers = async (store: Store) =>
  (await store.callStats.counted({ filter: {}, groupBy: [], timeZone: 'UTC' })).rows[0]?.firstTimeCallers;

it('flags the first calls stored before it, and keeps the flags as calls arrive, move and change callers', async () => {
  const store = new Store(db);
  for (const c of [call('a1', '+61390000001', 5), call('a2', '+61390000001', 9), call('b1', '+61390000002', 7), call('anonymous', undefined, 1)]) await store.calls.merge(c);
  // a2 starts earlier: it becomes +61390000001's first.
  await store.calls.merge(call('a2', '+61390000001', 2));
  // The database as version 7 left it, with these calls in it: then migrated.
  await db.exec(`DROP TRIGGER call_callers_inserted ON call_callers; DROP TRIGGER call_callers_moved ON call_callers;
    DROP TRIGGER call_callers_deleted ON call_callers; DROP FUNCTION call_callers_inserted(); DROP FUNCTION call_callers_moved();
    ALTER TABLE call_facets DROP COLUMN first_call; DELETE FROM schema_migrations WHERE version = 8`);
  await migrate(db);
  expect(await firsts()).toEqual({ flagged: ['a2', 'b1'], held: ['a2', 'b1'] });
  expect(await firstTimeCallers(store)).toBe(2);

  // A new caller; a new first call that displaces b1; a2 moves to another caller, so a1 is
  // +61390000001's first again.
  await store.calls.merge(call('c1', '+61390000003', 30));
  await store.calls.merge(call('b0', '+61390000002', 0));
  await store.calls.merge(call('a2', '+61390000002', 2));
  expect(await firsts()).toEqual({ flagged: ['a1', 'b0', 'c1'], held: ['a1', 'b0', 'c1'] });
  expect(await firstTimeCallers(store)).toBe(3);
});

it('writes a new first call once: its row is flagged as it is inserted, not rewritten by the trigger', async () => {
  // PGlite runs no vacuum: each rewrite would leave a dead version of the row behind (with the
  // trigger alone, 100,000 calls of 20,000 callers took 2,225 pages against 1,594).
  const store = new Store(db);
  const ids = ['n1', 'n2', 'n3', 'n4'];
  for (const [i, id] of ids.entries()) await store.calls.merge(call(id, `+6139100000${i}`, 40 + i));
  const rows = await db.query<{ id: string; at: string; first_call: boolean }>(
    'SELECT e.provider_call_id AS id, f.ctid::text AS at, f.first_call FROM call_facets f JOIN call_events e ON e.seq = f.seq WHERE e.provider_call_id = ANY($1) ORDER BY f.seq',
    [ids],
  );
  expect(rows.map((r) => r.first_call)).toEqual([true, true, true, true]);
  // One after the other on the page, with no older version of a row between them.
  const slots = rows.map((r) => r.at.slice(1, -1).split(',').map(Number));
  expect(slots.map(([page, slot]) => [page, slot! - slots[0]![1]!])).toEqual(ids.map((_, i) => [slots[0]![0], i]));
});

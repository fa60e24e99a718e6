/**
 * Calls, one row per (provider, providerCallId), merged from each webhook about them; beside
 * each, its facets (`call_facets`: what filters, orders and statistics read) and, per caller,
 * their first call (`call_callers`).
 */
import { randomUUID } from 'node:crypto';
import { callFacets, mergeCall, newCall, sameFacts, searchTerms, UNANSWERED, type CallChange, type CallFacets, type CallFilter } from '../domain/calls.js';
import type { CallEventPatch, CallEventRecord, ProviderName } from '../domain/model.js';
import { batched } from './batching.js';
import type { Db, Queryable } from './db.js';
import { byRefs, sortedPage, uuids, type Page, type PageRequest, type RefKey, type Sort } from './queries.js';

export type CallOrder = { field: 'STARTED_AT' | 'DURATION'; direction: 'ASC' | 'DESC' };

/** Each facet's column. */
export const FACET_COLUMNS = {
  provider: 'provider',
  status: 'status',
  startedAt: 'started_at',
  from: 'from_number',
  to: 'to_number',
  serviceRef: 'service_ref',
  serviceName: 'service_name',
  allocationRef: 'allocation_ref',
  durationSeconds: 'duration_seconds',
  source: 'source',
  campaign: 'campaign',
  keywords: 'keywords',
  landingPage: 'landing_page',
  customId: 'custom_id',
  customGroup: 'custom_group',
  sale: 'sale',
} as const satisfies Record<keyof CallFacets, string>;

const COLUMNS = Object.values(FACET_COLUMNS);

/** The facets as a JSON row of call_facets (jsonb_populate_record fills the columns by name). */
function facetsRow(call: CallEventRecord): string {
  const f = callFacets(call);
  return JSON.stringify(Object.fromEntries(Object.entries(FACET_COLUMNS).map(([field, column]) => [column, f[field as keyof CallFacets] ?? null])));
}

/**
 * A call_facets row `f` from its JSON (facetsRow and its seq), for a FROM list. Not
 * `SELECT (jsonb_populate_record(…)).*`: PostgreSQL expands that into one call per column, and
 * 17 parses of the JSON per row were most of a new call's cost.
 */
const facetsOf = (json: string) => `jsonb_populate_record(NULL::call_facets, ${json}) f`;

/**
 * The caller's first call, given the calls of CTE `from` (`seq`, `from_number`, `started_at`): the
 * earlier (by start, then seq) wins; the caller's row lock orders concurrent merges. By mode:
 * - `backfill` (migration 6, which runs before migration 7's column): only that;
 * - `new` (new calls): each caller row it changes is returned, with `previous_seq`, the first
 *   call it displaced;
 * - `changed` (a stored call's new version): the caller's row is written even when its first
 *   stays, so that it is returned with `previous_seq`, its first call as found under the lock:
 *   whether the call was its caller's first is then exact, even when another merge displaced
 *   it after this statement's snapshot was taken.
 */
function firstCallers(mode: 'backfill' | 'new' | 'changed', from = 'written'): string {
  const earlier = '(excluded.first_started_at, excluded.first_seq) < (k.first_started_at, k.first_seq)';
  const set = {
    backfill: `first_started_at = excluded.first_started_at, first_seq = excluded.first_seq WHERE ${earlier}`,
    new: `first_started_at = excluded.first_started_at, first_seq = excluded.first_seq, previous_seq = k.first_seq WHERE ${earlier} RETURNING first_seq, previous_seq`,
    changed: `first_started_at = CASE WHEN ${earlier} THEN excluded.first_started_at ELSE k.first_started_at END,
      first_seq = CASE WHEN ${earlier} THEN excluded.first_seq ELSE k.first_seq END, previous_seq = k.first_seq RETURNING first_seq, previous_seq`,
  }[mode];
  return `
  INSERT INTO call_callers AS k (from_number, first_started_at, first_seq)
  SELECT DISTINCT ON (from_number) from_number, started_at, seq FROM ${from} WHERE from_number IS NOT NULL ORDER BY from_number, started_at, seq
  ON CONFLICT (from_number) DO UPDATE SET ${set}`;
}

/** Clauses on call_facets `f` selecting the filter's calls; their values are appended to `args`. */
export function facetsWhere(filter: CallFilter, args: unknown[]): string[] {
  const param = (value: unknown) => {
    args.push(value);
    return `$${args.length}`;
  };
  const clauses: string[] = [];
  const equal: Array<[string, unknown]> = [
    ['provider', filter.provider],
    ['to_number', filter.number],
    ['service_ref', filter.serviceRef],
    ['allocation_ref', filter.allocationRef],
    ['status', filter.status],
    ['from_number', filter.from],
    ['source', filter.source],
    ['campaign', filter.campaign],
    ['keywords', filter.keywords],
    ['custom_id', filter.customId],
    ['custom_group', filter.customGroup],
  ];
  for (const [column, value] of equal) if (value !== undefined && value !== null) clauses.push(`f.${column} = ${param(value)}`);
  if (filter.startedAfter) clauses.push(`f.started_at >= ${param(filter.startedAfter)}::timestamptz`);
  if (filter.startedBefore) clauses.push(`f.started_at < ${param(filter.startedBefore)}::timestamptz`);
  if (filter.answered === true) clauses.push(`f.status = 'ANSWERED'`);
  if (filter.answered === false) clauses.push(`f.status = ANY(${param(UNANSWERED)}::text[])`);
  const terms = searchTerms(filter.search);
  if (terms) {
    const name = `strpos(lower(f.service_name), ${param(terms.text)}) > 0`;
    const digits = terms.digits && param(terms.digits);
    clauses.push(digits ? `(${name} OR strpos(f.from_number, ${digits}) > 0 OR strpos(f.to_number, ${digits}) > 0)` : name);
  }
  return clauses;
}

/** The history's orders, each a key and seq keyset: a cursor's place holds while calls arrive. */
const ORDERS: Record<CallOrder['field'], Omit<Sort, 'descending'>> = {
  // Microseconds since the epoch: exact, so a cursor finds its own row's place again.
  STARTED_AT: { column: 'f.started_at', key: `(extract(epoch FROM f.started_at) * 1000000)::bigint`, fromKey: (p) => `'epoch'::timestamptz + ${p}::bigint * interval '1 microsecond'` },
  DURATION: { column: 'f.duration_seconds', key: 'f.duration_seconds', fromKey: (p) => `${p}::bigint` },
};

export type Merged = { call: CallEventRecord; changed: false } | ({ changed: true } & CallChange);

/** What a merge's write tells of the change (CallChange). */
type Written = Pick<CallChange, 'txid' | 'first' | 'marks'>;

/** Thrown to roll back a write whose version is no longer current: the merge reads and merges again. */
const STALE = Symbol('stale');
/** PostgreSQL ended a cycle of locks by failing this statement, all rolled back: it can run again. */
const isDeadlock = (err: unknown) => (err as { code?: unknown } | null)?.code === '40P01';

export class CallStore {
  constructor(private readonly db: Db) {}

  /**
   * Merge a webhook's facts into the stored call (src/domain/calls.ts says how facts add up).
   * Optimistic, so the usual case (a new call) is one batched statement: insert it, or read the
   * stored call and its row version, then write the merge only if that version is still
   * current. A concurrent first insert or merge makes us read and merge again, so no fact is
   * lost. `changed` is false when the call already held every fact (an event applied again):
   * nothing is written. Otherwise the change (CallChange): the call as it was when stored
   * already, the transaction that wrote it (live statistics tell by it whether a count they
   * ran includes it) and the first calls it moved.
   */
  async merge(patch: CallEventPatch): Promise<Merged> {
    for (;;) {
      try {
        const now = new Date().toISOString();
        const fresh = newCall(patch, randomUUID(), now);
        const found = await this.insertOrRead(fresh);
        if (found.inserted) return { call: fresh, changed: true, txid: found.txid!, first: { was: false, is: found.first }, marks: await displaced(this.db, found) };
        if (!found.version) continue; // inserted by someone else after our statement began
        const merged = mergeCall(found.data, patch, now);
        if (sameFacts(merged, found.data)) return { call: found.data, changed: false };
        const written = await this.update(found.data, found.seq!, found.version, merged, now);
        if (written) return { call: merged, changed: true, previous: found.data, ...written };
      } catch (err) {
        // Merges moving first calls between callers lock two callers' rows, and a displacing one
        // the displaced call's: a cycle of them fails one, all rolled back, which merges again.
        if (!isDeadlock(err)) throw err;
      }
    }
  }

  /**
   * Writes the merge if `version` is still current (else undefined). When the call may stop
   * being its caller's first (its caller changes, or it starts later), it first leaves that
   * place in the same transaction (leaveFirst).
   */
  private async update(stored: CallEventRecord, seq: number, version: string, merged: CallEventRecord, now: string): Promise<Written | undefined> {
    const before = callFacets(stored);
    const after = callFacets(merged);
    if (!before.from || (before.from === after.from && Date.parse(after.startedAt) <= Date.parse(before.startedAt))) return updateCall(this.db, version, merged, now);
    try {
      return await this.db.transaction(async (tx) => {
        const left = await leaveFirst(tx, before.from!, after.from, seq);
        const written = await updateCall(tx, version, merged, now);
        if (!written) throw STALE;
        return { txid: written.txid, first: { was: left.was, is: written.first.is }, marks: [...left.marks, ...written.marks] };
      });
    } catch (err) {
      if (err === STALE) return undefined;
      throw err;
    }
  }

  private readonly insertOrRead = batched((calls: CallEventRecord[]) => insertOrRead(this.db, calls));

  async byProviderCallId(provider: ProviderName, providerCallId: string): Promise<CallEventRecord | null> {
    const rows = await this.db.query<{ data: CallEventRecord }>('SELECT data FROM call_events WHERE provider = $1 AND provider_call_id = $2', [provider, providerCallId]);
    return rows[0]?.data ?? null;
  }

  async byIds(ids: readonly string[]): Promise<CallEventRecord[]> {
    const valid = uuids(ids);
    if (valid.length === 0) return [];
    return (await this.db.query<{ data: CallEventRecord }>('SELECT data FROM call_events WHERE id = ANY($1::uuid[])', [valid])).map((r) => r.data);
  }

  /** A page of the filter's calls in the order asked for (the call's seq breaks ties). */
  list(filter: CallFilter, order: CallOrder, req: PageRequest): Promise<Page<CallEventRecord>> {
    const args: unknown[] = [];
    const where = facetsWhere(filter, args);
    const source = { from: 'call_facets f JOIN call_events e ON e.seq = f.seq', record: 'e.data', seq: 'f.seq' };
    return sortedPage(this.db, source, where, args, { ...ORDERS[order.field], descending: order.direction === 'DESC' }, req);
  }

  /** Calls of many allocations in one query, newest first. */
  byAllocations(keys: readonly RefKey[]): Promise<CallEventRecord[]> {
    return byRefs(this.db, 'call_events', 'allocation_ref', keys, 'ORDER BY t.seq DESC');
  }
}

/** A written call's first-call columns: whether it is its caller's first, and the first call it displaced. */
type Displacing = { first: boolean; displaced_seq: number | null; displaced: CallEventRecord | null };

/**
 * The displaced calls (`seq`, `data`) of the callers' rows a statement wrote (`rows`, with
 * `previous_seq`), locked: a locking read returns the version current under the lock, not the
 * snapshot's, and holds it until commit, so the mark carries the version the displaced call's
 * own changes left (one changed meanwhile would otherwise have its mark fall in the row of its
 * version before). A merge waiting here on that call's, which waits on this caller, deadlocks:
 * the merge then runs again (merge).
 */
const DISPLACED = (rows: string, when = 'true') => `SELECT e.seq, e.data FROM ${rows} k JOIN call_events e ON ${when} AND e.seq = k.previous_seq FOR SHARE OF e`;

/**
 * The call a new first call displaced, as a mark. Read again when the statement's snapshot
 * predates it: a first call committed by another merge while this one waited for the caller's
 * row lock.
 */
async function displaced(q: Queryable, row: Displacing): Promise<CallChange['marks']> {
  if (row.displaced_seq === null) return [];
  const call = row.displaced ?? (await q.query<{ data: CallEventRecord }>('SELECT data FROM call_events WHERE seq = $1', [row.displaced_seq]))[0]?.data;
  return call ? [{ call, sign: -1 }] : [];
}

/** Writes a stored call's merge if `version` is still its row's (else undefined), with its facets and caller's first call. */
async function updateCall(q: Queryable, version: string, merged: CallEventRecord, now: string): Promise<Written | undefined> {
  const [row] = await q.query<{ txid: string; was_first: boolean } & Displacing>(
    `WITH updated AS (
       UPDATE call_events SET to_number = $3, service_ref = $4, allocation_ref = $5, status = $6, updated_at = $7, data = $8
       WHERE provider = $1 AND provider_call_id = $2 AND xmin::text = $9 RETURNING seq, pg_current_xact_id()::text AS txid),
     written AS (
       UPDATE call_facets f SET (${COLUMNS.join(', ')}) = (SELECT ${COLUMNS.map((c) => `r.${c}`).join(', ')} FROM jsonb_populate_record(NULL::call_facets, $10::jsonb) r)
       FROM updated u WHERE f.seq = u.seq RETURNING f.seq, f.from_number, f.started_at),
     callers AS (${firstCallers('changed')}),
     held AS (SELECT u.txid, u.seq, k.first_seq, k.previous_seq, k.first_seq = u.seq AND k.previous_seq <> u.seq AS displacing FROM updated u LEFT JOIN callers k ON true),
     displaced AS (${DISPLACED('held', 'k.displacing')})
     SELECT h.txid, coalesce(h.previous_seq = h.seq, false) AS was_first, coalesce(h.first_seq = h.seq, false) AS first,
       CASE WHEN h.displacing THEN h.previous_seq END AS displaced_seq, d.data AS displaced
     FROM held h LEFT JOIN displaced d ON d.seq = h.previous_seq`,
    [merged.provider, merged.providerCallId, merged.to ?? null, merged.serviceRef ?? null, merged.allocationRef ?? null, merged.status, now, merged, version, facetsRow(merged)],
  );
  return row && { txid: row.txid, first: { was: row.was_first, is: row.first }, marks: await displaced(q, row) };
}

/**
 * The stored call `seq` leaves its caller's (`from`) first place, if it holds it: the caller's
 * next call (by start, then seq) takes it, or the caller's row goes (the call's new version is
 * then written as any other: it may take the place back). The caller's row is locked before
 * the next is read, so a first call another merge wrote is seen; the new caller's (`to`) too,
 * both in one order, so that two merges moving calls between the same callers seldom wait on
 * each other in a cycle.
 */
async function leaveFirst(tx: Queryable, from: string, to: string | undefined, seq: number): Promise<{ was: boolean; marks: CallChange['marks'] }> {
  const held = await tx.query<{ from_number: string; first_seq: number }>('SELECT from_number, first_seq FROM call_callers WHERE from_number = ANY($1) ORDER BY from_number FOR UPDATE', [[from, to ?? from]]);
  if (held.find((h) => h.from_number === from)?.first_seq !== seq) return { was: false, marks: [] };
  const [next] = await tx.query<{ data: CallEventRecord }>(
    `WITH next AS (SELECT seq, started_at FROM call_facets WHERE from_number = $1 AND seq <> $2 ORDER BY started_at, seq LIMIT 1),
     moved AS (UPDATE call_callers k SET first_seq = n.seq, first_started_at = n.started_at, previous_seq = k.first_seq FROM next n WHERE k.from_number = $1 RETURNING k.first_seq),
     gone AS (DELETE FROM call_callers WHERE from_number = $1 AND NOT EXISTS (SELECT 1 FROM next))
     SELECT e.data FROM moved m JOIN call_events e ON e.seq = m.first_seq`,
    [from, seq],
  );
  return { was: true, marks: next ? [{ call: next.data, sign: 1 }] : [] };
}

/**
 * Insert the calls that are new, with their facets and first callers; read the stored ones
 * (with their row version). One statement, whatever the number of calls.
 */
function insertOrRead(db: Queryable, calls: CallEventRecord[]) {
  const column = (f: (c: CallEventRecord) => string | undefined) => calls.map((c) => f(c) ?? null);
  return db.query<{ inserted: boolean; version: string | null; seq: number | null; data: CallEventRecord; txid: string | null } & Displacing>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
         WITH ORDINALITY AS i(id, provider, provider_call_id, to_number, service_ref, allocation_ref, status, updated_at, data, facets, n)),
     inserted AS (
       -- In key order, so that two gateways' batches never wait on each other in a cycle.
       INSERT INTO call_events (id, provider, provider_call_id, to_number, service_ref, allocation_ref, status, updated_at, data)
       SELECT id::uuid, provider, provider_call_id, to_number, service_ref, allocation_ref, status, updated_at::timestamptz, data::jsonb FROM input
       ORDER BY provider, provider_call_id ON CONFLICT DO NOTHING RETURNING id, seq, pg_current_xact_id()::text AS txid),
     facts AS (SELECT f.* FROM inserted x JOIN input i ON i.id::uuid = x.id, ${facetsOf("i.facets::jsonb || jsonb_build_object('seq', x.seq)")}),
     callers AS (${firstCallers('new', 'facts')}),
     -- Flagged first as written: left to the callers' trigger, each first call would be written twice.
     written AS (
       INSERT INTO call_facets (seq, ${COLUMNS.join(', ')}, first_call)
       SELECT f.seq, ${COLUMNS.map((c) => `f.${c}`).join(', ')}, f.seq IN (SELECT first_seq FROM callers) FROM facts f),
     displaced AS (${DISPLACED('callers')})
     SELECT x.id IS NOT NULL AS inserted, x.txid, c.xmin::text AS version, c.seq, c.data, k.first_seq IS NOT NULL AS first, k.previous_seq AS displaced_seq, d.data AS displaced
     FROM input i LEFT JOIN inserted x ON x.id = i.id::uuid LEFT JOIN callers k ON k.first_seq = x.seq LEFT JOIN displaced d ON d.seq = k.previous_seq
       LEFT JOIN call_events c ON c.provider = i.provider AND c.provider_call_id = i.provider_call_id ORDER BY i.n`,
    [
      column((c) => c.id),
      column((c) => c.provider),
      column((c) => c.providerCallId),
      column((c) => c.to),
      column((c) => c.serviceRef),
      column((c) => c.allocationRef),
      column((c) => c.status),
      column((c) => c.updatedAt),
      column((c) => JSON.stringify(c)),
      column(facetsRow),
    ],
    // A batch's best plan depends on its size (the planner reads each array's length).
    { planEachRun: calls.length > 1 },
  );
}

/** Migration 6: the facets and first callers of the calls stored before it, a thousand at a time. */
export async function backfillCallFacets(tx: Queryable): Promise<void> {
  for (let after = 0; ; ) {
    const rows = await tx.query<{ seq: number; data: CallEventRecord }>('SELECT seq, data FROM call_events WHERE seq > $1 ORDER BY seq LIMIT 1000', [after]);
    if (rows.length === 0) break;
    await tx.query(
      `WITH written AS (
         INSERT INTO call_facets SELECT f.* FROM unnest($1::bigint[], $2::jsonb[]) AS r(seq, facets), ${facetsOf("r.facets || jsonb_build_object('seq', r.seq)")}
         RETURNING seq, from_number, started_at)
       ${firstCallers('backfill')}`,
      [rows.map((r) => r.seq), rows.map((r) => facetsRow(r.data))],
    );
    after = Number(rows.at(-1)!.seq);
  }
}

/**
 * The thin repository layer: plain parameterised SQL over `Db`, records in and out.
 * Batch reads (`…Many`) exist for the per-request DataLoaders: one query per type.
 */
import { randomUUID } from 'node:crypto';
import type {
  AllocationEventRecord,
  AllocationRecord,
  CallEventPatch,
  CallEventRecord,
  CallStatus,
  OrderRecord,
  PhoneNumberRecord,
  ProviderName,
  ServiceRecord,
} from '../domain/model.js';
import type { Db, Queryable } from './db.js';

export interface PageRequest {
  first: number;
  /** Cursor: rows with a smaller seq (newest first). */
  afterSeq?: number;
}

export interface Page<T> {
  items: Array<{ seq: number; record: T }>;
  hasNextPage: boolean;
}

type Row = { seq: number; data: unknown };

export interface WebhookReceipt {
  provider: string;
  event: string;
  method: string;
  query: Record<string, string>;
  contentType?: string;
  /** The body's text, or its bytes in base64 (see `storableBody`). */
  body: string;
  bodyEncoding?: 'base64';
}

/** A receipt as stored, enough to read its delivery again. */
export interface StoredReceipt {
  provider: string;
  event: string;
  method: string;
  query: Record<string, string>;
  content_type: string | null;
  body: string;
  body_encoding: string | null;
}

export type IdempotentStart =
  | { state: 'new' }
  | { state: 'conflict' }
  | { state: 'busy' }
  | { state: 'replay'; response: unknown }
  | { state: 'resume'; attempt: unknown };

export interface CallFilter {
  provider?: ProviderName;
  number?: string;
  serviceRef?: string;
  allocationRef?: string;
  status?: CallStatus;
}

const FINAL_BEATS_RINGING = (current: CallStatus | undefined, incoming: CallStatus | undefined): CallStatus =>
  incoming && incoming !== 'RINGING' ? incoming : (current ?? incoming ?? 'RINGING');

/** Merge what a webhook knows of a call into what we had: later facts win, but a final status is never undone by a late start. */
export function mergeCall(existing: CallEventRecord | undefined, patch: CallEventPatch, now: string): CallEventRecord {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as CallEventPatch;
  const base: CallEventRecord = existing ?? {
    id: randomUUID(),
    provider: patch.provider,
    providerCallId: patch.providerCallId,
    status: 'RINGING',
    raw: {},
    createdAt: now,
    updatedAt: now,
  };
  return {
    ...base,
    ...defined,
    id: base.id,
    status: FINAL_BEATS_RINGING(existing?.status, patch.status),
    callerLocation: existing?.callerLocation || patch.callerLocation ? { ...existing?.callerLocation, ...patch.callerLocation } : undefined,
    attribution: existing?.attribution || patch.attribution ? { ...existing?.attribution, ...patch.attribution } : undefined,
    raw: { ...base.raw, ...patch.raw },
    createdAt: base.createdAt,
    updatedAt: now,
  };
}

/** The same record but for `updatedAt`, as stored (key order and undefined fields do not count). */
function sameFacts(a: CallEventRecord, b: CallEventRecord): boolean {
  const canonical = (r: CallEventRecord) =>
    JSON.stringify({ ...r, updatedAt: undefined }, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v));
  return canonical(a) === canonical(b);
}

/**
 * Read-merge-write of a record that may not exist yet: FOR UPDATE locks no row then, so two
 * first writes would each merge into nothing and one would be lost. A transaction-scoped lock
 * per key (the class says which kind of record) serialises them.
 */
const LOCK_SERVICE = 727003;
async function lockKey(tx: Queryable, lockClass: number, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [lockClass, key]);
}

/**
 * One statement for the items of every caller that arrive while the previous batch runs
 * (webhooks under load): a store round trip costs far more than a row. A failed statement
 * is tried again one item at a time, so that an item the store refuses (bad data) fails
 * alone, not its neighbours.
 */
function batched<I, O>(run: (items: I[]) => Promise<O[]>, max = 100): (item: I) => Promise<O> {
  const queue: Array<{ item: I; resolve: (o: O) => void; reject: (err: unknown) => void }> = [];
  let busy = false;
  const one = (b: (typeof queue)[number]) => run([b.item]).then((out) => b.resolve(out[0]!), b.reject);
  const flush = async () => {
    while (queue.length) {
      const batch = queue.splice(0, max);
      try {
        const out = await run(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(out[i]!));
      } catch (err) {
        if (batch.length === 1) batch[0]!.reject(err);
        else await Promise.all(batch.map(one));
      }
    }
    busy = false;
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!busy) {
        busy = true;
        setImmediate(flush);
      }
    });
}

export class Store {
  /** How long a webhook claim may stay unfinished before a retry or the sweep takes it over. */
  readonly claimLeaseSeconds: number;

  constructor(
    readonly db: Db,
    opts: { claimLeaseSeconds?: number } = {},
  ) {
    this.claimLeaseSeconds = opts.claimLeaseSeconds ?? 60;
  }

  private async page<T>(table: string, where: string[], params: unknown[], req: PageRequest): Promise<Page<T>> {
    const clauses = [...where];
    const args = [...params];
    if (req.afterSeq !== undefined) {
      args.push(req.afterSeq);
      clauses.push(`seq < $${args.length}`);
    }
    args.push(req.first + 1);
    const sql = `SELECT seq, data FROM ${table} ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${args.length}`;
    const rows = await this.db.query<Row>(sql, args);
    return {
      items: rows.slice(0, req.first).map((r) => ({ seq: Number(r.seq), record: r.data as T })),
      hasNextPage: rows.length > req.first,
    };
  }

  private static filters(spec: Array<[column: string, value: unknown]>): { where: string[]; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [column, value] of spec) {
      if (value === undefined || value === null) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    return { where, params };
  }

  // ---- orders ----

  async saveOrder(order: OrderRecord, q: Queryable = this.db): Promise<void> {
    await q.query(
      `INSERT INTO orders (id, provider, status, provider_ref, service_ref, created_at, updated_at, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET status = $3, provider_ref = $4, service_ref = $5, updated_at = $7, data = $8`,
      [order.id, order.provider, order.status, order.providerRef ?? null, order.serviceRef ?? null, order.createdAt, order.updatedAt, order],
    );
  }

  async ordersByIds(ids: readonly string[]): Promise<OrderRecord[]> {
    const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (valid.length === 0) return [];
    return (await this.db.query<{ data: OrderRecord }>('SELECT data FROM orders WHERE id = ANY($1::uuid[])', [valid])).map((r) => r.data);
  }

  /**
   * The pending order a provider callback settles: by the provider's reference when it
   * matches one, else the oldest pending order of that service. Locks the row.
   */
  async findOrderForUpdate(q: Queryable, provider: ProviderName, match: { providerRef?: string; serviceRef?: string }): Promise<OrderRecord | null> {
    if (match.providerRef) {
      const rows = await q.query<{ data: OrderRecord }>('SELECT data FROM orders WHERE provider = $1 AND provider_ref = $2 ORDER BY seq LIMIT 1 FOR UPDATE', [provider, match.providerRef]);
      if (rows[0]) return rows[0].data;
    }
    if (match.serviceRef) {
      const rows = await q.query<{ data: OrderRecord }>(
        `SELECT data FROM orders WHERE provider = $1 AND service_ref = $2 AND status = 'PENDING' ORDER BY seq LIMIT 1 FOR UPDATE`,
        [provider, match.serviceRef],
      );
      if (rows[0]) return rows[0].data;
    }
    return null;
  }

  listOrders(filter: { provider?: ProviderName; status?: string }, req: PageRequest): Promise<Page<OrderRecord>> {
    const { where, params } = Store.filters([
      ['provider', filter.provider],
      ['status', filter.status],
    ]);
    return this.page('orders', where, params, req);
  }

  /** Pending orders older than `before`, for the poller of providers whose callbacks can be late. */
  async pendingOrders(provider: ProviderName, before: string): Promise<OrderRecord[]> {
    return (
      await this.db.query<{ data: OrderRecord }>(`SELECT data FROM orders WHERE provider = $1 AND status = 'PENDING' AND updated_at < $2 ORDER BY seq LIMIT 50`, [provider, before])
    ).map((r) => r.data);
  }

  // ---- services ----

  /**
   * Merge what a provider said of a service into what we hold: fields given win, settings
   * merge, numbers accumulate (Delacon reports only the numbers of the latest order).
   */
  async saveService(service: ServiceRecord): Promise<ServiceRecord> {
    return this.db.transaction(async (tx) => {
      // A new company's numbers can be saved by an order's answer and a webhook at once.
      await lockKey(tx, LOCK_SERVICE, `${service.provider}:${service.providerRef}`);
      const rows = await tx.query<{ data: ServiceRecord }>('SELECT data FROM services WHERE provider = $1 AND provider_ref = $2', [service.provider, service.providerRef]);
      const old = rows[0]?.data;
      const defined = Object.fromEntries(Object.entries(service).filter(([, v]) => v !== undefined)) as ServiceRecord;
      const merged: ServiceRecord = old
        ? { ...old, ...defined, settings: { ...old.settings, ...service.settings }, numbers: [...new Set([...old.numbers, ...service.numbers])] }
        : service;
      await tx.query(
        `INSERT INTO services (provider, provider_ref, updated_at, data) VALUES ($1, $2, $3, $4)
         ON CONFLICT (provider, provider_ref) DO UPDATE SET updated_at = $3, data = $4`,
        [merged.provider, merged.providerRef, merged.updatedAt, merged],
      );
      return merged;
    });
  }

  async servicesByRefs(keys: ReadonlyArray<{ provider: ProviderName; providerRef: string }>): Promise<ServiceRecord[]> {
    if (keys.length === 0) return [];
    return (
      await this.db.query<{ data: ServiceRecord }>(
        'SELECT s.data FROM services s JOIN unnest($1::text[], $2::text[]) AS k(provider, ref) ON s.provider = k.provider AND s.provider_ref = k.ref',
        [keys.map((k) => k.provider), keys.map((k) => k.providerRef)],
      )
    ).map((r) => r.data);
  }

  listServices(provider: ProviderName | undefined, req: PageRequest): Promise<Page<ServiceRecord>> {
    const { where, params } = Store.filters([['provider', provider]]);
    return this.page('services', where, params, req);
  }

  // ---- numbers ----

  async saveNumbers(numbers: PhoneNumberRecord[], q: Queryable = this.db): Promise<void> {
    const now = new Date().toISOString();
    for (const n of numbers) {
      await q.query(
        `INSERT INTO numbers (provider, e164, updated_at, data) VALUES ($1, $2, $3, $4)
         ON CONFLICT (provider, e164) DO UPDATE SET updated_at = $3, data = numbers.data || $4`,
        [n.provider, n.e164, now, n],
      );
    }
  }

  async numbersByE164(e164s: readonly string[]): Promise<PhoneNumberRecord[]> {
    if (e164s.length === 0) return [];
    return (await this.db.query<{ data: PhoneNumberRecord }>('SELECT data FROM numbers WHERE e164 = ANY($1::text[])', [e164s])).map((r) => r.data);
  }

  listNumbers(provider: ProviderName | undefined, req: PageRequest): Promise<Page<PhoneNumberRecord>> {
    const { where, params } = Store.filters([['provider', provider]]);
    return this.page('numbers', where, params, req);
  }

  // ---- allocations ----

  async saveAllocation(a: AllocationRecord, q: Queryable = this.db): Promise<void> {
    await q.query(
      `INSERT INTO allocations (provider, provider_ref, connection_id, green_vn, state, updated_at, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (provider, provider_ref) DO UPDATE SET connection_id = $3, green_vn = $4, state = $5, updated_at = $6, data = $7`,
      [a.provider, a.providerRef, a.connectionId, a.greenVN ?? null, a.state, a.updatedAt, a],
    );
  }

  async allocationsByRefs(keys: ReadonlyArray<{ provider: ProviderName; providerRef: string }>): Promise<AllocationRecord[]> {
    if (keys.length === 0) return [];
    return (
      await this.db.query<{ data: AllocationRecord }>(
        'SELECT a.data FROM allocations a JOIN unnest($1::text[], $2::text[]) AS k(provider, ref) ON a.provider = k.provider AND a.provider_ref = k.ref',
        [keys.map((k) => k.provider), keys.map((k) => k.providerRef)],
      )
    ).map((r) => r.data);
  }

  /** By provider reference, connection id, or the active allocation holding a VN. */
  async findAllocation(provider: ProviderName, match: { providerRef?: string; connectionId?: string; greenVN?: string }): Promise<AllocationRecord | null> {
    const [column, value, extra] = match.providerRef
      ? ['provider_ref', match.providerRef, '']
      : match.connectionId
        ? ['connection_id', match.connectionId, '']
        : ['green_vn', match.greenVN, `AND state = 'ACTIVE'`];
    if (!value) return null;
    const rows = await this.db.query<{ data: AllocationRecord }>(`SELECT data FROM allocations WHERE provider = $1 AND ${column} = $2 ${extra} ORDER BY seq DESC LIMIT 1`, [provider, value]);
    return rows[0]?.data ?? null;
  }

  listAllocations(filter: { provider?: ProviderName; state?: string }, req: PageRequest): Promise<Page<AllocationRecord>> {
    const { where, params } = Store.filters([
      ['provider', filter.provider],
      ['state', filter.state],
    ]);
    return this.page('allocations', where, params, req);
  }

  /** False when an event with this id is stored already (an event applied again). */
  async saveAllocationEvent(e: AllocationEventRecord, q: Queryable = this.db): Promise<boolean> {
    const rows = await q.query('INSERT INTO allocation_events (id, provider, allocation_ref, at, data) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING 1', [
      e.id,
      e.provider,
      e.allocationRef ?? null,
      e.at,
      e,
    ]);
    return rows.length === 1;
  }

  // ---- call events ----

  /**
   * Merge a webhook's facts into the stored call. Optimistic, so the usual case (a new call) is
   * one batched statement: insert it, or read the stored call and its row version, then write
   * the merge only if that version is still current. A concurrent first insert or merge makes us
   * read and merge again, so no fact is lost. `changed` is false when the call already held
   * every fact (an event applied again): nothing is written.
   */
  async mergeCall(patch: CallEventPatch): Promise<{ call: CallEventRecord; changed: boolean }> {
    for (;;) {
      const now = new Date().toISOString();
      const fresh = mergeCall(undefined, patch, now);
      const found = await this.insertOrReadCalls(fresh);
      if (found.inserted) return { call: fresh, changed: true };
      if (!found.version) continue; // inserted by someone else after our statement began
      const merged = mergeCall(found.data, patch, now);
      if (sameFacts(merged, found.data)) return { call: found.data, changed: false };
      const updated = await this.db.query(
        `UPDATE call_events SET to_number = $3, service_ref = $4, allocation_ref = $5, status = $6, updated_at = $7, data = $8
         WHERE provider = $1 AND provider_call_id = $2 AND xmin::text = $9 RETURNING 1`,
        [merged.provider, merged.providerCallId, merged.to ?? null, merged.serviceRef ?? null, merged.allocationRef ?? null, merged.status, now, merged, found.version],
      );
      if (updated.length === 1) return { call: merged, changed: true };
    }
  }

  private readonly insertOrReadCalls = batched(async (calls: CallEventRecord[]) => {
    const column = (f: (c: CallEventRecord) => string | undefined) => calls.map((c) => f(c) ?? null);
    return this.db.query<{ inserted: boolean; version: string | null; data: CallEventRecord }>(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           WITH ORDINALITY AS i(id, provider, provider_call_id, to_number, service_ref, allocation_ref, status, updated_at, data, n)),
       inserted AS (
         -- In key order, so that two gateways' batches never wait on each other in a cycle.
         INSERT INTO call_events (id, provider, provider_call_id, to_number, service_ref, allocation_ref, status, updated_at, data)
         SELECT id::uuid, provider, provider_call_id, to_number, service_ref, allocation_ref, status, updated_at::timestamptz, data::jsonb FROM input
         ORDER BY provider, provider_call_id ON CONFLICT DO NOTHING RETURNING id)
       SELECT i.id::uuid IN (SELECT id FROM inserted) AS inserted, c.xmin::text AS version, c.data
       FROM input i LEFT JOIN call_events c ON c.provider = i.provider AND c.provider_call_id = i.provider_call_id ORDER BY i.n`,
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
      ],
    );
  });

  async callsByIds(ids: readonly string[]): Promise<CallEventRecord[]> {
    const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (valid.length === 0) return [];
    return (await this.db.query<{ data: CallEventRecord }>('SELECT data FROM call_events WHERE id = ANY($1::uuid[])', [valid])).map((r) => r.data);
  }

  listCalls(filter: CallFilter, req: PageRequest): Promise<Page<CallEventRecord>> {
    const { where, params } = Store.filters([
      ['provider', filter.provider],
      ['to_number', filter.number],
      ['service_ref', filter.serviceRef],
      ['allocation_ref', filter.allocationRef],
      ['status', filter.status],
    ]);
    return this.page('call_events', where, params, req);
  }

  /** Calls of many allocations in one query (Allocation.calls). */
  async callsByAllocations(keys: ReadonlyArray<{ provider: ProviderName; providerRef: string }>): Promise<CallEventRecord[]> {
    if (keys.length === 0) return [];
    return (
      await this.db.query<{ data: CallEventRecord }>(
        `SELECT c.data FROM call_events c JOIN unnest($1::text[], $2::text[]) AS k(provider, ref)
         ON c.provider = k.provider AND c.allocation_ref = k.ref ORDER BY c.seq DESC`,
        [keys.map((k) => k.provider), keys.map((k) => k.providerRef)],
      )
    ).map((r) => r.data);
  }

  // ---- webhooks ----

  /** A webhook's raw receipt, when it could not be read (no event to claim). */
  async saveReceipt(r: WebhookReceipt & { status: string; reason?: string }): Promise<number> {
    const rows = await this.db.query<{ id: number }>(
      'INSERT INTO webhook_receipts (provider, event, method, query, content_type, body, body_encoding, status, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id',
      [r.provider, r.event, r.method, r.query, r.contentType ?? null, r.body, r.bodyEncoding ?? null, r.status, r.reason ?? null],
    );
    return Number(rows[0]!.id);
  }

  /**
   * Store a webhook's raw receipt and claim its provider event for applying, in one statement.
   * Not claimed: the event was applied (or is being applied) already, and the receipt says
   * `duplicate`. A claim older than the lease whose receipt is still `received` was abandoned
   * (its process died before marking it): this delivery takes it over.
   */
  receiveEvent(r: WebhookReceipt, eventKey: string): Promise<{ receiptId: number; claimed: boolean }> {
    return this.receiveEvents({ ...r, eventKey });
  }

  private readonly receiveEvents = batched(async (rs: Array<WebhookReceipt & { eventKey: string }>) => {
    const rows = await this.db.query<{ id: number; claimed: boolean }>(
      `WITH input AS (
         SELECT nextval('webhook_receipts_id_seq') AS id, i.*
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS i(provider, event, method, query, content_type, body, body_encoding, event_key, n)),
       claimed AS (
         -- In key order, so that two gateways' batches never wait on each other in a cycle; one
         -- row per key, as a statement may not update a row twice.
         INSERT INTO webhook_events (provider, event, event_key, receipt_id)
         SELECT DISTINCT ON (provider, event, event_key) provider, event, event_key, id FROM input ORDER BY provider, event, event_key, id
         ON CONFLICT (provider, event, event_key) DO UPDATE SET receipt_id = EXCLUDED.receipt_id, claimed_at = now()
           WHERE webhook_events.claimed_at < now() - make_interval(secs => $9)
             AND EXISTS (SELECT 1 FROM webhook_receipts r WHERE r.id = webhook_events.receipt_id AND r.status = 'received')
         RETURNING receipt_id),
       stored AS (
         INSERT INTO webhook_receipts (id, provider, event, method, query, content_type, body, body_encoding, event_key, status)
         SELECT id, provider, event, method, query::jsonb, content_type, body, body_encoding, event_key, CASE WHEN id IN (SELECT receipt_id FROM claimed) THEN 'received' ELSE 'duplicate' END FROM input)
       SELECT id, id IN (SELECT receipt_id FROM claimed) AS claimed FROM input ORDER BY n`,
      [
        rs.map((r) => r.provider),
        rs.map((r) => r.event),
        rs.map((r) => r.method),
        rs.map((r) => JSON.stringify(r.query)),
        rs.map((r) => r.contentType ?? null),
        rs.map((r) => r.body),
        rs.map((r) => r.bodyEncoding ?? null),
        rs.map((r) => r.eventKey),
        this.claimLeaseSeconds,
      ],
    );
    return rows.map((row) => ({ receiptId: Number(row.id), claimed: row.claimed }));
  });

  /**
   * The outcome of applying a claimed event; `release` gives the claim back so the provider's retry can apply it.
   * Not batched: it must reach the store before anything a subscriber, told of the event, asks next.
   */
  async markReceipt(id: number, status: string, opts: { reason?: string; release?: boolean } = {}): Promise<void> {
    await this.db.query(
      `WITH released AS (
         DELETE FROM webhook_events e USING webhook_receipts r
         WHERE $4 AND r.id = $1 AND e.receipt_id = r.id AND (e.provider, e.event, e.event_key) = (r.provider, r.event, r.event_key))
       UPDATE webhook_receipts SET status = $2, reason = $3 WHERE id = $1`,
      [id, status, opts.reason ?? null, opts.release ?? false],
    );
  }

  /** Receipts left `received` longer than the lease: their process died before marking them (for the sweep). */
  async unfinishedReceipts(limit = 100): Promise<Array<StoredReceipt & { id: number; event_key: string }>> {
    return this.db.query(
      `SELECT id, provider, event, method, query, content_type, body, body_encoding, event_key FROM webhook_receipts
       WHERE status = 'received' AND received_at < now() - make_interval(secs => $1) ORDER BY received_at LIMIT $2`,
      [this.claimLeaseSeconds, limit],
    );
  }

  /**
   * Take an unfinished receipt's claim back for the sweep: `resumed` when the receipt still held
   * it past the lease (now renewed: apply it), `superseded` when a later delivery took the claim
   * over (the receipt is marked so), `busy` when another sweep resumed it within the lease.
   */
  async resumeClaim(receiptId: number): Promise<'resumed' | 'superseded' | 'busy'> {
    const [row] = await this.db.query<{ resumed: boolean; superseded: boolean }>(
      `WITH r AS (SELECT id, provider, event, event_key FROM webhook_receipts WHERE id = $1 AND status = 'received'),
       claim AS (SELECT e.receipt_id FROM webhook_events e JOIN r USING (provider, event, event_key)),
       resumed AS (
         UPDATE webhook_events e SET claimed_at = now() FROM r
         WHERE (e.provider, e.event, e.event_key) = (r.provider, r.event, r.event_key) AND e.receipt_id = r.id
           AND e.claimed_at < now() - make_interval(secs => $2)
         RETURNING 1),
       superseded AS (
         UPDATE webhook_receipts SET status = 'superseded', reason = 'a later delivery took the claim over'
         WHERE id IN (SELECT id FROM r) AND NOT EXISTS (SELECT 1 FROM claim WHERE receipt_id = $1)
         RETURNING 1)
       SELECT EXISTS (SELECT 1 FROM resumed) AS resumed, EXISTS (SELECT 1 FROM superseded) AS superseded`,
      [receiptId, this.claimLeaseSeconds],
    );
    return row!.resumed ? 'resumed' : row!.superseded ? 'superseded' : 'busy';
  }

  async receipts(
    provider: string,
    event?: string,
  ): Promise<Array<{ id: number; event: string; method: string; query: Record<string, string>; status: string; reason: string | null; body: string; body_encoding: string | null; event_key: string | null }>> {
    return this.db.query('SELECT id, event, method, query, status, reason, body, body_encoding, event_key FROM webhook_receipts WHERE provider = $1 AND ($2::text IS NULL OR event = $2) ORDER BY id', [provider, event ?? null]);
  }

  // ---- idempotency keys ----

  /**
   * Start an idempotent mutation, holding its key for `holdMs`. `new`: go ahead; `resume`: an
   * earlier request with this key was given up (or died) after recording `attempt`, which must
   * be settled first; `replay`: here is the first result; `conflict`: the key was used for a
   * different request; `busy`: another request holds it.
   */
  async beginIdempotent(principal: string, key: string, operation: string, requestHash: string, holdMs = 60_000): Promise<IdempotentStart> {
    const inserted = await this.db.query(
      `INSERT INTO idempotency_keys (principal, key, operation, request_hash, held_until) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
       ON CONFLICT DO NOTHING RETURNING key`,
      [principal, key, operation, requestHash, holdMs / 1000],
    );
    if (inserted.length === 1) return { state: 'new' };
    const rows = await this.db.query<{ operation: string; request_hash: string; response: unknown }>(
      'SELECT operation, request_hash, response FROM idempotency_keys WHERE principal = $1 AND key = $2',
      [principal, key],
    );
    const row = rows[0];
    if (!row) return this.beginIdempotent(principal, key, operation, requestHash, holdMs);
    if (row.operation !== operation || row.request_hash !== requestHash) return { state: 'conflict' };
    if (row.response !== null) return { state: 'replay', response: row.response };
    const claimed = await this.claimIdempotent(principal, key, holdMs);
    if (!claimed) return { state: 'busy' };
    return claimed.attempt === null ? { state: 'new' } : { state: 'resume', attempt: claimed.attempt };
  }

  /** Take a key nobody holds (no response yet, hold lapsed); undefined when someone holds it or it is settled. */
  async claimIdempotent(principal: string, key: string, holdMs: number): Promise<{ attempt: unknown } | undefined> {
    const rows = await this.db.query<{ attempt: unknown }>(
      `UPDATE idempotency_keys SET held_until = now() + make_interval(secs => $3)
       WHERE principal = $1 AND key = $2 AND response IS NULL AND (held_until IS NULL OR held_until < now()) RETURNING attempt`,
      [principal, key, holdMs / 1000],
    );
    return rows[0];
  }

  /** Keep holding a key while its request runs. */
  async holdIdempotent(principal: string, key: string, holdMs: number): Promise<void> {
    await this.db.query('UPDATE idempotency_keys SET held_until = now() + make_interval(secs => $3) WHERE principal = $1 AND key = $2 AND response IS NULL', [principal, key, holdMs / 1000]);
  }

  /** Write down the provider call a held key is about to make, before it is sent. */
  async recordAttempt(principal: string, key: string, attempt: unknown): Promise<void> {
    await this.db.query('UPDATE idempotency_keys SET attempt = $3 WHERE principal = $1 AND key = $2 AND response IS NULL', [principal, key, attempt]);
  }

  /** Let go of a key whose outcome is still unknown, keeping its attempt for whoever settles it. */
  async releaseIdempotent(principal: string, key: string, attempt: unknown): Promise<void> {
    await this.db.query('UPDATE idempotency_keys SET attempt = $3, held_until = NULL WHERE principal = $1 AND key = $2 AND response IS NULL', [principal, key, attempt]);
  }

  async completeIdempotent(principal: string, key: string, response: unknown): Promise<void> {
    await this.db.query('UPDATE idempotency_keys SET response = $3, held_until = NULL WHERE principal = $1 AND key = $2', [principal, key, response]);
  }

  /** Forget an unfinished key: nothing was done, the next request with it starts afresh. */
  async abandonIdempotent(principal: string, key: string): Promise<void> {
    await this.db.query('DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND response IS NULL', [principal, key]);
  }

  /**
   * Keys without a response that nobody holds and that need settling: given up with an unknown
   * outcome, or left by a process that died. Attempts already found out (`recovered`, waiting
   * for the client's retry) or that no provider can settle (`recoverable: false`) are left out.
   */
  async openIdempotencyKeys(limit: number): Promise<Array<{ principal: string; key: string }>> {
    return this.db.query(
      `SELECT principal, key FROM idempotency_keys
       WHERE response IS NULL AND (held_until IS NULL OR held_until < now())
         AND (attempt IS NULL OR (attempt->'recovered' IS NULL AND attempt->>'recoverable' = 'true'))
       ORDER BY created_at LIMIT $1`,
      [limit],
    );
  }

  /** Keys are kept at least 24 h; this drops those older than `hours`. */
  async purgeIdempotencyKeys(hours: number): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [hours]);
  }
}

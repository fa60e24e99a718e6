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

/**
 * Read-merge-write of a record that may not exist yet: FOR UPDATE locks no row then, so two
 * first writes would each merge into nothing and one would be lost. A transaction-scoped lock
 * per key (the class says which kind of record) serialises them.
 */
const LOCK_CALL = 727002;
const LOCK_SERVICE = 727003;
async function lockKey(tx: Queryable, lockClass: number, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [lockClass, key]);
}

export class Store {
  constructor(readonly db: Db) {}

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

  async saveAllocationEvent(e: AllocationEventRecord, q: Queryable = this.db): Promise<void> {
    await q.query('INSERT INTO allocation_events (id, provider, allocation_ref, at, data) VALUES ($1, $2, $3, $4, $5)', [e.id, e.provider, e.allocationRef ?? null, e.at, e]);
  }

  // ---- call events ----

  /** Merge a webhook's facts into the stored call, atomically (concurrent deliveries of the same call serialise on the row). */
  async mergeCall(patch: CallEventPatch): Promise<CallEventRecord> {
    return this.db.transaction(async (tx) => {
      // The first deliveries of a new call (start and end together) arrive side by side.
      await lockKey(tx, LOCK_CALL, `${patch.provider}:${patch.providerCallId}`);
      const existing = await tx.query<{ data: CallEventRecord }>('SELECT data FROM call_events WHERE provider = $1 AND provider_call_id = $2 FOR UPDATE', [
        patch.provider,
        patch.providerCallId,
      ]);
      const now = new Date().toISOString();
      const merged = mergeCall(existing[0]?.data, patch, now);
      await tx.query(
        `INSERT INTO call_events (id, provider, provider_call_id, to_number, service_ref, allocation_ref, status, updated_at, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (provider, provider_call_id) DO UPDATE SET to_number = $4, service_ref = $5, allocation_ref = $6, status = $7, updated_at = $8, data = $9`,
        [merged.id, merged.provider, merged.providerCallId, merged.to ?? null, merged.serviceRef ?? null, merged.allocationRef ?? null, merged.status, now, merged],
      );
      return merged;
    });
  }

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

  async saveReceipt(r: { provider: string; event: string; method: string; query: Record<string, string>; contentType?: string; body: string; status: string; reason?: string }): Promise<number> {
    const rows = await this.db.query<{ id: number }>(
      'INSERT INTO webhook_receipts (provider, event, method, query, content_type, body, status, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id',
      [r.provider, r.event, r.method, r.query, r.contentType ?? null, r.body, r.status, r.reason ?? null],
    );
    return Number(rows[0]!.id);
  }

  async markReceipt(id: number, status: string, opts: { reason?: string; eventKey?: string } = {}): Promise<void> {
    await this.db.query('UPDATE webhook_receipts SET status = $2, reason = $3, event_key = COALESCE($4, event_key) WHERE id = $1', [id, status, opts.reason ?? null, opts.eventKey ?? null]);
  }

  async receipts(
    provider: string,
    event?: string,
  ): Promise<Array<{ id: number; event: string; method: string; query: Record<string, string>; status: string; reason: string | null; body: string; event_key: string | null }>> {
    return this.db.query('SELECT id, event, method, query, status, reason, body, event_key FROM webhook_receipts WHERE provider = $1 AND ($2::text IS NULL OR event = $2) ORDER BY id', [provider, event ?? null]);
  }

  /** Claim a provider event for applying; false when it was applied (or is being applied) already. */
  async claimEvent(provider: string, event: string, key: string, receiptId: number): Promise<boolean> {
    const rows = await this.db.query('INSERT INTO webhook_events (provider, event, event_key, receipt_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING receipt_id', [
      provider,
      event,
      key,
      receiptId,
    ]);
    return rows.length === 1;
  }

  /** Give a claim back when applying failed, so the provider's retry can apply it. */
  async releaseEvent(provider: string, event: string, key: string): Promise<void> {
    await this.db.query('DELETE FROM webhook_events WHERE provider = $1 AND event = $2 AND event_key = $3', [provider, event, key]);
  }

  // ---- idempotency keys ----

  /**
   * Start an idempotent mutation. `new`: go ahead; `replay`: here is the first result;
   * `conflict`: the key was used for a different request; `busy`: the first is still running.
   */
  async beginIdempotent(principal: string, key: string, operation: string, requestHash: string): Promise<{ state: 'new' | 'replay' | 'conflict' | 'busy'; response?: unknown }> {
    const inserted = await this.db.query('INSERT INTO idempotency_keys (principal, key, operation, request_hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key', [
      principal,
      key,
      operation,
      requestHash,
    ]);
    if (inserted.length === 1) return { state: 'new' };
    const rows = await this.db.query<{ operation: string; request_hash: string; response: unknown }>(
      'SELECT operation, request_hash, response FROM idempotency_keys WHERE principal = $1 AND key = $2',
      [principal, key],
    );
    const row = rows[0];
    if (!row) return this.beginIdempotent(principal, key, operation, requestHash);
    if (row.operation !== operation || row.request_hash !== requestHash) return { state: 'conflict' };
    return row.response === null ? { state: 'busy' } : { state: 'replay', response: row.response };
  }

  async completeIdempotent(principal: string, key: string, response: unknown): Promise<void> {
    await this.db.query('UPDATE idempotency_keys SET response = $3 WHERE principal = $1 AND key = $2', [principal, key, response]);
  }

  async abandonIdempotent(principal: string, key: string): Promise<void> {
    await this.db.query('DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND response IS NULL', [principal, key]);
  }

  /** Keys are kept at least 24 h; this drops those older than `hours`. */
  async purgeIdempotencyKeys(hours: number): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [hours]);
  }
}

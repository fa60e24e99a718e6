/** Calls, one row per (provider, providerCallId), merged from each webhook about them. */
import { randomUUID } from 'node:crypto';
import { mergeCall, newCall, sameFacts, type CallFilter } from '../domain/calls.js';
import type { CallEventPatch, CallEventRecord, ProviderName } from '../domain/model.js';
import { batched } from './batching.js';
import type { Db } from './db.js';
import { byRefs, page, uuids, type Page, type PageRequest, type RefKey } from './queries.js';

export class CallStore {
  constructor(private readonly db: Db) {}

  /**
   * Merge a webhook's facts into the stored call (src/domain/calls.ts says how facts add up).
   * Optimistic, so the usual case (a new call) is one batched statement: insert it, or read the
   * stored call and its row version, then write the merge only if that version is still
   * current. A concurrent first insert or merge makes us read and merge again, so no fact is
   * lost. `changed` is false when the call already held every fact (an event applied again):
   * nothing is written.
   */
  async merge(patch: CallEventPatch): Promise<{ call: CallEventRecord; changed: boolean }> {
    for (;;) {
      const now = new Date().toISOString();
      const fresh = newCall(patch, randomUUID(), now);
      const found = await this.insertOrRead(fresh);
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

  private readonly insertOrRead = batched(async (calls: CallEventRecord[]) => {
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

  async byProviderCallId(provider: ProviderName, providerCallId: string): Promise<CallEventRecord | null> {
    const rows = await this.db.query<{ data: CallEventRecord }>('SELECT data FROM call_events WHERE provider = $1 AND provider_call_id = $2', [provider, providerCallId]);
    return rows[0]?.data ?? null;
  }

  async byIds(ids: readonly string[]): Promise<CallEventRecord[]> {
    const valid = uuids(ids);
    if (valid.length === 0) return [];
    return (await this.db.query<{ data: CallEventRecord }>('SELECT data FROM call_events WHERE id = ANY($1::uuid[])', [valid])).map((r) => r.data);
  }

  list(filter: CallFilter, req: PageRequest): Promise<Page<CallEventRecord>> {
    return page(this.db, 'call_events', [
      ['provider', filter.provider],
      ['to_number', filter.number],
      ['service_ref', filter.serviceRef],
      ['allocation_ref', filter.allocationRef],
      ['status', filter.status],
    ], req);
  }

  /** Calls of many allocations in one query, newest first. */
  byAllocations(keys: readonly RefKey[]): Promise<CallEventRecord[]> {
    return byRefs(this.db, 'call_events', 'allocation_ref', keys, 'ORDER BY t.seq DESC');
  }
}

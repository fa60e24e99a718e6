/** GreenVN allocations (Exotel) and the events that happened to them. */
import type { AllocationEventRecord, AllocationRecord, ProviderName } from '../domain/model.js';
import type { Db, Queryable } from './db.js';
import { byRefs, page, type Page, type PageRequest, type RefKey } from './queries.js';

export class AllocationStore {
  constructor(private readonly db: Db) {}

  async save(a: AllocationRecord, q: Queryable = this.db): Promise<void> {
    await q.query(
      `INSERT INTO allocations (provider, provider_ref, connection_id, green_vn, state, updated_at, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (provider, provider_ref) DO UPDATE SET connection_id = $3, green_vn = $4, state = $5, updated_at = $6, data = $7`,
      [a.provider, a.providerRef, a.connectionId, a.greenVN ?? null, a.state, a.updatedAt, a],
    );
  }

  byRefs(keys: readonly RefKey[]): Promise<AllocationRecord[]> {
    return byRefs(this.db, 'allocations', 'provider_ref', keys);
  }

  /** By provider reference, connection id, or the active allocation holding a VN. */
  async find(provider: ProviderName, match: { providerRef?: string; connectionId?: string; greenVN?: string }): Promise<AllocationRecord | null> {
    const [column, value, extra] = match.providerRef
      ? ['provider_ref', match.providerRef, '']
      : match.connectionId
        ? ['connection_id', match.connectionId, '']
        : ['green_vn', match.greenVN, `AND state = 'ACTIVE'`];
    if (!value) return null;
    const rows = await this.db.query<{ data: AllocationRecord }>(`SELECT data FROM allocations WHERE provider = $1 AND ${column} = $2 ${extra} ORDER BY seq DESC LIMIT 1`, [provider, value]);
    return rows[0]?.data ?? null;
  }

  list(filter: { provider?: ProviderName; state?: string }, req: PageRequest): Promise<Page<AllocationRecord>> {
    return page(this.db, 'allocations', [
      ['provider', filter.provider],
      ['state', filter.state],
    ], req);
  }

  /** Every allocation of a provider stored ACTIVE, for reading each again at the provider. */
  async active(provider: ProviderName): Promise<AllocationRecord[]> {
    return (await this.db.query<{ data: AllocationRecord }>(`SELECT data FROM allocations WHERE provider = $1 AND state = 'ACTIVE' ORDER BY seq`, [provider])).map((r) => r.data);
  }

  /** False when an event with this id is stored already (an event applied again). */
  async saveEvent(e: AllocationEventRecord, q: Queryable = this.db): Promise<boolean> {
    const rows = await q.query('INSERT INTO allocation_events (id, provider, allocation_ref, at, data) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING 1', [
      e.id,
      e.provider,
      e.allocationRef ?? null,
      e.at,
      e,
    ]);
    return rows.length === 1;
  }
}

/** Orders placed through the gateway, and the pending ones a provider's confirmation settles. */
import type { OrderRecord, ProviderName } from '../domain/model.js';
import type { Db, Queryable } from './db.js';
import { page, uuids, type Page, type PageRequest } from './queries.js';

export class OrderStore {
  constructor(private readonly db: Db) {}

  async save(order: OrderRecord, q: Queryable = this.db): Promise<void> {
    await q.query(
      `INSERT INTO orders (id, provider, status, provider_ref, service_ref, created_at, updated_at, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET status = $3, provider_ref = $4, service_ref = $5, updated_at = $7, data = $8`,
      [order.id, order.provider, order.status, order.providerRef ?? null, order.serviceRef ?? null, order.createdAt, order.updatedAt, order],
    );
  }

  async byIds(ids: readonly string[]): Promise<OrderRecord[]> {
    const valid = uuids(ids);
    if (valid.length === 0) return [];
    return (await this.db.query<{ data: OrderRecord }>('SELECT data FROM orders WHERE id = ANY($1::uuid[])', [valid])).map((r) => r.data);
  }

  /**
   * The order a provider's news settles, locked: ours by id; else by the provider's reference
   * when it matches one; else the oldest waiting order of that service (PENDING first, then
   * STALE: a confirmation may come after the gateway stopped waiting).
   */
  async findForUpdate(q: Queryable, provider: ProviderName, match: { id?: string; providerRef?: string; serviceRef?: string }): Promise<OrderRecord | null> {
    if (match.id) {
      const rows = await q.query<{ data: OrderRecord }>('SELECT data FROM orders WHERE provider = $1 AND id = $2::uuid FOR UPDATE', [provider, match.id]);
      return rows[0]?.data ?? null;
    }
    if (match.providerRef) {
      const rows = await q.query<{ data: OrderRecord }>('SELECT data FROM orders WHERE provider = $1 AND provider_ref = $2 ORDER BY seq LIMIT 1 FOR UPDATE', [provider, match.providerRef]);
      if (rows[0]) return rows[0].data;
    }
    if (match.serviceRef) {
      const rows = await q.query<{ data: OrderRecord }>(
        `SELECT data FROM orders WHERE provider = $1 AND service_ref = $2 AND status IN ('PENDING', 'STALE') ORDER BY status = 'PENDING' DESC, seq LIMIT 1 FOR UPDATE`,
        [provider, match.serviceRef],
      );
      if (rows[0]) return rows[0].data;
    }
    return null;
  }

  list(filter: { provider?: ProviderName; status?: string }, req: PageRequest): Promise<Page<OrderRecord>> {
    return page(this.db, 'orders', [
      ['provider', filter.provider],
      ['status', filter.status],
    ], req);
  }

  /** Orders placed before `before` and still PENDING: past their provider's window, they are stale. */
  async pendingSince(provider: ProviderName, before: string): Promise<OrderRecord[]> {
    return (
      await this.db.query<{ data: OrderRecord }>(`SELECT data FROM orders WHERE provider = $1 AND status = 'PENDING' AND created_at < $2 ORDER BY seq LIMIT 500`, [provider, before], { planEachRun: true })
    ).map((r) => r.data);
  }

  /** Pending orders older than `before`, for the poller of providers whose callbacks can be late. */
  async pending(provider: ProviderName, before: string): Promise<OrderRecord[]> {
    return (
      await this.db.query<{ data: OrderRecord }>(`SELECT data FROM orders WHERE provider = $1 AND status = 'PENDING' AND updated_at < $2 ORDER BY seq LIMIT 50`, [provider, before], { planEachRun: true })
    ).map((r) => r.data);
  }
}

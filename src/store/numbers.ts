/** Numbers the gateway knows of: provisioned, reserved or released through it, or found at a provider that lists them. */
import type { E164, NumberStatus, PhoneNumberRecord, ProviderName } from '../domain/model.js';
import type { Db, Queryable } from './db.js';
import { page, type Page, type PageRequest } from './queries.js';

export class NumberStore {
  constructor(private readonly db: Db) {}

  /**
   * What is given is merged into what was stored of each number, in one statement. Returns the
   * numbers that changed (new ones included), as now stored: what is worth publishing.
   */
  async save(numbers: PhoneNumberRecord[], q: Queryable = this.db): Promise<Array<{ number: PhoneNumberRecord; inserted: boolean }>> {
    if (numbers.length === 0) return [];
    // One row per key (a statement may not update a row twice), in key order so that two
    // writers never wait on each other in a cycle.
    const byKey = new Map<string, PhoneNumberRecord>();
    for (const n of numbers) byKey.set(`${n.provider}:${n.e164}`, { ...byKey.get(`${n.provider}:${n.e164}`), ...n });
    const rows = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, n]) => n);
    const changed = await q.query<{ data: PhoneNumberRecord; inserted: boolean }>(
      `INSERT INTO numbers (provider, e164, updated_at, data)
       SELECT n->>'provider', n->>'e164', $2::timestamptz, n FROM jsonb_array_elements($1::jsonb) AS n
       ON CONFLICT (provider, e164) DO UPDATE SET updated_at = EXCLUDED.updated_at, data = numbers.data || EXCLUDED.data
         WHERE numbers.data IS DISTINCT FROM numbers.data || EXCLUDED.data
       RETURNING data, xmax = 0 AS inserted`,
      [JSON.stringify(rows), new Date().toISOString()],
    );
    return changed.map((r) => ({ number: r.data, inserted: r.inserted }));
  }

  /** The numbers of an order still waiting for it take the status its outcome gives them; returns those changed. */
  async followOrder(q: Queryable, provider: ProviderName, orderId: string, e164s: E164[], status: NumberStatus): Promise<PhoneNumberRecord[]> {
    if (e164s.length === 0) return [];
    const rows = await q.query<{ data: PhoneNumberRecord }>(
      `UPDATE numbers SET updated_at = now(), data = data || jsonb_build_object('status', $4::text)
       WHERE provider = $1 AND e164 = ANY($2::text[]) AND data->>'orderId' = $3 AND data->>'status' = 'PENDING'
       RETURNING data`,
      [provider, e164s, orderId, status],
    );
    return rows.map((r) => r.data);
  }

  async byE164(e164s: readonly string[]): Promise<PhoneNumberRecord[]> {
    if (e164s.length === 0) return [];
    return (await this.db.query<{ data: PhoneNumberRecord }>('SELECT data FROM numbers WHERE e164 = ANY($1::text[])', [e164s])).map((r) => r.data);
  }

  /** Every number stored of a provider, for comparing with the provider's own list. */
  async all(provider: ProviderName): Promise<PhoneNumberRecord[]> {
    return (await this.db.query<{ data: PhoneNumberRecord }>('SELECT data FROM numbers WHERE provider = $1 ORDER BY seq', [provider])).map((r) => r.data);
  }

  list(provider: ProviderName | undefined, req: PageRequest): Promise<Page<PhoneNumberRecord>> {
    return page(this.db, 'numbers', [['provider', provider]], req);
  }
}

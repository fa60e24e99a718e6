/** Numbers the gateway knows of: provisioned, reserved or released through it. */
import type { PhoneNumberRecord, ProviderName } from '../domain/model.js';
import type { Db, Queryable } from './db.js';
import { page, type Page, type PageRequest } from './queries.js';

export class NumberStore {
  constructor(private readonly db: Db) {}

  /** What is given is merged into what was stored of each number. */
  async save(numbers: PhoneNumberRecord[], q: Queryable = this.db): Promise<void> {
    const now = new Date().toISOString();
    for (const n of numbers) {
      await q.query(
        `INSERT INTO numbers (provider, e164, updated_at, data) VALUES ($1, $2, $3, $4)
         ON CONFLICT (provider, e164) DO UPDATE SET updated_at = $3, data = numbers.data || $4`,
        [n.provider, n.e164, now, n],
      );
    }
  }

  async byE164(e164s: readonly string[]): Promise<PhoneNumberRecord[]> {
    if (e164s.length === 0) return [];
    return (await this.db.query<{ data: PhoneNumberRecord }>('SELECT data FROM numbers WHERE e164 = ANY($1::text[])', [e164s])).map((r) => r.data);
  }

  list(provider: ProviderName | undefined, req: PageRequest): Promise<Page<PhoneNumberRecord>> {
    return page(this.db, 'numbers', [['provider', provider]], req);
  }
}

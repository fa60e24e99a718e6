/** Numbers the gateway knows of: provisioned, reserved or released through it, or found at a provider that lists them. */
import type { E164, NumberKind, NumberStatus, PhoneNumberRecord, ProviderName } from '../domain/model.js';
import { partsOf } from '../domain/phone.js';
import type { Db, Queryable } from './db.js';
import { page, sortedPage, type Page, type PageRequest, type Sort } from './queries.js';

/** Which numbers of the inventory; every criterion given must hold. */
export interface NumberFilter {
  provider?: ProviderName;
  /** ISO 3166 alpha-2, upper case. */
  country?: string;
  kind?: NumberKind;
  status?: NumberStatus;
  /** The number's service (its provider is `provider`). */
  serviceRef?: string;
  /** Digits inside the number, or words inside its region or service reference. */
  search?: string;
}

export type NumberOrderField = 'ADDED' | 'E164';
export interface NumberOrder {
  field: NumberOrderField;
  direction: 'ASC' | 'DESC';
}

const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

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
    const rows = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, n]) => ({ n, country: partsOf(n.e164).country ?? null }));
    const changed = await q.query<{ data: PhoneNumberRecord; inserted: boolean }>(
      `INSERT INTO numbers (provider, e164, updated_at, data, country)
       SELECT r->'n'->>'provider', r->'n'->>'e164', $2::timestamptz, r->'n', r->>'country' FROM jsonb_array_elements($1::jsonb) AS r
       ON CONFLICT (provider, e164) DO UPDATE SET updated_at = EXCLUDED.updated_at, data = numbers.data || EXCLUDED.data, country = EXCLUDED.country
         WHERE numbers.data IS DISTINCT FROM numbers.data || EXCLUDED.data OR numbers.country IS DISTINCT FROM EXCLUDED.country
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

  /**
   * A page of every number kept, across providers. The cursor is a row's seq whatever the
   * order: by E164 the page continues after that row's (e164, seq), so rows added meanwhile
   * never shift a page already begun.
   */
  inventory(filter: NumberFilter, order: NumberOrder, req: PageRequest): Promise<Page<PhoneNumberRecord>> {
    const args: unknown[] = [];
    const clauses: string[] = [];
    const arg = (v: unknown) => (args.push(v), `$${args.length}`);
    const equal: Array<[string, unknown]> = [
      ['provider', filter.provider],
      ['country', filter.country],
      ["data->>'kind'", filter.kind],
      ["data->>'status'", filter.status],
      ["data->>'serviceRef'", filter.serviceRef],
    ];
    for (const [column, value] of equal) if (value !== undefined) clauses.push(`${column} = ${arg(value)}`);
    if (filter.search) {
      const words = arg(`%${likeEscaped(filter.search)}%`);
      const digits = filter.search.replace(/\D/g, '');
      const inNumber = digits ? ` OR e164 LIKE ${arg(`%${digits}%`)}` : '';
      clauses.push(`(data->>'region' ILIKE ${words} OR data->>'serviceRef' ILIKE ${words}${inNumber})`);
    }
    // By number: the cursor carries the seq as its key too, and the row's e164 is looked up from it.
    const sort: Sort =
      order.field === 'E164'
        ? { column: 'e164', key: 'seq', fromKey: (p) => `(SELECT e164 FROM numbers WHERE seq = ${p}::bigint)`, descending: order.direction === 'DESC' }
        : { column: 'seq', key: 'seq', fromKey: (p) => p, descending: order.direction === 'DESC' };
    return sortedPage<PhoneNumberRecord>(this.db, { from: 'numbers', record: 'data', seq: 'seq' }, clauses, args, sort, req);
  }
}

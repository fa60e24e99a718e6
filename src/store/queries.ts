/**
 * What the tables' modules share: lists read a page at a time, newest first, by keyset on
 * `seq` (a row's place in its table), and batch reads by lists of keys.
 */
import type { ProviderName } from '../domain/model.js';
import type { Queryable } from './db.js';

export interface PageRequest {
  /** Page size. */
  first: number;
  /** Cursor: rows with a smaller seq (newest first). */
  afterSeq?: number;
  /** Paging backward (`last`/`before`): the `first` rows just before `beforeSeq` (larger seqs), or at the end of the list. */
  backward?: boolean;
  beforeSeq?: number;
}

export interface Page<T> {
  items: Array<{ seq: number; record: T }>;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** A page of `table`'s records (its `data`), with `column = value` for each filter whose value is given. */
export async function page<T>(db: Queryable, table: string, filters: Array<[column: string, value: unknown]>, req: PageRequest): Promise<Page<T>> {
  const cursor = req.backward ? req.beforeSeq : req.afterSeq;
  /** `what` of the filtered rows, those with `seq <op> cursor` when there is a cursor. */
  const select = (what: string, op: string, tail: (param: (value: unknown) => string) => string) => {
    const args: unknown[] = [];
    const param = (value: unknown) => `$${args.push(value)}`;
    const clauses = filters.filter(([, value]) => value !== undefined && value !== null).map(([column, value]) => `${column} = ${param(value)}`);
    if (cursor !== undefined) clauses.push(`seq ${op} ${param(cursor)}`);
    return db.query<{ seq: number; data: T }>(`SELECT ${what} FROM ${table} ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ${tail(param)}`, args);
  };
  // Newest first: forward walks down the seqs from `after`, backward up from `before` (then turned round).
  const rows = await select('seq, data', req.backward ? '>' : '<', (param) => `ORDER BY seq ${req.backward ? 'ASC' : 'DESC'} LIMIT ${param(req.first + 1)}`);
  const items = rows.slice(0, req.first).map((r) => ({ seq: Number(r.seq), record: r.data }));
  if (req.backward) items.reverse();
  // Whether anything lies on the cursor's other side (its own row included).
  const beyond = cursor !== undefined && (await select('seq', req.backward ? '<=' : '>=', () => 'LIMIT 1')).length > 0;
  const more = rows.length > req.first;
  return { items, hasNextPage: req.backward ? beyond : more, hasPreviousPage: req.backward ? more : beyond };
}

/** The ids that can be uuids: any other cannot name a row (and would fail the cast). */
export function uuids(ids: readonly string[]): string[] {
  return ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
}

export type RefKey = { provider: ProviderName; providerRef: string };

/** The records (`data`) of `table` whose provider and `column` are one of the keys, in one query. */
export async function byRefs<T>(db: Queryable, table: string, column: string, keys: readonly RefKey[], orderBy = ''): Promise<T[]> {
  if (keys.length === 0) return [];
  const rows = await db.query<{ data: T }>(`SELECT t.data FROM ${table} t JOIN unnest($1::text[], $2::text[]) AS k(provider, ref) ON t.provider = k.provider AND t.${column} = k.ref ${orderBy}`, [
    keys.map((k) => k.provider),
    keys.map((k) => k.providerRef),
  ]);
  return rows.map((r) => r.data);
}

/**
 * What the tables' modules share: lists read a page at a time, newest first, by keyset on
 * `seq` (a row's place in its table), and batch reads by lists of keys.
 */
import type { ProviderName } from '../domain/model.js';
import type { Queryable } from './db.js';

export interface PageRequest {
  first: number;
  /** Cursor: rows with a smaller seq (newest first). */
  afterSeq?: number;
}

export interface Page<T> {
  items: Array<{ seq: number; record: T }>;
  hasNextPage: boolean;
}

/** A page of `table`'s records (its `data`), with `column = value` for each filter whose value is given. */
export async function page<T>(db: Queryable, table: string, filters: Array<[column: string, value: unknown]>, req: PageRequest): Promise<Page<T>> {
  const clauses: string[] = [];
  const args: unknown[] = [];
  const where = (clause: (param: string) => string, value: unknown) => {
    args.push(value);
    clauses.push(clause(`$${args.length}`));
  };
  for (const [column, value] of filters) if (value !== undefined && value !== null) where((p) => `${column} = ${p}`, value);
  if (req.afterSeq !== undefined) where((p) => `seq < ${p}`, req.afterSeq);
  args.push(req.first + 1);
  const sql = `SELECT seq, data FROM ${table} ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${args.length}`;
  const rows = await db.query<{ seq: number; data: T }>(sql, args);
  return {
    items: rows.slice(0, req.first).map((r) => ({ seq: Number(r.seq), record: r.data })),
    hasNextPage: rows.length > req.first,
  };
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

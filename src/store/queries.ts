/**
 * What the tables' modules share: lists read a page at a time by keyset, newest first on
 * `seq` (a row's place in its table) or on a sort key with `seq` breaking ties, and batch
 * reads by lists of keys.
 */
import type { ProviderName } from '../domain/model.js';
import type { Queryable } from './db.js';

export interface PageRequest {
  first: number;
  /** Cursor: the page starts after the row with this seq (and, in a sorted list, `afterKey`). */
  afterSeq?: number;
  afterKey?: number;
  /** Paging backward (`last`/`before`): the `first` rows just before the cursor, or at the end of the list. */
  backward?: boolean;
  beforeSeq?: number;
  beforeKey?: number;
}

export interface Page<T> {
  /** `key`: the row's sort key, in a sorted list. */
  items: Array<{ seq: number; key?: number; record: T }>;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** A list's order: a sort key (a number a cursor can carry), then seq in the same direction. */
export interface Sort {
  column: string;
  /** SQL of the key as a number, and of a key parameter back as the column's type. */
  key: string;
  fromKey: (param: string) => string;
  descending: boolean;
}

/** Where a sorted page reads: `from` (tables and joins), the record's SQL, the seq column. */
export interface Source {
  from: string;
  record: string;
  seq: string;
}

/**
 * A page of records from `source` where every clause holds, by keyset on (sort key, seq):
 * rows that arrive meanwhile never shift a later page. Backward, the rows just before the
 * cursor are read walking the other way, then turned round.
 */
export async function sortedPage<T>(db: Queryable, source: Source, where: string[], args: unknown[], sort: Sort, req: PageRequest): Promise<Page<T>> {
  const { from, record, seq } = source;
  const [cursorSeq, cursorKey] = req.backward ? [req.beforeSeq, req.beforeKey] : [req.afterSeq, req.afterKey];
  const descending = sort.descending !== Boolean(req.backward);
  /** The clauses, plus `(key, seq) <op> cursor` when there is a cursor; each query its own arguments. */
  const select = (what: string, op: string, tail: (param: (v: unknown) => string) => string) => {
    const params = [...args];
    const param = (v: unknown) => `$${params.push(v)}`;
    const clauses = [...where];
    if (cursorSeq !== undefined && sort.column === seq) clauses.push(`${seq} ${op} ${param(cursorSeq)}`);
    else if (cursorSeq !== undefined && cursorKey !== undefined) {
      clauses.push(`(${sort.column}, ${seq}) ${op} (${sort.fromKey(param(cursorKey))}, ${param(cursorSeq)})`);
    }
    return db.query<{ seq: number; key: number; data: T }>(`SELECT ${what} FROM ${from} ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ${tail(param)}`, params, { planEachRun: true });
  };
  const dir = descending ? 'DESC' : 'ASC';
  const order = sort.column === seq ? `${seq} ${dir}` : `${sort.column} ${dir}, ${seq} ${dir}`;
  const rows = await select(`${seq} AS seq, ${sort.key} AS key, ${record} AS data`, descending ? '<' : '>', (param) => `ORDER BY ${order} LIMIT ${param(req.first + 1)}`);
  const items = rows.slice(0, req.first).map((r) => ({ seq: Number(r.seq), key: Number(r.key), record: r.data }));
  if (req.backward) items.reverse();
  // Whether anything lies on the cursor's other side (its own row included).
  const beyond = cursorSeq !== undefined && (await select('1', descending ? '>=' : '<=', () => 'LIMIT 1')).length > 0;
  const more = rows.length > req.first;
  return { items, hasNextPage: req.backward ? beyond : more, hasPreviousPage: req.backward ? more : beyond };
}

/** A page of `table`'s records (its `data`), newest first, with `column = value` for each filter whose value is given. */
export async function page<T>(db: Queryable, table: string, filters: Array<[column: string, value: unknown]>, req: PageRequest): Promise<Page<T>> {
  const args: unknown[] = [];
  const where = filters.filter(([, value]) => value !== undefined && value !== null).map(([column, value]) => `${column} = $${args.push(value)}`);
  const newest: Sort = { column: 'seq', key: 'seq', fromKey: (p) => p, descending: true };
  const { items, ...more } = await sortedPage<T>(db, { from: table, record: 'data', seq: 'seq' }, where, args, newest, req);
  return { items: items.map(({ seq, record }) => ({ seq, record })), ...more };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids that can be uuids: any other cannot name a row (and would fail the cast, and the batch with it). */
export function uuids(ids: readonly string[]): string[] {
  return ids.filter((id) => UUID.test(id));
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

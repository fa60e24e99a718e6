/** What the capabilities share to answer lists: pages (of the store or of a provider's list) and batch reads. */
import type { RefKey } from '../store/queries.js';
import type { Page, PageRequest } from '../store/queries.js';

export type { Page, PageRequest, RefKey };

export const refKey = (k: RefKey) => `${k.provider}:${k.providerRef}`;

/** Rows in the order of the keys asked for, null where there is none: what a DataLoader's batch returns. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOfKey: (k: K) => string, keyOfRow: (v: V) => string): Array<V | null> {
  const map = new Map(rows.map((r) => [keyOfRow(r), r]));
  return keys.map((k) => map.get(keyOfKey(k)) ?? null);
}

/** A page of a provider's list, where an item's place is its position; `fetch(limit)` gives the first `limit` items. */
export async function listPage<T>(req: PageRequest, fetch: (limit: number) => Promise<T[]>): Promise<Page<T>> {
  // Backward from the end of the list needs all of it; from `before`, what precedes it.
  const end = req.backward ? (req.beforeSeq ?? Number.POSITIVE_INFINITY) : undefined;
  const items = await fetch(end === undefined ? (req.afterSeq ?? -1) + 1 + req.first + 1 : end + 1);
  const stop = Math.min(end ?? Number.POSITIVE_INFINITY, items.length);
  const start = end === undefined ? (req.afterSeq ?? -1) + 1 : Math.max(0, stop - req.first);
  const last = end === undefined ? Math.min(start + req.first, items.length) : stop;
  return {
    items: items.slice(start, last).map((record, i) => ({ seq: start + i, record })),
    hasNextPage: items.length > last,
    hasPreviousPage: start > 0,
  };
}

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
  const start = (req.afterSeq ?? -1) + 1;
  const items = await fetch(start + req.first + 1);
  return {
    items: items.slice(start, start + req.first).map((record, i) => ({ seq: start + i, record })),
    hasNextPage: items.length > start + req.first,
  };
}

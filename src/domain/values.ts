/**
 * The values the gateway keeps and takes, as the store can hold them.
 * - Instants: years 1 to 9999 in UTC. PostgreSQL has no year 0 (1 BC), which ISO 8601 and
 *   JavaScript have; JavaScript writes a year past 9999 with a sign that neither PostgreSQL nor
 *   the DateTime scalar reads.
 * - Text: Unicode without NUL. PostgreSQL's text and jsonb refuse NUL characters and lone surrogates.
 * - JSON: nested at most MAX_DEPTH levels; PostgreSQL's JSON parser gives up deeper.
 */
import type { IsoDateTime } from './model.js';

export const INSTANTS = { first: '0001-01-01T00:00:00.000Z', last: '9999-12-31T23:59:59.999Z' } as const;
const FIRST_MS = Date.parse(INSTANTS.first);
const LAST_MS = Date.parse(INSTANTS.last);

/** Is `ms` since the epoch within INSTANTS? (NaN is not.) */
export function inInstants(ms: number): boolean {
  return ms >= FIRST_MS && ms <= LAST_MS;
}

/** `ms` since the epoch as an ISO instant; undefined when it is no date or outside INSTANTS. */
export function isoInstant(ms: number): IsoDateTime | undefined {
  return inInstants(ms) ? new Date(ms).toISOString() : undefined;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What keeps `s` out of the store ("contains a NUL character"), or undefined when it can be kept. */
export function badText(s: string): string | undefined {
  if (s.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(s)) return 'contains a lone surrogate (not valid Unicode)';
  return undefined;
}

/** No provider nests deeper than 2 (Exotel's `insights`); webhook routes' own wrapping adds a few. */
const MAX_DEPTH = 32;

/** Why `value` (JSON-like) cannot be stored, or undefined when it can. Iterative: depth is the input's to choose. */
export function unstorable(value: unknown): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      const bad = badText(v);
      if (bad) return `the payload ${bad}`;
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= MAX_DEPTH) return `the payload is nested more than ${MAX_DEPTH} levels deep`;
      for (const [k, item] of Object.entries(v)) stack.push([k, depth], [item, depth + 1]);
    }
  }
  return undefined;
}

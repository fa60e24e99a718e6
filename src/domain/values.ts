/**
 * The values the gateway keeps and takes, as the store can hold them.
 * - Instants: years 1 to 9999 in UTC. PostgreSQL has no year 0 (1 BC), which ISO 8601 and
 *   JavaScript have; JavaScript writes a year past 9999 with a sign that neither PostgreSQL nor
 *   the DateTime scalar reads.
 * - Text: Unicode without NUL. PostgreSQL's text and jsonb refuse NUL characters and lone surrogates.
 * - JSON: nested at most MAX_DEPTH levels; PostgreSQL's JSON parser gives up deeper.
 * - Whole numbers: at most MAX_INT, the largest GraphQL's Int and the store's int columns hold.
 */
import type { IsoDateTime } from './model.js';

export const INSTANTS = { first: '0001-01-01T00:00:00.000Z', last: '9999-12-31T23:59:59.999Z' } as const;
export const FIRST_MS = Date.parse(INSTANTS.first);
const LAST_MS = Date.parse(INSTANTS.last);

/** The largest number GraphQL's Int and the store's int columns hold. */
export const MAX_INT = 2 ** 31 - 1;

/**
 * UTC midnight of a calendar date, the year as written: Date.UTC and date strings read years
 * 0–99 as 1900–1999. An impossible date rolls over (30 February is 2 March): compare to refuse it.
 */
export function calendarDay(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

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

/** No provider nests deeper than 2 (Exotel's `insights`); webhook routes' own wrapping adds a few; no GraphQL input nests near it. */
const MAX_DEPTH = 32;

/** One value met in the walk, with what leads to it (to name its path only once something is found). */
interface Step {
  value: unknown;
  depth: number;
  key?: string;
  parent?: Step;
}

const pathOf = (step: Step): string => (step.parent ? `${pathOf(step.parent)}.${step.key}` : (step.key ?? ''));

/**
 * Where (a path from `name`: "input.delacon.businessName") and why (`contains a NUL character`,
 * `is nested more than 32 levels deep`) `value`, JSON-like, cannot be stored; undefined when it
 * can. Iterative: depth is the input's to choose.
 */
export function unstorableAt(value: unknown, name = ''): { at: string; why: string; tooDeep: boolean } | undefined {
  const stack: Step[] = [{ value, depth: 0, key: name }];
  while (stack.length) {
    const step = stack.pop()!;
    const v = step.value;
    if (typeof v === 'string') {
      const bad = badText(v);
      if (bad) return { at: pathOf(step), why: bad, tooDeep: false };
    } else if (typeof v === 'object' && v !== null) {
      if (step.depth >= MAX_DEPTH) return { at: pathOf(step), why: `is nested more than ${MAX_DEPTH} levels deep`, tooDeep: true };
      for (const [k, item] of Object.entries(v)) {
        const bad = badText(k);
        if (bad) return { at: `${pathOf(step)}.${k}`, why: bad, tooDeep: false };
        stack.push({ value: item, depth: step.depth + 1, key: k, parent: step });
      }
    }
  }
  return undefined;
}

/** Why `value` (JSON-like) cannot be stored ("the payload contains a NUL character"), or undefined when it can. */
export function unstorable(value: unknown): string | undefined {
  const found = unstorableAt(value);
  return found && `the payload ${found.why}`;
}

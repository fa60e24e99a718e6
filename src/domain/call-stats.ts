/**
 * Call statistics: what a row of `callStats` is, how its keys come from a call's facets, how
 * many time buckets a series has, and the caps on a request.
 */
import { UNANSWERED, type CallFacets, type CallFilter } from './calls.js';
import type { CallStatus, IsoDateTime, ProviderName } from './model.js';
import { calendarDay } from './values.js';

export const CALL_STATS_DIMENSIONS = ['PROVIDER', 'NUMBER', 'SERVICE', 'STATUS', 'SOURCE', 'CAMPAIGN', 'KEYWORDS', 'LANDING_PAGE', 'ALLOCATION'] as const;
export type CallStatsDimension = (typeof CALL_STATS_DIMENSIONS)[number];
export const CALL_STATS_INTERVALS = ['HOUR', 'DAY', 'WEEK', 'MONTH'] as const;
export type CallStatsInterval = (typeof CALL_STATS_INTERVALS)[number];

export const STATS_LIMITS = { dimensions: 3, buckets: 10_000, rows: 50_000 } as const;

export interface CallStatsQuery {
  filter: CallFilter;
  groupBy: CallStatsDimension[];
  /** A time series: one row per bucket (and key), empty buckets included. */
  interval?: CallStatsInterval;
  /** IANA name; buckets start at local midnight (weeks on Monday) in it. */
  timeZone: string;
}

/** A row's key: the value of each dimension grouped by (a service or allocation comes with its provider). */
export interface CallStatsKeys {
  provider?: ProviderName;
  number?: string;
  serviceRef?: string;
  status?: CallStatus;
  source?: string;
  campaign?: string;
  keywords?: string;
  landingPage?: string;
  allocationRef?: string;
}

export interface CallStatsRecord {
  keys: CallStatsKeys;
  bucketStart?: IsoDateTime;
  totalCalls: number;
  answeredCalls: number;
  missedCalls: number;
  /** Talk time of the answered calls. */
  totalDurationSeconds: number;
  firstTimeCallers: number;
  conversions: number;
}

/** The key fields of each dimension. */
const KEY_FIELDS: Record<CallStatsDimension, Array<keyof CallStatsKeys>> = {
  PROVIDER: ['provider'],
  NUMBER: ['number'],
  SERVICE: ['provider', 'serviceRef'],
  STATUS: ['status'],
  SOURCE: ['source'],
  CAMPAIGN: ['campaign'],
  KEYWORDS: ['keywords'],
  LANDING_PAGE: ['landingPage'],
  ALLOCATION: ['provider', 'allocationRef'],
};

/** The facet each key field is. */
export const KEY_FACET = {
  provider: 'provider',
  number: 'to',
  serviceRef: 'serviceRef',
  status: 'status',
  source: 'source',
  campaign: 'campaign',
  keywords: 'keywords',
  landingPage: 'landingPage',
  allocationRef: 'allocationRef',
} as const satisfies Record<keyof CallStatsKeys, keyof CallFacets>;

/** The key fields a grouping fills, each once. */
export function keyFields(groupBy: readonly CallStatsDimension[]): Array<keyof CallStatsKeys> {
  return [...new Set(groupBy.flatMap((d) => KEY_FIELDS[d]))];
}

/** The key of the row a call with these facets counts in; `fields`: the grouping's (keyFields). */
export function keysOf(c: CallFacets, fields: ReadonlyArray<keyof CallStatsKeys>): CallStatsKeys {
  // A loop, not Object.fromEntries: live statistics key every change, and a key built from
  // entries is a dictionary, several times slower to build and to write out.
  const keys: Record<string, string | undefined> = {};
  for (const f of fields) keys[f] = c[KEY_FACET[f]];
  return keys as CallStatsKeys;
}

export function isTimeZone(name: string): boolean {
  // IANA names only: PostgreSQL would also take abbreviations and POSIX specs ("UTC+5" is west).
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name) || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Local calendar date and wall-clock time of an instant in a time zone. */
function local(at: Date, timeZone: string): { y: number; m: number; d: number; minute: number; second: number } {
  // Building a format costs far more than using one: live statistics ask for every change.
  let format = formats.get(timeZone);
  if (!format) formats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', minute: 'numeric', second: 'numeric' })));
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return { y: parts.year!, m: parts.month!, d: parts.day!, minute: parts.minute!, second: parts.second! };
}

const DAY_MS = 86_400_000;

/** The instant the local hour of `at` started (every zone's offset is a multiple of 15 minutes). */
function hourStart(at: Date, timeZone: string): number {
  const l = local(at, timeZone);
  return at.getTime() - at.getUTCMilliseconds() - (l.minute * 60 + l.second) * 1000;
}

/** Local day number (days since 1970-01-01 on the local calendar). */
const dayNumber = (l: { y: number; m: number; d: number }) => calendarDay(l.y, l.m, l.d).getTime() / DAY_MS;

// Day 0 (1970-01-01) was a Thursday: Monday-based weeks start 3 days earlier.
const week = (day: number) => Math.floor((day + 3) / 7);

const QUARTER_MS = 900_000;
/** Since 1990 every zone's offset has been a multiple of 15 minutes, changed on a quarter hour. */
const QUARTERS_FROM = Date.UTC(1990, 0, 1);
const labels = new Map<string, string>();

/**
 * Which bucket an instant falls in, as a label equal for every instant of that bucket (SQL's
 * date_trunc in the zone). Every instant of a UTC quarter hour since QUARTERS_FROM is in the
 * same bucket: a quarter's label is kept (a zone's calendar costs tens of µs to consult; live
 * statistics ask for each change), a day's worth of quarters in each of a few zones.
 */
export function bucketLabel(at: Date, interval: CallStatsInterval, timeZone: string): string {
  const t = at.getTime();
  if (t < QUARTERS_FROM) return label(at, interval, timeZone);
  const quarter = Math.floor(t / QUARTER_MS);
  const key = `${interval} ${timeZone} ${quarter}`;
  let kept = labels.get(key);
  if (kept === undefined) {
    if (labels.size >= 10_000) labels.clear();
    labels.set(key, (kept = label(new Date(quarter * QUARTER_MS), interval, timeZone)));
  }
  return kept;
}

function label(at: Date, interval: CallStatsInterval, timeZone: string): string {
  if (interval === 'HOUR') return String(hourStart(at, timeZone));
  const l = local(at, timeZone);
  if (interval === 'MONTH') return `${l.y}-${l.m}`;
  return String(interval === 'DAY' ? dayNumber(l) : week(dayNumber(l)));
}

/** Counts a call's facets into a row (`sign` -1 takes them out); `first`: it is its caller's first call. */
export function countCall(row: CallStatsRecord, c: CallFacets, sign: 1 | -1, first: boolean): void {
  row.totalCalls += sign;
  if (c.status === 'ANSWERED') {
    row.answeredCalls += sign;
    row.totalDurationSeconds += sign * c.durationSeconds;
  }
  if (UNANSWERED.includes(c.status)) row.missedCalls += sign;
  if (first) row.firstTimeCallers += sign;
  if (c.sale) row.conversions += sign;
}

/**
 * How many buckets a series over [from, to) has in the time zone: local calendar days, weeks
 * (from Monday) and months; hours as they pass (a day with a DST change has 23 or 25).
 */
export function bucketCount(from: Date, to: Date, interval: CallStatsInterval, timeZone: string): number {
  if (to <= from) return 0;
  const last = new Date(to.getTime() - 1);
  if (interval === 'HOUR') return Math.floor((last.getTime() - hourStart(from, timeZone)) / 3_600_000) + 1;
  const [a, b] = [local(from, timeZone), local(last, timeZone)];
  if (interval === 'MONTH') return (b.y - a.y) * 12 + (b.m - a.m) + 1;
  const [dayA, dayB] = [dayNumber(a), dayNumber(b)];
  if (interval === 'DAY') return dayB - dayA + 1;
  return week(dayB) - week(dayA) + 1;
}

/** Why a statistics request cannot be run, naming its argument; undefined when it can. */
export function statsProblem(q: CallStatsQuery, now: Date): { argument: string; message: string } | undefined {
  if (q.groupBy.length > STATS_LIMITS.dimensions) return { argument: 'groupBy', message: `takes at most ${STATS_LIMITS.dimensions} dimensions (got ${q.groupBy.length})` };
  const twice = q.groupBy.find((d, i) => q.groupBy.indexOf(d) !== i);
  if (twice) return { argument: 'groupBy', message: `lists ${twice} twice` };
  if (!isTimeZone(q.timeZone)) return { argument: 'timeZone', message: `"${q.timeZone.slice(0, 64)}" is not an IANA time zone name (e.g. "Australia/Sydney", "UTC")` };
  if (!q.interval) return undefined;
  if (!q.filter.startedAfter) return { argument: 'filter.startedAfter', message: 'is required with interval: a time series needs its start' };
  const from = new Date(q.filter.startedAfter);
  const to = q.filter.startedBefore ? new Date(q.filter.startedBefore) : now;
  const count = bucketCount(from, to, q.interval, q.timeZone);
  if (count > STATS_LIMITS.buckets) {
    return { argument: 'interval', message: `${q.interval} from ${from.toISOString()} to ${to.toISOString()} makes ${count} buckets; at most ${STATS_LIMITS.buckets}` };
  }
  return undefined;
}

/**
 * Call statistics in SQL over `call_facets` (the same statements on PGlite and PostgreSQL):
 * rows per key and time bucket, and the rows of given keys and instants (what a change touched).
 */
import { keyFields, STATS_LIMITS, type CallStatsInterval, type CallStatsKeys, type CallStatsQuery, type CallStatsRecord } from '../domain/call-stats.js';
import { UNANSWERED } from '../domain/calls.js';
import type { IsoDateTime } from '../domain/model.js';
import { FIRST_MS, isoInstant } from '../domain/values.js';
import { facetsWhere } from './calls.js';
import type { Queryable } from './db.js';

const KEY_COLUMNS: Record<keyof CallStatsKeys, string> = {
  provider: 'provider',
  number: 'to_number',
  serviceRef: 'service_ref',
  status: 'status',
  source: 'source',
  campaign: 'campaign',
  keywords: 'keywords',
  landingPage: 'landing_page',
  allocationRef: 'allocation_ref',
};

/** The figures of the calls read as `f`. */
const FIGURES = `
  count(*)::int AS total_calls,
  count(*) FILTER (WHERE f.status = 'ANSWERED')::int AS answered_calls,
  count(*) FILTER (WHERE f.status = ANY('{${UNANSWERED.join(',')}}'::text[]))::int AS missed_calls,
  coalesce(sum(f.duration_seconds) FILTER (WHERE f.status = 'ANSWERED'), 0)::bigint AS total_duration_seconds,
  count(*) FILTER (WHERE f.first_call)::int AS first_time_callers,
  count(*) FILTER (WHERE f.sale)::int AS conversions`;

type Row = Record<string, unknown> & { snapshot?: string; bucket_start: Date | null; total_calls: number; answered_calls: number; missed_calls: number; total_duration_seconds: number | string; first_time_callers: number; conversions: number };

function record(row: Row, fields: Array<keyof CallStatsKeys>): CallStatsRecord {
  return {
    keys: Object.fromEntries(fields.map((f) => [f, row[KEY_COLUMNS[f]] ?? undefined])) as CallStatsKeys,
    // A first local day (week, month) that began in 1 BC is shown from the first instant the API writes.
    bucketStart: row.bucket_start ? isoInstant(Math.max(new Date(row.bucket_start).getTime(), FIRST_MS)) : undefined,
    totalCalls: row.total_calls,
    answeredCalls: row.answered_calls,
    missedCalls: row.missed_calls,
    totalDurationSeconds: Number(row.total_duration_seconds),
    firstTimeCallers: row.first_time_callers,
    conversions: row.conversions,
  };
}

/** The rows as records, and the snapshot the statement ran in (each row carries it). */
function asCounted(rows: Row[], fields: Array<keyof CallStatsKeys>): Counted {
  return { rows: rows.map((r) => record(r, fields)), snapshot: rows[0]?.snapshot === undefined ? undefined : parseSnapshot(rows[0].snapshot) };
}

/**
 * The statement's snapshot (READ COMMITTED: one per statement), as `pg_current_snapshot()`
 * writes it: `xmin:xmax:xip,…`. Which changes of calls a count includes (see visibleIn).
 */
const SNAPSHOT = 'pg_current_snapshot()::text AS snapshot';

/** A count's snapshot (SNAPSHOT), read once: its rows share it, and a change asks it of each row it touches. */
export interface Snapshot {
  xmin: bigint;
  xmax: bigint;
  inProgress: ReadonlySet<bigint>;
}

export function parseSnapshot(text: string): Snapshot {
  const [xmin, xmax, inProgress] = text.split(':');
  return { xmin: BigInt(xmin!), xmax: BigInt(xmax!), inProgress: new Set(inProgress ? inProgress.split(',').map(BigInt) : []) };
}

/**
 * A change's transaction as a number; none for a change without one (over Redis from an
 * instance that predates it), which no snapshot is taken to include.
 */
export function txidOf(txid: unknown): bigint | undefined {
  const text = String(txid);
  return /^\d+$/.test(text) ? BigInt(text) : undefined;
}

/** Rows as counted, and the snapshot they were counted in (none when there were no rows). */
export interface Counted {
  rows: CallStatsRecord[];
  snapshot?: Snapshot;
}

/**
 * Whether the transaction `txid` had committed in `snapshot` (pg_visible_in_snapshot), for a
 * transaction known to have committed: below xmin, or below xmax and not then in progress.
 */
export function visibleIn(snapshot: Snapshot, txid: bigint | undefined): boolean {
  if (txid === undefined) return false;
  return txid < snapshot.xmin || (txid < snapshot.xmax && !snapshot.inProgress.has(txid));
}

const UNIT: Record<CallStatsInterval, string> = { HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month' };

/**
 * The instants every bucket of [$from, $to) starts at, in the time zone `$tz` (date_trunc's
 * buckets: local midnight, Monday for weeks, the 1st for months). Candidates are instants that
 * hit every bucket once truncated: each local day's noon for days, weeks and months (a local
 * calendar, so DST days of 23 or 25 hours stay one bucket each); every quarter hour for hours
 * (every zone's offset is a multiple of 15 minutes, so a repeated or skipped local hour is seen
 * as it happens).
 */
function bucketStarts(interval: CallStatsInterval, from: string, to: string, tz: string): string {
  const unit = `'${UNIT[interval]}'`;
  const candidates =
    interval === 'HOUR'
      ? `SELECT g FROM generate_series(date_trunc('hour', ${from}), ${to}, interval '15 minutes') g`
      : `SELECT (d + interval '12 hours') AT TIME ZONE ${tz} AS g
         FROM generate_series((${from} AT TIME ZONE ${tz})::date::timestamp, (${to} AT TIME ZONE ${tz})::date::timestamp + interval '6 days', interval '${interval === 'DAY' ? '1 day' : '7 days'}') d`;
  return `SELECT array_agg(b ORDER BY b) AS starts FROM (
    SELECT DISTINCT date_trunc(${unit}, c.g, ${tz}) AS b FROM (${candidates}) c) x
    WHERE b >= date_trunc(${unit}, ${from}, ${tz}) AND b < ${to}`;
}

/** Where the bucket starting at `lo` ends: the next local period's start, or an hour later. */
function bucketEnd(interval: CallStatsInterval, lo: string, tz: string): string {
  if (interval === 'HOUR') return `${lo} + interval '1 hour'`;
  const next = `date_trunc('day', ${lo} AT TIME ZONE ${tz}) + interval '1 ${UNIT[interval]}' + interval '12 hours'`;
  return `date_trunc('${UNIT[interval]}', (${next}) AT TIME ZONE ${tz}, ${tz})`;
}

export class CallStatsStore {
  constructor(private readonly db: Queryable) {}

  /** Does the engine's tzdata have this zone? */
  async knowsTimeZone(name: string): Promise<boolean> {
    const [row] = await this.db.query<{ known: boolean }>('SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1) AS known', [name]);
    return row!.known;
  }

  /**
   * Every row of the query: one per key (and bucket); with an interval, each key seen in the
   * range gets every bucket of [startedAfter, startedBefore ?? now), empty ones as zeros. At
   * most STATS_LIMITS.rows + 1 rows (so a caller can tell there were more).
   */
  async rows(q: CallStatsQuery, now: Date): Promise<CallStatsRecord[]> {
    if (!q.interval) return (await this.counted(q)).rows;
    const fields = keyFields(q.groupBy);
    const columns = fields.map((f) => KEY_COLUMNS[f]);
    // A series ends now unless it says otherwise: its empty buckets need an end.
    const filter = { ...q.filter, startedBefore: q.filter.startedBefore ?? now.toISOString() };
    const { args, whereSql } = this.where({ ...q, filter });
    const from = `$${args.push(filter.startedAfter)}::timestamptz`;
    const to = `$${args.push(filter.startedBefore)}::timestamptz`;
    const keyed = (alias: string) => columns.map((c) => `${alias}.${c}`);
    const rows = await this.db.query<Row>(
      `WITH buckets AS (${bucketStarts(q.interval, from, to, '$1')}),
       figures AS (
         SELECT ${[...keyed('f'), ''].join(', ')} width_bucket(f.started_at, (SELECT starts FROM buckets)) AS i, ${FIGURES}
         FROM call_facets f ${whereSql} GROUP BY ${[...keyed('f'), 'i'].join(', ')}),
       keys AS (SELECT DISTINCT ${columns.length ? keyed('figures').join(', ') : '1'} FROM ${columns.length ? 'figures' : '(SELECT 1) one'})
       SELECT ${[...keyed('keys'), ''].join(', ')} b.start AS bucket_start,
         coalesce(a.total_calls, 0) AS total_calls, coalesce(a.answered_calls, 0) AS answered_calls, coalesce(a.missed_calls, 0) AS missed_calls,
         coalesce(a.total_duration_seconds, 0) AS total_duration_seconds, coalesce(a.first_time_callers, 0) AS first_time_callers, coalesce(a.conversions, 0) AS conversions
       FROM keys CROSS JOIN unnest((SELECT starts FROM buckets)) WITH ORDINALITY AS b(start, i)
       LEFT JOIN figures a ON a.i = b.i ${columns.map((c) => `AND a.${c} IS NOT DISTINCT FROM keys.${c}`).join(' ')}
       ORDER BY ${[...keyed('keys'), 'b.i'].join(', ')} LIMIT ${STATS_LIMITS.rows + 1}`,
      args,
      { planEachRun: true },
    );
    return rows.map((r) => record(r, fields));
  }

  /**
   * The rows that have calls (a series' empty buckets left out: what live statistics start
   * from, and count into as calls change, so with no end but the filter's), at most
   * STATS_LIMITS.rows + 1, and the snapshot they were counted in.
   */
  async counted(q: CallStatsQuery): Promise<Counted> {
    const fields = keyFields(q.groupBy);
    const keys = fields.map((f) => `f.${KEY_COLUMNS[f]}`);
    const { args, whereSql } = this.where(q);
    const grouped = [...keys, ...(q.interval ? ['bucket_start'] : [])].join(', ');
    const rows = await this.db.query<Row>(
      `SELECT ${[...keys, ''].join(', ')}${q.interval ? `date_trunc('${UNIT[q.interval]}', f.started_at, $1)` : 'NULL::timestamptz'} AS bucket_start, ${FIGURES}, ${SNAPSHOT}
       FROM call_facets f ${whereSql} ${grouped ? `GROUP BY ${grouped} ORDER BY ${grouped}` : ''} LIMIT ${STATS_LIMITS.rows + 1}`,
      args,
      { planEachRun: true },
    );
    return asCounted(rows, fields);
  }

  /** The query's filter as clauses; $1 is the time zone where buckets need it. */
  private where(q: CallStatsQuery) {
    // A parameter the statement does not use is refused: the zone only with an interval.
    const args: unknown[] = q.interval ? [q.timeZone] : [];
    const where = facetsWhere(q.filter, args);
    return { args, whereSql: where.length ? `WHERE ${where.join(' AND ')}` : '' };
  }

  /**
   * The rows of these keys at these instants (each instant's bucket, or the whole filter
   * without an interval): what a change of calls touched. One row per distinct target, zeros
   * included (a row the change emptied).
   */
  async rowsAt(q: CallStatsQuery, targets: Array<{ keys: CallStatsKeys; at: IsoDateTime }>): Promise<Counted> {
    if (targets.length === 0) return { rows: [] };
    const fields = keyFields(q.groupBy);
    const args: unknown[] = q.interval ? [q.timeZone] : [];
    const lists = fields.map((f) => `$${args.push(targets.map((t) => t.keys[f] ?? null))}::text[]`);
    const at = `$${args.push(targets.map((t) => t.at))}::timestamptz[]`;
    const names = [...fields.map((f) => KEY_COLUMNS[f]), 'at'];
    const lo = q.interval ? `date_trunc('${UNIT[q.interval]}', t.at, $1)` : 'NULL::timestamptz';
    const where = [
      ...fields.map((f) => `f.${KEY_COLUMNS[f]} IS NOT DISTINCT FROM t.${KEY_COLUMNS[f]}`),
      ...(q.interval ? [`f.started_at >= t.bucket_start`, `f.started_at < ${bucketEnd(q.interval, 't.bucket_start', '$1')}`] : []),
      ...facetsWhere(q.filter, args),
    ];
    const rows = await this.db.query<Row>(
      `SELECT t.*, a.*, ${SNAPSHOT} FROM (
         SELECT DISTINCT ${fields.map((f) => `t.${KEY_COLUMNS[f]}`).concat(`${lo} AS bucket_start`).join(', ')}
         FROM unnest(${[...lists, at].join(', ')}) AS t(${names.join(', ')})) t
       CROSS JOIN LATERAL (SELECT ${FIGURES} FROM call_facets f WHERE ${where.join(' AND ')}) a`,
      args,
      { planEachRun: true },
    );
    return asCounted(rows, fields);
  }
}

/**
 * Call statistics: one request's rows (computed by the store in SQL), and live rows for
 * subscribers. Subscribers with the same arguments, whatever their documents or transports,
 * share one group. A group keeps its rows in memory (one SQL query when it starts) and counts
 * each change of a call into them, its version before out and after in, with no SQL; only a
 * row not known yet (a new key or bucket) is counted in SQL. Changes are gathered for a short
 * while (COALESCE_MS), at most one push a PUSH_INTERVAL_MS, and the rows they touched go to
 * every member at once.
 *
 * A change reaches us after its commit, but not always before a count that includes it (the
 * store answers a turn's statements together; another instance's change comes over Redis).
 * So each count carries its snapshot and each change its transaction: a change is counted
 * into a row only if the row's snapshot does not include it.
 */
import { bucketLabel, countCall, keyFields, keysOf, STATS_LIMITS, statsProblem, type CallStatsKeys, type CallStatsQuery, type CallStatsRecord } from '../domain/call-stats.js';
import { callFacets, facetsMatch, type CallChange, type CallFacets } from '../domain/calls.js';
import { ErrorCode, GatewayError } from '../errors.js';
import { callStatsComputations, callStatsCounts } from '../observability/metrics.js';
import { Topic, type Bus } from '../pubsub/bus.js';
import { txidOf, visibleIn, type Counted, type Snapshot } from '../store/call-stats.js';
import type { Store } from '../store/store.js';
import { checkFilter } from './calls.js';

/** How long changes are gathered before a group's rows are computed and sent. */
export const COALESCE_MS = 100;
/**
 * A group pushes at most once in this long: under steady traffic each push to each subscriber
 * costs more than counting the changes (at 100 calls/s, ten pushes a second to 100 dashboards
 * doubled the CPU per call), and a dashboard shows no more than this.
 */
export const PUSH_INTERVAL_MS = 1_000;

type Target = { keys: CallStatsKeys; at: string };

/** One version of a call counted into (sign 1) or out of (-1) a row; only its first-call mark unless `whole`. */
interface Delta {
  id: string;
  facets: CallFacets;
  sign: -1 | 1;
  whole: boolean;
  first: boolean;
  txid: bigint | undefined;
}

/** A row in memory and the snapshot its count started from. */
interface Known {
  row: CallStatsRecord;
  snapshot: Snapshot;
}

interface Group {
  key: string;
  query: CallStatsQuery;
  /** The grouping's key fields (keyFields). */
  fields: Array<keyof CallStatsKeys>;
  members: Set<(rows: CallStatsRecord[]) => void>;
  /** The rows known in memory, by rowId. */
  rows: Map<string, Known>;
  /** The deltas since the oldest count still running (whose snapshot is not known yet). */
  log: Delta[];
  /** Counts running, each with the length of the log when it began. */
  counting: Set<{ from: number }>;
  /** Rows touched since the last push, by rowId. */
  pending: Map<string, Target>;
  timer?: NodeJS.Timeout;
  /** When the last push began (performance.now()). */
  pushedAt: number;
}

function apply(row: CallStatsRecord, d: Delta): void {
  if (d.whole) countCall(row, d.facets, d.sign, d.first);
  else row.firstTimeCallers += d.sign;
}

/**
 * A row's identity: its bucket (any instant in it) and its keys, each written as JSON (so one
 * key's value cannot run into the next's; a missing one is `undefined`). Every change asks it
 * of every group: a JSON array of the keys object cost ~3 times as much.
 */
function rowId({ query: q, fields }: Group, keys: CallStatsKeys, at: string | undefined): string {
  let id = q.interval && at ? bucketLabel(new Date(at), q.interval, q.timeZone) : '';
  for (const f of fields) id += `,${JSON.stringify(keys[f])}`;
  return id;
}

/** The arguments as a key: the same arguments written in any order share a group. */
function groupKey(q: CallStatsQuery): string {
  const filter = Object.entries(q.filter).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([filter, [...q.groupBy].sort(), q.interval ?? null, q.timeZone]);
}

export class CallStats {
  private readonly groups = new Map<string, Group>();
  private unlisten?: () => void;
  /** Groups are seeded one after another (see seed). */
  private seeds: Promise<void> = Promise.resolve();
  /** Whether the store knows each time zone asked for (zoneProblem). */
  private readonly zones = new Map<string, Promise<boolean>>();

  constructor(
    private readonly store: Store,
    private readonly bus: Bus,
  ) {}

  /** Refuses what cannot be run with BAD_USER_INPUT naming the argument. */
  async check(q: CallStatsQuery): Promise<void> {
    checkFilter(q.filter);
    const problem = statsProblem(q, new Date()) ?? (await this.zoneProblem(q.timeZone));
    if (problem) throw new GatewayError(ErrorCode.BAD_USER_INPUT, `${problem.argument} ${problem.message}`);
  }

  /**
   * A zone Node takes (statsProblem) may be one the store's tzdata dropped ("US/Pacific-New"):
   * each name is asked of the store once. Names Node takes are a few hundred, so they are kept.
   */
  private async zoneProblem(timeZone: string): Promise<{ argument: string; message: string } | undefined> {
    let known = this.zones.get(timeZone);
    if (!known) {
      this.zones.set(timeZone, (known = this.store.callStats.knowsTimeZone(timeZone)));
      known.catch(() => this.zones.delete(timeZone));
    }
    return (await known) ? undefined : { argument: 'timeZone', message: `"${timeZone}" is not a time zone the store knows (e.g. "Australia/Sydney", "UTC")` };
  }

  async rows(q: CallStatsQuery): Promise<CallStatsRecord[]> {
    await this.check(q);
    const rows = await this.store.callStats.rows(q, new Date());
    if (rows.length > STATS_LIMITS.rows) throw new GatewayError(ErrorCode.BAD_USER_INPUT, `groupBy makes more than ${STATS_LIMITS.rows} rows: narrow the filter, or group by less`);
    return rows;
  }

  /** The rows each change of a call alters, as they change; ends when the caller returns. */
  async live(q: CallStatsQuery): Promise<AsyncIterableIterator<CallStatsRecord[]>> {
    await this.check(q);
    const key = groupKey(q);
    let group = this.groups.get(key);
    if (!group) {
      const fresh: Group = { key, query: q, fields: keyFields(q.groupBy), members: new Set(), rows: new Map(), log: [], counting: new Set(), pending: new Map(), pushedAt: -Infinity };
      this.groups.set(key, (group = fresh));
      this.listen();
      this.seeds = this.seeds.then(() => this.seed(fresh));
    }
    const queue: CallStatsRecord[][] = [];
    let wake: ((r: IteratorResult<CallStatsRecord[]>) => void) | undefined;
    const member = (rows: CallStatsRecord[]) => {
      if (wake) wake({ done: false, value: rows });
      else queue.push(rows);
      wake = undefined;
    };
    group.members.add(member);
    const joined = group;
    const leave = (): Promise<IteratorResult<CallStatsRecord[]>> => {
      joined.members.delete(member);
      if (joined.members.size === 0 && this.groups.get(key) === joined) {
        clearTimeout(joined.timer);
        this.groups.delete(key);
      }
      if (this.groups.size === 0) this.stopListening();
      wake?.({ done: true, value: undefined });
      return Promise.resolve({ done: true, value: undefined });
    };
    const rows: AsyncIterableIterator<CallStatsRecord[]> = {
      next: () => {
        const next = queue.shift();
        if (next) return Promise.resolve({ done: false, value: next });
        if (!joined.members.has(member)) return Promise.resolve({ done: true, value: undefined });
        return new Promise((resolve) => (wake = resolve));
      },
      return: leave,
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    return rows;
  }

  /** One bus listener for every group, while there are groups. */
  private listen(): void {
    this.unlisten ??= this.bus.listen(Topic.CALL_CHANGED, (change) => {
      try {
        this.apply(change);
      } catch {
        // It runs inside the publisher's call: a change it cannot count (a payload from another
        // version over Redis) must not fail it. Every row is counted in SQL again when touched.
        for (const group of this.groups.values()) group.rows.clear();
      }
    });
  }

  private stopListening(): void {
    this.unlisten?.();
    this.unlisten = undefined;
  }

  /**
   * The group's rows from one query. One group at a time, each after a turn of the event loop: the
   * embedded store's queries run on this thread and back to back they never yield to it, so a
   * hundred subscribers seeding ten groups together held it for seconds, and sockets opened
   * meanwhile were closed uninitialised (4408).
   */
  private async seed(group: Group): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.groups.get(group.key) !== group) return;
    try {
      await this.counted(group, 'seed', (query) => this.store.callStats.counted(query));
    } catch {
      // The store is unreachable: the group's rows stay unknown, each counted in SQL as it changes.
    }
  }

  /**
   * Runs a count for the group and keeps its rows, each with the deltas that reached us while
   * it ran and that its snapshot does not include. Returns the rows as they now stand.
   */
  private async counted(group: Group, kind: 'seed' | 'rows', count: (q: CallStatsQuery) => Promise<Counted>): Promise<CallStatsRecord[]> {
    const running = { from: group.log.length };
    group.counting.add(running);
    try {
      const { rows, snapshot } = await count(group.query);
      callStatsCounts.inc({ kind });
      // By row: a seed's thousands of rows each look up their own deltas, not scan them all.
      const since = new Map<string, Delta[]>();
      for (const d of group.log.slice(running.from)) {
        const mine = since.get(d.id);
        if (mine) mine.push(d);
        else since.set(d.id, [d]);
      }
      return rows.map((row) => {
        const id = rowId(group, row.keys, row.bucketStart);
        for (const d of since.get(id) ?? []) if (!visibleIn(snapshot!, d.txid)) apply(row, d);
        group.rows.set(id, { row, snapshot: snapshot! });
        return { ...row };
      });
    } finally {
      group.counting.delete(running);
      if (group.counting.size === 0) group.log = [];
    }
  }

  /** Counts the call's change into each group: its version before out, after in, and the first-call marks it moved. */
  private apply({ call, previous, txid: text, first, marks }: CallChange): void {
    const txid = txidOf(text);
    const before = previous && callFacets(previous);
    const after = callFacets(call);
    const moved = marks.map((m) => ({ facets: callFacets(m.call), sign: m.sign }));
    for (const group of this.groups.values()) {
      if (before) this.count(group, before, -1, first.was, txid);
      this.count(group, after, 1, first.is, txid);
      for (const m of moved) this.count(group, m.facets, m.sign, true, txid, false);
    }
  }

  /** Counts a call's facets (or only its first-call mark) into the group's row, unless its count includes them already; pushed after COALESCE_MS. */
  private count(group: Group, facets: CallFacets, sign: -1 | 1, first: boolean, txid: bigint | undefined, whole = true): void {
    const { query } = group;
    if (!facetsMatch(facets, query.filter)) return;
    const keys = keysOf(facets, group.fields);
    const id = rowId(group, keys, facets.startedAt);
    group.pending.set(id, { keys, at: facets.startedAt });
    const delta = { id, facets, sign, whole, first, txid };
    if (group.counting.size) group.log.push(delta);
    const known = group.rows.get(id);
    if (known && !visibleIn(known.snapshot, txid)) apply(known.row, delta);
    this.schedule(group);
  }

  /** The group's next push: COALESCE_MS from now, and PUSH_INTERVAL_MS after the last. */
  private schedule(group: Group): void {
    group.timer ??= setTimeout(() => void this.compute(group), Math.max(COALESCE_MS, group.pushedAt + PUSH_INTERVAL_MS - performance.now()));
  }

  /** Sends the touched rows: those known from memory, the others counted in SQL (and known from then on). */
  private async compute(group: Group): Promise<void> {
    group.pushedAt = performance.now();
    const touched = [...group.pending];
    group.pending.clear();
    const known = touched.flatMap(([id]) => {
      const k = group.rows.get(id);
      return k ? [{ ...k.row }] : [];
    });
    const unknown = touched.filter(([id]) => !group.rows.has(id)).map(([, t]) => t);
    callStatsComputations.inc();
    try {
      const counted = unknown.length ? await this.counted(group, 'rows', (query) => this.store.callStats.rowsAt(query, unknown)) : [];
      const rows = [...known, ...counted];
      for (const member of group.members) member(rows);
    } catch {
      // The store is unreachable: the next change sends its rows afresh.
    } finally {
      group.timer = undefined;
      if (group.pending.size && this.groups.get(group.key) === group) this.schedule(group);
    }
  }
}

/**
 * Call statistics: one request's rows (computed by the store in SQL), and live rows for
 * subscribers. Subscribers with the same arguments, whatever their documents or transports,
 * share one group. A group keeps its rows in memory (one SQL query when it starts) and counts
 * each change of a call into them, its version before out and after in, with no SQL; only a
 * row not known yet (a new key or bucket) is counted in SQL. Changes are gathered for a short
 * while (COALESCE_MS) and the rows they touched go to every member at once.
 */
import { bucketLabel, countCall, keysOf, STATS_LIMITS, statsProblem, type CallStatsKeys, type CallStatsQuery, type CallStatsRecord } from '../domain/call-stats.js';
import { callFacets, facetsMatch, type CallFacets } from '../domain/calls.js';
import { ErrorCode, GatewayError } from '../errors.js';
import { callStatsComputations } from '../observability/metrics.js';
import { Topic, type Bus, type CallChange } from '../pubsub/bus.js';
import type { Store } from '../store/store.js';
import { checkFilter } from './calls.js';

/** How long changes are gathered before a group's rows are computed and sent. */
export const COALESCE_MS = 100;

type Target = { keys: CallStatsKeys; at: string };

interface Group {
  key: string;
  query: CallStatsQuery;
  members: Set<(rows: CallStatsRecord[]) => void>;
  /** The rows known in memory, by rowId; none until the first query has answered. */
  rows?: Map<string, CallStatsRecord>;
  /** Rows touched while the first query ran: it may or may not have seen the change, so they are recounted in SQL. */
  seeding?: Set<string>;
  /** Rows touched since the last push, by rowId. */
  pending: Map<string, Target>;
  timer?: NodeJS.Timeout;
}

/** A row's identity: its keys and its bucket (any instant in it). */
function rowId(q: CallStatsQuery, keys: CallStatsKeys, at: string | undefined): string {
  return JSON.stringify([keys, q.interval && at ? bucketLabel(new Date(at), q.interval, q.timeZone) : '']);
}

/** The arguments as a key: the same arguments written in any order share a group. */
function groupKey(q: CallStatsQuery): string {
  const filter = Object.entries(q.filter).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([filter, [...q.groupBy].sort(), q.interval ?? null, q.timeZone]);
}

export class CallStats {
  private readonly groups = new Map<string, Group>();
  private changes?: AsyncIterator<CallChange>;
  /** Each caller's first call (firstTimeCallers), while there are groups; loaded once, then kept by the changes. */
  private callers?: Map<string, { id: string; startedAt: number }>;
  private callersLoaded?: Promise<void>;
  /** Groups are seeded one after another (see seed). */
  private seeds: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly bus: Bus,
  ) {}

  /** Refuses what cannot be run with BAD_USER_INPUT naming the argument. */
  check(q: CallStatsQuery): void {
    checkFilter(q.filter);
    const problem = statsProblem(q, new Date());
    if (problem) throw new GatewayError(ErrorCode.BAD_USER_INPUT, `${problem.argument} ${problem.message}`);
  }

  async rows(q: CallStatsQuery): Promise<CallStatsRecord[]> {
    this.check(q);
    const rows = await this.store.callStats.rows(q, new Date());
    if (rows.length > STATS_LIMITS.rows) throw new GatewayError(ErrorCode.BAD_USER_INPUT, `groupBy makes more than ${STATS_LIMITS.rows} rows: narrow the filter, or group by less`);
    return rows;
  }

  /** The rows each change of a call alters, as they change; ends when the caller returns. */
  live(q: CallStatsQuery): AsyncIterableIterator<CallStatsRecord[]> {
    this.check(q);
    const key = groupKey(q);
    let group = this.groups.get(key);
    if (!group) {
      const fresh: Group = { key, query: q, members: new Set(), pending: new Map() };
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
      if (this.groups.size === 0) void this.stopListening();
      wake?.({ done: true, value: undefined });
      return Promise.resolve({ done: true, value: undefined });
    };
    return {
      next: () => {
        const rows = queue.shift();
        if (rows) return Promise.resolve({ done: false, value: rows });
        if (!joined.members.has(member)) return Promise.resolve({ done: true, value: undefined });
        return new Promise((resolve) => (wake = resolve));
      },
      return: leave,
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** One bus listener for every group, while there are groups. */
  private listen(): void {
    if (this.changes) return;
    const changes = (this.changes = this.bus.pubSub.subscribe(Topic.CALL_CHANGED)[Symbol.asyncIterator]());
    void (async () => {
      for (let c = await changes.next(); !c.done; c = await changes.next()) this.apply(c.value);
    })();
  }

  private async stopListening(): Promise<void> {
    const changes = this.changes;
    this.changes = undefined;
    this.callers = this.callersLoaded = undefined;
    await changes?.return?.();
  }

  /**
   * The group's rows from one query (a series' empty buckets left out: a row not seeded is
   * counted in SQL when first touched), once the callers are known (its later changes count
   * firstTimeCallers from them). One group at a time, each after a turn of the event loop: the
   * embedded store's queries run on this thread and back to back they never yield to it, so a
   * hundred subscribers seeding ten groups together held it for seconds, and sockets opened
   * meanwhile were closed uninitialised (4408).
   */
  private async seed(group: Group): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.groups.get(group.key) !== group) return;
    group.seeding = new Set();
    try {
      await (this.callersLoaded ??= this.loadCallers());
      await new Promise((resolve) => setImmediate(resolve));
      const rows = new Map((await this.store.callStats.rows(group.query, new Date(), { emptyBuckets: false })).map((r) => [rowId(group.query, r.keys, r.bucketStart), r]));
      // A call written before the query's snapshot can be announced just after its answer (the
      // store's thread sends the answers of one turn together): a turn more, so that its row is
      // taken as touched meanwhile (counted in SQL) rather than counted twice.
      await new Promise((resolve) => setImmediate(resolve));
      for (const id of group.seeding) rows.delete(id);
      group.rows = rows;
    } catch {
      // The store is unreachable: the group's rows stay unknown, each counted in SQL as it changes.
      this.callersLoaded = undefined;
    } finally {
      group.seeding = undefined;
    }
  }

  /** The store's first calls, merged with what changes said meanwhile: the earlier start wins (the stored call on a tie, as its seq is lower). */
  private async loadCallers(): Promise<void> {
    const live = (this.callers = new Map());
    const stored = await this.store.callStats.firstCalls();
    for (const [from, first] of live) {
      const had = stored.get(from);
      if (!had || had.id === first.id || first.startedAt < had.startedAt) stored.set(from, first);
    }
    if (this.callers === live) this.callers = stored;
  }

  /**
   * Whether the call was and is its caller's first, keeping the callers current; `displaced`:
   * the call that was the first until this one. Approximate where the store is exact: a first
   * call whose start moves later, or whose caller changes, stays the first here.
   */
  private firstness(id: string, before: CallFacets | undefined, after: CallFacets): { wasFirst: boolean; isFirst: boolean; displaced?: string } {
    const callers = this.callers;
    if (!callers) return { wasFirst: false, isFirst: false };
    const wasFirst = Boolean(before?.from && callers.get(before.from)?.id === id);
    let displaced: string | undefined;
    if (after.from) {
      const at = Date.parse(after.startedAt);
      const first = callers.get(after.from);
      if (!first || first.id === id || at < first.startedAt) {
        if (first && first.id !== id) displaced = first.id;
        callers.set(after.from, { id, startedAt: at });
      }
    }
    return { wasFirst, isFirst: Boolean(after.from && callers.get(after.from)?.id === id), displaced };
  }

  /** Counts the call's change into each group: its version before out, after in. */
  private apply({ call, previous }: CallChange): void {
    const before = previous && callFacets(previous);
    const after = callFacets(call);
    const { wasFirst, isFirst, displaced } = this.firstness(call.id, before, after);
    for (const group of this.groups.values()) {
      if (before) this.count(group, before, -1, wasFirst);
      this.count(group, after, 1, isFirst);
    }
    if (displaced) void this.unfirst(displaced);
  }

  /** A call that is no longer its caller's first leaves firstTimeCallers of its row. */
  private async unfirst(id: string): Promise<void> {
    const [call] = await this.store.calls.byIds([id]).catch(() => []);
    if (!call) return;
    for (const group of this.groups.values()) this.count(group, callFacets(call), 0, true);
  }

  /** Counts a call's facets into the group's row (sign 0: only its first-call mark out), to be pushed after COALESCE_MS. */
  private count(group: Group, f: CallFacets, sign: -1 | 0 | 1, first: boolean): void {
    const { query } = group;
    if (!facetsMatch(f, query.filter)) return;
    const keys = keysOf(f, query.groupBy);
    const id = rowId(query, keys, f.startedAt);
    group.pending.set(id, { keys, at: f.startedAt });
    group.seeding?.add(id);
    const row = group.rows?.get(id);
    if (row && sign) countCall(row, f, sign, first);
    else if (row && first) row.firstTimeCallers--;
    group.timer ??= setTimeout(() => void this.compute(group), COALESCE_MS);
  }

  /** Sends the touched rows: those known from memory, the others counted in SQL (and known from then on). */
  private async compute(group: Group): Promise<void> {
    const touched = [...group.pending];
    group.pending.clear();
    const known = touched.flatMap(([id]) => {
      const row = group.rows?.get(id);
      return row ? [{ ...row }] : [];
    });
    const unknown = touched.filter(([id]) => !group.rows?.has(id)).map(([, t]) => t);
    callStatsComputations.inc();
    try {
      const counted = unknown.length ? await this.store.callStats.rowsAt(group.query, unknown) : [];
      for (const r of counted) {
        const id = rowId(group.query, r.keys, r.bucketStart);
        // A row changed again while it was counted may miss that change: it stays unknown.
        if (!group.pending.has(id)) group.rows?.set(id, { ...r });
      }
      const rows = [...known, ...counted];
      for (const member of group.members) member(rows);
    } catch {
      // The store is unreachable: the next change sends its rows afresh.
    } finally {
      group.timer = undefined;
      if (group.pending.size && this.groups.get(group.key) === group) group.timer = setTimeout(() => void this.compute(group), COALESCE_MS);
    }
  }
}

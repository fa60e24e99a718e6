/**
 * Call statistics: one request's rows (computed by the store in SQL), and live rows for
 * subscribers. Subscribers with the same arguments, whatever their documents or transports,
 * share one group. Changes are gathered for a short while (COALESCE_MS) and each group that
 * they touch runs one computation for all of them, whose rows go to every member: under a
 * stream of webhooks a dashboard costs a query per group and window, not per call.
 */
import { keysOf, STATS_LIMITS, statsProblem, type CallStatsKeys, type CallStatsQuery, type CallStatsRecord } from '../domain/call-stats.js';
import { callFacets, facetsMatch } from '../domain/calls.js';
import { ErrorCode, GatewayError } from '../errors.js';
import { callStatsComputations } from '../observability/metrics.js';
import { Topic, type Bus, type CallChange } from '../pubsub/bus.js';
import type { Store } from '../store/store.js';
import { checkFilter } from './calls.js';

/** How long changes are gathered before a group's rows are computed and sent. */
export const COALESCE_MS = 100;

type Target = { keys: CallStatsKeys; at: string };

interface Group {
  query: CallStatsQuery;
  members: Set<(rows: CallStatsRecord[]) => void>;
  /** Rows touched since the last computation, by key and bucket instant. */
  pending: Map<string, Target>;
  timer?: NodeJS.Timeout;
}

/** The arguments as a key: the same arguments written in any order share a group. */
function groupKey(q: CallStatsQuery): string {
  const filter = Object.entries(q.filter).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([filter, [...q.groupBy].sort(), q.interval ?? null, q.timeZone]);
}

export class CallStats {
  private readonly groups = new Map<string, Group>();
  private changes?: AsyncIterator<CallChange>;

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
    if (!group) this.groups.set(key, (group = { query: q, members: new Set(), pending: new Map() }));
    const queue: CallStatsRecord[][] = [];
    let wake: ((r: IteratorResult<CallStatsRecord[]>) => void) | undefined;
    const member = (rows: CallStatsRecord[]) => {
      if (wake) wake({ done: false, value: rows });
      else queue.push(rows);
      wake = undefined;
    };
    group.members.add(member);
    this.listen();
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
    await changes?.return?.();
  }

  /** The rows the call's change touched in each group (its rows before and after), computed after COALESCE_MS. */
  private apply({ call, previous }: CallChange): void {
    const versions = [previous, call].flatMap((c) => (c ? [callFacets(c)] : []));
    for (const group of this.groups.values()) {
      const { query } = group;
      for (const f of versions) {
        if (!facetsMatch(f, query.filter)) continue;
        const target = { keys: keysOf(f, query.groupBy), at: f.startedAt };
        group.pending.set(JSON.stringify(target), target);
      }
      if (group.pending.size && !group.timer) group.timer = setTimeout(() => void this.compute(group), COALESCE_MS);
    }
  }

  private async compute(group: Group): Promise<void> {
    const targets = [...group.pending.values()];
    group.pending.clear();
    callStatsComputations.inc();
    try {
      const rows = await this.store.callStats.rowsAt(group.query, targets);
      for (const member of group.members) member(rows);
    } catch {
      // The store is unreachable: the next change sends its rows afresh.
    } finally {
      group.timer = undefined;
      if (group.pending.size && this.groups.has(groupKey(group.query))) group.timer = setTimeout(() => void this.compute(group), COALESCE_MS);
    }
  }
}

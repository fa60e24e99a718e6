/**
 * Call statistics: one request's rows (computed by the store in SQL), and live rows for
 * subscribers. Subscribers with the same arguments, whatever their documents or transports,
 * share one group: each change of a call runs one computation per group it touches, whose rows
 * go to every member.
 */
import { keysOf, STATS_LIMITS, statsProblem, type CallStatsQuery, type CallStatsRecord } from '../domain/call-stats.js';
import { callFacets, facetsMatch } from '../domain/calls.js';
import { ErrorCode, GatewayError } from '../errors.js';
import { callStatsComputations } from '../observability/metrics.js';
import { Topic, type Bus, type CallChange } from '../pubsub/bus.js';
import type { Store } from '../store/store.js';
import { checkFilter } from './calls.js';

interface Group {
  query: CallStatsQuery;
  members: Set<(rows: CallStatsRecord[]) => void>;
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
    if (!group) this.groups.set(key, (group = { query: q, members: new Set() }));
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
      if (joined.members.size === 0 && this.groups.get(key) === joined) this.groups.delete(key);
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
      for (let c = await changes.next(); !c.done; c = await changes.next()) await this.apply(c.value);
    })();
  }

  private async stopListening(): Promise<void> {
    const changes = this.changes;
    this.changes = undefined;
    await changes?.return?.();
  }

  /** The rows the call's change touched, in each group: its rows before and after. */
  private async apply({ call, previous }: CallChange): Promise<void> {
    const versions = [previous, call].flatMap((c) => (c ? [callFacets(c)] : []));
    await Promise.all(
      [...this.groups.values()].map(async (group) => {
        const { query } = group;
        const targets = versions.filter((f) => facetsMatch(f, query.filter)).map((f) => ({ keys: keysOf(f, query.groupBy), at: f.startedAt }));
        if (targets.length === 0) return;
        callStatsComputations.inc();
        try {
          const rows = await this.store.callStats.rowsAt(query, targets);
          for (const member of group.members) member(rows);
        } catch {
          // The store is unreachable: the next change sends its rows afresh.
        }
      }),
    );
  }
}

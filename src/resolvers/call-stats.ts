/** callStats and callStatsUpdated: call statistics over the callEvents filter, once or live. */
import { Arg, Ctx, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Context } from '../context.js';
import { STATS_LIMITS, type CallStatsDimension as Dimension, type CallStatsInterval as Interval, type CallStatsQuery, type CallStatsRecord } from '../domain/call-stats.js';
import { atMost } from '../types/lists.js';
import { CallStatsDimension, CallStatsInterval, CallStatsRow, presentStats } from '../types/call-stats.js';
import { CallEventFilter } from '../types/inputs.js';
import { callFilter } from './filters.js';

interface StatsArgs {
  filter?: CallEventFilter | null;
  groupBy?: Dimension[] | null;
  interval?: Interval | null;
  timeZone?: string | null;
}

/** The query of the arguments; null when the filter names an id that cannot match. */
function statsQuery(args: StatsArgs): CallStatsQuery | null {
  const filter = callFilter(args.filter ?? {});
  return filter && { filter, groupBy: args.groupBy ?? [], interval: args.interval ?? undefined, timeZone: args.timeZone ?? 'UTC' };
}

const TIME_ZONE = 'IANA time zone name (e.g. "Australia/Sydney"); buckets start at local midnight in it, DST included.';
const dimensions = (coordinate: string) => atMost(coordinate, STATS_LIMITS.dimensions, 'Dimensions to group by; none: one row (or series) of totals.');
const INTERVAL = 'A time series of this bucket size over [filter.startedAfter (required), filter.startedBefore or now), at most 10,000 buckets; empty buckets included as zeros.';

async function* none(): AsyncGenerator<CallStatsRecord[]> {}

@Resolver()
export class CallStatsResolver {
  @Query(() => [CallStatsRow], { description: 'Call statistics over the callEvents filter, by dimension and (with an interval) time bucket; at most 50,000 rows.' })
  async callStats(
    @Arg('filter', () => CallEventFilter, { defaultValue: {}, description: 'Which calls are counted (as callEvents takes it); none: all.' }) filter: CallEventFilter,
    @Arg('groupBy', () => [CallStatsDimension], { defaultValue: [], description: dimensions('Query.callStats(groupBy:)') }) groupBy: Dimension[],
    @Arg('interval', () => CallStatsInterval, { nullable: true, description: INTERVAL }) interval: Interval | undefined,
    @Arg('timeZone', () => String, { defaultValue: 'UTC', description: TIME_ZONE }) timeZone: string,
    @Ctx() ctx: Context,
  ): Promise<CallStatsRow[]> {
    const q = statsQuery({ filter, groupBy, interval, timeZone });
    if (!q) return [];
    return (await ctx.gateway.callStats.rows(q)).map(presentStats);
  }

  @Subscription(() => [CallStatsRow], {
    subscribe: ({ args, context }: SubscribeResolverData<unknown, StatsArgs, Context>) => {
      const q = statsQuery(args);
      return q ? context.gateway.callStats.live(q) : none();
    },
    description: 'The callStats rows each new or updated call changes (its row before and after), as it happens. Subscribers with the same arguments share one computation.',
  })
  callStatsUpdated(
    @Root() rows: CallStatsRecord[],
    @Arg('filter', () => CallEventFilter, { nullable: true, description: 'Which calls are counted; none: all.' }) _filter?: CallEventFilter,
    @Arg('groupBy', () => [CallStatsDimension], { defaultValue: [], description: dimensions('Subscription.callStatsUpdated(groupBy:)') }) _groupBy?: Dimension[],
    @Arg('interval', () => CallStatsInterval, { nullable: true, description: INTERVAL }) _interval?: Interval,
    @Arg('timeZone', () => String, { defaultValue: 'UTC', description: TIME_ZONE }) _timeZone?: string,
  ): CallStatsRow[] {
    return rows.map(presentStats);
  }
}

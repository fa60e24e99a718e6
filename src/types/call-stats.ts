/** Call statistics (`callStats`, `callStatsUpdated`): dimensions, intervals, and a row of figures. */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CALL_STATS_DIMENSIONS, CALL_STATS_INTERVALS, STATS_LIMITS, type CallStatsRecord } from '../domain/call-stats.js';
import type { CallStatus as Status, ProviderName } from '../domain/model.js';
import { CallStatus, literals, Provider, valuesConfig } from './enums.js';
import { DateTimeScalar } from './scalars.js';

export const CallStatsDimension = literals(...CALL_STATS_DIMENSIONS);
export const CallStatsInterval = literals(...CALL_STATS_INTERVALS);

registerEnumType(CallStatsDimension, {
  name: 'CallStatsDimension',
  description: `What statistics rows are grouped by (at most ${STATS_LIMITS.dimensions} at once). SERVICE and ALLOCATION come with their provider.`,
  valuesConfig: {
    PROVIDER: { description: 'The provider.' },
    SERVICE: { description: 'The service the call came through.' },
    STATUS: { description: 'The call’s status.' },
    ALLOCATION: { description: 'The Exotel allocation the call came through.' },
    NUMBER: { description: 'The number dialled.' },
    SOURCE: { description: 'Where the caller came from: the landing page’s utm_source, else the search engine, else the referrer’s host (Delacon).' },
    CAMPAIGN: { description: 'The landing page’s utm_campaign, else the kind of visit: paid, organic, direct … (Delacon).' },
    KEYWORDS: { description: 'The search keywords (Delacon).' },
    LANDING_PAGE: { description: 'The landing page without its query or fragment (Delacon).' },
  },
});
registerEnumType(CallStatsInterval, {
  name: 'CallStatsInterval',
  description: 'A time series’ buckets, in the request’s time zone.',
  valuesConfig: valuesConfig(CallStatsInterval, { HOUR: 'Hours.', DAY: 'Local days, from midnight.', WEEK: 'Weeks, from Monday.', MONTH: 'Months, from the 1st.' }),
});

@ObjectType({ description: 'The key of a statistics row: the value of each dimension grouped by; null is “none” (e.g. a call without a campaign).' })
export class CallStatsKeys {
  @Field(() => Provider, { nullable: true, description: 'PROVIDER: the provider (also given with SERVICE and ALLOCATION).' }) provider?: ProviderName;
  @Field(() => String, { nullable: true, description: 'NUMBER: the number dialled (E.164).' }) number?: string;
  @Field(() => String, { nullable: true, description: 'SERVICE: the provider’s key of the service.' }) serviceRef?: string;
  @Field(() => CallStatus, { nullable: true, description: 'STATUS: the call status.' }) status?: Status;
  @Field(() => String, { nullable: true, description: 'SOURCE: where the caller came from (Delacon).' }) source?: string;
  @Field(() => String, { nullable: true, description: 'CAMPAIGN: the campaign or kind of visit (Delacon).' }) campaign?: string;
  @Field(() => String, { nullable: true, description: 'KEYWORDS: the search keywords (Delacon).' }) keywords?: string;
  @Field(() => String, { nullable: true, description: 'LANDING_PAGE: the landing page, without query or fragment (Delacon).' }) landingPage?: string;
  @Field(() => String, { nullable: true, description: 'ALLOCATION: Exotel greenvn_id.' }) allocationRef?: string;
}

@ObjectType({ description: 'Figures of the calls of one key (and one time bucket, in a series).' })
export class CallStatsRow {
  @Field(() => CallStatsKeys, { description: 'The value of each dimension grouped by.' })
  keys!: CallStatsKeys;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Where the bucket starts (with an interval).' })
  bucketStart?: string;

  @Field(() => Int, { description: 'Calls of this key (and bucket).' })
  totalCalls!: number;

  @Field(() => Int, { description: 'Calls ANSWERED.' })
  answeredCalls!: number;

  @Field(() => Int, { description: 'Calls that ended unanswered: MISSED, BUSY, VOICEMAIL, FAILED (a RINGING call is neither).' })
  missedCalls!: number;

  @Field(() => Float, { nullable: true, description: 'answeredCalls / totalCalls; null without calls.' })
  answerRate?: number | null;

  @Field(() => Float, { description: 'Talk time of the answered calls, in whole seconds (a Float: a busy account passes the 68 years a 32-bit Int holds).' })
  totalDurationSeconds!: number;

  @Field(() => Float, { nullable: true, description: 'totalDurationSeconds / answeredCalls; null without answered calls.' })
  averageDurationSeconds?: number | null;

  @Field(() => Int, { description: 'Calls that are their caller’s first in the store (by start).' })
  firstTimeCallers!: number;

  @Field(() => Int, { description: 'Calls whose Delacon caller survey recorded a sale (outcome “Sale”, or a sale amount).' })
  conversions!: number;
}

export function presentStats(r: CallStatsRecord): CallStatsRow {
  return {
    ...r,
    answerRate: r.totalCalls ? r.answeredCalls / r.totalCalls : null,
    averageDurationSeconds: r.answeredCalls ? r.totalDurationSeconds / r.answeredCalls : null,
  };
}

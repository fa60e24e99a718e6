import { Field, Int, ObjectType } from 'type-graphql';
import { Connection } from './connection.js';
import { CallStatus, Conversion, Provider } from './enums.js';
import { Node } from './node.js';
import { DateTimeScalar, E164Scalar, JSONObjectScalar } from './scalars.js';

@ObjectType({ description: 'Where the caller is, as the provider reports it.' })
export class CallerLocation {
  @Field(() => String, { nullable: true })
  city?: string;

  @Field(() => String, { nullable: true })
  state?: string;

  @Field(() => String, { nullable: true })
  country?: string;

  @Field(() => String, { nullable: true, description: 'Telephone exchange (Delacon, landlines).' })
  exchange?: string;

  @Field(() => String, { nullable: true, description: 'Free text, e.g. AVANSER "Mobile".' })
  description?: string;
}

@ObjectType({ description: 'What brought the caller (Delacon call tracking).' })
export class MarketingAttribution {
  @Field(() => String, { nullable: true })
  searchEngine?: string;

  @Field(() => String, { nullable: true, description: 'paid, organic, direct …' })
  searchType?: string;

  @Field(() => String, { nullable: true })
  keywords?: string;

  @Field(() => String, { nullable: true })
  referrer?: string;

  @Field(() => String, { nullable: true })
  landingPage?: string;

  @Field(() => String, { nullable: true })
  pageCalledFrom?: string;

  @Field(() => String, { nullable: true, description: 'Delacon session id, or the gclid.' })
  sessionId?: string;

  @Field(() => String, { nullable: true, description: 'Google Analytics client id.' })
  gaClientId?: string;

  @Field(() => String, { nullable: true })
  extraTracking?: string;
}

@ObjectType({
  implements: Node,
  description: 'One call through any provider, updated over its life: RINGING, then how it ended. Start and end reports of the same call merge into one.',
})
export class CallEvent extends Node {
  @Field(() => Provider)
  provider!: string;

  @Field(() => String, { description: 'The provider’s call id (PLA_Call_Id, callid, call_sid).' })
  providerCallId!: string;

  @Field(() => CallStatus)
  status!: string;

  @Field(() => E164Scalar, { nullable: true, description: 'The caller.' })
  from?: string;

  @Field(() => E164Scalar, { nullable: true, description: 'The number dialled: tracking number, service number or green VN.' })
  to?: string;

  @Field(() => E164Scalar, { nullable: true, description: 'The answer point the call was put through to.' })
  answeredBy?: string;

  @Field(() => String, { nullable: true })
  answeredByName?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  startedAt?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  endedAt?: string;

  @Field(() => Int, { nullable: true })
  durationSeconds?: number;

  @Field(() => String, { nullable: true, description: 'Link to play the recording.' })
  recordingUrl?: string;

  @Field(() => String, { nullable: true, description: 'Raw audio stream for an HTML5 audio element (Delacon &mode=direct).' })
  recordingStreamUrl?: string;

  @Field(() => CallerLocation, { nullable: true })
  callerLocation?: CallerLocation;

  @Field(() => MarketingAttribution, { nullable: true })
  attribution?: MarketingAttribution;

  @Field(() => String, { nullable: true, description: 'Survey outcome: sale, enquiry, complaint …' })
  surveyOutcome?: string;

  @Field(() => String, { nullable: true })
  saleAmount?: string;

  @Field(() => Conversion, { nullable: true })
  conversion?: string;

  @Field(() => String, { nullable: true, description: 'The IVR option the caller chose.' })
  ivrChoice?: string;

  @Field(() => Boolean, { nullable: true })
  voicemailLeft?: boolean;

  @Field(() => String, { nullable: true, description: 'The provider’s key of the service the call came through.' })
  serviceRef?: string;

  @Field(() => String, { nullable: true })
  serviceName?: string;

  @Field(() => String, { nullable: true, description: 'Exotel greenvn_id of the allocation.' })
  allocationRef?: string;

  @Field(() => JSONObjectScalar, { description: 'Provider payloads that made this call, by phase (start, end, report, call).' })
  raw!: Record<string, unknown>;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}

export const CallEventConnection = Connection('CallEvent', CallEvent);

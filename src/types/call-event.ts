import { Field, Int, ObjectType } from 'type-graphql';
import { Connection } from './connection.js';
import { CallStatus, Conversion, Provider } from './enums.js';
import { Node } from './node.js';
import { DateTimeScalar, E164Scalar, JSONObjectScalar } from './scalars.js';

@ObjectType({ description: 'Where the caller is, as the provider reports it.' })
export class CallerLocation {
  @Field(() => String, { nullable: true, description: 'City or town.' })
  city?: string;

  @Field(() => String, { nullable: true, description: 'State or province.' })
  state?: string;

  @Field(() => String, { nullable: true, description: 'Country, as the provider writes it.' })
  country?: string;

  @Field(() => String, { nullable: true, description: 'Telephone exchange (Delacon, landlines).' })
  exchange?: string;

  @Field(() => String, { nullable: true, description: 'Free text, e.g. AVANSER "Mobile".' })
  description?: string;
}

@ObjectType({ description: 'What brought the caller (Delacon call tracking).' })
export class MarketingAttribution {
  @Field(() => String, { nullable: true, description: 'The search engine the caller came from.' })
  searchEngine?: string;

  @Field(() => String, { nullable: true, description: 'paid, organic, direct …' })
  searchType?: string;

  @Field(() => String, { nullable: true, description: 'The search words.' })
  keywords?: string;

  @Field(() => String, { nullable: true, description: 'The page that linked to the website.' })
  referrer?: string;

  @Field(() => String, { nullable: true, description: 'The first page of the visit.' })
  landingPage?: string;

  @Field(() => String, { nullable: true, description: 'The page the caller saw the number on.' })
  pageCalledFrom?: string;

  @Field(() => String, { nullable: true, description: 'Delacon session id, or the gclid.' })
  sessionId?: string;

  @Field(() => String, { nullable: true, description: 'Google Analytics client id.' })
  gaClientId?: string;

  @Field(() => String, { nullable: true, description: 'Further tracking values, as Delacon sends them.' })
  extraTracking?: string;
}

@ObjectType({
  implements: Node,
  description: 'One call through any provider, updated over its life: RINGING, then how it ended. Start and end reports of the same call merge into one.',
})
export class CallEvent extends Node {
  @Field(() => Provider, { description: 'The provider the call came through.' })
  provider!: string;

  @Field(() => String, { description: 'The provider’s call id (PLA_Call_Id, callid, call_sid).' })
  providerCallId!: string;

  @Field(() => CallStatus, { description: 'RINGING while the call is under way, then how it ended.' })
  status!: string;

  @Field(() => E164Scalar, { nullable: true, description: 'The caller.' })
  from?: string;

  @Field(() => E164Scalar, { nullable: true, description: 'The number dialled: tracking number, service number or green VN.' })
  to?: string;

  @Field(() => E164Scalar, { nullable: true, description: 'The answer point the call was put through to.' })
  answeredBy?: string;

  @Field(() => String, { nullable: true, description: 'The answer point’s name, when the provider gives one.' })
  answeredByName?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the call started.' })
  startedAt?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it ended; null while it is under way.' })
  endedAt?: string;

  @Field(() => Int, { nullable: true, description: 'How long it lasted, in seconds, as the provider reports it.' })
  durationSeconds?: number;

  @Field(() => String, { nullable: true, description: 'Link to play the recording.' })
  recordingUrl?: string;

  @Field(() => String, { nullable: true, description: 'Raw audio stream for an HTML5 audio element (Delacon &mode=direct).' })
  recordingStreamUrl?: string;

  @Field(() => CallerLocation, { nullable: true, description: 'Where the caller is, when the provider says.' })
  callerLocation?: CallerLocation;

  @Field(() => MarketingAttribution, { nullable: true, description: 'What brought the caller (Delacon call tracking).' })
  attribution?: MarketingAttribution;

  @Field(() => String, { nullable: true, description: 'Survey outcome: sale, enquiry, complaint …' })
  surveyOutcome?: string;

  @Field(() => String, { nullable: true, description: 'Sale value reported with the call (Delacon), as the provider wrote it.' })
  saleAmount?: string;

  @Field(() => Conversion, { nullable: true, description: 'Delacon’s conversion flag.' })
  conversion?: string;

  @Field(() => String, { nullable: true, description: 'The IVR option the caller chose.' })
  ivrChoice?: string;

  @Field(() => Boolean, { nullable: true, description: 'The caller left a voicemail.' })
  voicemailLeft?: boolean;

  @Field(() => String, { nullable: true, description: 'The provider’s key of the service the call came through.' })
  serviceRef?: string;

  @Field(() => String, { nullable: true, description: 'The name of the service the call came through, as the provider reports it.' })
  serviceName?: string;

  @Field(() => String, { nullable: true, description: 'Exotel greenvn_id of the allocation.' })
  allocationRef?: string;

  @Field(() => JSONObjectScalar, { description: 'Provider payloads that made this call, by phase (start, end, report, call).' })
  raw!: Record<string, unknown>;

  @Field(() => DateTimeScalar, { description: 'When the gateway first heard of the call.' })
  createdAt!: string;

  @Field(() => DateTimeScalar, { description: 'When a report last changed it.' })
  updatedAt!: string;
}

export const CallEventConnection = Connection('CallEvent', CallEvent);

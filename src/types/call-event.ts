import { Field, Float, Int, ObjectType } from 'type-graphql';
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

  @Field(() => E164Scalar, {
    nullable: true,
    description: 'The number dialled: tracking number (Delacon, read in the country of its region), service number (AVANSER) or green VN (Exotel).',
  })
  to?: string;

  @Field(() => E164Scalar, {
    nullable: true,
    description: 'Where the provider put the call through, whether or not it was answered: Exotel `to` (the other party), AVANSER `target` (the service’s answer point).',
  })
  forwardedTo?: string;

  @Field(() => String, { nullable: true, description: 'The name of forwardedTo at the provider (AVANSER targetname).' })
  forwardedToName?: string;

  @Field(() => E164Scalar, { nullable: true, description: 'The answer point that took the call: set only for answered calls (Delacon PLA_Answering_Point, AVANSER target, Exotel to).' })
  answeredBy?: string;

  @Field(() => String, { nullable: true, description: 'The name of the answer point, or an answering point that is not a phone number, as the provider wrote it.' })
  answeredByName?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the call came in (Delacon PLA_CallStartTime, AVANSER tzdate, Exotel start_time).' })
  startedAt?: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the call ended. No provider reports it: Exotel is start plus dialSeconds (the forwarded leg ends the call), never after reportedAt; Delacon and AVANSER are start plus durationSeconds.',
  })
  endedAt?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the provider sent its report of the call (Exotel current_time): not the end of the call.' })
  reportedAt?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Talk time in seconds, the same for every provider: how long the caller was connected to a person or to voicemail, ringing excluded; 0 for a call nobody took. Delacon PLA_Duration and AVANSER duration (read as talk time: the vendors do not say whether ringing counts), Exotel on_call_duration.',
  })
  durationSeconds?: number;

  @Field(() => Int, { nullable: true, description: 'Seconds of the forwarded leg, ringing included (Exotel dial_call_duration, the “second leg”).' })
  dialSeconds?: number;

  @Field(() => Float, { nullable: true, description: 'Seconds the forwarded leg rang before it was answered or given up (Exotel Call Insights RingingDuration, e.g. 4.58).' })
  ringingSeconds?: number;

  @Field(() => String, { nullable: true, description: 'The call’s direction as the provider writes it (Exotel direction: incoming).' })
  direction?: string;

  @Field(() => String, {
    nullable: true,
    description: 'The Exotel platform that carried the call (its `source`: exotel, monotel). Not where the caller came from: that is attribution.',
  })
  platform?: string;

  @Field(() => String, { nullable: true, description: 'Who hung up (Exotel Call Insights DisconnectedBy, e.g. Caller).' })
  disconnectedBy?: string;

  @Field(() => String, { nullable: true, description: 'The provider’s detailed outcome (Exotel Call Insights DetailedStatus, e.g. CALL_COMPLETED).' })
  detailedStatus?: string;

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

  @Field(() => String, {
    nullable: true,
    description: 'The provider’s key of the service the call came through, when a stored service matches: AVANSER service number, Delacon company id.',
  })
  serviceRef?: string;

  @Field(() => String, { nullable: true, description: 'The service’s name at the provider (Delacon PLA_Dealer_Name, AVANSER adname).' })
  serviceName?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The provider’s own id of the service, as the call names it: Delacon PLA_CID, documented as “the Delacon Service ID”. Whether it equals the company id of Create Customer is not documented; serviceRef links the call only to a stored service that matches.',
  })
  providerServiceId?: string;

  @Field(() => String, { nullable: true, description: 'The service’s category at the provider (Delacon PLA_Dealer_Category).' })
  serviceCategory?: string;

  @Field(() => E164Scalar, { nullable: true, description: 'The business’s own number that the tracking number replaces on its website (Delacon PLA_Dealer_ID).' })
  websiteNumber?: string;

  @Field(() => String, { nullable: true, description: 'The account’s own id for the service, as the call report carries it (AVANSER custom_id).' })
  customId?: string;

  @Field(() => String, { nullable: true, description: 'The account’s own group for the service, as the call report carries it (AVANSER custom_group).' })
  customGroup?: string;

  @Field(() => String, { nullable: true, description: 'The telephone switch’s id of the call (AVANSER uniqueid, e.g. ECS1-1497163757.20486).' })
  switchCallId?: string;

  @Field(() => String, { nullable: true, description: 'The provider account the call belongs to (AVANSER clientid).' })
  providerAccount?: string;

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

/**
 * Delacon's part of the schema: the `delacon` blocks of ProvisionNumbersInput and
 * UpdateServiceInput, and its enums. The one shape the adapter reads.
 */
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { literals, valuesConfig } from '../../types/enums.js';
import { atMost } from '../../types/lists.js';
import { E164Scalar } from '../../types/scalars.js';

export const DelaconRegion = literals('AUSTRALIA', 'CHINA', 'HONG_KONG', 'JAPAN', 'NEW_ZEALAND', 'SINGAPORE', 'UNITED_KINGDOM', 'UNITED_STATES');
export type DelaconRegion = keyof typeof DelaconRegion;
export const DelaconFeature = literals('CALL_RECORDING', 'CALL_FEEDBACK_SURVEY');
export type DelaconFeature = keyof typeof DelaconFeature;
export const DelaconTransferType = literals('EMAIL_ONLY', 'TRANSFER_ONLY', 'TRANSFER_AND_EMAIL');
export type DelaconTransferType = keyof typeof DelaconTransferType;
export const DelaconCallTracking = literals('GOOGLE_PAID', 'ALL_PAID_ONLY', 'ALL', 'SELECTED', 'ALL_UTM_MEDIUM_CPC');
export type DelaconCallTracking = keyof typeof DelaconCallTracking;

registerEnumType(DelaconRegion, {
  name: 'DelaconRegion',
  description: 'Delacon provisioning regions.',
  valuesConfig: valuesConfig(DelaconRegion, {
    AUSTRALIA: 'Australia.',
    CHINA: 'China.',
    HONG_KONG: 'Hong Kong.',
    JAPAN: 'Japan.',
    NEW_ZEALAND: 'New Zealand.',
    SINGAPORE: 'Singapore.',
    UNITED_KINGDOM: 'The United Kingdom.',
    UNITED_STATES: 'The United States.',
  }),
});
registerEnumType(DelaconFeature, {
  name: 'DelaconFeature',
  description: 'Delacon billable features ordered with a new customer.',
  valuesConfig: valuesConfig(DelaconFeature, { CALL_RECORDING: 'Calls are recorded (CallEvent.recordingUrl).', CALL_FEEDBACK_SURVEY: 'A survey after the call (CallEvent.surveyOutcome).' }),
});
registerEnumType(DelaconTransferType, {
  name: 'DelaconTransferType',
  description: 'Delacon xfertype: 1 e-mail only, 2 transfer only, 3 transfer and e-mail.',
  valuesConfig: valuesConfig(DelaconTransferType, { EMAIL_ONLY: '1: e-mail about the call only.', TRANSFER_ONLY: '2: put the call through only.', TRANSFER_AND_EMAIL: '3: put it through and e-mail about it.' }),
});
registerEnumType(DelaconCallTracking, {
  name: 'DelaconCallTracking',
  description: 'Delacon CallTrack: Google paid only; Google/Yahoo/Bing paid; all references; Google/Yahoo/Bing and all organic; CPC campaign medium.',
  valuesConfig: valuesConfig(DelaconCallTracking, {
    GOOGLE_PAID: 'GooglePaid: visitors from Google paid search only.',
    ALL_PAID_ONLY: 'AllPaidOnly: visitors from Google, Yahoo or Bing paid search.',
    ALL: 'All: every visitor, whatever the reference.',
    SELECTED: 'Selected: Google, Yahoo and Bing, paid and organic.',
    ALL_UTM_MEDIUM_CPC: 'AllUtmMediumCpc: visitors whose campaign medium is CPC.',
  }),
});

@InputType({ description: 'Delacon: a new customer with numbers, or more numbers for an existing company.' })
export class DelaconProvisionInput {
  @Field(() => String, { nullable: true, description: 'Order for this existing company; the new-customer fields are then ignored.' })
  companyId?: string;

  @Field(() => String, { nullable: true, description: 'New customer: the business name.' })
  businessName?: string;

  @Field(() => String, { nullable: true, description: 'New customer: the business category.' })
  businessCategory?: string;

  @Field(() => String, { nullable: true, description: 'New customer: the contact e-mail address.' })
  email?: string;

  @Field(() => E164Scalar, { nullable: true, description: 'Where calls are delivered.' })
  terminationNumber?: string;

  @Field(() => String, { nullable: true, description: 'The number tracking numbers replace on the website.' })
  businessId?: string;

  @Field(() => [DelaconFeature], { nullable: true, description: atMost('DelaconProvisionInput.features', 10) })
  features?: DelaconFeature[];

  @Field(() => DelaconRegion, { nullable: true, description: 'New customer: the region the numbers are in.' })
  region?: DelaconRegion;

  @Field(() => String, { nullable: true, description: 'A key from numberTypes(region).' })
  numberType?: string;

  @Field(() => Int, { description: 'How many numbers, 1 to 10.' })
  count!: number;

  @Field(() => String, { nullable: true, description: 'Where Delacon sends the order summary.' })
  orderSummaryEmail?: string;

  @Field(() => Boolean, { nullable: true, description: 'Accept Delacon’s terms (required for a new customer).' })
  acceptTerms?: boolean;
}

@InputType({ description: 'Delacon Update Customer, in readable names. Billing flags (callRecording, callFeedbackSurvey, ivr) are sent alone, one per upstream call.' })
export class DelaconServiceUpdateInput {
  @Field(() => String, { nullable: true, description: 'The business name.' }) businessName?: string;
  @Field(() => String, { nullable: true, description: 'The business category.' }) businessCategory?: string;
  @Field(() => String, { nullable: true, description: 'The contact e-mail address.' }) email?: string;
  @Field(() => String, { nullable: true, description: '13/1300 number.' }) oneThreeHundredNumber?: string;
  @Field(() => E164Scalar, { nullable: true, description: 'Where calls are put through.' }) terminationNumber?: string;
  @Field(() => String, { nullable: true, description: 'The number tracking numbers replace on the website.' }) businessId?: string;
  @Field(() => Boolean, { nullable: true, description: 'Whisper before connecting.' }) whisper?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Delacon’s DNIS setting (Y/N).' }) dnis?: boolean;
  @Field(() => DelaconTransferType, { nullable: true, description: 'Transfer the call, e-mail about it, or both.' }) transferType?: DelaconTransferType;
  @Field(() => Boolean, { nullable: true, description: 'Delacon’s voicemail setting (Y/N): voicemail for calls not answered.' }) voicemail?: boolean;
  @Field(() => Int, { nullable: true, description: 'Seconds before giving up the transfer, at most 999.' }) transferTimeSeconds?: number;
  @Field(() => Boolean, { nullable: true, description: 'Delacon’s moh setting (Y/N): music on hold.' }) musicOnHold?: boolean;
  @Field(() => String, { nullable: true, description: 'At most 160 characters.' }) smsMessage?: string;
  @Field(() => DelaconCallTracking, { nullable: true, description: 'Which website visitors see tracking numbers.' }) callTracking?: DelaconCallTracking;
  @Field(() => Boolean, { nullable: true, description: 'Billing flag: travels alone.' }) callRecording?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Billing flag: travels alone.' }) callFeedbackSurvey?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Billing flag: travels alone.' }) ivr?: boolean;
}

/**
 * Delacon's part of the schema: the `delacon` blocks of ProvisionNumbersInput and
 * UpdateServiceInput, and its enums. The one shape the adapter reads.
 */
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { literals } from '../../types/enums.js';
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

registerEnumType(DelaconRegion, { name: 'DelaconRegion', description: 'Delacon provisioning regions.' });
registerEnumType(DelaconFeature, { name: 'DelaconFeature', description: 'Delacon billable features ordered with a new customer.' });
registerEnumType(DelaconTransferType, { name: 'DelaconTransferType', description: 'Delacon xfertype: 1 e-mail only, 2 transfer only, 3 transfer and e-mail.' });
registerEnumType(DelaconCallTracking, {
  name: 'DelaconCallTracking',
  description: 'Delacon CallTrack: Google paid only; Google/Yahoo/Bing paid; all references; Google/Yahoo/Bing and all organic; CPC campaign medium.',
});

@InputType({ description: 'Delacon: a new customer with numbers, or more numbers for an existing company.' })
export class DelaconProvisionInput {
  @Field(() => String, { nullable: true, description: 'Order for this existing company; the new-customer fields are then ignored.' })
  companyId?: string;

  @Field(() => String, { nullable: true })
  businessName?: string;

  @Field(() => String, { nullable: true })
  businessCategory?: string;

  @Field(() => String, { nullable: true })
  email?: string;

  @Field(() => E164Scalar, { nullable: true, description: 'Where calls are delivered.' })
  terminationNumber?: string;

  @Field(() => String, { nullable: true, description: 'The number tracking numbers replace on the website.' })
  businessId?: string;

  @Field(() => [DelaconFeature], { nullable: true, description: atMost('DelaconProvisionInput.features', 10) })
  features?: DelaconFeature[];

  @Field(() => DelaconRegion, { nullable: true })
  region?: DelaconRegion;

  @Field(() => String, { nullable: true, description: 'A key from numberTypes(region).' })
  numberType?: string;

  @Field(() => Int, { description: 'How many numbers, 1 to 10.' })
  count!: number;

  @Field(() => String, { nullable: true })
  orderSummaryEmail?: string;

  @Field(() => Boolean, { nullable: true, description: 'Accept Delacon’s terms (required for a new customer).' })
  acceptTerms?: boolean;
}

@InputType({ description: 'Delacon Update Customer, in readable names. Billing flags (callRecording, callFeedbackSurvey, ivr) are sent alone, one per upstream call.' })
export class DelaconServiceUpdateInput {
  @Field(() => String, { nullable: true }) businessName?: string;
  @Field(() => String, { nullable: true }) businessCategory?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true, description: '13/1300 number.' }) oneThreeHundredNumber?: string;
  @Field(() => E164Scalar, { nullable: true }) terminationNumber?: string;
  @Field(() => String, { nullable: true }) businessId?: string;
  @Field(() => Boolean, { nullable: true, description: 'Whisper before connecting.' }) whisper?: boolean;
  @Field(() => Boolean, { nullable: true }) dnis?: boolean;
  @Field(() => DelaconTransferType, { nullable: true }) transferType?: DelaconTransferType;
  @Field(() => Boolean, { nullable: true }) voicemail?: boolean;
  @Field(() => Int, { nullable: true, description: 'Seconds before giving up the transfer, at most 999.' }) transferTimeSeconds?: number;
  @Field(() => Boolean, { nullable: true }) musicOnHold?: boolean;
  @Field(() => String, { nullable: true, description: 'At most 160 characters.' }) smsMessage?: string;
  @Field(() => DelaconCallTracking, { nullable: true }) callTracking?: DelaconCallTracking;
  @Field(() => Boolean, { nullable: true, description: 'Billing flag: travels alone.' }) callRecording?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Billing flag: travels alone.' }) callFeedbackSurvey?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Billing flag: travels alone.' }) ivr?: boolean;
}

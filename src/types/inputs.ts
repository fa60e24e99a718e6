/** Input types. Provider-specific blocks sit beside the common fields; the port reads its own. */
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import type * as Adapter from '../datasources/provider.js';
import {
  AllocationEventKind,
  AllocationState,
  AllocationUsage,
  AvanserSearchType,
  AvanserServiceType,
  CallOutcome,
  CallStatus,
  DelaconCallTracking,
  DelaconFeature,
  DelaconRegion,
  DelaconTransferType,
  GreenVNType,
  NumberKind,
  OrderStatus,
  Provider,
} from './enums.js';
import { atMost } from './lists.js';
import { E164Scalar } from './scalars.js';
import type { AllocationState as AllocationStateName, AllocationUsage as Usage, CallStatus as Status, NumberKind as Kind, ProviderName } from '../domain/model.js';

const IDEMPOTENCY =
  "Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. When a provider's answer was lost (OUTCOME_UNKNOWN), the same key returns what was done once the gateway has found out, and never does it twice. Kept for 48 hours.";

@InputType({ description: 'Criteria for searching available numbers; each provider uses the ones it knows (see the README).' })
export class NumberSearchInput implements Adapter.NumberSearchFilter {
  @Field(() => String, { nullable: true, description: 'ISO country, e.g. AU (AVANSER).' })
  country?: string;

  @Field(() => String, { nullable: true, description: 'US state, TF for toll-free (VoIP Innovations).' })
  state?: string;

  @Field(() => String, { nullable: true, description: 'Standard Zone Unit, e.g. sydney (AVANSER).' })
  szu?: string;

  @Field(() => String, { nullable: true, description: 'Location words (AVANSER).' })
  location?: string;

  @Field(() => Float, { nullable: true })
  latitude?: number;

  @Field(() => Float, { nullable: true })
  longitude?: number;

  @Field(() => String, { nullable: true, description: 'Leading digits of the national number (AVANSER).' })
  prefix?: string;

  @Field(() => NumberKind, { nullable: true })
  kind?: Kind;

  @Field(() => String, { nullable: true })
  lata?: string;

  @Field(() => String, { nullable: true })
  rateCenter?: string;

  @Field(() => String, { nullable: true, description: 'Area code (NANP).' })
  npa?: string;

  @Field(() => String, { nullable: true, description: 'Exchange (NANP).' })
  nxx?: string;

  @Field(() => String, { nullable: true })
  tier?: string;

  @Field(() => Boolean, { nullable: true })
  t38?: boolean;

  @Field(() => Boolean, { nullable: true })
  cnam?: boolean;

  @Field(() => Boolean, { nullable: true })
  sms?: boolean;
}

@InputType({ description: 'Delacon: a new customer with numbers, or more numbers for an existing company.' })
export class DelaconProvisionInput implements Adapter.DelaconProvisionInput {
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

  @Field(() => [DelaconFeature], { nullable: true, description: atMost('DelaconProvisionInput.features') })
  features?: Adapter.DelaconFeature[];

  @Field(() => DelaconRegion, { nullable: true })
  region?: Adapter.DelaconRegion;

  @Field(() => String, { nullable: true, description: 'A key from numberTypes(region).' })
  numberType?: string;

  @Field(() => Int, { description: 'How many numbers, 1 to 10.' })
  count!: number;

  @Field(() => String, { nullable: true })
  orderSummaryEmail?: string;

  @Field(() => Boolean, { nullable: true, description: 'Accept Delacon’s terms (required for a new customer).' })
  acceptTerms?: boolean;
}

@InputType({ description: 'AVANSER: how to pick a number for a new service.' })
export class AvanserNumberSearchInput implements Adapter.AvanserNumberSearch {
  @Field(() => AvanserSearchType)
  type!: Adapter.AvanserSearchType;

  @Field(() => E164Scalar, { nullable: true, description: 'NUMBER: this number, or the closest match (pass the answer point to get a local number).' })
  number?: string;

  @Field(() => String, { nullable: true })
  szu?: string;

  @Field(() => String, { nullable: true })
  location?: string;

  @Field(() => Float, { nullable: true })
  latitude?: number;

  @Field(() => Float, { nullable: true })
  longitude?: number;

  @Field(() => String, { nullable: true })
  prefix?: string;

  @Field(() => NumberKind, { nullable: true })
  kind?: Kind;
}

@InputType({ description: 'AVANSER missed-call notifications.' })
export class AvanserNotificationsInput implements Adapter.AvanserNotifications {
  @Field(() => [String], { nullable: true, description: atMost('AvanserNotificationsInput.emails') })
  emails?: string[];

  @Field(() => [E164Scalar], { nullable: true, description: atMost('AvanserNotificationsInput.smsNumbers') })
  smsNumbers?: string[];
}

@InputType({ description: 'AVANSER: one service request per number, by specific numbers or by a search repeated `count` times.' })
export class AvanserProvisionInput implements Adapter.AvanserProvisionInput {
  @Field(() => String, { nullable: true, defaultValue: 'AU' })
  country?: string;

  @Field(() => [E164Scalar], { nullable: true, description: atMost('AvanserProvisionInput.numbers') })
  numbers?: string[];

  @Field(() => AvanserNumberSearchInput, { nullable: true })
  search?: AvanserNumberSearchInput;

  @Field(() => Int, { nullable: true, description: 'With `search`: how many services (default 1).' })
  count?: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  customId?: string;

  @Field(() => String, { nullable: true })
  customGroup?: string;

  @Field(() => AvanserServiceType, { defaultValue: 'TRANSFER' })
  serviceType!: Adapter.AvanserServiceType;

  @Field(() => E164Scalar, { nullable: true, description: 'Where calls are put through.' })
  answerPoint?: string;

  @Field(() => String, { nullable: true })
  answerPointName?: string;

  @Field(() => Boolean, { nullable: true })
  recordCalls?: boolean;

  @Field(() => AvanserNotificationsInput, { nullable: true })
  missedCallNotifications?: AvanserNotificationsInput;
}

@InputType({ description: 'VoIP Innovations: reserve, then assign each number to an endpoint group.' })
export class VoipInnovationsProvisionInput implements Adapter.VoipInnovationsProvisionInput {
  @Field(() => [E164Scalar], { description: atMost('VoipInnovationsProvisionInput.numbers') })
  numbers!: string[];

  @Field(() => Int, { description: 'Endpoint group the numbers route to.' })
  endpointGroup!: number;

  @Field(() => Boolean, { nullable: true, description: 'Inbound CNAM lookup.' })
  cnam?: boolean;

  @Field(() => String, { nullable: true, description: 'Your reference.' })
  refId?: string;
}

@InputType({ description: 'Provision numbers at a provider: give the block of that provider.' })
export class ProvisionNumbersInput implements Adapter.ProvisionRequest {
  @Field(() => Provider)
  provider!: ProviderName;

  @Field(() => DelaconProvisionInput, { nullable: true })
  delacon?: DelaconProvisionInput;

  @Field(() => AvanserProvisionInput, { nullable: true })
  avanser?: AvanserProvisionInput;

  @Field(() => VoipInnovationsProvisionInput, { nullable: true })
  voipInnovations?: VoipInnovationsProvisionInput;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string;
}

@InputType({ description: 'Numbers at one provider (reserve, release).' })
export class NumbersInput {
  @Field(() => Provider)
  provider!: ProviderName;

  @Field(() => [E164Scalar], { description: atMost('NumbersInput.numbers') })
  numbers!: string[];

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string;
}

@InputType({ description: 'Delacon Update Customer, in readable names. Billing flags (callRecording, callFeedbackSurvey, ivr) are sent alone, one per upstream call.' })
export class DelaconServiceUpdateInput implements Adapter.DelaconServiceUpdate {
  @Field(() => String, { nullable: true }) businessName?: string;
  @Field(() => String, { nullable: true }) businessCategory?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true, description: '13/1300 number.' }) oneThreeHundredNumber?: string;
  @Field(() => E164Scalar, { nullable: true }) terminationNumber?: string;
  @Field(() => String, { nullable: true }) businessId?: string;
  @Field(() => Boolean, { nullable: true, description: 'Whisper before connecting.' }) whisper?: boolean;
  @Field(() => Boolean, { nullable: true }) dnis?: boolean;
  @Field(() => DelaconTransferType, { nullable: true }) transferType?: Adapter.DelaconTransferType;
  @Field(() => Boolean, { nullable: true }) voicemail?: boolean;
  @Field(() => Int, { nullable: true, description: 'Seconds before giving up the transfer, at most 999.' }) transferTimeSeconds?: number;
  @Field(() => Boolean, { nullable: true }) musicOnHold?: boolean;
  @Field(() => String, { nullable: true, description: 'At most 160 characters.' }) smsMessage?: string;
  @Field(() => DelaconCallTracking, { nullable: true }) callTracking?: Adapter.DelaconCallTracking;
  @Field(() => Boolean, { nullable: true, description: 'Billing flag: travels alone.' }) callRecording?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Billing flag: travels alone.' }) callFeedbackSurvey?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Billing flag: travels alone.' }) ivr?: boolean;
}

@InputType({ description: 'AVANSER service update (asynchronous: confirmed by callback).' })
export class AvanserServiceUpdateInput implements Adapter.AvanserServiceUpdate {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) customId?: string;
  @Field(() => String, { nullable: true }) customGroup?: string;
  @Field(() => E164Scalar, { nullable: true }) answerPoint?: string;
  @Field(() => String, { nullable: true }) answerPointName?: string;
  @Field(() => Boolean, { nullable: true }) recordCalls?: boolean;
  @Field(() => AvanserNotificationsInput, { nullable: true }) missedCallNotifications?: AvanserNotificationsInput;
}

@InputType({ description: 'VoIP Innovations DID configuration (configDID).' })
export class VoipInnovationsServiceUpdateInput implements Adapter.VoipInnovationsServiceUpdate {
  @Field(() => Int, { nullable: true }) endpointGroup?: number;
  @Field(() => Boolean, { nullable: true }) cnam?: boolean;
  @Field(() => String, { nullable: true }) refId?: string;
}

@InputType({ description: 'Change a service: give the block of its provider.' })
export class UpdateServiceInput implements Adapter.ServiceUpdateRequest {
  @Field(() => Provider)
  provider!: ProviderName;

  @Field(() => String, { description: 'Delacon company id, AVANSER service number (E.164) or VoIP Innovations DID (E.164).' })
  serviceRef!: string;

  @Field(() => DelaconServiceUpdateInput, { nullable: true })
  delacon?: DelaconServiceUpdateInput;

  @Field(() => AvanserServiceUpdateInput, { nullable: true })
  avanser?: AvanserServiceUpdateInput;

  @Field(() => VoipInnovationsServiceUpdateInput, { nullable: true })
  voipInnovations?: VoipInnovationsServiceUpdateInput;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string;
}

@InputType({ description: 'Which GreenVN to prefer.' })
export class GreenVNPreferencesInput implements Adapter.GreenVNPreferences {
  @Field(() => E164Scalar, { nullable: true, description: 'This specific VN.' })
  greenVN?: string;

  @Field(() => String, { nullable: true, description: 'Exotel region: DL MU MH WB AP TN GJ KA KL RJ MP.' })
  region?: string;

  @Field(() => String, { nullable: true, description: 'Indian PIN code; the closest supported region is used.' })
  pinCode?: string;

  @Field(() => GreenVNType, { nullable: true })
  type?: 'MOBILE' | 'LANDLINE';
}

@InputType({ description: 'Exotel GreenVN allocation.' })
export class AllocateGreenVNInput implements Omit<Adapter.AllocateRequest, 'connectionId'> {
  @Field(() => String, { nullable: true, description: 'Your unique id of the mapping; generated when omitted.' })
  connectionId?: string;

  @Field(() => [E164Scalar], { description: atMost('AllocateGreenVNInput.aPartyNumbers') })
  aPartyNumbers!: string[];

  @Field(() => [E164Scalar], { description: atMost('AllocateGreenVNInput.bPartyNumbers') })
  bPartyNumbers!: string[];

  @Field(() => [Int], { nullable: true, description: atMost('AllocateGreenVNInput.aPartyPins') })
  aPartyPins?: number[];

  @Field(() => [Int], { nullable: true, description: atMost('AllocateGreenVNInput.bPartyPins') })
  bPartyPins?: number[];

  @Field(() => AllocationUsage, { defaultValue: 'TWO_WAY' })
  usage!: Usage;

  @Field(() => Boolean, { nullable: true, description: 'Allocate only if every preference is met.' })
  strict?: boolean;

  @Field(() => GreenVNPreferencesInput, { nullable: true })
  preferences?: GreenVNPreferencesInput;

  @Field(() => Int, { nullable: true, description: 'Deallocate automatically after this many seconds (account default otherwise).' })
  deallocateAfterSeconds?: number;

  @Field(() => String, { nullable: true, description: 'Call flow, when the account has several.' })
  flowId?: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string;
}

@InputType({ description: 'New parties for an active allocation (billed by Exotel as a new allocation).' })
export class UpdateAllocationPartiesInput implements Adapter.UpdatePartiesRequest {
  @Field(() => ID)
  allocationId!: string;

  @Field(() => [E164Scalar], { nullable: true, description: atMost('UpdateAllocationPartiesInput.aPartyNumbers') }) aPartyNumbers?: string[];
  @Field(() => [E164Scalar], { nullable: true, description: atMost('UpdateAllocationPartiesInput.bPartyNumbers') }) bPartyNumbers?: string[];
  @Field(() => [Int], { nullable: true, description: atMost('UpdateAllocationPartiesInput.aPartyPins') }) aPartyPins?: number[];
  @Field(() => [Int], { nullable: true, description: atMost('UpdateAllocationPartiesInput.bPartyPins') }) bPartyPins?: number[];
  @Field(() => AllocationUsage, { nullable: true }) usage?: Usage;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string;
}

@InputType({ description: 'Give an active allocation a different GreenVN.' })
export class ReassignGreenVNInput implements Adapter.ReassignRequest {
  @Field(() => ID)
  allocationId!: string;

  @Field(() => Boolean, { nullable: true }) strict?: boolean;
  @Field(() => GreenVNPreferencesInput, { nullable: true }) preferences?: GreenVNPreferencesInput;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string;
}

@InputType({ description: 'End an allocation now.' })
export class DeallocateGreenVNInput {
  @Field(() => ID)
  allocationId!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string;
}

@InputType({ description: 'Sandbox only: place a call to a number a simulator owns; the simulator emits the provider’s real webhooks.' })
export class SimulateIncomingCallInput {
  @Field(() => E164Scalar, { description: 'A tracking number, service number or green VN in the sandbox.' })
  to!: string;

  @Field(() => E164Scalar)
  from!: string;

  @Field(() => CallOutcome, { defaultValue: 'ANSWERED' })
  outcome!: Exclude<Status, 'RINGING'>;

  @Field(() => Int, { nullable: true, defaultValue: 42 })
  durationSeconds?: number;

  @Field(() => String, { nullable: true, description: 'Exotel: the PIN an unregistered caller enters.' })
  pin?: string;
}

@InputType({ description: 'Which calls.' })
export class CallEventFilter {
  @Field(() => Provider, { nullable: true }) provider?: ProviderName;
  @Field(() => E164Scalar, { nullable: true, description: 'The number dialled.' }) number?: string;
  @Field(() => ID, { nullable: true }) serviceId?: string;
  @Field(() => ID, { nullable: true }) allocationId?: string;
  @Field(() => CallStatus, { nullable: true }) status?: Status;
}

@InputType({ description: 'Which orders.' })
export class OrderFilter {
  @Field(() => Provider, { nullable: true }) provider?: ProviderName;
  @Field(() => OrderStatus, { nullable: true }) status?: string;
  @Field(() => ID, { nullable: true, description: 'Subscriptions: just this order.' }) orderId?: string;
}

@InputType({ description: 'Which allocations.' })
export class AllocationFilter {
  @Field(() => Provider, { nullable: true }) provider?: ProviderName;
  @Field(() => AllocationState, { nullable: true }) state?: AllocationStateName;
}

@InputType({ description: 'Which allocation events.' })
export class AllocationEventFilter {
  @Field(() => Provider, { nullable: true }) provider?: ProviderName;
  @Field(() => ID, { nullable: true }) allocationId?: string;
  @Field(() => [AllocationEventKind], { nullable: true, description: atMost('AllocationEventFilter.kinds') }) kinds?: string[];
}

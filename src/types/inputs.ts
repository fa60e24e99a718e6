/**
 * Input types. A provider's own block (`delacon: DelaconProvisionInput` …) is declared in its
 * folder (`<provider>/inputs.ts`) and added here under its module's name; its adapter reads it.
 */
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { PROVIDER_MODULES } from '../datasources/providers.js';
import { IDEMPOTENCY_KEY } from './common.js';
import { AllocationEventKind, AllocationState, CallOutcome, CallStatus, NumberKind, NumberOrderField, NumberStatus, OrderStatus, Provider, SortDirection, WebhookReceiptStatus } from './enums.js';
import { atMost } from './lists.js';
import { DateTimeScalar, E164Scalar } from './scalars.js';
import { FILTER_LIMITS } from '../domain/calls.js';
import type { AllocationState as AllocationStateName, CallStatus as Status, NumberKind as Kind, NumberStatus as NumberStatusName, ProviderName } from '../domain/model.js';
import type { NumberOrder as NumberOrderShape } from '../store/numbers.js';
import type { WebhookReceiptStatus as ReceiptStatus } from './enums.js';

@InputType({ description: 'Criteria for searching available numbers; each provider uses the ones it knows (see the README).' })
export class NumberSearchInput {
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

@InputType({ description: 'Provision numbers at a provider: give the block of that provider.' })
export class ProvisionNumbersInput {
  @Field(() => Provider)
  provider!: ProviderName;

  /** Each provider's block, added below. */
  [block: string]: unknown;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: 'Numbers at one provider (reserve, release).' })
export class NumbersInput {
  @Field(() => Provider)
  provider!: ProviderName;

  @Field(() => [E164Scalar], { description: atMost('NumbersInput.numbers', 100) })
  numbers!: string[];

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: 'Change a service: give the block of its provider.' })
export class UpdateServiceInput {
  @Field(() => Provider)
  provider!: ProviderName;

  @Field(() => String, { description: 'Delacon company id, AVANSER service number (E.164) or VoIP Innovations DID (E.164).' })
  serviceRef!: string;

  /** Each provider's block, added below. */
  [block: string]: unknown;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
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
  @Field(() => DateTimeScalar, { nullable: true, description: 'Started at or after.' }) startedAfter?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Started before; not before startedAfter.' }) startedBefore?: Date;
  @Field(() => E164Scalar, { nullable: true, description: 'The caller.' }) from?: string;
  @Field(() => Boolean, { nullable: true, description: 'true: ANSWERED; false: ended unanswered (MISSED, BUSY, VOICEMAIL, FAILED). A RINGING call is neither.' }) answered?: boolean;
  @Field(() => String, { nullable: true, description: `Text in the service name (any case); a phone number's digits (spaces, + - . ( ) allowed, a leading 0 left out) in the caller's or the dialled number. At most ${FILTER_LIMITS.search} characters.` }) search?: string;
  @Field(() => String, { nullable: true, description: 'Where the caller came from (see CallStatsDimension.SOURCE; Delacon).' }) source?: string;
  @Field(() => String, { nullable: true, description: 'See CallStatsDimension.CAMPAIGN (Delacon).' }) campaign?: string;
  @Field(() => String, { nullable: true, description: 'The search keywords, exactly (Delacon).' }) keywords?: string;
  @Field(() => String, { nullable: true, description: 'The account’s own id of the call (AVANSER custom id).' }) customId?: string;
  @Field(() => String, { nullable: true, description: 'The account’s own group (AVANSER custom group).' }) customGroup?: string;
}

@InputType({ description: 'Which orders.' })
export class OrderFilter {
  @Field(() => Provider, { nullable: true }) provider?: ProviderName;
  @Field(() => OrderStatus, { nullable: true }) status?: string;
  @Field(() => ID, { nullable: true, description: 'Subscriptions: just this order.' }) orderId?: string;
}

@InputType({ description: 'Which number changes (numberUpdated).' })
export class NumberUpdateFilter {
  @Field(() => Provider, { nullable: true, description: 'Only numbers of this provider.' }) provider?: ProviderName;
  @Field(() => E164Scalar, { nullable: true, description: 'Only this number.' }) e164?: string;
  @Field(() => NumberStatus, { nullable: true, description: 'Only numbers that reached this status.' }) status?: NumberStatusName;
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
  @Field(() => [AllocationEventKind], { nullable: true, description: atMost('AllocationEventFilter.kinds', 10) }) kinds?: string[];
}

@InputType({ description: 'Which numbers of the inventory (every criterion given must hold).' })
export class NumberFilter {
  @Field(() => Provider, { nullable: true, description: 'Only this provider’s.' })
  provider?: ProviderName;

  @Field(() => String, { nullable: true, description: 'Only numbers of this country (ISO 3166 alpha-2, e.g. AU, US, IN).' })
  country?: string;

  @Field(() => NumberKind, { nullable: true })
  kind?: Kind;

  @Field(() => NumberStatus, { nullable: true })
  status?: NumberStatusName;

  @Field(() => ID, { nullable: true, description: 'Only the numbers of this service (a Service id).' })
  serviceId?: string;

  @Field(() => String, { nullable: true, description: 'Digits inside the number (international form), or words inside its region or service reference (any case).' })
  search?: string;
}

@InputType({ description: 'How the inventory is ordered; ties keep the order the gateway kept the numbers in.' })
export class NumberOrder {
  @Field(() => NumberOrderField, { defaultValue: 'ADDED' })
  field!: NumberOrderShape['field'];

  @Field(() => SortDirection, { defaultValue: 'DESC' })
  direction!: NumberOrderShape['direction'];
}

@InputType({ description: 'Which webhook receipts.' })
export class WebhookReceiptFilter {
  @Field(() => Provider, { nullable: true, description: 'Only this provider’s.' })
  provider?: ProviderName;

  @Field(() => WebhookReceiptStatus, { nullable: true, description: 'Only receipts in this state (e.g. UNMATCHED, REJECTED: what a replay may apply).' })
  status?: ReceiptStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only those received after this instant.' })
  receivedAfter?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only those received before this instant; must be after receivedAfter.' })
  receivedBefore?: Date;
}

@InputType({ description: 'Apply a webhook receipt again.' })
export class ReplayWebhookReceiptInput {
  @Field(() => ID, { description: 'The receipt (WebhookReceipt.id): UNMATCHED, REJECTED or FAILED.' })
  id!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

// Each provider's own blocks, under its module's name: the decorators above, applied by hand.
for (const { block, provision, serviceUpdate } of PROVIDER_MODULES.map((m) => m.inputs)) {
  if (provision) Field(() => provision, { nullable: true })(ProvisionNumbersInput.prototype, block);
  if (serviceUpdate) Field(() => serviceUpdate, { nullable: true })(UpdateServiceInput.prototype, block);
}

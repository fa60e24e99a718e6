/**
 * Input types. A provider's own block (`delacon: DelaconProvisionInput` …) is declared in its
 * folder (`<provider>/inputs.ts`) and added here under its module's name; its adapter reads it.
 */
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { PROVIDER_MODULES } from '../datasources/providers.js';
import { IDEMPOTENCY_KEY } from './common.js';
import { AllocationEventKind, AllocationState, CallOutcome, CallStatus, NumberKind, NumberOrderField, NumberStatus, OrderStatus, Provider, ProvisionProvider, SortDirection, WebhookReceiptStatus } from './enums.js';
import { atMost } from './lists.js';
import { DateTimeScalar, E164Scalar } from './scalars.js';
import { FILTER_LIMITS } from '../domain/calls.js';
import type { AllocationState as AllocationStateName, CallStatus as Status, NumberKind as Kind, NumberStatus as NumberStatusName, ProviderName } from '../domain/model.js';
import type { NumberOrder as NumberOrderShape } from '../store/numbers.js';
import type { ProvisionProvider as ProvisionProviderName, WebhookReceiptStatus as ReceiptStatus } from './enums.js';

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

  @Field(() => Float, { nullable: true, description: 'With longitude: numbers near this point (AVANSER).' })
  latitude?: number;

  @Field(() => Float, { nullable: true, description: 'With latitude: numbers near this point (AVANSER).' })
  longitude?: number;

  @Field(() => String, { nullable: true, description: 'Leading digits of the national number (AVANSER).' })
  prefix?: string;

  @Field(() => NumberKind, { nullable: true, description: 'Only numbers of this kind.' })
  kind?: Kind;

  @Field(() => String, { nullable: true, description: 'Local access and transport area (VoIP Innovations).' })
  lata?: string;

  @Field(() => String, { nullable: true, description: 'Rate center, e.g. BRIGHAM CY (VoIP Innovations).' })
  rateCenter?: string;

  @Field(() => String, { nullable: true, description: 'Area code (NANP).' })
  npa?: string;

  @Field(() => String, { nullable: true, description: 'Exchange (NANP).' })
  nxx?: string;

  @Field(() => String, { nullable: true, description: 'Pricing tier (VoIP Innovations).' })
  tier?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only numbers with T.38 fax (VoIP Innovations).' })
  t38?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only numbers with CNAM (VoIP Innovations).' })
  cnam?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only numbers with SMS (VoIP Innovations).' })
  sms?: boolean;
}

@InputType({ description: 'Provision numbers at a provider: give the block of that provider. With provider AUTO: country, kind and count, and the block of each provider you accept (the gateway picks the numbers).' })
export class ProvisionNumbersInput {
  @Field(() => ProvisionProvider, { description: 'The provider to provision at, its block (delacon, avanser, voipInnovations) required; or AUTO (country required).' })
  provider!: ProvisionProviderName;

  @Field(() => String, { nullable: true, description: 'AUTO only (and required there): ISO 3166 alpha-2 country the numbers are in, e.g. AU.' })
  country?: string;

  @Field(() => NumberKind, { nullable: true, description: 'AUTO only: what sort of number (any when left out).' })
  kind?: Kind;

  @Field(() => Int, { nullable: true, description: 'AUTO only: how many numbers, 1 to 20 (default 1).' })
  count?: number;

  @Field(() => NumberSearchInput, { nullable: true, description: 'AUTO only: more stock criteria for each seller’s stock search (state, npa, szu …; country and kind are the fields above). A seller that cannot search by them is skipped.' })
  stock?: NumberSearchInput;

  /** Each provider's block, added below. */
  [block: string]: unknown;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: 'Numbers at one provider (reserve, release).' })
export class NumbersInput {
  @Field(() => Provider, { description: 'The provider holding the numbers.' })
  provider!: ProviderName;

  @Field(() => [E164Scalar], { description: atMost('NumbersInput.numbers', 100) })
  numbers!: string[];

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: 'Change a service: give the block of its provider.' })
export class UpdateServiceInput {
  @Field(() => Provider, { description: 'The provider holding the service; its block is required.' })
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

  @Field(() => E164Scalar, { description: 'The caller.' })
  from!: string;

  @Field(() => CallOutcome, { defaultValue: 'ANSWERED', description: 'How the call ends.' })
  outcome!: Exclude<Status, 'RINGING'>;

  @Field(() => Int, { nullable: true, defaultValue: 42, description: 'How long it lasts, in seconds.' })
  durationSeconds?: number;

  @Field(() => String, { nullable: true, description: 'Exotel: the PIN an unregistered caller enters.' })
  pin?: string;
}

@InputType({ description: 'Which calls.' })
export class CallEventFilter {
  @Field(() => Provider, { nullable: true, description: 'Only calls through this provider.' }) provider?: ProviderName;
  @Field(() => E164Scalar, { nullable: true, description: 'The number dialled.' }) number?: string;
  @Field(() => ID, { nullable: true, description: 'Only calls through this service (its global id).' }) serviceId?: string;
  @Field(() => ID, { nullable: true, description: 'Only calls through this allocation (its global id).' }) allocationId?: string;
  @Field(() => CallStatus, { nullable: true, description: 'Only calls with this status.' }) status?: Status;
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
  @Field(() => Provider, { nullable: true, description: 'Only orders at this provider.' }) provider?: ProviderName;
  @Field(() => OrderStatus, { nullable: true, description: 'Only orders with this status.' }) status?: string;
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
  @Field(() => Provider, { nullable: true, description: 'Only allocations at this provider.' }) provider?: ProviderName;
  @Field(() => AllocationState, { nullable: true, description: 'Only allocations in this state.' }) state?: AllocationStateName;
}

@InputType({ description: 'Which allocation events.' })
export class AllocationEventFilter {
  @Field(() => Provider, { nullable: true, description: 'Only events at this provider.' }) provider?: ProviderName;
  @Field(() => ID, { nullable: true, description: 'Only events of this allocation (its global id).' }) allocationId?: string;
  @Field(() => [AllocationEventKind], { nullable: true, description: atMost('AllocationEventFilter.kinds', 10) }) kinds?: string[];
}

@InputType({ description: 'Which numbers of the inventory (every criterion given must hold).' })
export class NumberFilter {
  @Field(() => Provider, { nullable: true, description: 'Only this provider’s.' })
  provider?: ProviderName;

  @Field(() => String, { nullable: true, description: 'Only numbers of this country (ISO 3166 alpha-2, e.g. AU, US, IN).' })
  country?: string;

  @Field(() => NumberKind, { nullable: true, description: 'Only numbers of this kind.' })
  kind?: Kind;

  @Field(() => NumberStatus, { nullable: true, description: 'Only numbers with this status.' })
  status?: NumberStatusName;

  @Field(() => ID, { nullable: true, description: 'Only the numbers of this service (a Service id).' })
  serviceId?: string;

  @Field(() => String, { nullable: true, description: 'Digits inside the number (international form), or words inside its region or service reference (any case).' })
  search?: string;
}

@InputType({ description: 'How the inventory is ordered; ties keep the order the gateway kept the numbers in.' })
export class NumberOrder {
  @Field(() => NumberOrderField, { defaultValue: 'ADDED', description: 'What to order by.' })
  field!: NumberOrderShape['field'];

  @Field(() => SortDirection, { defaultValue: 'DESC', description: 'Which way.' })
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
for (const { name, inputs: { block, provision, serviceUpdate } } of PROVIDER_MODULES) {
  const description = `For ${name}: required when provider is ${name}.`;
  if (provision) Field(() => provision, { nullable: true, description })(ProvisionNumbersInput.prototype, block);
  if (serviceUpdate) Field(() => serviceUpdate, { nullable: true, description })(UpdateServiceInput.prototype, block);
}

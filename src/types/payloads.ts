/** Mutation payloads: the result, plus userErrors for business outcomes (empty on success). */
import { Field, ObjectType } from 'type-graphql';
import { ErrorCode } from '../errors.js';
import { Allocation } from './allocation.js';
import { NumberResult, UserError } from './common.js';
import { Provider, RoutingOutcome } from './enums.js';
import { Order } from './order.js';
import { Service } from './service.js';
import { WebhookReceipt } from './webhook-receipt.js';

/** Not in the schema (nothing returns it): each payload inherits the field, which type-graphql sees only on a decorated base. */
@ObjectType()
abstract class Payload {
  @Field(() => [UserError], { description: 'Business outcomes that stopped (part of) the mutation. Empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'One provider considered by provisionNumbers, in the order tried.' })
export class RoutingStep {
  @Field(() => Provider, { description: 'The provider this step is about.' })
  provider!: string;

  @Field(() => RoutingOutcome, { description: 'What became of it.' })
  outcome!: string;

  @Field(() => ErrorCode, { nullable: true, description: 'Why it was skipped or refused, where an error code says it (NO_NUMBER_AVAILABLE, a failed stock search).' })
  code?: ErrorCode;

  @Field(() => String, { description: 'Why, in words (the stock found, the refusal, what was missing).' })
  reason!: string;
}

@ObjectType({ description: 'Result of provisionNumbers.' })
export class ProvisionNumbersPayload extends Payload {
  @Field(() => Provider, { nullable: true, description: 'The provider the request went to (null when none did).' })
  provider?: string;

  @Field(() => [RoutingStep], { description: 'How the provider was chosen: with AUTO every seller in the country, in order; else the one named.' })
  routing!: RoutingStep[];

  @Field(() => [Order], { description: 'One per provider transaction (AVANSER: one per number).' })
  orders!: Order[];

  @Field(() => [NumberResult], { description: 'Per-number outcome, where the provider reports one.' })
  numbers!: NumberResult[];
}

@ObjectType({ description: 'Per-number results of reserveNumbers / releaseNumbers.' })
export class NumbersPayload extends Payload {
  @Field(() => [NumberResult], { description: 'One result per number asked for.' })
  numbers!: NumberResult[];
}

@ObjectType({ description: 'One upstream call of a service update and its outcome.' })
export class UpdatePart {
  @Field(() => [String], { description: 'The input fields this part carried.' })
  fields!: string[];

  @Field(() => Boolean, { description: 'The provider accepted this part.' })
  applied!: boolean;

  @Field(() => Boolean, { description: 'Acknowledged, awaiting the provider’s confirmation.' })
  pending!: boolean;

  @Field(() => String, { nullable: true, description: 'The provider’s words, when it gave any.' })
  message?: string;

  @Field(() => ErrorCode, { nullable: true, description: 'Why the part failed, when it did.' })
  code?: ErrorCode;
}

@ObjectType({ description: 'Result of updateService: what was applied, part by part.' })
export class UpdateServicePayload extends Payload {
  @Field(() => Service, { nullable: true, description: 'The service as it stands after the update, when it could be read.' })
  service?: Service;

  @Field(() => Order, { nullable: true, description: 'Set when the provider confirms later (AVANSER); follow it on orderUpdated.' })
  order?: Order;

  @Field(() => [UpdatePart], { description: 'Each upstream call the update needed and what became of it.' })
  parts!: UpdatePart[];
}

@ObjectType({ description: 'Result of an allocation mutation.' })
export class AllocationPayload extends Payload {
  @Field(() => Allocation, { nullable: true, description: 'The allocation as it stands, when the call succeeded.' })
  allocation?: Allocation;
}

@ObjectType({ description: 'Result of simulateIncomingCall.' })
export class SimulateIncomingCallPayload extends Payload {
  @Field(() => Provider, { nullable: true, description: 'The provider whose simulator placed the call.' })
  provider?: string;

  @Field(() => String, { nullable: true, description: 'The call id the webhooks carry; the CallEvent arrives on callEvents.' })
  providerCallId?: string;
}

@ObjectType({ description: 'Result of replayWebhookReceipt.' })
export class ReplayWebhookReceiptPayload extends Payload {
  @Field(() => WebhookReceipt, { nullable: true, description: 'The receipt after the replay: APPLIED, or UNMATCHED again when there is still nothing to apply it to (FAILED: see reason). Null when refused.' })
  receipt?: WebhookReceipt;
}

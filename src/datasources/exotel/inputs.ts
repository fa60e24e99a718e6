/**
 * Exotel's part of the schema: the inputs of the GreenVN mutations (allocateGreenVN,
 * updateAllocationParties, reassignGreenVN, deallocateGreenVN) and their enum. The one shape
 * the adapter reads.
 */
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { AllocationUsage as Usage } from '../../domain/model.js';
import { IDEMPOTENCY_KEY } from '../../types/common.js';
import { AllocationUsage, literals, valuesConfig } from '../../types/enums.js';
import { atMost } from '../../types/lists.js';
import { E164Scalar } from '../../types/scalars.js';
import { REGIONS } from './wire.js';
import { MAX_LENGTH } from './webhooks.js';

export const GreenVNType = literals('MOBILE', 'LANDLINE');
export type GreenVNType = keyof typeof GreenVNType;

registerEnumType(GreenVNType, {
  name: 'GreenVNType',
  description: 'Exotel GreenVN number type preference.',
  valuesConfig: valuesConfig(GreenVNType, { MOBILE: 'A mobile GreenVN.', LANDLINE: 'A landline GreenVN.' }),
});

@InputType({ description: 'Which GreenVN to prefer.' })
export class GreenVNPreferencesInput {
  @Field(() => E164Scalar, { nullable: true, description: 'This specific VN.' })
  greenVN?: string;

  @Field(() => String, { nullable: true, description: `Exotel region: ${REGIONS.join(' ')}.` })
  region?: string;

  @Field(() => String, { nullable: true, description: 'Indian PIN code; the closest supported region is used.' })
  pinCode?: string;

  @Field(() => GreenVNType, { nullable: true, description: 'A mobile or a landline GreenVN.' })
  type?: GreenVNType;
}

@InputType({ description: 'Exotel GreenVN allocation.' })
export class AllocateGreenVNInput {
  @Field(() => String, { nullable: true, description: `Your unique id of the mapping, at most ${MAX_LENGTH.connection_id} characters; generated when omitted.` })
  connectionId?: string;

  @Field(() => [E164Scalar], { description: atMost('AllocateGreenVNInput.aPartyNumbers', 100) })
  aPartyNumbers!: string[];

  @Field(() => [E164Scalar], { description: atMost('AllocateGreenVNInput.bPartyNumbers', 100) })
  bPartyNumbers!: string[];

  @Field(() => [Int], { nullable: true, description: atMost('AllocateGreenVNInput.aPartyPins', 100) })
  aPartyPins?: number[];

  @Field(() => [Int], { nullable: true, description: atMost('AllocateGreenVNInput.bPartyPins', 100) })
  bPartyPins?: number[];

  @Field(() => AllocationUsage, { defaultValue: 'TWO_WAY', description: 'Who may call whom.' })
  usage!: Usage;

  @Field(() => Boolean, { nullable: true, description: 'Allocate only if every preference is met.' })
  strict?: boolean;

  @Field(() => GreenVNPreferencesInput, { nullable: true, description: 'Which GreenVN to take.' })
  preferences?: GreenVNPreferencesInput;

  @Field(() => Int, { nullable: true, description: 'Deallocate automatically after this many seconds (account default otherwise).' })
  deallocateAfterSeconds?: number;

  @Field(() => String, { nullable: true, description: 'Call flow, when the account has several.' })
  flowId?: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: 'New parties for an active allocation (billed by Exotel as a new allocation).' })
export class UpdateAllocationPartiesInput {
  @Field(() => ID, { description: 'The allocation’s global id.' })
  allocationId!: string;

  @Field(() => [E164Scalar], { nullable: true, description: atMost('UpdateAllocationPartiesInput.aPartyNumbers', 100) }) aPartyNumbers?: string[];
  @Field(() => [E164Scalar], { nullable: true, description: atMost('UpdateAllocationPartiesInput.bPartyNumbers', 100) }) bPartyNumbers?: string[];
  @Field(() => [Int], { nullable: true, description: atMost('UpdateAllocationPartiesInput.aPartyPins', 100) }) aPartyPins?: number[];
  @Field(() => [Int], { nullable: true, description: atMost('UpdateAllocationPartiesInput.bPartyPins', 100) }) bPartyPins?: number[];
  @Field(() => AllocationUsage, { nullable: true, description: 'Who may call whom, from now on.' }) usage?: Usage;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: 'Give an active allocation a different GreenVN.' })
export class ReassignGreenVNInput {
  @Field(() => ID, { description: 'The allocation’s global id.' })
  allocationId!: string;

  @Field(() => Boolean, { nullable: true, description: 'Exotel strictness: fail rather than take a GreenVN that does not meet the preferences.' }) strict?: boolean;
  @Field(() => GreenVNPreferencesInput, { nullable: true, description: 'Which GreenVN to take.' }) preferences?: GreenVNPreferencesInput;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: 'End an allocation now.' })
export class DeallocateGreenVNInput {
  @Field(() => ID, { description: 'The allocation’s global id.' })
  allocationId!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

/** An allocation as the adapter gets it: the input, with the connection id the gateway settled. */
export type AllocateRequest = Omit<AllocateGreenVNInput, 'connectionId' | 'idempotencyKey'> & { connectionId: string };
export type UpdatePartiesRequest = Omit<UpdateAllocationPartiesInput, 'allocationId' | 'idempotencyKey'>;
export type ReassignRequest = Omit<ReassignGreenVNInput, 'allocationId' | 'idempotencyKey'>;

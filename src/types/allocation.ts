import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from './connection.js';
import { AllocationEventKind, AllocationState, AllocationUsage, Provider } from './enums.js';
import { Node } from './node.js';
import { DateTimeScalar, E164Scalar, JSONObjectScalar } from './scalars.js';

@ObjectType({ implements: Node, description: 'A masked-number bridge (Exotel GreenVN): a-party and b-party talk through the green VN.' })
export class Allocation extends Node {
  @Field(() => Provider, { description: 'The provider holding the allocation (EXOTEL).' })
  provider!: string;

  @Field(() => String, { description: 'Exotel greenvn_id.' })
  providerRef!: string;

  @Field(() => String, { description: 'Your unique id of this mapping (Exotel connection_id).' })
  connectionId!: string;

  @Field(() => E164Scalar, { nullable: true, description: 'The virtual number both parties call.' })
  greenVN?: string;

  @Field(() => [E164Scalar], { description: 'Callers allowed through the GreenVN (a-party).' })
  aPartyNumbers!: string[];

  @Field(() => [E164Scalar], { description: 'The numbers a-party calls are put through to (b-party).' })
  bPartyNumbers!: string[];

  @Field(() => [Int], { description: 'PINs that let an unregistered caller join the a-party.' })
  aPartyPins!: number[];

  @Field(() => [Int], { description: 'PINs that let an unregistered caller join the b-party.' })
  bPartyPins!: number[];

  @Field(() => AllocationUsage, { description: 'Who may call whom through the GreenVN.' })
  usage!: string;

  @Field(() => AllocationState, { description: 'ACTIVE until deallocated (by you, or by the deallocation policy).' })
  state!: string;

  @Field(() => String, { nullable: true, description: 'The Exotel call flow (app) that handles calls to the GreenVN.' })
  flowId?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the deallocation policy ends it.' })
  expiresAt?: string;

  @Field(() => DateTimeScalar, { description: 'When the gateway made the allocation.' })
  createdAt!: string;

  @Field(() => DateTimeScalar, { description: 'When the gateway last saw it change.' })
  updatedAt!: string;

  @Field(() => DateTimeScalar, { description: 'When the gateway last read it from the provider.' })
  refreshedAt!: string;
}

export const AllocationConnection = Connection('Allocation', Allocation);

@ObjectType({ description: 'Something that happened to an allocation: deallocated by policy, a caller verified by PIN, a failed verification.' })
export class AllocationEvent {
  @Field(() => ID, { description: 'The event’s id.' })
  id!: string;

  @Field(() => Provider, { description: 'The provider that reported it.' })
  provider!: string;

  @Field(() => AllocationEventKind, { description: 'What happened.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Exotel greenvn_id (a failed verification: of the active allocation holding the GreenVN).' })
  allocationRef?: string;

  @Field(() => E164Scalar, { nullable: true, description: 'The GreenVN concerned.' })
  greenVN?: string;

  @Field(() => E164Scalar, { nullable: true, description: 'The caller who verified (or failed to).' })
  caller?: string;

  @Field(() => String, { nullable: true, description: 'The PIN the caller entered.' })
  pin?: string;

  @Field(() => String, { nullable: true, description: 'The provider’s id of the call the event came from (Exotel failed verification call_sid).' })
  providerCallId?: string;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  at!: string;

  @Field(() => JSONObjectScalar, { description: 'The provider payload.' })
  raw!: Record<string, unknown>;
}

import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from './connection.js';
import { AllocationEventKind, AllocationState, AllocationUsage, Provider } from './enums.js';
import { Node } from './node.js';
import { DateTimeScalar, E164Scalar, JSONObjectScalar } from './scalars.js';

@ObjectType({ implements: Node, description: 'A masked-number bridge (Exotel GreenVN): a-party and b-party talk through the green VN.' })
export class Allocation extends Node {
  @Field(() => Provider)
  provider!: string;

  @Field(() => String, { description: 'Exotel greenvn_id.' })
  providerRef!: string;

  @Field(() => String, { description: 'Your unique id of this mapping (Exotel connection_id).' })
  connectionId!: string;

  @Field(() => E164Scalar, { nullable: true, description: 'The virtual number both parties call.' })
  greenVN?: string;

  @Field(() => [E164Scalar])
  aPartyNumbers!: string[];

  @Field(() => [E164Scalar])
  bPartyNumbers!: string[];

  @Field(() => [Int], { description: 'PINs that let an unregistered caller join the a-party.' })
  aPartyPins!: number[];

  @Field(() => [Int], { description: 'PINs that let an unregistered caller join the b-party.' })
  bPartyPins!: number[];

  @Field(() => AllocationUsage)
  usage!: string;

  @Field(() => AllocationState)
  state!: string;

  @Field(() => String, { nullable: true })
  flowId?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the deallocation policy ends it.' })
  expiresAt?: string;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;

  @Field(() => DateTimeScalar, { description: 'When the gateway last read it from the provider.' })
  refreshedAt!: string;
}

export const AllocationConnection = Connection('Allocation', Allocation);

@ObjectType({ description: 'Something that happened to an allocation: deallocated by policy, a caller verified by PIN, a failed verification.' })
export class AllocationEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => Provider)
  provider!: string;

  @Field(() => AllocationEventKind)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Exotel greenvn_id (a failed verification: of the active allocation holding the GreenVN).' })
  allocationRef?: string;

  @Field(() => E164Scalar, { nullable: true })
  greenVN?: string;

  @Field(() => E164Scalar, { nullable: true, description: 'The caller who verified (or failed to).' })
  caller?: string;

  @Field(() => String, { nullable: true })
  pin?: string;

  @Field(() => String, { nullable: true, description: 'The provider’s id of the call the event came from (Exotel failed verification call_sid).' })
  providerCallId?: string;

  @Field(() => DateTimeScalar)
  at!: string;

  @Field(() => JSONObjectScalar, { description: 'The provider payload.' })
  raw!: Record<string, unknown>;
}

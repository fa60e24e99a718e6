/**
 * VoIP Innovations' part of the schema: the `voipInnovations` blocks of ProvisionNumbersInput
 * and UpdateServiceInput. The one shape the adapter reads.
 */
import { Field, InputType, Int } from 'type-graphql';
import { atMost } from '../../types/lists.js';
import { E164Scalar } from '../../types/scalars.js';

@InputType({ description: 'VoIP Innovations: reserve, then assign each number to an endpoint group.' })
export class VoipInnovationsProvisionInput {
  @Field(() => [E164Scalar], { nullable: true, description: atMost('VoipInnovationsProvisionInput.numbers', 100, 'Required, except with provider AUTO (which picks them).') })
  numbers?: string[];

  @Field(() => Int, { description: 'Endpoint group the numbers route to.' })
  endpointGroup!: number;

  @Field(() => Boolean, { nullable: true, description: 'Inbound CNAM lookup.' })
  cnam?: boolean;

  @Field(() => String, { nullable: true, description: 'Your reference.' })
  refId?: string;
}

@InputType({ description: 'VoIP Innovations DID configuration (configDID).' })
export class VoipInnovationsServiceUpdateInput {
  @Field(() => Int, { nullable: true, description: 'The endpoint group the number routes to.' }) endpointGroup?: number;
  @Field(() => Boolean, { nullable: true, description: 'Inbound CNAM lookup.' }) cnam?: boolean;
  @Field(() => String, { nullable: true, description: 'Your reference.' }) refId?: string;
}

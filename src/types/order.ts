import { Field, ObjectType } from 'type-graphql';
import { Connection } from './connection.js';
import { OrderKind, OrderStatus, Provider } from './enums.js';
import { Node } from './node.js';
import { DateTimeScalar, E164Scalar } from './scalars.js';

@ObjectType({ description: 'One step in an order’s life.' })
export class OrderHistoryEntry {
  @Field(() => DateTimeScalar)
  at!: string;

  @Field(() => OrderStatus)
  status!: string;

  @Field(() => String, { nullable: true })
  message?: string;
}

@ObjectType({
  implements: Node,
  description:
    'A provisioning transaction: PENDING until the provider confirms, then COMPLETED or FAILED. Delacon Create Customer (OK/WAIT/FAIL + Post Provisioning Response), an AVANSER request (+ confirmation callback), VoIP Innovations reserve + assign.',
})
export class Order extends Node {
  @Field(() => Provider)
  provider!: string;

  @Field(() => OrderKind)
  kind!: string;

  @Field(() => OrderStatus)
  status!: string;

  @Field(() => String, { nullable: true, description: 'The provider’s reference: Delacon OrderId, AVANSER request_id.' })
  providerRef?: string;

  @Field(() => String, { nullable: true, description: 'The provider’s key of the service: Delacon company id, AVANSER service number, VoIP Innovations DID.' })
  serviceRef?: string;

  @Field(() => [E164Scalar], { description: 'Numbers the order provisioned.' })
  numbers!: string[];

  @Field(() => String, { nullable: true, description: 'The provider’s latest message about the order.' })
  message?: string;

  @Field(() => [OrderHistoryEntry])
  history!: OrderHistoryEntry[];

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}

export const OrderConnection = Connection('Order', Order);

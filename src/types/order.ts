import { Field, ObjectType } from 'type-graphql';
import { Connection } from './connection.js';
import { OrderKind, OrderStatus, Provider } from './enums.js';
import { Node } from './node.js';
import { DateTimeScalar, E164Scalar } from './scalars.js';

@ObjectType({ description: 'One step in an order’s life.' })
export class OrderHistoryEntry {
  @Field(() => DateTimeScalar, { description: 'When the order took this status.' })
  at!: string;

  @Field(() => OrderStatus, { description: 'The status taken.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'The provider’s words, when it gave any.' })
  message?: string;
}

@ObjectType({
  implements: Node,
  description:
    'A provisioning transaction: PENDING until the provider confirms, then COMPLETED or FAILED. Delacon Create Customer (OK/WAIT/FAIL + Post Provisioning Response), an AVANSER request (+ confirmation callback), VoIP Innovations reserve + assign.',
})
export class Order extends Node {
  @Field(() => Provider, { description: 'The provider the order was placed with.' })
  provider!: string;

  @Field(() => OrderKind, { description: 'What the order does.' })
  kind!: string;

  @Field(() => OrderStatus, { description: 'Where the order stands: PENDING until the provider confirms it.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'The provider’s reference: Delacon OrderId, AVANSER request_id.' })
  providerRef?: string;

  @Field(() => String, { nullable: true, description: 'The provider’s key of the service: Delacon company id, AVANSER service number, VoIP Innovations DID.' })
  serviceRef?: string;

  @Field(() => [E164Scalar], { description: 'Numbers the order provisioned.' })
  numbers!: string[];

  @Field(() => String, { nullable: true, description: 'The provider’s latest message about the order.' })
  message?: string;

  @Field(() => String, {
    nullable: true,
    description: 'The provider’s own word for where the request stands, as last seen by the gateway (AVANSER `status` such as `pending`/`active`/`failed`; Delacon `RESULT`/`Result` such as `WAIT`/`OK`/`FAIL`).',
  })
  providerStatus?: string;

  @Field(() => String, { nullable: true, description: 'The provider account the order was placed on, when the provider says (AVANSER confirmation `account_id`).' })
  accountId?: string;

  @Field(() => [OrderHistoryEntry], { description: 'Every status the order has had, oldest first.' })
  history!: OrderHistoryEntry[];

  @Field(() => DateTimeScalar, { description: 'When the order was placed.' })
  createdAt!: string;

  @Field(() => DateTimeScalar, { description: 'When its status last changed.' })
  updatedAt!: string;
}

export const OrderConnection = Connection('Order', Order);

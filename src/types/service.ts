import { Field, ObjectType } from 'type-graphql';
import { KeyValue } from './common.js';
import { Connection } from './connection.js';
import { Provider } from './enums.js';
import { Node } from './node.js';
import { DateTimeScalar, E164Scalar } from './scalars.js';

@ObjectType({
  implements: Node,
  description:
    'What a number does when called: destination, recording, notifications, features. A Delacon company (CID), an AVANSER service, a VoIP Innovations DID configuration.',
})
export class Service extends Node {
  @Field(() => Provider)
  provider!: string;

  @Field(() => String, { description: 'The provider’s key: Delacon company id, AVANSER service number, VoIP Innovations DID.' })
  providerRef!: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => [E164Scalar], { description: 'Numbers that belong to the service, as far as the gateway knows.' })
  numbers!: string[];

  @Field(() => String, { nullable: true, description: 'Where calls go: answer point, termination number or endpoint group.' })
  destination?: string;

  @Field(() => String, { nullable: true })
  destinationName?: string;

  @Field(() => Boolean, { nullable: true, description: 'Are calls recorded?' })
  recording?: boolean;

  @Field(() => [KeyValue], { description: 'Settings in readable form (transferType, whisper, cnam …).' })
  settings!: KeyValue[];

  @Field(() => String, { nullable: true, description: 'AVANSER custom id.' })
  customId?: string;

  @Field(() => String, { nullable: true, description: 'AVANSER custom group.' })
  customGroup?: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When reconciliation found the provider no longer lists it; null while it does.' })
  removedAt?: string;
}

export const ServiceConnection = Connection('Service', Service);

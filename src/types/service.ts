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
  @Field(() => Provider, { description: 'The provider holding the service.' })
  provider!: string;

  @Field(() => String, { description: 'The provider’s key: Delacon company id, AVANSER service number, VoIP Innovations DID.' })
  providerRef!: string;

  @Field(() => String, { nullable: true, description: 'The service’s name (AVANSER service name, Delacon business name).' })
  name?: string;

  @Field(() => [E164Scalar], { description: 'Numbers that belong to the service, as far as the gateway knows.' })
  numbers!: string[];

  @Field(() => String, { nullable: true, description: 'Where calls go: answer point, termination number or endpoint group.' })
  destination?: string;

  @Field(() => String, { nullable: true, description: 'A name for the destination, e.g. AVANSER’s answer point name.' })
  destinationName?: string;

  @Field(() => Boolean, { nullable: true, description: 'Are calls recorded?' })
  recording?: boolean;

  @Field(() => [KeyValue], { description: 'Settings in readable form (transferType, whisper, cnam …).' })
  settings!: KeyValue[];

  @Field(() => String, { nullable: true, description: 'AVANSER custom id.' })
  customId?: string;

  @Field(() => String, { nullable: true, description: 'AVANSER custom group.' })
  customGroup?: string;

  @Field(() => DateTimeScalar, { description: 'When the gateway last read or changed it.' })
  updatedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When reconciliation found the provider no longer lists it; null while it does.' })
  removedAt?: string;
}

export const ServiceConnection = Connection('Service', Service);

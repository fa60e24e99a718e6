import { Field, ObjectType } from 'type-graphql';
import { Provider, ProviderMode } from './enums.js';

@ObjectType({ description: 'A provider behind the gateway and how it is set up.' })
export class ProviderStatus {
  @Field(() => Provider)
  provider!: string;

  @Field(() => ProviderMode)
  mode!: string;

  @Field(() => Boolean, { description: 'Real credentials are configured.' })
  configured!: boolean;

  @Field(() => Boolean, { description: 'Served by the in-process simulator.' })
  sandbox!: boolean;

  @Field(() => Boolean, { description: 'No infrastructure failure talking to it in the last 30 seconds (or it recovered since).' })
  healthy!: boolean;

  @Field(() => [String], { description: 'Gateway operations this provider supports.' })
  operations!: string[];

  @Field(() => [String], { description: 'Webhook events it sends, each at /webhooks/<provider>/<event>.' })
  webhookEvents!: string[];
}

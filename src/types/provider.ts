import { Field, ObjectType } from 'type-graphql';
import { Provider, ProviderMode } from './enums.js';

@ObjectType({ description: 'A provider behind the gateway and how it is set up.' })
export class ProviderStatus {
  @Field(() => Provider, { description: 'The provider.' })
  provider!: string;

  @Field(() => ProviderMode, { description: 'How the gateway reaches it.' })
  mode!: string;

  @Field(() => Boolean, { description: 'Real credentials are configured.' })
  configured!: boolean;

  @Field(() => Boolean, { description: 'Served by the in-process simulator.' })
  sandbox!: boolean;

  @Field(() => Boolean, { description: 'No infrastructure failure talking to it in the last 30 seconds (or it recovered since).' })
  healthy!: boolean;

  @Field(() => [String], {
    description:
      'The root fields (queries and mutations) this provider answers from its own API, e.g. availableNumbers, provisionNumbers; any other field taking this provider answers UNSUPPORTED_BY_PROVIDER, except numbers, number, services and service, which then answer from the gateway’s records.',
  })
  operations!: string[];

  @Field(() => [String], { description: 'Webhook events it sends, each at /webhooks/<provider>/<event>.' })
  webhookEvents!: string[];
}

@ObjectType({ description: 'A provider’s conference line: an account-wide conference bridge (VoIP Innovations). Its PIN is a credential and never leaves the gateway.' })
export class ConferenceLine {
  @Field(() => Boolean, { description: 'The conference line is switched on for the account.' })
  enabled!: boolean;
}

@ObjectType({ description: 'Account-wide features of a provider account, as the provider reports them.' })
export class ProviderAccount {
  @Field(() => Provider, { description: 'The provider.' })
  provider!: string;

  @Field(() => ConferenceLine, { nullable: true, description: 'The account’s conference line; null when the provider did not say.' })
  conferenceLine!: ConferenceLine | null;
}

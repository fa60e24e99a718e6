/**
 * AVANSER's part of the schema: the `avanser` blocks of ProvisionNumbersInput and
 * UpdateServiceInput, and its enums. The one shape the adapter reads.
 */
import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';
import type { NumberKind as Kind } from '../../domain/model.js';
import { literals, NumberKind } from '../../types/enums.js';
import { atMost } from '../../types/lists.js';
import { E164Scalar } from '../../types/scalars.js';

export const AvanserSearchType = literals('NUMBER', 'SZU', 'LOCATION', 'COORDINATES', 'PREFIX', 'NUMBER_TYPE');
export type AvanserSearchType = keyof typeof AvanserSearchType;
export const AvanserServiceType = literals('TRANSFER', 'VOICEMAIL', 'PROMPT');
export type AvanserServiceType = keyof typeof AvanserServiceType;

registerEnumType(AvanserSearchType, { name: 'AvanserSearchType', description: 'How AVANSER picks a number for a new service.' });
registerEnumType(AvanserServiceType, { name: 'AvanserServiceType', description: 'What an AVANSER service does with a call.' });

@InputType({ description: 'AVANSER: how to pick a number for a new service.' })
export class AvanserNumberSearchInput {
  @Field(() => AvanserSearchType)
  type!: AvanserSearchType;

  @Field(() => E164Scalar, { nullable: true, description: 'NUMBER: this number, or the closest match (pass the answer point to get a local number).' })
  number?: string;

  @Field(() => String, { nullable: true })
  szu?: string;

  @Field(() => String, { nullable: true })
  location?: string;

  @Field(() => Float, { nullable: true })
  latitude?: number;

  @Field(() => Float, { nullable: true })
  longitude?: number;

  @Field(() => String, { nullable: true })
  prefix?: string;

  @Field(() => NumberKind, { nullable: true })
  kind?: Kind;
}

@InputType({ description: 'AVANSER missed-call notifications.' })
export class AvanserNotificationsInput {
  @Field(() => [String], { nullable: true, description: atMost('AvanserNotificationsInput.emails', 20) })
  emails?: string[];

  @Field(() => [E164Scalar], { nullable: true, description: atMost('AvanserNotificationsInput.smsNumbers', 20) })
  smsNumbers?: string[];
}

@InputType({ description: 'AVANSER: one service request per number, by specific numbers or by a search repeated `count` times.' })
export class AvanserProvisionInput {
  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166 alpha-2 country of the stock searched. Default: each listed number’s own country; for a search, AU.',
  })
  country?: string;

  @Field(() => [E164Scalar], { nullable: true, description: atMost('AvanserProvisionInput.numbers', 100) })
  numbers?: string[];

  @Field(() => AvanserNumberSearchInput, { nullable: true })
  search?: AvanserNumberSearchInput;

  @Field(() => Int, { nullable: true, description: 'With `search`: how many services (default 1).' })
  count?: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  customId?: string;

  @Field(() => String, { nullable: true })
  customGroup?: string;

  @Field(() => AvanserServiceType, { defaultValue: 'TRANSFER' })
  serviceType!: AvanserServiceType;

  @Field(() => E164Scalar, { nullable: true, description: 'Where calls are put through.' })
  answerPoint?: string;

  @Field(() => String, { nullable: true })
  answerPointName?: string;

  @Field(() => Boolean, { nullable: true })
  recordCalls?: boolean;

  @Field(() => AvanserNotificationsInput, { nullable: true })
  missedCallNotifications?: AvanserNotificationsInput;
}

@InputType({ description: 'AVANSER service update (asynchronous: confirmed by callback).' })
export class AvanserServiceUpdateInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) customId?: string;
  @Field(() => String, { nullable: true }) customGroup?: string;
  @Field(() => E164Scalar, { nullable: true }) answerPoint?: string;
  @Field(() => String, { nullable: true }) answerPointName?: string;
  @Field(() => Boolean, { nullable: true }) recordCalls?: boolean;
  @Field(() => AvanserNotificationsInput, { nullable: true }) missedCallNotifications?: AvanserNotificationsInput;
}

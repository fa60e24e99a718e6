/**
 * AVANSER's part of the schema: the `avanser` blocks of ProvisionNumbersInput and
 * UpdateServiceInput, and its enums. The one shape the adapter reads.
 */
import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';
import type { NumberKind as Kind } from '../../domain/model.js';
import { literals, NumberKind, valuesConfig } from '../../types/enums.js';
import { atMost } from '../../types/lists.js';
import { E164Scalar } from '../../types/scalars.js';

export const AvanserSearchType = literals('NUMBER', 'SZU', 'LOCATION', 'COORDINATES', 'PREFIX', 'NUMBER_TYPE');
export type AvanserSearchType = keyof typeof AvanserSearchType;
export const AvanserServiceType = literals('TRANSFER', 'VOICEMAIL', 'PROMPT');
export type AvanserServiceType = keyof typeof AvanserServiceType;

registerEnumType(AvanserSearchType, {
  name: 'AvanserSearchType',
  description: 'How AVANSER picks a number for a new service.',
  valuesConfig: valuesConfig(AvanserSearchType, {
    NUMBER: 'That number if in stock, else the closest one in the same area.',
    SZU: 'A number in a Standard Zone Unit (szu).',
    LOCATION: 'A number for a place named in words (location).',
    COORDINATES: 'A number near a point (latitude, longitude).',
    PREFIX: 'A number starting with these digits (prefix).',
    NUMBER_TYPE: 'A number of a kind (kind).',
  }),
});
registerEnumType(AvanserServiceType, {
  name: 'AvanserServiceType',
  description: 'What an AVANSER service does with a call.',
  valuesConfig: valuesConfig(AvanserServiceType, {
    TRANSFER: 'Puts the call through to the answer point.',
    VOICEMAIL: 'Takes a voicemail.',
    PROMPT: 'Plays a prompt.',
  }),
});

@InputType({ description: 'AVANSER: how to pick a number for a new service.' })
export class AvanserNumberSearchInput {
  @Field(() => AvanserSearchType, { description: 'How AVANSER picks the number.' })
  type!: AvanserSearchType;

  @Field(() => E164Scalar, { nullable: true, description: 'NUMBER: this number, or the closest match (pass the answer point to get a local number).' })
  number?: string;

  @Field(() => String, { nullable: true, description: 'With SZU: the Standard Zone Unit, e.g. sydney.' })
  szu?: string;

  @Field(() => String, { nullable: true, description: 'With LOCATION: location words.' })
  location?: string;

  @Field(() => Float, { nullable: true, description: 'With COORDINATES: latitude.' })
  latitude?: number;

  @Field(() => Float, { nullable: true, description: 'With COORDINATES: longitude.' })
  longitude?: number;

  @Field(() => String, { nullable: true, description: 'With PREFIX: leading digits of the national number.' })
  prefix?: string;

  @Field(() => NumberKind, { nullable: true, description: 'With NUMBER_TYPE: the kind of number.' })
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

  @Field(() => AvanserNumberSearchInput, { nullable: true, description: 'Or let AVANSER pick numbers matching this.' })
  search?: AvanserNumberSearchInput;

  @Field(() => Int, { nullable: true, description: 'With `search`: how many services (default 1).' })
  count?: number;

  @Field(() => String, { description: 'The new service’s name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Your id for the service, kept by AVANSER.' })
  customId?: string;

  @Field(() => String, { nullable: true, description: 'Your group for the service, kept by AVANSER.' })
  customGroup?: string;

  @Field(() => AvanserServiceType, { defaultValue: 'TRANSFER', description: 'What the service does with a call.' })
  serviceType!: AvanserServiceType;

  @Field(() => E164Scalar, { nullable: true, description: 'Where calls are put through.' })
  answerPoint?: string;

  @Field(() => String, { nullable: true, description: 'A name for the answer point.' })
  answerPointName?: string;

  @Field(() => Boolean, { nullable: true, description: 'Record calls.' })
  recordCalls?: boolean;

  @Field(() => AvanserNotificationsInput, { nullable: true, description: 'Who hears of missed calls.' })
  missedCallNotifications?: AvanserNotificationsInput;
}

@InputType({ description: 'AVANSER service update (asynchronous: confirmed by callback).' })
export class AvanserServiceUpdateInput {
  @Field(() => String, { nullable: true, description: 'The service’s name.' }) name?: string;
  @Field(() => String, { nullable: true, description: 'Your id for the service.' }) customId?: string;
  @Field(() => String, { nullable: true, description: 'Your group for the service.' }) customGroup?: string;
  @Field(() => E164Scalar, { nullable: true, description: 'Where calls are put through.' }) answerPoint?: string;
  @Field(() => String, { nullable: true, description: 'A name for the answer point.' }) answerPointName?: string;
  @Field(() => Boolean, { nullable: true, description: 'Record calls.' }) recordCalls?: boolean;
  @Field(() => AvanserNotificationsInput, { nullable: true, description: 'Who hears of missed calls.' }) missedCallNotifications?: AvanserNotificationsInput;
}

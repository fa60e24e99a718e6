import { Field, Int, ObjectType } from 'type-graphql';
import { Connection } from './connection.js';
import { KeyValue } from './common.js';
import { ErrorCode } from '../errors.js';
import { NumberCapability, NumberKind, NumberStatus, Provider, StockPool } from './enums.js';
import { Node } from './node.js';
import { DateTimeScalar, E164Scalar } from './scalars.js';

@ObjectType({ implements: Node, description: 'A number in stock or owned, at any provider.' })
export class PhoneNumber extends Node {
  @Field(() => E164Scalar, { description: 'The number, in E.164.' })
  e164!: string;

  @Field(() => String, { description: 'National form with trunk prefix, e.g. 0280740802.' })
  national!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166 country code.' })
  country?: string;

  @Field(() => NumberKind, { nullable: true, description: 'What sort of number it is, when the provider says.' })
  kind?: string;

  @Field(() => NumberStatus, { description: 'Where the number stands.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'The provider’s region words: "NSW: Sydney", "UT", "KA".' })
  region?: string;

  @Field(() => Provider, { description: 'The provider it is stocked at or owned through.' })
  provider!: string;

  @Field(() => [NumberCapability], { description: 'What it can do (VOICE always).' })
  capabilities!: string[];

  @Field(() => StockPool, { nullable: true, description: 'AVANSER: private stock or public stock.' })
  pool?: string;

  @Field(() => String, { nullable: true, description: 'VoIP Innovations rate center.' })
  rateCenter?: string;

  @Field(() => String, { nullable: true, description: 'VoIP Innovations LATA.' })
  lata?: string;

  @Field(() => String, { nullable: true, description: 'VoIP Innovations pricing tier.' })
  tier?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a reservation lapses (VoIP Innovations holds for 30 minutes).' })
  reservedUntil?: string;

  @Field(() => [KeyValue], { description: 'Provider-specific facts shown verbatim (status text, endpoint group, CNAM …).' })
  details!: KeyValue[];
}

export const PhoneNumberConnection = Connection('PhoneNumber', PhoneNumber);

@ObjectType({ description: 'How one provider answered a stock search.' })
export class StockSource {
  @Field(() => Provider, { description: 'The provider asked.' })
  provider!: string;

  @Field(() => Boolean, { description: 'Whether its numbers are in the answer; when false, the others still are.' })
  ok!: boolean;

  @Field(() => ErrorCode, { nullable: true, description: 'Why not (UPSTREAM_TIMEOUT, UPSTREAM_UNAVAILABLE, UNSUPPORTED_FILTER …).' })
  code?: string;

  @Field(() => String, { nullable: true, description: 'Why not, in words.' })
  message?: string;
}

@ObjectType({ description: 'Numbers in stock, from one provider or from every provider selling in a country, each labelled with its provider.' })
export class AvailableNumberConnection extends PhoneNumberConnection {
  @Field(() => [StockSource], { description: 'Each provider asked, in order, and whether it answered: a partial answer names who is missing and why.' })
  sources!: StockSource[];
}

@ObjectType({ description: 'A kind of number a Delacon region offers; `key` is what provisioning takes as numberType.' })
export class NumberType {
  @Field(() => String, { description: 'What provisioning takes as numberType.' })
  key!: string;

  @Field(() => String, { description: 'Delacon’s words for the type.' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'The region the provider answered for, in its own words (Delacon Region: ja-jp).' })
  region?: string;
}

@ObjectType({ description: 'How many numbers are available in one group.' })
export class NumberCount {
  @Field(() => Int, { description: 'Numbers available in the group.' })
  count!: number;

  @Field(() => String, { nullable: true, description: 'The group’s state, when grouped by STATE.' })
  state?: string;

  @Field(() => String, { nullable: true, description: 'The group’s rate center, when grouped by RATE_CENTER.' })
  rateCenter?: string;

  @Field(() => String, { nullable: true, description: 'The group’s LATA, when grouped by LATA.' })
  lata?: string;

  @Field(() => String, { nullable: true, description: 'The group’s tier, when grouped by TIER.' })
  tier?: string;
}

@ObjectType({ description: 'Available-number counts, grouped.' })
export class NumberCountResult {
  @Field(() => Int, { description: 'Sum over all groups.' })
  total!: number;

  @Field(() => [NumberCount], { description: 'One count per group.' })
  groups!: NumberCount[];
}

@ObjectType({ description: 'Whether a number can be ported in.' })
export class Portability {
  @Field(() => E164Scalar, { description: 'The number checked.' })
  e164!: string;

  @Field(() => Boolean, { description: 'It can be ported in.' })
  portable!: boolean;

  @Field(() => String, { nullable: true, description: 'The provider’s reason, when it gives one.' })
  message?: string;
}

@ObjectType({ description: 'One number of a port-in request (VoIP Innovations PortDID).' })
export class PortNumber {
  @Field(() => E164Scalar, { description: 'The number.' })
  e164!: string;

  @Field(() => String, { nullable: true, description: 'Its pricing tier at VoIP Innovations.' })
  tier?: string;

  @Field(() => String, { nullable: true, description: 'Its rate center.' })
  rateCenter?: string;

  @Field(() => String, { nullable: true, description: 'Its US state.' })
  state?: string;

  @Field(() => String, { nullable: true, description: 'Its LATA.' })
  lata?: string;

  @Field(() => Int, { nullable: true, description: 'The endpoint group it would be routed to.' })
  endpointGroup?: number;

  @Field(() => Boolean, { nullable: true, description: 'Inbound caller-name lookup asked for.' })
  cnamLookup?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'E911 service asked for.' })
  e911?: boolean;
}

@ObjectType({ description: 'A port-in request and where it stands.' })
export class PortDetails {
  @Field(() => Int, { description: 'The port request’s id.' })
  portId!: number;

  @Field(() => String, { description: 'e.g. PENDING SIGNATURE' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'The end user named on the request.' })
  endUser?: string;

  @Field(() => E164Scalar, { nullable: true, description: 'The billing telephone number at the losing carrier.' })
  billingNumber?: string;

  @Field(() => String, { nullable: true, description: 'The losing carrier.' })
  portingFrom?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the request was submitted.' })
  submittedAt?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Firm order commitment date.' })
  focAt?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The firm order commitment date asked for.' })
  requestedFocAt?: string;

  @Field(() => [E164Scalar], { description: 'The numbers being ported.' })
  numbers!: string[];

  @Field(() => String, { nullable: true, description: 'The provider’s sales representative on the port.' })
  salesRep?: string;

  @Field(() => Int, { nullable: true, description: 'The endpoint group the ported numbers ring by default.' })
  defaultEndpointGroup?: number;

  @Field(() => [PortNumber], { description: 'Each number of the port, as the provider describes it.' })
  numberDetails!: PortNumber[];
}

import { Field, Int, ObjectType } from 'type-graphql';
import { Connection } from './connection.js';
import { KeyValue } from './common.js';
import { ErrorCode } from '../errors.js';
import { NumberCapability, NumberKind, NumberStatus, Provider, StockPool } from './enums.js';
import { Node } from './node.js';
import { DateTimeScalar, E164Scalar } from './scalars.js';

@ObjectType({ implements: Node, description: 'A number in stock or owned, at any provider.' })
export class PhoneNumber extends Node {
  @Field(() => E164Scalar)
  e164!: string;

  @Field(() => String, { description: 'National form with trunk prefix, e.g. 0280740802.' })
  national!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166 country code.' })
  country?: string;

  @Field(() => NumberKind, { nullable: true })
  kind?: string;

  @Field(() => NumberStatus)
  status!: string;

  @Field(() => String, { nullable: true, description: 'The provider’s region words: "NSW: Sydney", "UT", "KA".' })
  region?: string;

  @Field(() => Provider)
  provider!: string;

  @Field(() => [NumberCapability])
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
  @Field(() => Provider)
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
  @Field(() => String)
  key!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { nullable: true, description: 'The region the provider answered for, in its own words (Delacon Region: ja-jp).' })
  region?: string;
}

@ObjectType({ description: 'How many numbers are available in one group.' })
export class NumberCount {
  @Field(() => Int)
  count!: number;

  @Field(() => String, { nullable: true })
  state?: string;

  @Field(() => String, { nullable: true })
  rateCenter?: string;

  @Field(() => String, { nullable: true })
  lata?: string;

  @Field(() => String, { nullable: true })
  tier?: string;
}

@ObjectType({ description: 'Available-number counts, grouped.' })
export class NumberCountResult {
  @Field(() => Int, { description: 'Sum over all groups.' })
  total!: number;

  @Field(() => [NumberCount])
  groups!: NumberCount[];
}

@ObjectType({ description: 'Whether a number can be ported in.' })
export class Portability {
  @Field(() => E164Scalar)
  e164!: string;

  @Field(() => Boolean)
  portable!: boolean;

  @Field(() => String, { nullable: true })
  message?: string;
}

@ObjectType({ description: 'One number of a port-in request (VoIP Innovations PortDID).' })
export class PortNumber {
  @Field(() => E164Scalar)
  e164!: string;

  @Field(() => String, { nullable: true })
  tier?: string;

  @Field(() => String, { nullable: true })
  rateCenter?: string;

  @Field(() => String, { nullable: true })
  state?: string;

  @Field(() => String, { nullable: true })
  lata?: string;

  @Field(() => Int, { nullable: true })
  endpointGroup?: number;

  @Field(() => Boolean, { nullable: true, description: 'Inbound caller-name lookup asked for.' })
  cnamLookup?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'E911 service asked for.' })
  e911?: boolean;
}

@ObjectType({ description: 'A port-in request and where it stands.' })
export class PortDetails {
  @Field(() => Int)
  portId!: number;

  @Field(() => String, { description: 'e.g. PENDING SIGNATURE' })
  status!: string;

  @Field(() => String, { nullable: true })
  endUser?: string;

  @Field(() => E164Scalar, { nullable: true })
  billingNumber?: string;

  @Field(() => String, { nullable: true })
  portingFrom?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Firm order commitment date.' })
  focAt?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  requestedFocAt?: string;

  @Field(() => [E164Scalar])
  numbers!: string[];

  @Field(() => String, { nullable: true, description: 'The provider’s sales representative on the port.' })
  salesRep?: string;

  @Field(() => Int, { nullable: true, description: 'The endpoint group the ported numbers ring by default.' })
  defaultEndpointGroup?: number;

  @Field(() => [PortNumber], { description: 'Each number of the port, as the provider describes it.' })
  numberDetails!: PortNumber[];
}

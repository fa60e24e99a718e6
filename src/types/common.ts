/** Small shared object types: user errors, per-number results, key/value settings. */
import { Field, ObjectType } from 'type-graphql';
import { ErrorCode } from '../errors.js';
import { NumberStatus } from './enums.js';
import { DateTimeScalar, E164Scalar } from './scalars.js';

/** The description of every mutation input's `idempotencyKey`. */
export const IDEMPOTENCY_KEY =
  "Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. When a provider's answer was lost (OUTCOME_UNKNOWN), the same key returns what was done once the gateway has found out, and never does it twice. Kept for 48 hours.";

@ObjectType({ description: 'A business outcome the caller can act on (no stock, invalid number, duplicate connection id …).' })
export class UserError {
  @Field(() => ErrorCode, { description: 'What went wrong, for programs.' })
  code!: ErrorCode;

  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "delacon", "count"].' })
  field?: string[];

  @Field(() => String, { description: 'What went wrong, for people.' })
  message!: string;
}

@ObjectType({ description: 'What became of one number in a multi-number mutation: some may succeed while others fail.' })
export class NumberResult {
  @Field(() => E164Scalar, { description: 'The number, in E.164.' })
  e164!: string;

  @Field(() => Boolean, { description: 'The operation succeeded for this number.' })
  ok!: boolean;

  @Field(() => NumberStatus, { nullable: true, description: 'Where the number stands now, when known.' })
  status?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a reservation lapses.' })
  reservedUntil?: string;

  @Field(() => String, { nullable: true, description: 'The provider’s words for what happened.' })
  message?: string;

  @Field(() => ErrorCode, { nullable: true, description: 'Set when ok is false.' })
  code?: ErrorCode;

  @Field(() => String, { nullable: true, description: 'The provider’s own code for this number (VoIP Innovations statusCode, or the answer’s responseCode when it refused the whole call).' })
  providerCode?: string;

  @Field(() => String, { nullable: true, description: 'The provider’s own words for this number, verbatim (VoIP Innovations status, or the answer’s responseMessage).' })
  providerMessage?: string;
}

@ObjectType({ description: 'A named setting, as the provider holds it, in readable form.' })
export class KeyValue {
  @Field(() => String, { description: 'The setting’s name.' })
  key!: string;

  @Field(() => String, { description: 'Its value, as text.' })
  value!: string;
}

export function keyValues(record: Record<string, string> | undefined): KeyValue[] {
  return Object.entries(record ?? {}).map(([key, value]) => ({ key, value }));
}

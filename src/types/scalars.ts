/** Custom scalars: E164 phone numbers, DateTime, JSONObject (provider payloads). */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { InvalidPhoneNumber, toE164 } from '../domain/phone.js';

function parseE164(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError(`E164 must be a string like "+61280740802", got ${JSON.stringify(value)}`);
  try {
    return toE164(value);
  } catch (err) {
    if (err instanceof InvalidPhoneNumber) throw new GraphQLError(`${err.message}; expected E.164 like "+61280740802"`);
    throw err;
  }
}

export const E164Scalar = new GraphQLScalarType({
  name: 'E164',
  description: 'A phone number in E.164 form, e.g. "+61280740802". Input is normalised (spaces and punctuation are accepted) and validated; an invalid number is refused with a message naming it.',
  serialize: (value) => String(value),
  parseValue: parseE164,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`E164 must be a string like "+61280740802"`);
    return parseE164(ast.value);
  },
});

/**
 * The instants the store holds: years 1 to 9999 in UTC. PostgreSQL has no year 0 (1 BC), which
 * ISO 8601 and JavaScript have, and an ISO string past 9999 takes a sign it does not read.
 */
const FIRST = '0001-01-01T00:00:00.000Z';
const LAST = '9999-12-31T23:59:59.999Z';

function inStoreRange(date: Date): Date {
  const t = date.getTime();
  if (t < Date.parse(FIRST) || t > Date.parse(LAST)) throw new GraphQLError(`DateTime must be from ${FIRST} to ${LAST} in UTC, got ${date.toISOString()}`);
  return date;
}

/** graphql-scalars' DateTime, refusing instants outside the store's range. */
export const DateTimeScalar = new GraphQLScalarType<Date, Date | string>({
  ...DateTimeResolver.toConfig(),
  parseValue: (value) => inStoreRange(DateTimeResolver.parseValue(value)),
  parseLiteral: (ast, variables) => inStoreRange(DateTimeResolver.parseLiteral(ast, variables)),
});
export const JSONObjectScalar = JSONObjectResolver;

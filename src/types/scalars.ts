/** Custom scalars: E164 phone numbers, DateTime, JSONObject (provider payloads). */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { InvalidPhoneNumber, toE164 } from '../domain/phone.js';
import { INSTANTS, inInstants } from '../domain/values.js';

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

function withinInstants(date: Date): Date {
  if (!inInstants(date.getTime())) throw new GraphQLError(`DateTime must be from ${INSTANTS.first} to ${INSTANTS.last} in UTC, got ${date.toISOString()}`);
  return date;
}

/** graphql-scalars' DateTime, refusing instants outside the gateway's (src/domain/values.ts). */
export const DateTimeScalar = new GraphQLScalarType<Date, Date | string>({
  ...DateTimeResolver.toConfig(),
  parseValue: (value) => withinInstants(DateTimeResolver.parseValue(value)),
  parseLiteral: (ast, variables) => withinInstants(DateTimeResolver.parseLiteral(ast, variables)),
});
export const JSONObjectScalar = JSONObjectResolver;

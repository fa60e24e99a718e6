/**
 * Every root field of the schema, run with generated arguments. Each argument is a variable of
 * the argument's own type or, for a non-null argument with a default, of its nullable form; its
 * value is generated from that type: valid values, near misses, nulls, values left out, a single
 * value for a list, junk. Whatever comes in, the answer is never a 5xx, never INTERNAL and shows
 * nothing internal: queries and mutations over HTTP, subscriptions over WebSocket. A query is
 * also sent through Fastify and Apollo, and must get the fast path's bytes.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/types/node.js';
import { wellFormed, type GraphQLAnswer } from '../helpers/answers.js';
import { bothPaths, type Answer } from '../helpers/both-paths.js';
import { RW_KEY, startTestGateway, wsResult, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
let post: ReturnType<typeof bothPaths>['post'];
let bothWays: ReturnType<typeof bothPaths>['bothWays'];
beforeAll(async () => {
  gw = await startTestGateway({ RATE_LIMIT_PER_MINUTE: '1000000', SWITCHBOARD_API_KEYS: `${RW_KEY}=read,write,admin`, SANDBOX_TIME_SCALE: '0.001' });
  ({ post, bothWays } = bothPaths(gw.graphqlUrl, unstamped));
});
afterAll(async () => {
  await gw?.close();
});

const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));

const ids = ['garbage', toGlobalId('PhoneNumber', 'VOIP_INNOVATIONS:+14352151002'), toGlobalId('PhoneNumber', 'x'), toGlobalId('Order', '1'), toGlobalId('Service', 'AVANSER:x'), toGlobalId('Allocation', 'EXOTEL:x'), toGlobalId('CallEvent', 'x')];
/** Values each scalar reads, and values it must refuse. */
const SCALARS: Record<string, { valid: unknown[]; invalid: unknown[] }> = {
  Int: { valid: [0, 1, 2, 20, 100, 101, -1], invalid: [2 ** 31, 1.5, '1'] },
  Float: { valid: [0, 1.5, -1, 1e308], invalid: ['1.5'] },
  String: { valid: ['', 'x', 'sydney', 'AU', 'Australia/Sydney', 'a'.repeat(300), 'é ü', '+61280740802'], invalid: [1] },
  Boolean: { valid: [true, false], invalid: ['true'] },
  ID: { valid: ids, invalid: [1.5, ['x']] },
  DateTime: { valid: ['2024-06-01T00:00:00Z', '2024-06-01T00:00:00+05:30', '9999-12-31T23:59:59Z'], invalid: ['0000-06-01T00:00:00Z', 'yesterday', '2024-06-01'] },
  E164: { valid: ['+61280740802', '+14352151002', '+919811000101', '+61 2 8074 0802'], invalid: ['0280740802', '+1', 'x'] },
  JSONObject: { valid: [{}, { a: 1 }, { nested: { list: [1, 'two'] } }], invalid: ['{}', [1]] },
};
const junk = fc.constantFrom<unknown>(null, 0, 1.5, '', 'x', true, [], {}, { a: 1 });

/**
 * A value of `type`, to a few levels of input objects. Clean: each value one the type could
 * take (so that most operations reach their resolvers); dirty: now and then a null, a near
 * miss or junk at any level (so that coercion and the resolvers' own checks are tried).
 */
function valueOf(type: GraphQLInputType, depth: number, dirty: boolean): fc.Arbitrary<unknown> {
  const now = (valid: fc.Arbitrary<unknown>, wrong: fc.Arbitrary<unknown>) => (dirty ? fc.oneof({ arbitrary: valid, weight: 10 }, { arbitrary: wrong, weight: 1 }) : valid);
  if (isNonNullType(type)) return now(valueOf(type.ofType, depth, dirty), fc.constant(null));
  const nullable = (valid: fc.Arbitrary<unknown>, wrong: fc.Arbitrary<unknown> = junk) => now(valid, fc.oneof(fc.constant(null), wrong));
  if (isListType(type)) {
    const item = valueOf(type.ofType, depth + 1, dirty);
    // A single value stands for a list of one (input coercion).
    return nullable(fc.oneof({ arbitrary: fc.array(item, { maxLength: 3 }), weight: 4 }, { arbitrary: item, weight: 1 }));
  }
  if (isEnumType(type)) return nullable(fc.constantFrom(...type.getValues().map((v) => v.name)), fc.constantFrom('NOPE', type.getValues()[0]!.name.toLowerCase()));
  if (isScalarType(type)) return nullable(fc.constantFrom(...SCALARS[type.name]!.valid), fc.constantFrom(...SCALARS[type.name]!.invalid));
  if (!isInputObjectType(type) || depth > 4) return junk;
  const fields = Object.values(type.getFields());
  const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
  return nullable(fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, depth + 1, dirty)])), { requiredKeys: required }));
}

/** The argument's type, or its nullable form where a default lets the variable be left out. */
function variableType(arg: GraphQLArgument): fc.Arbitrary<string> {
  const own = String(arg.type);
  return isNonNullType(arg.type) && arg.defaultValue !== undefined ? fc.constantFrom(own, String(arg.type.ofType)) : fc.constant(own);
}

/**
 * What to select of a type: its leaf fields that need no argument, and, to two levels, its
 * object fields' own (so that field resolvers and their loaders run too), a union's type name.
 */
function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) && !isInterfaceType(named)) return ' { __typename }';
  const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined));
  const picked = fields.filter((f) => isLeafType(getNamedType(f.type)) || depth < 2).map((f) => `${f.name}${selectionOf(f.type, depth + 1)}`);
  return ` { __typename ${picked.join(' ')} }`;
}

/** One operation on `field` with generated variables (each left out now and then), clean or dirty. */
function operation(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>) {
  const selection = selectionOf(field.type);
  return fc.boolean().chain((dirty) => {
    // A clean page is asked forward from the start: a generated cursor is no cursor, and `last` with `first` is refused.
    const args = dirty ? field.args : field.args.filter((a) => !['after', 'before', 'last'].includes(a.name));
    return fc
      .tuple(fc.tuple(...args.map(variableType)), fc.record(Object.fromEntries(args.map((a) => [a.name, valueOf(a.type, 0, dirty)])), { requiredKeys: [] }))
      .map(([types, variables]) => {
        const declared = args.map((a, i) => `$${a.name}: ${types[i]}`).join(', ');
        const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const query = `${kind} Fuzz${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
        return { query, variables };
      });
  });
}

/** A provider's list is read afresh for each request, and `updatedAt` says when the gateway last read it. */
const unstamped = (answer: Answer) => ({ ...answer, body: answer.body.replace(/"updatedAt":"[^"]*"/g, '"updatedAt":"(read time)"') });

const roots = (kind: 'query' | 'mutation') => Object.values((kind === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()).map((f) => [f.name, kind, f] as const);

describe('every root field with generated arguments: never a 5xx, never INTERNAL', () => {
  it.each([...roots('query'), ...roots('mutation')])('%s (%s, HTTP)', async (_name, kind, field) => {
    await fc.assert(
      fc.asyncProperty(operation(kind, field), async ({ query, variables }) => {
        let answer: Answer;
        if (kind === 'query') {
          // The fast path answers a query as Fastify and Apollo do (src/server/fast-path.ts).
          const { fast, apollo } = await bothWays({ query, variables });
          expect(fast).toEqual(apollo);
          answer = fast;
        } else {
          // A mutation run again would not answer as its first run did: sent once.
          answer = await post({ query, variables }, { authorization: `Bearer ${RW_KEY}` });
        }
        wellFormed({ status: answer.status, body: JSON.parse(answer.body) as GraphQLAnswer['body'] });
      }),
      { numRuns: 25 },
    );
  });

  it.each(Object.values(schema.getSubscriptionType()!.getFields()).map((f) => [f.name, f] as const))('%s (subscription, WebSocket)', async (_name, field) => {
    const client = gw.ws();
    try {
      await fc.assert(
        fc.asyncProperty(operation('subscription', field), async ({ query, variables }) => {
          // A subscription that starts sends nothing until an event: give it a moment, then go on.
          const started: GraphQLAnswer['body'] = {};
          wellFormed({ body: await wsResult(client, query, variables as Record<string, unknown>, 300).catch((err: Error) => (err.message === 'no result over the WebSocket' ? started : Promise.reject(err))) });
        }),
        { numRuns: 25 },
      );
    } finally {
      await client.dispose();
    }
  });
});

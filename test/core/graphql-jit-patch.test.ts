/**
 * The fast path runs documents compiled by graphql-jit, patched (patches/graphql-jit+0.8.9.patch):
 * each leaf's checks are a hoisted function that serialises a value neither null nor an Error at
 * once and builds the error's locations and path only for one that is, and a list item that is
 * not a promise goes to its handler without two closures. The answers must stay graphql-js'
 * answers, for leaves and list items of every kind: valid, null, missing, an Error, of the wrong
 * type, a promise (where graphql-jit awaits one: a resolver's result, a list item), a resolver
 * that throws.
 *
 * graphql-jit reports every error of an object where graphql-js stops at the first that nulls it,
 * so errors are held to graphql-js this way: each of graphql-js' errors is among graphql-jit's
 * (message, locations, path; one message is worded its own way), and each of graphql-jit's
 * points into a part of the answer that is null. The data must be the same.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import fc from 'fast-check';
import { buildSchema, execute, GraphQLObjectType, GraphQLScalarType, parse, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';

const schema = buildSchema(`
  enum Color { RED GREEN }
  scalar Upper
  type Leaves {
    s: String
    sn: String!
    i: Int
    inn: Int!
    f: Float
    b: Boolean!
    id: ID
    e: Color
    en: Color!
    u: Upper
    un: Upper!
    l: [String]
    ln: [Int!]
    nl: [Color]!
    nn: [Boolean!]!
    ll: [[String]]
    lln: [[Upper!]!]
    r: String!
    rl: [Color!]
  }
  type Query { one: Leaves, many: [Leaves], manyNonNull: [Leaves!] }
`);
// A custom scalar whose serializer throws, as the schema's own scalars may.
const upper = schema.getType('Upper') as GraphQLScalarType;
upper.serialize = (value: unknown) => {
  if (typeof value !== 'string') throw new TypeError(`Upper cannot represent ${typeof value}`);
  return value.toUpperCase();
};

// Two fields with resolvers: graphql-jit awaits what a resolver returns (not a plain field's promise).
const fields = (schema.getType('Leaves') as GraphQLObjectType).getFields();
for (const name of ['r', 'rl']) fields[name]!.resolve = (source: Record<string, () => unknown>) => source[name]!();

const LEAVES = '{ s sn i inn f b id e en u un l ln nl nn ll lln r rl }';
const QUERY = `{ one ${LEAVES} many ${LEAVES} manyNonNull ${LEAVES} }`;
const compiled = compileQuery(schema, parse(QUERY));
if (!isCompiledQuery(compiled)) throw new Error('graphql-jit could not compile the test query');

/** A value a field may hold: sometimes not of its type, null, absent or an Error. */
const wrong = fc.constantFrom<unknown>(null, undefined, 'x', 1.5, 2 ** 40, true, {}, 'BLUE', '7');
const failing = fc.constant(null).map(() => new Error('field failed'));
const of = (valid: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: valid, weight: 8 }, { arbitrary: wrong, weight: 1 }, { arbitrary: failing, weight: 1 });
/**
 * A list of items that may fail, or of promises (graphql-jit awaits items) of valid ones. A
 * promise never fails: graphql-js leaves a promise of a list or object unobserved once a sibling
 * failed at once (an unhandled rejection), and graphql-jit 0.8.9 appends a rejected item's null
 * to the list (`push`) instead of putting it in the item's place, with the patch as without it.
 */
const list = (valid: fc.Arbitrary<unknown>, fallible: fc.Arbitrary<unknown> = of(valid)) =>
  fc.oneof({ arbitrary: fc.array(fallible, { maxLength: 4 }), weight: 6 }, { arbitrary: fc.array(valid.map((v) => ({ promise: v })), { maxLength: 4 }), weight: 2 }, { arbitrary: wrong, weight: 1 });
const validList = (valid: fc.Arbitrary<unknown>) => fc.array(valid, { maxLength: 4 });

const str = fc.string({ maxLength: 4 });
const int = fc.integer({ min: -5, max: 5 });
const color = fc.constantFrom('RED', 'GREEN');
/** Resolved by a function: its result as it is, a throw, or a promise of a valid result. */
const resolved = (valid: fc.Arbitrary<unknown>, fallible: fc.Arbitrary<unknown>) =>
  fc.oneof(fc.record({ how: fc.constantFrom('value', 'throw'), value: fallible }), fc.record({ how: fc.constant('promise'), value: valid }));
/** Each field's valid values, and the values it may hold (failures among them). */
const FIELDS: Record<string, [fc.Arbitrary<unknown>, fc.Arbitrary<unknown>]> = {
  s: [str, of(str)],
  sn: [str, of(str)],
  i: [int, of(int)],
  inn: [int, of(int)],
  f: [fc.double({ noNaN: true, noDefaultInfinity: true }), of(fc.double({ noNaN: true, noDefaultInfinity: true }))],
  b: [fc.boolean(), of(fc.boolean())],
  id: [fc.oneof(str, int), of(fc.oneof(str, int))],
  e: [color, of(color)],
  en: [color, of(color)],
  u: [str, of(str)],
  un: [str, of(str)],
  l: [validList(str), list(str)],
  ln: [validList(int), list(int)],
  nl: [validList(color), list(color)],
  nn: [validList(fc.boolean()), list(fc.boolean())],
  ll: [validList(validList(str)), list(validList(str), list(str))],
  lln: [validList(validList(str)), list(validList(str), list(str))],
  r: [resolved(str, str), resolved(str, of(str))],
  rl: [resolved(validList(color), validList(color)), resolved(validList(color), list(color))],
};
const leaves = fc.record(Object.fromEntries(Object.entries(FIELDS).map(([name, [, fallible]]) => [name, fallible])));
const validLeaves = fc.record(Object.fromEntries(Object.entries(FIELDS).map(([name, [valid]]) => [name, valid])));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: a, weight: 6 }, { arbitrary: fc.constantFrom(null, new Error('object failed')), weight: 1 });
/**
 * A non-null list's items are valid objects or fail themselves: an object that failed after a
 * promise of its own, beside a sibling that failed at once, is left unobserved by graphql-js.
 */
const root = fc.record({ one: maybe(leaves), many: fc.array(maybe(leaves), { maxLength: 3 }), manyNonNull: fc.array(maybe(validLeaves), { maxLength: 3 }) });

/** The generated description made live, fresh for each execution. */
function live(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(live);
  if (value instanceof Error || value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if ('promise' in v) return Promise.resolve(live(v.promise));
  if ('how' in v) {
    const result = live(v.value);
    return () => {
      if (v.how === 'throw') throw new Error('resolver threw');
      return v.how === 'promise' ? Promise.resolve(result) : result;
    };
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, live(x)]));
}

/** graphql-jit words one message its own way: `field Leaves.nn` where graphql-js quotes `"Leaves.nn"`. */
const key = (e: GraphQLFormattedError) => JSON.stringify([e.message.replaceAll('"', ''), e.locations, e.path]);

/** Whether the answer holds null at the path or at a part of it (an error's null, propagated). */
function nullAlong(data: unknown, path: readonly (string | number)[]): boolean {
  let at = data;
  for (const step of path) {
    if (at === null || at === undefined) return true;
    at = (at as Record<string | number, unknown>)[step];
  }
  return at === null || at === undefined;
}

describe('graphql-jit, as patched, answers as graphql-js', () => {
  it('holds for leaves and list items of every kind, whatever they hold', async () => {
    await fc.assert(
      fc.asyncProperty(root, async (description) => {
        const expected = (await execute({ schema, document: parse(QUERY), rootValue: live(description) })) as ExecutionResult;
        const actual = (await compiled.query(live(description), {}, {})) as ExecutionResult;
        expect(actual.data).toEqual(expected.data);
        const jit = new Set((actual.errors ?? []).map((e) => key(e)));
        for (const e of expected.errors ?? []) expect(jit, key(e)).toContain(key(e));
        for (const e of actual.errors ?? []) expect(nullAlong(actual.data, e.path ?? []), key(e)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  // The bundle takes graphql-jit's ES module build, vitest its CommonJS one (as graphql's).
  it('is in both of graphql-jit’s builds', () => {
    const dist = dirname(createRequire(import.meta.url).resolve('graphql-jit'));
    for (const file of ['execution.js', 'execution.mjs']) {
      const text = readFileSync(`${dist}/${file}`, 'utf8');
      expect(text, file).toContain('if (__leaf != null && !(__leaf instanceof Error)) return');
      expect(text, file).toContain('if (!${GLOBAL_RUNTIME_NAME}.isPromise(__currentItem)) {');
    }
  });
});

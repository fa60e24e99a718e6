/**
 * The fast path runs a document compiled by graphql-jit, whose coercion of variables is its
 * own, behind graphql-js' (src/server/fast-path.ts). Whatever the variables (valid, wrong in
 * type, null where an argument has a default, left out, a single value for a list), its answer
 * must be the one Fastify and Apollo give: the same status, type and bytes.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wellFormed, type GraphQLAnswer } from '../helpers/answers.js';
import { bothPaths } from '../helpers/both-paths.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
let bothWays: ReturnType<typeof bothPaths>['bothWays'];
beforeAll(async () => {
  // Every case is three requests: well within a limit of its own.
  gw = await startTestGateway({ RATE_LIMIT_PER_MINUTE: '100000' });
  ({ bothWays } = bothPaths(gw.graphqlUrl));
  const call = JSON.parse(readFileSync(new URL('../fixtures/exotel/call-event.json', import.meta.url), 'utf8')) as Record<string, string>;
  const calls: Array<[string, string, string, string, string]> = [
    ['vars-1', '+919811000101', '2024-06-03T09:00:00+05:30', '30', 'completed'],
    ['vars-2', '+919811000102', '2024-06-04T23:30:00+05:30', '0', 'no-answer'],
    ['vars-3', '+919811000101', '2024-06-05T09:00:00+05:30', '20', 'completed'],
  ];
  for (const [sid, from, start, seconds, status] of calls) {
    const res = await gw.webhook('exotel/calls', { ...call, call_sid: sid, from, to: '+919876543210', greenvn: '+918040001001', start_time: start, current_time: start, dial_call_duration: seconds, on_call_duration: seconds, dial_call_status: status });
    expect(res.status).toBe(200);
  }
});
afterAll(async () => {
  await gw?.close();
});

/** Values of no input type here, or of the wrong one. */
const junk = fc.constantFrom<unknown>(null, 0, -1, 1.5, 2 ** 31, '', 'x', '1', 'true', true, [], ['a'], {}, { a: 1 });
/** Mostly a valid value (so that most cases run), now and then a near miss or junk. */
const some = <T>(valid: T[], nearMisses: unknown[] = []) =>
  fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 30 }, ...(nearMisses.length ? [{ arbitrary: fc.constantFrom(...nearMisses), weight: 1 }] : []), { arbitrary: junk, weight: 1 });

const filter = fc.record(
  {
    provider: some(['EXOTEL', 'AVANSER'], ['exotel', 'NOPE']),
    status: some(['ANSWERED', 'MISSED', 'RINGING'], ['answered']),
    answered: some([true, false]),
    from: some(['+919811000101', '+91 98110 00101', '+919811000102'], ['919811000101', '+1', 'not a number']),
    number: some(['+919876543210', '+61 2 8074 0802'], ['0']),
    startedAfter: some(['2024-06-03T00:00:00+05:30', '2024-06-01T00:00:00Z', '2024-06-04T12:00:00.5+05:30'], ['2024-06-03', '2024-13-01T00:00:00Z', 1717372800000]),
    startedBefore: some(['2024-06-10T00:00:00Z', '2024-06-05T00:00:00+05:30', '2024-05-01T00:00:00Z'], ['tomorrow']),
    search: some(['98110', '00102', 'Exotel'], ['x'.repeat(101)]),
    serviceId: some(['garbage']),
  },
  { requiredKeys: [] },
);
const maybeJunk = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 15 }, { arbitrary: junk, weight: 1 });
const orderBy = fc.record({ field: some(['STARTED_AT', 'DURATION'], ['NOPE']), direction: some(['ASC', 'DESC'], ['asc']) }, { requiredKeys: [] });
const dimension = some(['PROVIDER', 'STATUS', 'NUMBER', 'SOURCE'], ['NOPE']);
// A single value stands for a list of one (input coercion).
const groupBy = fc.oneof({ arbitrary: fc.array(dimension, { maxLength: 4 }), weight: 6 }, { arbitrary: dimension, weight: 2 }, { arbitrary: junk, weight: 1 });

const documents: Array<[string, string, fc.Arbitrary<Record<string, unknown>>]> = [
  [
    // Nullable variables in arguments that are non-null with a default: a null given is refused,
    // one left out takes the argument's default.
    'callEvents, nullable variables',
    'query H($f: CallEventFilter, $o: CallEventOrder, $first: Int, $after: String) { callEvents(filter: $f, orderBy: $o, first: $first, after: $after) { edges { cursor node { providerCallId from startedAt durationSeconds status } } pageInfo { hasNextPage endCursor } } }',
    fc.record({ f: maybeJunk(filter), o: maybeJunk(orderBy), first: some([1, 2, 100], [101, 0]), after: some(['garbage']) }, { requiredKeys: [] }),
  ],
  [
    'callEvents, defaults in the variables',
    'query D($f: CallEventFilter! = { provider: EXOTEL }, $o: CallEventOrder! = {}, $first: Int! = 2) { callEvents(filter: $f, orderBy: $o, first: $first) { edges { node { providerCallId status } } } }',
    fc.record({ f: maybeJunk(filter), o: maybeJunk(orderBy), first: some([1, 3]) }, { requiredKeys: [] }),
  ],
  [
    'callStats',
    'query S($f: CallEventFilter!, $g: [CallStatsDimension!]!, $i: CallStatsInterval, $tz: String!) { callStats(filter: $f, groupBy: $g, interval: $i, timeZone: $tz) { keys { provider status number } bucketStart totalCalls answeredCalls missedCalls answerRate firstTimeCallers } }',
    fc
      .record(
        { f: maybeJunk(filter), g: groupBy, i: some(['DAY', 'HOUR', 'WEEK', 'MONTH'], ['YEAR']), tz: some(['UTC', 'Asia/Kolkata', 'Australia/Sydney'], ['Mars/Olympus']) },
        { requiredKeys: ['f', 'g', 'tz'] },
      )
      // A series with no end runs to now: a fixed end where the filter leaves it out keeps most answers comparable (a null end's refusal is compared without its clock: helpers/both-paths.ts).
      .map((v) => (typeof v.f === 'object' && v.f !== null && !Array.isArray(v.f) && !('startedBefore' in v.f) ? { ...v, f: { ...v.f, startedBefore: '2024-06-10T00:00:00Z' } } : v)),
  ],
];

describe('the fast path and Apollo answer any variables alike (fuzzed)', () => {
  it.each(documents)('%s', async (_name, query, variables) => {
    await fc.assert(
      fc.asyncProperty(fc.option(variables, { nil: undefined }), async (vars) => {
        const { fast, apollo } = await bothWays(vars === undefined ? { query } : { query, variables: vars });
        expect(fast).toEqual(apollo);
        wellFormed({ status: fast.status, body: JSON.parse(fast.body) as GraphQLAnswer['body'] });
      }),
      { numRuns: 80 },
    );
  });

  it('a null given where an argument is non-null with a default: BAD_USER_INPUT in graphql-js\' words, on HTTP both ways and over WebSocket', async () => {
    const [, query] = documents[0]!;
    // graphql-js locates the refusal at the variable the argument takes.
    const at = (text: string, variable: string) => text.indexOf(`: ${variable}`) + 3;
    const expected = (argument: string, type: string, column: number) => ({
      status: 200,
      body: { data: null, errors: [{ message: `Argument "${argument}" of non-null type "${type}" must not be null.`, locations: [{ line: 1, column }], path: ['callEvents'], extensions: { code: 'BAD_USER_INPUT' } }] },
    });
    for (const [variables, argument, type, column] of [
      [{ f: null }, 'filter', 'CallEventFilter!', at(query, '$f')],
      [{ o: null }, 'orderBy', 'CallEventOrder!', at(query, '$o')],
    ] as const) {
      const { fast, apollo } = await bothWays({ query, variables });
      expect(fast).toEqual(apollo);
      expect({ status: fast.status, body: JSON.parse(fast.body) as unknown }).toEqual(expected(argument, type, column));
    }
    const client = gw.ws();
    const subscription = 'subscription S($g: [CallStatsDimension!]) { callStatsUpdated(groupBy: $g) { totalCalls } }';
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: subscription, variables: { g: null } }, { next: (r) => resolve(r.errors), error: resolve, complete: () => resolve('completed') });
    });
    expect(errors).toEqual([{ message: 'Argument "groupBy" of non-null type "[CallStatsDimension!]!" must not be null.', locations: [{ line: 1, column: at(subscription, '$g') }], extensions: { code: 'BAD_USER_INPUT' } }]);
  });

  it('the cases reach answers with data, not only refusals', async () => {
    const [, query] = documents[0]!;
    const { fast } = await bothWays({ query, variables: { f: { provider: 'EXOTEL', startedAfter: '2024-06-01T00:00:00Z' }, first: 2 } });
    expect(JSON.parse(fast.body)).toMatchObject({ data: { callEvents: { edges: [{ node: { providerCallId: 'vars-3' } }, { node: { providerCallId: 'vars-2' } }], pageInfo: { hasNextPage: true } } } });
  });
});

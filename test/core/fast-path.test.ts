/**
 * The HTTP fast path (src/server/fast-path.ts) answers POSTed JSON operations in front of
 * Apollo; a body with `extensions` always goes to Apollo. Every operation here is sent both
 * ways: status, content type and bytes must be the same, for answers and for every refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RO_KEY, RW_KEY, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { toGlobalId } from '../../src/types/node.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw?.close();
});

async function post(body: Record<string, unknown>, headers: Record<string, string>) {
  const res = await fetch(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, type: res.headers.get('content-type'), authenticate: res.headers.get('www-authenticate'), body: await res.text() };
}

/**
 * The same operation on the fast path, twice (graphql-js runs a document's first sight,
 * graphql-jit the next), and through Apollo (which takes any body with `extensions`).
 */
async function bothWays(body: Record<string, unknown>, headers: Record<string, string> = { authorization: `Bearer ${RW_KEY}` }) {
  const first = await post(body, headers);
  const compiled = await post(body, headers);
  const apollo = await post({ ...body, extensions: {} }, headers);
  expect(compiled).toEqual(first);
  return { fast: compiled, apollo };
}

const cases: Array<[string, Record<string, unknown>, Record<string, string>?]> = [
  ['a query', { query: '{ providers { provider mode configured sandbox healthy operations webhookEvents } }' }],
  ['a query with variables and an alias', { query: 'query Q($id: ID!) { o: order(id: $id) { id } }', variables: { id: 'no-such-order' } }],
  ['a resolver error (an unknown node id)', { query: '{ node(id: "garbage") { id } }' }],
  ['variables refused', { query: 'query Q($id: ID!) { order(id: $id) { id } }', variables: { id: { not: 'an id' } } }],
  ['a missing variable', { query: 'query Q($id: ID!) { order(id: $id) { id } }' }],
  ['an unknown field (no suggestions)', { query: '{ provider { provider } }' }],
  ['a parse error', { query: '{ providers { ' }],
  ['a list over its cap', { query: 'query Q($first: Int!) { orders(first: $first) { edges { node { id } } } }', variables: { first: 100_000 } }],
  ['two operations without operationName', { query: 'query A { providers { provider } } query B { providers { mode } }' }],
  ['an operationName that names one of two', { query: 'query A { providers { provider } } query B { providers { mode } }', operationName: 'B' }],
  ['a mutation with a read-only key', { query: 'mutation { releaseNumbers(input: { provider: AVANSER, numbers: ["+61280740802"] }) { userErrors { message } } }' }, { authorization: `Bearer ${RO_KEY}` }],
  ['no key', { query: '{ providers { provider } }' }, {}],
  ['an unknown key', { query: '{ providers { provider } }' }, { authorization: 'Bearer nope-nope-nope' }],
  ['Accept: application/graphql-response+json', { query: '{ providers { provider } }' }, { authorization: `Bearer ${RW_KEY}`, accept: 'application/graphql-response+json' }],
  ['an Accept with no JSON', { query: '{ providers { provider } }' }, { authorization: `Bearer ${RW_KEY}`, accept: 'text/html' }],
  ['a subscription without a stream', { query: 'subscription { callEvents { id } }' }],
  // An interface: its type is resolved at run time (graphql-jit takes no Promise there).
  ['a node of an abstract type', { query: `{ node(id: "${toGlobalId('PhoneNumber', 'VOIP_INNOVATIONS:+14352151002')}") { __typename id ... on PhoneNumber { e164 } } }` }],
];

describe('the fast path answers as Apollo does', () => {
  it.each(cases)('%s', async (_name, body, headers) => {
    const { fast, apollo } = await bothWays(body, headers);
    expect(fast).toEqual(apollo);
  });

  it('a mutation: the same answer both ways (an idempotency key replays the first)', async () => {
    const mutation = 'mutation M($input: NumbersInput!) { releaseNumbers(input: $input) { numbers { e164 } userErrors { code message } } }';
    const variables = { input: { provider: 'AVANSER', numbers: ['+61280740802'], idempotencyKey: 'fast-path-release-1' } };
    const first = await post({ query: mutation, variables }, { authorization: `Bearer ${RW_KEY}` });
    const { fast, apollo } = await bothWays({ query: mutation, variables });
    expect(fast).toEqual(first);
    expect(apollo).toEqual(first);
  });
});

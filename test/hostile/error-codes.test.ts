/**
 * Codes a client can program against: the same hostile requests on every path (HTTP, SSE,
 * multipart, graphql-transport-ws, legacy graphql-ws) each answer with the code expected, every
 * error carries one, and every code seen anywhere is a value of the public ErrorCode enum.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES } from '../helpers/answers.js';
import { rawSocket, RO_KEY, RW_KEY, startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(() => gw?.close());

/** Every code anywhere in the answers of this file. */
const seen = new Set<string>();

/** The codes of a GraphQL `errors` list; fails on an error without one. */
function codesOf(errors: unknown, where: string): string[] {
  expect(Array.isArray(errors), `${where}: ${JSON.stringify(errors)}`).toBe(true);
  return (errors as Array<{ extensions?: { code?: unknown } }>).map((e) => {
    expect(typeof e.extensions?.code, `${where}: an error without a code: ${JSON.stringify(e)}`).toBe('string');
    seen.add(e.extensions!.code as string);
    return e.extensions!.code as string;
  });
}

const QUERY = '{ providers { provider } }';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Operations refused on every transport, with the code each gets. */
const OPERATIONS: Array<[name: string, payload: Record<string, unknown>, code: string]> = [
  ['a syntax error', { query: '{ providers {' }, 'GRAPHQL_PARSE_FAILED'],
  ['more than 2,000 tokens', { query: `{ ${'__typename '.repeat(2100)} }` }, 'GRAPHQL_PARSE_FAILED'],
  ['an unknown field', { query: '{ nope }' }, 'GRAPHQL_VALIDATION_FAILED'],
  ['a variable of the wrong type', { query: 'query($p: Provider!) { numbers(provider: $p) { edges { cursor } } }', variables: { p: 'NOPE' } }, 'BAD_USER_INPUT'],
  ['no such operationName', { query: `query A ${QUERY}`, operationName: 'B' }, 'OPERATION_RESOLUTION_FAILURE'],
  ['an unknown persisted-query hash', { extensions: { persistedQuery: { version: 1, sha256Hash: sha('never sent') } } }, 'PERSISTED_QUERY_NOT_FOUND'],
  ['a persisted-query hash of another query', { query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: sha('{ other }') } } }, 'PERSISTED_QUERY_HASH_MISMATCH'],
  ['a persisted-query version other than 1', { query: QUERY, extensions: { persistedQuery: { version: 2, sha256Hash: sha(QUERY) } } }, 'BAD_REQUEST'],
  ['page arguments mixed', { query: '{ orders(first: 1, last: 1) { edges { cursor } } }' }, 'BAD_USER_INPUT'],
];

const post = (body: string, headers: Record<string, string> = {}, accept = 'application/json') =>
  fetch(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${RW_KEY}`, ...headers }, body });

describe('each refused operation, on each path', () => {
  it.each(OPERATIONS)('%s: HTTP', async (_, payload, code) => {
    const res = await post(JSON.stringify(payload));
    expect(codesOf(((await res.json()) as { errors: unknown }).errors, 'HTTP')).toContain(code);
  });

  it.each(OPERATIONS)('%s: SSE', async (_, payload, code) => {
    const text = await (await post(JSON.stringify(payload), {}, 'text/event-stream')).text();
    const events = [...text.matchAll(/^data: (\{.*\})$/gm)].map((m) => JSON.parse(m[1]!) as { errors?: unknown });
    expect(events.flatMap((e) => codesOf(e.errors, `SSE: ${text}`))).toContain(code);
  });

  it.each(OPERATIONS)('%s: multipart (subscriptions only: refused in the JSON shape, with a code)', async (_, payload) => {
    const text = await (await post(JSON.stringify(payload), {}, 'multipart/mixed;subscriptionSpec="1.0"')).text();
    const parts = [...text.matchAll(/^(\{.*\})\r?$/gm)].map((m) => JSON.parse(m[1]!) as { errors?: unknown; payload?: { errors?: unknown } });
    expect(parts.flatMap((p) => codesOf(p.errors ?? p.payload?.errors, `multipart: ${text}`)).length).toBeGreaterThan(0);
  });

  // The graphql-ws client will not send an operation without its query text.
  it.each(OPERATIONS.filter(([, payload]) => 'query' in payload))('%s: graphql-transport-ws', async (_, payload, code) => {
    const client = gw.ws();
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe(payload as { query: string }, { next: (r) => resolve(r.errors), error: resolve, complete: () => resolve(undefined) });
    });
    expect(codesOf(errors, 'graphql-transport-ws')).toContain(code);
  });

  it.each(OPERATIONS)('%s: legacy graphql-ws', async (_, payload, code) => {
    const s = rawSocket(gw.wsUrl);
    await s.send({ type: 'connection_init', payload: { authorization: `Bearer ${RW_KEY}` } });
    await s.send({ type: 'start', id: '1', payload });
    const answer = (await s.until((m) => m.id === '1' && (m.type === 'data' || m.type === 'error'))) as { payload?: { errors?: unknown } | unknown[] };
    const errors = Array.isArray(answer.payload) ? answer.payload : (answer.payload as { errors?: unknown }).errors;
    expect(codesOf(errors, 'legacy graphql-ws')).toContain(code);
    // Only what the protocol carries: no HTTP status beside the errors.
    if (!Array.isArray(answer.payload)) expect(Object.keys(answer.payload as object).filter((k) => k !== 'data')).toEqual(['errors']);
    s.socket.close();
  });
});

describe('HTTP-level refusals', () => {
  const raw = (init: RequestInit & { path?: string }) => fetch(`${gw.url}${init.path ?? '/graphql'}`, init);
  it.each<[string, () => Promise<Response>, string]>([
    ['no key', () => post(JSON.stringify({ query: QUERY }), { authorization: '' }), 'UNAUTHENTICATED'],
    ['a key without the write scope', () => post(JSON.stringify({ query: 'mutation { releaseNumbers(input: { provider: AVANSER, numbers: ["+61280740802"] }) { userErrors { code } } }' }), { authorization: `Bearer ${RO_KEY}` }), 'FORBIDDEN'],
    ['a body that is not JSON', () => post('{"query":'), 'BAD_REQUEST'],
    ['an empty query', () => post('{"query":""}'), 'BAD_REQUEST'],
    ['a subscription over plain HTTP', () => post(JSON.stringify({ query: 'subscription { callEvents { id } }' })), 'BAD_REQUEST'],
    ['a GET without a preflight header (CSRF)', () => raw({ method: 'GET', path: `/graphql?query=${encodeURIComponent(QUERY)}`, headers: { authorization: `Bearer ${RW_KEY}` } }), 'BAD_REQUEST'],
    ['an Accept nothing fits', () => post(JSON.stringify({ query: QUERY }), {}, 'text/html'), 'BAD_REQUEST'],
    ['a body over 100 kB', () => post(JSON.stringify({ query: QUERY, variables: { x: 'x'.repeat(110_000) } })), 'PAYLOAD_TOO_LARGE'],
    ['a content-type other than JSON', () => raw({ method: 'POST', headers: { 'content-type': 'application/xml', authorization: `Bearer ${RW_KEY}` }, body: QUERY }), 'UNSUPPORTED_MEDIA_TYPE'],
    ['a method other than GET and POST', () => raw({ method: 'PUT', headers: { authorization: `Bearer ${RW_KEY}` } }), 'METHOD_NOT_ALLOWED'],
  ])('%s', async (_, send, code) => {
    const res = await send();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(codesOf(((await res.json()) as { errors: unknown }).errors, 'HTTP')).toEqual([code]);
  });

  it('other routes answer {"error", "code"} with a code of the enum', async () => {
    const body = (await (await fetch(`${gw.url}/nowhere`)).json()) as { code: string };
    expect(body).toMatchObject({ code: 'NOT_FOUND' });
    seen.add(body.code);
  });
});

describe('the enum', () => {
  it('holds every code seen on every path', () => {
    expect(seen.size).toBeGreaterThan(10);
    expect([...seen].filter((code) => !CODES.has(code))).toEqual([]);
  });
});

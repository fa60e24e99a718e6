/**
 * The HTTP fast path (src/server/fast-path.ts) answers POSTed JSON operations in front of
 * Apollo; a body sent in chunks (no Content-Length) always goes to Apollo. Every operation here is sent both
 * ways: status, content type and bytes must be the same, for answers and for every refusal.
 */
import http from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFor, bothPaths } from '../helpers/both-paths.js';
import { RO_KEY, RW_KEY, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { answerHeaders } from '../../src/server/fast-path.js';
import { toGlobalId } from '../../src/types/node.js';

let gw: TestGateway;
let post: ReturnType<typeof bothPaths>['post'];
let bothWays: ReturnType<typeof bothPaths>['bothWays'];
beforeAll(async () => {
  gw = await startTestGateway();
  ({ post, bothWays } = bothPaths(gw.graphqlUrl));
});
afterAll(async () => {
  await gw?.close();
});

const cases: Array<[string, Record<string, unknown>, Record<string, string>?]> = [
  ['a query', { query: '{ providers { provider mode configured sandbox healthy operations webhookEvents } }' }],
  ['a query with variables and an alias', { query: 'query Q($id: ID!) { o: order(id: $id) { id } }', variables: { id: 'no-such-order' } }],
  ['a resolver error (an unknown node id)', { query: '{ node(id: "garbage") { id } }' }],
  ['variables refused', { query: 'query Q($id: ID!) { order(id: $id) { id } }', variables: { id: { not: 'an id' } } }],
  ['a missing variable', { query: 'query Q($id: ID!) { order(id: $id) { id } }' }],
  // graphql-jit's own coercion leaves out some defaults (these input fields'); graphql-js applies them.
  ['an input object whose fields are left to their defaults', { query: 'query Q($o: CallEventOrder! = {}) { callEvents(orderBy: $o, first: 1) { edges { cursor } } }' }],
  ['an unknown field (no suggestions)', { query: '{ provider { provider } }' }],
  ['a parse error', { query: '{ providers { ' }],
  ['a list over its cap', { query: 'query Q($first: Int!) { orders(first: $first) { edges { node { id } } } }', variables: { first: 100_000 } }],
  ['two operations without operationName', { query: 'query A { providers { provider } } query B { providers { mode } }' }],
  ['an operationName that names one of two', { query: 'query A { providers { provider } } query B { providers { mode } }', operationName: 'B' }],
  ['an operationName that names none of two', { query: 'query A { providers { provider } } query B { providers { mode } }', operationName: 'C' }],
  ['an operationName for one unnamed operation', { query: '{ providers { provider } }', operationName: 'A' }],
  ['variables the operation does not declare', { query: '{ providers { provider } }', variables: { unused: { deep: [1, '\u0000'] } } }],
  ['a mutation with a read-only key', { query: 'mutation { releaseNumbers(input: { provider: AVANSER, numbers: ["+61280740802"] }) { userErrors { message } } }' }, { authorization: `Bearer ${RO_KEY}` }],
  ['no key', { query: '{ providers { provider } }' }, {}],
  ['an unknown key', { query: '{ providers { provider } }' }, { authorization: 'Bearer nope-nope-nope' }],
  ['Accept: application/graphql-response+json', { query: '{ providers { provider } }' }, { authorization: `Bearer ${RW_KEY}`, accept: 'application/graphql-response+json' }],
  ['an Accept with no JSON', { query: '{ providers { provider } }' }, { authorization: `Bearer ${RW_KEY}`, accept: 'text/html' }],
  ["Apollo Client's Accept", { query: '{ providers { provider } }' }, { authorization: `Bearer ${RW_KEY}`, accept: 'application/graphql-response+json,application/json;q=0.9' }],
  // Apollo Client 4 names itself in `extensions` with every operation, and asks for this Accept.
  ['Apollo Client 4: its clientLibrary extension and Accept', { query: '{ providers { provider } }', extensions: { clientLibrary: { name: '@apollo/client', version: '4.1.9' } } }, { authorization: `Bearer ${RW_KEY}`, accept: 'application/graphql-response+json,application/json;q=0.9' }],
  ['an empty extensions object', { query: '{ providers { provider } }', extensions: {} }],
  ['extensions that are not an object', { query: '{ providers { provider } }', extensions: ['clientLibrary'] }],
  ['extensions as a string', { query: '{ providers { provider } }', extensions: '{}' }],
  ['a persisted query not known yet', { extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } }],
  ["urql's Accept (streams listed after JSON)", { query: '{ providers { provider } }' }, { authorization: `Bearer ${RW_KEY}`, accept: 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed' }],
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

/** One request written by hand on its own connection, the body in `pieces` sent `gapMs` apart; the status and body answered. */
async function slowPost(pieces: string[], gapMs: number, headers: Record<string, string> = { authorization: `Bearer ${RW_KEY}` }): Promise<{ status: number; body: string }> {
  const { port, hostname } = new URL(gw.url);
  const socket = connect(Number(port), hostname);
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => socket.on('close', resolve));
  const length = Buffer.byteLength(pieces.join(''));
  const head = Object.entries({ host: `${hostname}:${port}`, 'content-type': 'application/json', 'content-length': String(length), connection: 'close', ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
  socket.write(`POST /graphql HTTP/1.1\r\n${head.join('')}\r\n`);
  for (const piece of pieces) {
    await new Promise((resolve) => setTimeout(resolve, gapMs));
    socket.write(piece);
  }
  await ended;
  const text = Buffer.concat(chunks).toString('utf8');
  return { status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) };
}

/** Cut `text` into `n` pieces. */
const cut = (text: string, n: number) => Array.from({ length: n }, (_, i) => text.slice(Math.floor((i * text.length) / n), Math.floor(((i + 1) * text.length) / n)));

describe('in front of Fastify', () => {
  const body = { query: '{ providers { provider } }' };

  // The test gateway listens on loopback: loopback origins are allowed, others are not.
  it.each([
    ['no Origin', undefined, ['vary']],
    ['an allowed Origin', 'http://localhost:5173', ['vary', 'access-control-allow-origin', 'access-control-allow-credentials', 'access-control-expose-headers']],
    ['an Origin not allowed', 'https://elsewhere.example', ['vary']],
  ])('answers with the headers Fastify and Apollo would give (CORS, rate limit, type, length): %s', async (_name, origin, cors) => {
    const headersOf = async (b: Record<string, unknown>, via: 'any' | 'apollo' = 'any') => {
      const res = await fetch(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${RW_KEY}`, ...(origin ? { origin } : {}) }, ...bodyFor(JSON.stringify(b), via) });
      await res.text();
      return [...res.headers].filter(([name]) => name !== 'date' && name !== 'ratelimit-remaining');
    };
    await headersOf(body); // compiled from the second run
    const fast = await headersOf(body);
    // (fetch lists headers sorted by name)
    expect(fast.map(([name]) => name).filter((name) => name.startsWith('access-control-') || name === 'vary')).toEqual([...cors].sort());
    expect(fast.map(([name]) => name)).toEqual(expect.arrayContaining(['ratelimit-limit', 'ratelimit-reset', 'content-type', 'content-length']));
    const apollo = await headersOf(body, 'apollo');
    // The reset counts the seconds left of the window, read at each answer: one may tick between the two.
    const reset = (headers: Array<[string, string]>) => Number(new Map(headers).get('ratelimit-reset'));
    expect(Math.abs(reset(fast) - reset(apollo))).toBeLessThanOrEqual(1);
    const rest = (headers: Array<[string, string]>) => new Map(headers.filter(([name]) => name !== 'ratelimit-reset'));
    expect(rest(fast)).toEqual(rest(apollo));
    if (origin === 'http://localhost:5173') expect(new Map(fast).get('access-control-allow-origin')).toBe(origin);
  });

  it('a body that arrives in pieces: answered when whole; given back to Fastify and Apollo when refused, as if unread', async () => {
    const good = await slowPost(cut(JSON.stringify(body), 3), 30);
    expect(good).toEqual({ status: 200, body: '{"data":{"providers":[{"provider":"DELACON"},{"provider":"AVANSER"},{"provider":"EXOTEL"},{"provider":"VOIP_INNOVATIONS"}]}}\n' });
    const refusals: Array<[string, string]> = [
      ['{"query":"{ providers { provider } "}', 'GRAPHQL_PARSE_FAILED'],
      ['{"query":"{ nope }"}', 'GRAPHQL_VALIDATION_FAILED'],
      ['{"query":', 'BAD_REQUEST'],
      ['{"__proto__":{"x":1},"query":"{ providers { provider } }"}', 'BAD_REQUEST'],
    ];
    for (const [refused, code] of refusals) {
      const slow = await slowPost(cut(refused, 4), 20);
      const whole = await fetch(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${RW_KEY}` }, body: refused });
      expect(slow).toEqual({ status: whole.status, body: await whole.text() });
      expect([slow.status, (JSON.parse(slow.body) as { errors: Array<{ extensions: { code: string } }> }).errors.map((e) => e.extensions.code)]).toEqual([400, [code]]);
    }
  });

  it('any body, cut anywhere: the answer it gets whole, never INTERNAL (fuzzed)', async () => {
    const query = fc.constantFrom('{ providers { provider } }', '{ providers { provider ', 'query Q($id: ID!) { order(id: $id) { id } }', '{ node(id: "x") { id } }', 'subscription { callEvents { id } }');
    const payload = fc.record({ query: fc.oneof(query, fc.jsonValue()), variables: fc.option(fc.jsonValue(), { nil: undefined }), extensions: fc.option(fc.constant({}), { nil: undefined }) }, { requiredKeys: [] });
    const text = fc.oneof(payload.map((p) => JSON.stringify(p)), fc.string({ minLength: 1, maxLength: 60 }), fc.json());
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 5 }), async (body, pieces) => {
        const slow = await slowPost(cut(body, pieces).filter((p) => p !== ''), 2);
        const whole = await fetch(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${RW_KEY}` }, body });
        expect(slow).toEqual({ status: whole.status, body: await whole.text() });
        expect(slow.status, slow.body).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it("requests on one keep-alive connection are each judged by their own key, as on a connection of their own (fuzzed)", async () => {
    // The keys' principals are remembered per connection (src/server/auth.ts): a later request
    // with another key, a near miss or none must not be taken for the first one's.
    const same = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (authorization: string | undefined, query: string, agent: http.Agent | false) =>
      new Promise<{ status: number; body: string; reused: boolean }>((resolve, reject) => {
        const headers: Record<string, string> = { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) };
        const req = http.request(gw.graphqlUrl, { method: 'POST', agent, headers }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode!, body, reused: req.reusedSocket }));
        });
        req.on('error', reject).end(JSON.stringify({ query }));
      });
    const authorization = fc.constantFrom(`Bearer ${RW_KEY}`, `Bearer ${RO_KEY}`, `bearer  ${RW_KEY}`, `Bearer ${RW_KEY.slice(0, -1)}7`, `Bearer ${RO_KEY}x`, 'Bearer', undefined);
    const query = fc.constantFrom('{ providers { provider } }', 'mutation { releaseNumbers(input: { provider: AVANSER, numbers: [] }) { userErrors { code } } }');
    try {
      await send(`Bearer ${RW_KEY}`, '{ providers { provider } }', same);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(authorization, query), { minLength: 1, maxLength: 6 }), async (requests) => {
          for (const [key, q] of requests) {
            const kept = await send(key, q, same);
            expect(kept.reused).toBe(true);
            const alone = await send(key, q, false);
            expect({ status: kept.status, body: kept.body }).toEqual({ status: alone.status, body: alone.body });
          }
        }),
        { numRuns: 25 },
      );
    } finally {
      same.destroy();
    }
  });

  it('a client gone before its body ends: nothing breaks, the next request is served', async () => {
    const { port, hostname } = new URL(gw.url);
    const socket = connect(Number(port), hostname);
    socket.write(`POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\nauthorization: Bearer ${RW_KEY}\r\ncontent-length: 100\r\n\r\n{"query":"{ prov`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    const next = await post(body, { authorization: `Bearer ${RW_KEY}` });
    expect(next.status).toBe(200);
  });
});

describe("an answer's headers", () => {
  it("are node's flat list, the CORS, rate-limit and type headers in Apollo's order", () => {
    const verdict = { allowed: true, limit: 600, remaining: 599, resetSeconds: 60 };
    const cors = ['vary', 'Origin', 'access-control-allow-origin', 'http://localhost:5173'];
    const headers = answerHeaders(cors, verdict, 'application/json');
    expect(headers).toEqual(['vary', 'Origin', 'access-control-allow-origin', 'http://localhost:5173', 'ratelimit-limit', '600', 'ratelimit-remaining', '599', 'ratelimit-reset', '60', 'content-type', 'application/json; charset=utf-8']);
    // Each answer its own list: what one request adds (its length) never reaches the next.
    headers.push('content-length', '42');
    expect(answerHeaders(cors, { ...verdict, remaining: 598 }, 'application/json')).toEqual(['vary', 'Origin', 'access-control-allow-origin', 'http://localhost:5173', 'ratelimit-limit', '600', 'ratelimit-remaining', '598', 'ratelimit-reset', '60', 'content-type', 'application/json; charset=utf-8']);
  });
});

describe('switchboard_graphql_operations_total', () => {
  /** Every series of the counter, by its labels. */
  async function operationCounts(): Promise<Record<string, number>> {
    const text = await (await fetch(`${gw.url}/metrics`)).text();
    const counts: Record<string, number> = {};
    for (const m of text.matchAll(/^switchboard_graphql_operations_total\{([^}]*)\} (\d+)$/gm)) counts[m[1]!] = Number(m[2]);
    return counts;
  }
  const added = (before: Record<string, number>, after: Record<string, number>) =>
    Object.fromEntries(Object.entries(after).flatMap(([series, n]) => (n !== (before[series] ?? 0) ? [[series, n - (before[series] ?? 0)]] : [])));

  const countedCases: Array<[string, Record<string, unknown>, string]> = [
    ['a query', { query: 'query Counted { providers { provider healthy } }' }, 'type="query",result="ok"'],
    ['a query with a resolver error (a cursor of no page)', { query: '{ orders(after: "counted-garbage") { edges { cursor } } }' }, 'type="query",result="error"'],
    ['a mutation', { query: 'mutation { releaseNumbers(input: { provider: AVANSER, numbers: ["+61280740802"], idempotencyKey: "counted-1" }) { userErrors { code } } }' }, 'type="mutation",result="ok"'],
    ['a parse error (refused before any operation)', { query: '{ providers { ' }, 'type="unknown",result="error"'],
  ];

  it.each(countedCases)('%s: counted once a request, by type and result, on the fast path as through Apollo', async (_name, body, series) => {
    const headers = { authorization: `Bearer ${RW_KEY}` };
    const start = await operationCounts();
    // Twice on the fast path: its first run is interpreted, its second compiled.
    await post(body, headers);
    await post(body, headers);
    const fast = await operationCounts();
    expect(added(start, fast)).toEqual({ [series]: 2 });
    await post(body, headers, 'apollo');
    expect(added(fast, await operationCounts())).toEqual({ [series]: 1 });
  });
});

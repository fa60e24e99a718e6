/**
 * /graphql as a hostile client uses it, over HTTP and WebSocket: broken and huge documents,
 * bad bytes, deep, wide and costly queries, huge lists, guessed names, malformed HTTP, and
 * fuzzed query strings and variables. Every answer: no 5xx, the GraphQL `errors` shape with a
 * known code other than INTERNAL, nothing internal (stacks, SQL, file paths, "Did you mean"), nothing run upstream.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoipInnovationsSimulator } from '../../src/datasources/voipinnovations/simulator.js';
import { toGlobalId } from '../../src/types/node.js';
import { wellFormed, type GraphQLAnswer } from '../helpers/answers.js';
import { rawSocket, RW_KEY, startTestGateway, wsResult, type TestGateway } from '../helpers/gateway.js';

type Answer = Required<GraphQLAnswer>;


let gw: TestGateway;
let vi: VoipInnovationsSimulator;
beforeAll(async () => {
  gw = await startTestGateway({ RATE_LIMIT_PER_MINUTE: '1000000', SWITCHBOARD_API_KEYS: `${RW_KEY}=read,write,admin` });
  vi = gw.running.registry.entry('VOIP_INNOVATIONS').simulator as VoipInnovationsSimulator;
});
afterAll(async () => {
  await gw?.close();
});

async function send(body: string | Uint8Array, headers: Record<string, string> = {}, method = 'POST'): Promise<Answer> {
  const res = await fetch(gw.graphqlUrl, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${RW_KEY}`, ...headers }, body: method === 'GET' ? undefined : body });
  const text = await res.text();
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`not JSON (HTTP ${res.status}): ${text.slice(0, 200)}`);
  }
  return { status: res.status, body: parsed };
}
const query = (q: string, variables: unknown = {}) => send(JSON.stringify({ query: q, variables }));

function refused(a: Answer, status: number, code: string): string {
  wellFormed(a);
  expect(a.status, JSON.stringify(a.body)).toBe(status);
  expect(a.body.data ?? null).toBeNull();
  expect(a.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  return a.body.errors![0]!.message;
}

const deep = `query Deep { callEvents { edges { node { allocation { calls { allocation { calls { allocation { calls { allocation { calls { id } } } } } } } } } } } }`;
const numbers = (n: number) => Array.from({ length: n }, (_, i) => `+1212555${String(i % 10_000).padStart(4, '0')}`);

describe('documents that cannot be read', () => {
  it.each([
    ['a syntax error', '{ providers { provider '],
    ['a NUL', '{ providers\u0000 { provider } }'],
    ['a lone surrogate', '{ providers { provider } \ud800 }'],
    ['more than 2,000 tokens', `{ ${'providers { provider } '.repeat(600)} }`],
  ])('%s: 400 GRAPHQL_PARSE_FAILED', async (_name, q) => {
    refused(await query(q), 400, 'GRAPHQL_PARSE_FAILED');
  });

  it('an empty document: 400 BAD_REQUEST', async () => {
    refused(await query(''), 400, 'BAD_REQUEST');
  });

  it('invalid UTF-8 in the body: 400 GRAPHQL_PARSE_FAILED', async () => {
    const body = Buffer.concat([Buffer.from('{"query":"{ providers { provider } '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    refused(await send(body), 400, 'GRAPHQL_PARSE_FAILED');
  });
});

describe('documents asking too much', () => {
  it('deeper than 10: 400 GRAPHQL_VALIDATION_FAILED, not a "Syntax Error"', async () => {
    expect(refused(await query(deep), 400, 'GRAPHQL_VALIDATION_FAILED')).toMatch(/^Query depth limit of 10 exceeded/);
  });

  it('more than 15 aliases: 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const q = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: providers { provider }`).join(' ')} }`;
    expect(refused(await query(q), 400, 'GRAPHQL_VALIDATION_FAILED')).toMatch(/^Aliases limit of 15 exceeded/);
  });

  it('more than 50 directives: 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const q = `{ providers { ${'provider @include(if: true) '.repeat(51)} } }`;
    expect(refused(await query(q), 400, 'GRAPHQL_VALIDATION_FAILED')).toMatch(/^Directives limit of 50 exceeded/);
  });

  it('counts page sizes given as variables in the cost', async () => {
    const page = `edges { node { id number { e164 service { name } } service { name } allocation { greenVN } } }`;
    const q = `query Pages($first: Int!) { ${[1, 2, 3, 4].map((i) => `p${i}: callEvents(first: $first) { ${page} }`).join(' ')} }`;
    expect(refused(await query(q, { first: 100 }), 400, 'GRAPHQL_VALIDATION_FAILED')).toMatch(/^Query cost limit of 20000 exceeded/);
    // A verdict is remembered per operation and variables: one set's never stands for another's.
    for (let round = 0; round < 2; round++) {
      const small = await query(q, { first: 10 });
      expect(small.body.errors).toBeUndefined();
      expect(small.status).toBe(200);
      expect(refused(await query(q, { first: 100 }), 400, 'GRAPHQL_VALIDATION_FAILED')).toMatch(/^Query cost limit of 20000 exceeded/);
    }
    // More sets than are remembered (an unused variable makes each new): still refused after.
    for (let n = 0; n < 70; n++) expect((await query(q, { first: 10, n })).status).toBe(200);
    expect(refused(await query(q, { first: 100 }), 400, 'GRAPHQL_VALIDATION_FAILED')).toMatch(/^Query cost limit of 20000 exceeded/);
  });

  it('counts list lengths given as variables in the cost (each item an upstream call), refusing before any', async () => {
    const q = 'query P($a: [E164!]!, $b: [E164!]!) { a: portability(provider: VOIP_INNOVATIONS, numbers: $a) { e164 portable } b: portability(provider: VOIP_INNOVATIONS, numbers: $b) { e164 portable } }';
    const before = vi.calls.length;
    expect(refused(await query(q, { a: numbers(100), b: numbers(100) }), 400, 'GRAPHQL_VALIDATION_FAILED')).toMatch(/^Query cost limit of 20000 exceeded/);
    expect(vi.calls.length).toBe(before);
    const fewer = await query(q, { a: numbers(50), b: numbers(50) });
    expect(fewer.body.errors).toBeUndefined();
    expect(vi.calls.length - before).toBe(50);
    // Refused again after the same operation was let through with other lists.
    expect(refused(await query(q, { a: numbers(100), b: numbers(100) }), 400, 'GRAPHQL_VALIDATION_FAILED')).toMatch(/^Query cost limit of 20000 exceeded/);
    expect(vi.calls.length - before).toBe(50);
  });
});

describe('lists over their caps', () => {
  it('portability with 6,000 numbers: 400 BAD_USER_INPUT naming the cap, no upstream call', async () => {
    const before = vi.calls.length;
    const started = Date.now();
    const message = refused(await query('query P($n: [E164!]!) { portability(provider: VOIP_INNOVATIONS, numbers: $n) { e164 } }', { n: numbers(6_000) }), 400, 'BAD_USER_INPUT');
    expect(message).toBe('portability(numbers) takes at most 100 items (got 6000)');
    expect(vi.calls.length).toBe(before);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a literal list over the cap in a mutation input: 400 BAD_USER_INPUT, nothing reserved', async () => {
    const before = vi.calls.length;
    const list = numbers(101).map((n) => `"${n}"`).join(', ');
    const message = refused(await query(`mutation { reserveNumbers(input: { provider: VOIP_INNOVATIONS, numbers: [${list}] }) { numbers { e164 } } }`), 400, 'BAD_USER_INPUT');
    expect(message).toBe('reserveNumbers(input).numbers takes at most 100 items (got 101)');
    expect(vi.calls.length).toBe(before);
  });

  it('the same over WebSocket', async () => {
    const client = gw.ws();
    const r = await wsResult(client, 'query P($n: [E164!]!) { portability(provider: VOIP_INNOVATIONS, numbers: $n) { e164 } }', { n: numbers(101) });
    expect(r.errors).toEqual([{ message: 'portability(numbers) takes at most 100 items (got 101)', extensions: { code: 'BAD_USER_INPUT' } }]);
  });
});

describe('guessing names', () => {
  it('gets no suggestion for a field or an enum value, on HTTP or WebSocket', async () => {
    const field = '{ callEvents { edges { nodes { id } } } }';
    const enumValue = ['query N($p: Provider!) { numbers(provider: $p) { edges { cursor } } }', { p: 'AVANSR' }] as const;
    const literal = '{ numbers(provider: AVANSR) { edges { cursor } } }';
    expect(refused(await query(field), 400, 'GRAPHQL_VALIDATION_FAILED')).toBe('Cannot query field "nodes" on type "CallEventEdge".');
    expect(refused(await query(...enumValue), 400, 'BAD_USER_INPUT')).toBe('Variable "$p" got invalid value "AVANSR"; Value "AVANSR" does not exist in "Provider" enum.');
    refused(await query(literal), 400, 'GRAPHQL_VALIDATION_FAILED');

    const client = gw.ws();
    for (const [q, v] of [[field, {}], enumValue, [literal, {}]] as const) {
      const r = await wsResult(client, q, v);
      expect(r.errors?.length).toBeGreaterThan(0);
      wellFormed({ body: r }); // no "Did you mean", only public refusal codes
    }
  });
});

describe('malformed HTTP on /graphql', () => {
  it.each([
    ['a body that is not JSON', () => send('{"query": '), 400, 'BAD_REQUEST'],
    ['an empty JSON body', () => send(''), 400, 'BAD_REQUEST'],
    ['a body over 100 kB', () => query(`{ providers { provider } } # ${'x'.repeat(110_000)}`), 413, 'PAYLOAD_TOO_LARGE'],
    ['an unsupported content-type', () => send('<query/>', { 'content-type': 'application/xml' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['PUT', () => send(JSON.stringify({ query: '{ providers { provider } }' }), {}, 'PUT'), 405, 'METHOD_NOT_ALLOWED'],
    ['DELETE', () => send(JSON.stringify({ query: '{ providers { provider } }' }), {}, 'DELETE'), 405, 'METHOD_NOT_ALLOWED'],
  ])('%s: the GraphQL errors shape with its code', async (_name, act, status, code) => {
    refused(await act(), status, code);
  });

  it('a URL over 16 KB: 431 in the GraphQL errors shape on /graphql, the small JSON error elsewhere, the URL not echoed', async () => {
    const long = `secret-looking-${'x'.repeat(17_000)}`;
    const onGraphql = await fetch(`${gw.graphqlUrl}?query=${long}`, { headers: { 'apollo-require-preflight': 'true' } });
    const graphqlText = await onGraphql.text();
    expect(onGraphql.status).toBe(431);
    expect(onGraphql.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(graphqlText)).toEqual({ errors: [{ message: expect.stringMatching(/over 16 KB: send the query in a POST body/), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const elsewhere = await fetch(`${gw.url}/healthz?${long}`);
    const elsewhereText = await elsewhere.text();
    expect(elsewhere.status).toBe(431);
    expect(JSON.parse(elsewhereText)).toEqual({ error: expect.stringMatching(/over 16 KB/), code: 'PAYLOAD_TOO_LARGE' });
    for (const text of [graphqlText, elsewhereText]) expect(text).not.toMatch(/secret-looking|healthz/);
    // The server is still there.
    expect((await query('{ providers { provider } }')).status).toBe(200);
  });

  it('answers other routes with a small JSON error that does not echo the URL', async () => {
    for (const [path, method, status] of [['/nope?token=secret-looking-0001', 'GET', 404], ['/webhooks/delacon/calls?token=secret-looking-0002', 'OPTIONS', 404], ['/%zz?token=secret-looking-0003', 'GET', 400]] as const) {
      const res = await fetch(`${gw.url}${path}`, { method });
      const text = await res.text();
      expect(res.status, path).toBe(status);
      expect(JSON.parse(text)).toEqual({ error: expect.any(String), code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST' });
      expect(text).not.toMatch(/secret-looking|nope|webhooks|%zz/);
    }
  });
});

describe('too many subscriptions on one WebSocket', () => {
  it('refuses the 101st with TOO_MANY_SUBSCRIPTIONS; the socket stays open and the others keep running', async () => {
    const client = gw.ws();
    let closed = false;
    client.on('closed', () => (closed = true));
    const stops = Array.from({ length: 100 }, () => client.subscribe({ query: 'subscription { callEvents { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined }));
    const r = await wsResult(client, 'subscription { callEvents { id } }');
    expect(r.errors).toEqual([{ message: expect.stringMatching(/^At most 100 operations at once/), extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } }]);
    expect(closed).toBe(false);
    stops[0]!();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await wsResult(client, '{ providers { provider } }')).data).toBeTruthy();
    for (const stop of stops) stop();
  });
});

describe('dates the store cannot hold', () => {
  /** Every DateTime input, each read by a store query. */
  const INPUTS = [
    { field: 'startedAfter', document: (v: string) => `query($d: DateTime!) { callEvents(filter: { startedAfter: ${v} }, first: 1) { edges { cursor } } }` },
    { field: 'startedBefore', document: (v: string) => `query($d: DateTime!) { callEvents(filter: { startedBefore: ${v} }, first: 1, orderBy: { field: DURATION, direction: DESC }) { edges { cursor } } }` },
    { field: 'startedAfter', document: (v: string) => `query($d: DateTime!) { callStats(filter: { startedAfter: ${v} }, interval: MONTH, timeZone: "Pacific/Kiritimati") { totalCalls } }` },
    { field: 'receivedAfter', document: (v: string) => `query($d: DateTime!) { webhookReceipts(filter: { receivedAfter: ${v} }, first: 1) { edges { cursor } } }` },
    { field: 'receivedBefore', document: (v: string) => `query($d: DateTime!) { webhookReceipts(filter: { receivedBefore: ${v} }, first: 1) { edges { cursor } } }` },
  ];
  /** The range (years 1 to 9999 in UTC) as the refusal names it. */
  const RANGE = 'from 0001-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z in UTC';
  // PostgreSQL has no year 0; JavaScript writes a year past 9999 with a sign PostgreSQL does not read.
  const OUTSIDE = ['0000-06-01T00:00:00Z', '0001-01-01T00:00:00+00:01', '9999-12-31T23:59:59-00:01'];

  it.each(INPUTS.flatMap((input) => OUTSIDE.map((date) => ({ ...input, date }))))('$field $date: refused naming the range, as a variable and as a literal', async ({ document, date }) => {
    const asVariable = refused(await query(document('$d'), { d: date }), 400, 'BAD_USER_INPUT');
    const asLiteral = refused(await query(document(JSON.stringify(date)).replace('($d: DateTime!) ', ' ')), 400, 'GRAPHQL_VALIDATION_FAILED');
    for (const message of [asVariable, asLiteral]) expect(message).toContain(RANGE);
  });

  it('the same over WebSocket, a subscription included', async () => {
    const client = gw.ws();
    for (const date of OUTSIDE) {
      const r = await wsResult(client, 'subscription($f: CallEventFilter) { callEvents(filter: $f) { id } }', { f: { startedAfter: date } });
      expect(r.errors?.map((e) => [e.extensions?.code, e.message.includes(RANGE)])).toEqual([['BAD_USER_INPUT', true]]);
    }
  });

  it('any date-time the scalar reads, in any offset, near both ends: an answer or a refusal, never INTERNAL', async () => {
    const ms = (iso: string) => Date.parse(iso);
    const instant = fc.oneof(
      fc.integer({ min: ms('0000-01-01T00:00:00Z'), max: ms('0001-01-02T00:00:00Z') }),
      fc.integer({ min: ms('9999-12-30T00:00:00Z'), max: ms('9999-12-31T23:59:59.999Z') }),
      fc.integer({ min: ms('0000-01-01T00:00:00Z'), max: ms('9999-12-31T23:59:59.999Z') }),
    );
    const offset = fc.integer({ min: -14 * 60, max: 14 * 60 }).map((m) => (m === 0 ? 'Z' : `${m < 0 ? '-' : '+'}${String(Math.floor(Math.abs(m) / 60)).padStart(2, '0')}:${String(Math.abs(m) % 60).padStart(2, '0')}`));
    await fc.assert(
      fc.asyncProperty(instant, offset, fc.constantFrom(...INPUTS), async (t, o, input) => {
        // The wall-clock digits of instant t, read in offset o (a date-time string of 4-digit years).
        const date = `${new Date(t).toISOString().slice(0, -1)}${o}`;
        const a = await query(input.document('$d'), { d: date });
        wellFormed(a);
        const utc = Date.parse(date);
        const inside = utc >= ms('0001-01-01T00:00:00Z') && utc <= ms('9999-12-31T23:59:59.999Z');
        if (!inside) expect(a.status).toBe(400);
      }),
      { numRuns: 150 },
    );
  });
});

describe('an input string the store cannot keep (a NUL, a lone surrogate)', () => {
  const PROVISION = 'mutation($input: ProvisionNumbersInput!) { provisionNumbers(input: $input) { orders { id } userErrors { code } } }';
  const delacon = { businessName: 'B', businessCategory: 'C', email: 'a@b.example', terminationNumber: '+61299998888', region: 'AUSTRALIA', numberType: '02', count: 1, acceptTerms: true };
  const NUL = 'contains a NUL character';
  const LONE = 'contains a lone surrogate (not valid Unicode)';
  /** A document, variables with one bad string, and where and why the refusal says it is bad. */
  const CASES = [
    { name: 'a call filter', document: 'query($f: CallEventFilter) { callEvents(filter: $f) { edges { cursor } } }', variables: { f: { search: 'a\u0000b' } }, at: 'f.search', why: NUL },
    { name: 'a statistics filter', document: 'query($f: CallEventFilter!) { callStats(filter: $f) { totalCalls } }', variables: { f: { customId: '\u0000' } }, at: 'f.customId', why: NUL },
    { name: 'a provisioning input', document: PROVISION, variables: { input: { provider: 'DELACON', delacon: { ...delacon, businessName: 'a\u0000' } } }, at: 'input.delacon.businessName', why: NUL },
    { name: 'a provisioning input, a lone surrogate', document: PROVISION, variables: { input: { provider: 'DELACON', delacon: { ...delacon, businessCategory: 'a\ud800b' } } }, at: 'input.delacon.businessCategory', why: LONE },
    { name: 'an idempotency key', document: PROVISION, variables: { input: { provider: 'DELACON', delacon, idempotencyKey: 'k\u0000' } }, at: 'input.idempotencyKey', why: NUL },
    { name: 'a subscription filter', document: 'subscription($f: CallEventFilter) { callEvents(filter: $f) { id } }', variables: { f: { source: 'x\udc00' } }, at: 'f.source', why: LONE },
  ];
  const orders = async () => Number((await gw.running.db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders'))[0]!.n);

  it.each(CASES)('$name: BAD_USER_INPUT naming the path, over HTTP (fast path and Apollo) and WebSocket; nothing run', async ({ document, variables, at, why }) => {
    const before = await orders();
    const [variable] = at.split('.');
    const expected = `Variable "$${variable}" at "${at}" ${why}; no input string may hold one`;
    if (!document.startsWith('subscription')) {
      for (const body of [{ query: document, variables }, { query: document, variables, extensions: {} }]) {
        expect(refused(await send(JSON.stringify(body)), 400, 'BAD_USER_INPUT')).toBe(expected);
      }
    }
    const r = await wsResult(gw.ws(), document, variables);
    expect(r.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', expected]]);
    expect(await orders()).toBe(before);
  });

  it('written in the document: 400 GRAPHQL_VALIDATION_FAILED; a backslash before "u0000" is no NUL', async () => {
    const message = refused(await query('{ callEvents(filter: { search: "a\\u0000b" }) { edges { cursor } } }'), 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(message).toBe('A string in the document contains a NUL character; no input string may hold one');
    const plain = await query('query($f: CallEventFilter) { callEvents(filter: $f) { edges { cursor } } }', { f: { search: 'a\\u0000b' } });
    expect({ status: plain.status, errors: plain.body.errors }).toEqual({ status: 200, errors: undefined });
  });

  it('in a variable the operation does not declare: ignored, as graphql-js ignores the variable', async () => {
    const a = await query('query($f: CallEventFilter) { callEvents(filter: $f) { edges { cursor } } }', { f: { search: 'x' }, other: 'a\u0000' });
    expect({ status: a.status, errors: a.body.errors }).toEqual({ status: 200, errors: undefined });
  });

  it('anywhere in any filter, as a variable: refused, never INTERNAL', async () => {
    const text = fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\u0000', '\ud800', '\udfff'), fc.string({ maxLength: 20 })).map((parts) => parts.join(''));
    const field = fc.constantFrom('search', 'source', 'campaign', 'keywords', 'customId', 'customGroup');
    await fc.assert(
      fc.asyncProperty(field, text, fc.constantFrom('callEvents(filter: $f) { edges { cursor } }', 'callStats(filter: $f) { totalCalls }'), async (f, value, selection) => {
        const a = await query(`query($f: CallEventFilter!) { ${selection} }`, { f: { [f]: value } });
        expect(refused(a, 400, 'BAD_USER_INPUT')).toContain(`at "f.${f}"`);
      }),
      { numRuns: 100 },
    );
  });
});

describe('variables nested deeper than any input', () => {
  // Written as text: JSON.stringify itself overflows the stack at this depth (the gateway's did, and answered 500).
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
  const document = 'query($f: CallEventFilter) { callEvents(filter: $f) { edges { cursor } } }';
  const expected = `Variable "$f" at "f${'.a'.repeat(32)}" is nested more than 32 levels deep; no input nests so deep`;

  it.each([33, 1_000, 10_000, 16_000])('%i levels: 400 BAD_USER_INPUT naming where, over HTTP (fast path and Apollo)', async (depth) => {
    for (const extensions of ['', ',"extensions":{}']) {
      const body = `{"query":${JSON.stringify(document)},"variables":{"f":${nested(depth)}}${extensions}}`;
      expect(refused(await send(body), 400, 'BAD_USER_INPUT')).toBe(expected);
    }
  });

  it.each(['graphql-transport-ws', 'graphql-ws'] as const)('10,000 levels over %s: the operation refused, the socket kept', async (protocol) => {
    const s = rawSocket(gw.wsUrl, protocol);
    await s.send({ type: 'connection_init', payload: { authorization: `Bearer ${RW_KEY}` } });
    await s.until((m) => m.type === 'connection_ack');
    const start = protocol === 'graphql-ws' ? 'start' : 'subscribe';
    await s.send(`{"type":"${start}","id":"1","payload":{"query":${JSON.stringify(document)},"variables":{"f":${nested(10_000)}}}}`);
    const answer = (await s.until((m) => m.id === '1' && m.type !== 'complete')) as { payload?: { errors?: unknown[] } | unknown[] };
    const errors = (Array.isArray(answer.payload) ? answer.payload : answer.payload?.errors) as Array<{ message: string; extensions?: { code?: string } }>;
    expect(errors.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', expected]]);
    await s.send({ type: start, id: '2', payload: { query: '{ providers { provider } }' } });
    expect(await s.until((m) => m.id === '2' && m.type !== 'complete')).toMatchObject({ payload: { data: { providers: expect.any(Array) } } });
    s.socket.close();
  });

  it('10,000 levels in an undeclared variable: ignored, as graphql-js ignores the variable', async () => {
    const body = `{"query":${JSON.stringify(document)},"variables":{"f":{"search":"x"},"other":${nested(10_000)}}}`;
    const a = await send(body);
    expect({ status: a.status, errors: a.body.errors }).toEqual({ status: 200, errors: undefined });
  });
});

describe('ids whose key is no row id', () => {
  it('36 hex digits and hyphens that are no UUID: null, and the valid ids batched with them still resolve', async () => {
    const delacon = { businessName: 'B', businessCategory: 'C', email: 'a@b.example', terminationNumber: '+61299998888', region: 'AUSTRALIA', numberType: '02', count: 1, acceptTerms: true };
    const made = await query('mutation($input: ProvisionNumbersInput!) { provisionNumbers(input: $input) { orders { id } userErrors { code } } }', { input: { provider: 'DELACON', delacon } });
    const order = (made.body.data as { provisionNumbers: { orders: Array<{ id: string }> } }).provisionNumbers.orders[0]!.id;
    for (const key of ['f'.repeat(36), '-'.repeat(36), `${'0'.repeat(32)}----`]) {
      const a = await query('query($good: ID!, $order: ID!, $call: ID!) { good: order(id: $good) { id } order(id: $order) { id } call: callEvent(id: $call) { id } node(id: $order) { id } }', {
        good: order,
        order: toGlobalId('Order', key),
        call: toGlobalId('CallEvent', key),
      });
      wellFormed(a);
      expect(a.body).toEqual({ data: { good: { id: order }, order: null, call: null, node: null } });
    }
  });
});

describe('forged cursors', () => {
  const cursor = (text: string) => Buffer.from(text).toString('base64url');
  /** Every keyset list, each order of the call history included (its cursors carry a key). */
  const LISTS = [
    'callEvents(after: $c, first: 2)',
    'callEvents(before: $c, last: 2)',
    'callEvents(after: $c, first: 2, orderBy: { field: DURATION, direction: ASC })',
    'callEvents(before: $c, last: 2, orderBy: { field: STARTED_AT, direction: DESC })',
    'webhookReceipts(after: $c, first: 2)',
    'orders(after: $c, first: 2)',
    'allocations(after: $c, first: 2)',
    'services(after: $c, first: 2)',
  ];
  const page = (list: string, c: string) => query(`query($c: String) { ${list} { edges { cursor } } }`, { c });
  // Past a bigint, past a JavaScript integer, past any instant the store keeps (in microseconds).
  const FORGED = ['c99999999999999999999', 'c9223372036854775808', 'c1:99999999999999999999999', 'c1:-9223372036854775808', 'c1:-300000000000000000', 'c1:253402400000000000'];

  it.each(LISTS.flatMap((list) => FORGED.map((text) => ({ list, text }))))('$list with $text: BAD_USER_INPUT, nothing run', async ({ list, text }) => {
    const a = await page(list, cursor(text));
    wellFormed(a);
    expect(a.body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', `"${cursor(text)}" is not a cursor from this list`]]);
  });

  it('keys at both ends of the instants kept still page', async () => {
    for (const key of ['-62135596800000000', '253402300799999999', '0', '2147483647']) {
      for (const list of LISTS.slice(0, 4)) {
        const a = await page(list, cursor(`c1:${key}`));
        expect({ key, list, errors: a.body.errors }).toEqual({ key, list, errors: undefined });
      }
    }
  });

  it('any digits in a cursor: a page or BAD_USER_INPUT, never INTERNAL', async () => {
    const digits = fc.oneof(fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }), fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }), fc.bigInt({ min: -1000n, max: 1000n }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...LISTS), digits, fc.option(digits, { nil: undefined }), async (list, seq, key) => {
        const a = await page(list, cursor(`c${seq < 0n ? -seq : seq}${key === undefined ? '' : `:${key}`}`));
        wellFormed(a);
        for (const e of a.body.errors ?? []) expect(e.extensions?.code).toBe('BAD_USER_INPUT');
      }),
      { numRuns: 200 },
    );
  });
});

describe('fuzzed', () => {
  const tokens = ['{', '}', '(', ')', ':', '$', '@', '...', '!', '[', ']', '=', '"', '#', 'query', 'mutation', 'subscription', 'fragment', 'on', 'providers', 'provider', 'callEvents', 'edges', 'node', 'id', 'first', 'after', 'null', '100', '-1', '1e99', '"x"', '\\u0000', '\u0000', '\ud800', '\u2028', '__schema', '__typename', 'portability', 'numbers', 'VOIP_INNOVATIONS', 'AVANSR'];
  const fuzzedQuery = fc.oneof(
    fc.string({ maxLength: 300, unit: 'binary' }),
    fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((parts) => parts.join(' ')),
  );

  it('query strings over HTTP: never 5xx, always the errors shape with a known code, nothing internal', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzedQuery, fc.jsonValue({ maxDepth: 3 }), async (q, variables) => {
        wellFormed(await send(JSON.stringify({ query: q, variables })));
      }),
      { numRuns: 300 },
    );
  });

  it('bodies over HTTP: never 5xx, always the errors shape with a known code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200, unit: 'binary' }), fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v))), async (body) => {
        wellFormed(await send(body));
      }),
      { numRuns: 200 },
    );
  });

  it('query strings over WebSocket: an error with a known code, the socket stays open', async () => {
    const client = gw.ws();
    let closed = false;
    client.on('closed', () => (closed = true));
    await fc.assert(
      fc.asyncProperty(fuzzedQuery, async (q) => {
        fc.pre(!q.includes('subscription')); // a valid one would wait for events
        wellFormed({ body: await wsResult(client, q) });
      }),
      { numRuns: 150 },
    );
    expect(closed).toBe(false);
  });
});

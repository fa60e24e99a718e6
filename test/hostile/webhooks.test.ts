/**
 * Hostile webhooks against a real gateway on loopback: bursts of one bad payload among valid
 * ones, and fuzzed payloads for every route.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callSeconds, endAfter } from '../../src/domain/calls.js';
import { inInstants } from '../../src/domain/values.js';
import { WEBHOOK_BODY_LIMIT } from '../../src/webhooks/router.js';
import { WEBHOOK_TOKEN, startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw?.close();
});

interface Sent {
  status: number;
  text: string;
}

/** One raw webhook: the method, query (besides the token), content type and body exactly as given. */
async function send(path: string, opts: { method?: string; query?: Record<string, string>; contentType?: string; body?: string | Uint8Array } = {}): Promise<Sent> {
  const query = new URLSearchParams({ ...opts.query, token: WEBHOOK_TOKEN });
  const headers: Record<string, string> = opts.contentType === undefined ? {} : { 'content-type': opts.contentType };
  const res = await fetch(`${gw.url}/webhooks/${path}?${query}`, { method: opts.method ?? 'POST', headers, body: opts.body });
  return { status: res.status, text: await res.text() };
}

/** An id no other in this run has: the time, then a counter (random digits repeat among 150 ids one time in ~1,500). */
let sequence = 0;
const uniqueId = () => `${Date.now()}${String(++sequence).padStart(6, '0')}`;
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** What makes a payload unstorable, spliced into an otherwise valid JSON payload. */
const POISONS: Record<string, (valid: Record<string, unknown>, idField: string) => string> = {
  'a NUL in a string': (v) => JSON.stringify({ ...v, extra: 'a\u0000b' }),
  'a lone surrogate': (v) => JSON.stringify({ ...v, extra: 'a\ud800b' }),
  'a 3 kB id': (v, idField) => JSON.stringify({ ...v, [idField]: randomBytes(1500).toString('hex') }),
  '20k-deep nesting': (v) => `${JSON.stringify(v).slice(0, -1)},"extra":${nested(20_000)}}`,
};

interface BurstRoute {
  path: string;
  provider: string;
  idField: string;
  valid(id: string): Record<string, unknown>;
  /** The stored call id for a valid payload's id. */
  callId(id: string): string;
}

const BURST_ROUTES: BurstRoute[] = [
  {
    path: 'delacon/calls',
    provider: 'DELACON',
    idField: 'PLA_Call_Id',
    valid: (id) => ({ PLA_Call_Id: id, PLA_Caller_Phone_Number: '+61444444444', PLA_Number_Dialed: '0288889999', PLA_CallStartTime: '00000001556755937003', PLA_CID: '999' }),
    callId: (id) => id,
  },
  {
    path: 'exotel/calls',
    provider: 'EXOTEL',
    idField: 'call_sid',
    valid: (id) => ({ call_sid: id, from: '+919590000342', to: '+917760000969', greenvn: '+918040000513', greenvn_id: 'd12638b6-28b8-488d-8cf3-c60619ac2280', dial_call_status: 'completed', call_type: 'completed', dial_call_duration: '32' }),
    callId: (id) => id,
  },
];

async function storedCalls(provider: string, ids: string[]): Promise<Map<string, number>> {
  const rows = await gw.running.db.query<{ provider_call_id: string; n: number }>(
    'SELECT provider_call_id, count(*)::int AS n FROM call_events WHERE provider = $1 AND provider_call_id = ANY($2::text[]) GROUP BY provider_call_id',
    [provider, ids],
  );
  return new Map(rows.map((r) => [r.provider_call_id, Number(r.n)]));
}

async function rejectedCount(provider: string): Promise<number> {
  const [row] = await gw.running.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_receipts WHERE provider = $1 AND status = 'rejected'`, [provider]);
  return Number(row!.n);
}

describe('a burst of valid webhooks with one bad payload among them', () => {
  describe.each(BURST_ROUTES)('$path', (route) => {
    it.each(Object.keys(POISONS))('%s fails only itself', async (poison) => {
      const ids = Array.from({ length: 150 }, uniqueId);
      const bad = POISONS[poison]!(route.valid(uniqueId()), route.idField);
      const rejectedBefore = await rejectedCount(route.provider);
      const sends = ids.map((id) => send(route.path, { contentType: 'application/json', body: JSON.stringify(route.valid(id)) }));
      sends.splice(75, 0, send(route.path, { contentType: 'application/json', body: bad }));
      const answers = await Promise.all(sends);
      const badAnswer = answers.splice(75, 1)[0]!;
      const failedValid = answers.filter((a) => a.status !== 200);
      const stored = await storedCalls(route.provider, ids.map(route.callId));
      const notStoredOnce = ids.filter((id) => stored.get(route.callId(id)) !== 1);
      expect({ bad: badAnswer.status, failedValid: failedValid.length, notStoredOnce }).toEqual({ bad: 400, failedValid: 0, notStoredOnce: [] });
      expect(await rejectedCount(route.provider)).toBe(rejectedBefore + 1);
    });
  });
});

/** A caller number of its own for each call, to find the call again through the API. */
let callers = 0;
const nextCaller = () => `+6140000${String(1000 + ++callers).slice(-4)}`;

/** Durations no call lasts: past what GraphQL's Int (and the store's int) holds, or past any date. */
const ABSURD = ['3000000000', '99999999999999999999', '4e62'];

describe('a call whose duration or start no call has', () => {
  type Call = { start?: string; duration?: string };
  /** An answered call of 5 s from `from`, with the start and duration given, in each provider's own format; the statuses answered. */
  const sends: Record<string, (from: string, call: Call) => Promise<number[]>> = {
    // Exotel writes durations as strings or numbers; no `current_time`, so only the duration bounds the end.
    EXOTEL: async (from, { start = '2021-01-19 19:17:03', duration = '5' }) => [
      (await gw.webhook('exotel/calls', { call_sid: uniqueId(), from, to: '+917760000969', greenvn: '+918040000513', dial_call_status: 'completed', call_type: 'completed', dial_call_duration: Number(duration), on_call_duration: duration, start_time: start })).status,
    ],
    AVANSER: async (from, { start = '2017-06-11T16:49:17+10:00', duration = '5' }) => {
      const q = new URLSearchParams({ callid: uniqueId(), bnum: '+61-0280740801', ani: from.replace('+61', '+61-0'), tzdate: start, duration, callstatus: 'avanser_answered_call', callcode: '1' });
      return [(await send('avanser/calls', { method: 'GET', query: Object.fromEntries(q) })).status];
    },
    // Delacon sends the start first and the duration with the call's end.
    DELACON: async (from, { start = '00000001556755937003', duration = '5' }) => {
      const id = uniqueId();
      const first = await gw.webhook('delacon/calls', { PLA_Call_Id: id, PLA_Caller_Phone_Number: from, PLA_Number_Dialed: '0288889999', PLA_CallStartTime: start, PLA_CID: '999' });
      const end = await gw.webhook('delacon/calls', { PLA_Call_Id: id, PLA_CID: '999', PLA_CallResult: 'Answered', PLA_Duration: `${duration}s` });
      return [first.status, end.status];
    },
  };
  /** Starts outside years 1 to 9999 in UTC, as each provider writes a start. */
  const OUT_OF_RANGE: Record<string, string[]> = {
    EXOTEL: ['0000-06-01 00:00:00', '9999-12-31 23:59:59-01:00'],
    AVANSER: ['0000-06-01T00:00:00Z', '+020000-01-01T00:00:00Z', '-000001-06-01T00:00:00Z'],
    DELACON: ['8640000000000000', '253402300800000'],
  };

  /** The one call from `from`, as the API shows it. */
  async function shown(provider: string, from: string): Promise<Array<Record<string, unknown>>> {
    const { status, body } = await gw.post('query Call($filter: CallEventFilter) { callEvents(filter: $filter, first: 5) { edges { node { status startedAt endedAt durationSeconds dialSeconds } } } }', { filter: { provider, from } });
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    return (body.data as { callEvents: { edges: Array<{ node: Record<string, unknown> }> } }).callEvents.edges.map((e) => e.node);
  }

  it.each(Object.keys(sends).flatMap((provider) => ABSURD.map((duration) => ({ provider, duration }))))('$provider, $duration s: stored and shown with no duration, as a call with none', async ({ provider, duration }) => {
    const from = nextCaller();
    const statuses = await sends[provider]!(from, { duration });
    expect(statuses).toEqual(statuses.map(() => 200));
    expect(await shown(provider, from)).toEqual([{ status: 'ANSWERED', startedAt: expect.any(String), endedAt: null, durationSeconds: null, dialSeconds: null }]);
  });

  it.each(Object.entries(OUT_OF_RANGE).flatMap(([provider, starts]) => starts.map((start) => ({ provider, start }))))('$provider, started $start: stored and shown with no start and no end', async ({ provider, start }) => {
    const from = nextCaller();
    const statuses = await sends[provider]!(from, { start });
    expect(statuses).toEqual(statuses.map(() => 200));
    expect(await shown(provider, from)).toEqual([{ status: 'ANSWERED', startedAt: null, endedAt: null, durationSeconds: 5, dialSeconds: provider === 'EXOTEL' ? 5 : null }]);
  });

  it('callSeconds and endAfter: any number and any date give an Int (or none) and an instant the gateway keeps (or none), never a throw', () => {
    const start = fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
    fc.assert(
      fc.property(fc.option(start, { nil: undefined }), fc.oneof(fc.double(), fc.integer(), fc.constantFrom(8.64e15, 2 ** 31, 2 ** 31 - 1)), (startedAt, n) => {
        const s = callSeconds(n);
        expect(s === undefined || (Number.isInteger(s) && s >= 0 && s < 2 ** 31)).toBe(true);
        const end = endAfter(startedAt, s);
        expect(end === undefined || (Date.parse(end) >= Date.parse(startedAt!) && inInstants(Date.parse(end)))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});

// ---- fuzzing ----

/** fast-check runs per route: ≥ 500 in CI, fewer locally. */
const RUNS = process.env.CI ? 500 : 60;

type Format = (status: number, body: unknown) => boolean;
const isString = (v: unknown): v is string => typeof v === 'string';
const exactKeys = (body: unknown, keys: string[]) => typeof body === 'object' && body !== null && Object.keys(body).sort().join() === [...keys].sort().join();

const FORMATS: Record<string, Format> = {
  delaconCalls: (status, b: any) => exactKeys(b, ['PLA_Call_Id', 'success', 'error']) && isString(b.PLA_Call_Id) && isString(b.error) && b.success === (status === 200 ? 'true' : 'false'),
  delaconOrders: (status, b: any) => (status === 200 && exactKeys(b, ['RESULT']) && b.RESULT === 'ACCEPTED') || (exactKeys(b, ['RESULT', 'MESSAGE']) && b.RESULT === 'FAIL' && isString(b.MESSAGE)),
  avanser: (status, b: any) => (status === 200 ? exactKeys(b, ['ok']) && b.ok === true : exactKeys(b, ['ok', 'error']) && b.ok === false && isString(b.error)),
  exotel: (status, b: any) => (status === 200 ? exactKeys(b, ['status']) && b.status === 'ok' : exactKeys(b, ['status', 'reason']) && b.status === 'error' && isString(b.reason)),
};

interface FuzzRoute {
  path: string;
  provider: string;
  event: string;
  methods: Array<'GET' | 'POST'>;
  format: Format;
  /** Valid payloads of the route, as flat string fields (the fuzz changes, adds and breaks fields). */
  templates: Array<Record<string, string>>;
}

const FUZZ_ROUTES: FuzzRoute[] = [
  {
    path: 'delacon/calls',
    provider: 'DELACON',
    event: 'calls',
    methods: ['POST'],
    format: FORMATS.delaconCalls!,
    templates: [
      { PLA_Call_Id: '1122334', PLA_Caller_Phone_Number: '+61444444444', PLA_Number_Dialed: '0288889999', PLA_CallStartTime: '00000001556755937003', PLA_CID: '999', PLA_SESSID: 's1' },
      { PLA_Call_Id: '1122334', PLA_CID: '999', PLA_Answering_Point: '0298989898', PLA_CallResult: 'Answered', PLA_Duration: '50s', PLA_VoicemailLeft: 'No', PLA_Converted: 'Y' },
    ],
  },
  {
    path: 'delacon/orders',
    provider: 'DELACON',
    event: 'orders',
    methods: ['POST'],
    format: FORMATS.delaconOrders!,
    templates: [{ OrderID: '53', Result: 'OK', Message: 'Your order 53 is complete' }],
  },
  {
    path: 'avanser/requests',
    provider: 'AVANSER',
    event: 'requests',
    methods: ['POST', 'GET'],
    format: FORMATS.avanser!,
    templates: [{ account_id: '7xxx', request_id: 'cebaa4c0eb', service_number: '61280740805', answer_point: '61401603859', message: 'Request completed successfully', status: 'completed' }],
  },
  {
    path: 'avanser/calls',
    provider: 'AVANSER',
    event: 'calls',
    methods: ['GET'],
    format: FORMATS.avanser!,
    templates: [
      { callid: '36012012', uniqueid: 'ECS1-1497163757.20486', bnum: '+61-0280740801', ani: '+61-0405061663', target: '+61-0401603859', tzdate: '2017-06-11T16:49:17+10:00', duration: '15', callstatus: 'avanser_answered_call', callcode: '1' },
    ],
  },
  {
    path: 'exotel/calls',
    provider: 'EXOTEL',
    event: 'calls',
    methods: ['POST'],
    format: FORMATS.exotel!,
    templates: [
      { call_sid: '53fa8e40bb1a', from: '+919590000342', to: '+917760000969', greenvn: '+918040000513', greenvn_id: 'd12638b6', dial_call_status: 'completed', call_type: 'completed', dial_call_duration: '32', start_time: '2021-01-19 19:17:03' },
    ],
  },
  {
    path: 'exotel/deallocations',
    provider: 'EXOTEL',
    event: 'deallocations',
    methods: ['POST'],
    format: FORMATS.exotel!,
    templates: [{ connection_id: 'c1', greenvn: '+918040000195', greenvn_id: 'fffe1797', state: 'vault', usage: 'twoway' }],
  },
  {
    path: 'exotel/verifications',
    provider: 'EXOTEL',
    event: 'verifications',
    methods: ['POST'],
    format: FORMATS.exotel!,
    templates: [
      { connection_id: 'c1', greenvn: '+918040001001', greenvn_id: 'fffe1797', caller: '+919811000001', pin: '1234' },
      { call_sid: '8a4d9219', greenvn: '+918040001001', start_time: '2021-01-19 19:17:03', caller: '+919811000001', pin: '9999' },
    ],
  },
];

/** Any UTF-16 code units: NULs and lone surrogates included. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 });
/** A value as JSON text: hostile strings, long ids, huge numbers, prototype words, any JSON, absurd nesting (in a query, shallower: URLs over 16 KB never reach a route). */
const jsonText = (maxDepth: number) =>
  fc.oneof(
    anyText.map((t) => JSON.stringify(t)),
    fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfff', randomBytes(1500).toString('hex'), 'x'.repeat(70)).map((t) => JSON.stringify(t)),
    // Numbers past what any field holds (an int column, GraphQL's Int, a date), as numbers and as strings.
    fc.constantFrom('99999999999999999999', '4294967296', '-1', '1e400', '-0', '4e62').chain((n) => fc.constantFrom(n, JSON.stringify(n))),
    // Words that name JavaScript's own properties, where a status or code is looked up.
    fc.constantFrom('constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty').map((w) => JSON.stringify(w)),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'),
    fc.integer({ min: 30, max: maxDepth }).map(nested),
  );
const fieldName = (templates: Array<Record<string, string>>) => fc.oneof(fc.constantFrom(...new Set(templates.flatMap(Object.keys))), anyText).filter((k) => k !== 'token');

/** Bytes percent-encoded one by one: any byte reaches the server as sent (invalid UTF-8 too). */
const percent = (bytes: Uint8Array) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

interface FuzzCase {
  method: 'GET' | 'POST';
  contentType?: string;
  query: string;
  body?: Uint8Array | string;
}

function fuzzCase(route: FuzzRoute): fc.Arbitrary<FuzzCase> {
  const template = fc.constantFrom(...route.templates);
  const removals = fc.subarray([...new Set(route.templates.flatMap(Object.keys))], { maxLength: 2 });
  /** The template with fields removed and changed, as JSON text of each field. */
  const fieldsOf = (maxDepth: number) =>
    fc.tuple(template, fc.array(fc.tuple(fieldName(route.templates), jsonText(maxDepth)), { maxLength: 4 }), removals).map(([t, e, r]) => {
      const out = new Map(Object.entries(t).map(([k, v]) => [k, JSON.stringify(v)]));
      for (const k of r) out.delete(k);
      for (const [k, v] of e) out.set(k, v);
      return out;
    });
  const fields = fieldsOf(20_000);
  const jsonBody = fields.map((f) => `{${[...f].map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
  const formOf = (f: Map<string, string>) => [...f].map(([k, v]) => `${percent(Buffer.from(k))}=${percent(Buffer.from(v.startsWith('"') ? (JSON.parse(v) as string) : v))}`).join('&');
  const body = fc.oneof(
    { weight: 4, arbitrary: jsonBody },
    { weight: 2, arbitrary: fields.map(formOf) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? '') },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 600 }) },
    // Near and over the body limit (256 KB).
    { weight: 1, arbitrary: fc.integer({ min: 250_000, max: 270_000 }).map((n) => `{"PLA_Call_Id":"1","x":"${'a'.repeat(n)}"}`) },
  );
  const contentType = fc.option(
    fc.oneof(
      fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', ''),
      fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
    ),
    { nil: undefined },
  );
  const rawQuery = fc.array(fc.tuple(fc.uint8Array({ maxLength: 12 }), fc.uint8Array({ maxLength: 40 })), { maxLength: 3 }).map((pairs) => pairs.map(([k, v]) => `${percent(k)}=${percent(v)}`));
  return fc.constantFrom(...route.methods).chain(
    (method): fc.Arbitrary<FuzzCase> =>
      method === 'GET'
        ? fc.record({
            method: fc.constant(method),
            // Node refuses request heads over 16 KB (431) before any route: such a URL is no webhook.
            query: fc
              .tuple(fieldsOf(300).map(formOf), rawQuery)
              .map(([f, raw]) => [f, ...raw].filter(Boolean).join('&'))
              .filter((q) => q.length < 12_000),
          })
        : fc.record({ method: fc.constant(method), contentType, body, query: fc.constant('') }),
  );
}

/** Nothing of ours in an answer: no SQL or store words, no paths or stack frames, no token. */
const INTERNALS = /SQLSTATE|postgres|pglite|btree|index row|violates|constraint|relation "|syntax error|unicode escape|\/work\/|node_modules|\.ts:\d|\bat [\w.<>]+ \(|TypeError|RangeError/i;

async function receiptCount(provider: string, event: string): Promise<number> {
  const [row] = await gw.running.db.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_receipts WHERE provider = $1 AND event = $2', [provider, event]);
  return Number(row!.n);
}

/** What one request broke, by kind; empty when it kept every promise. */
async function violations(route: FuzzRoute, c: FuzzCase): Promise<{ status: number; broken: string[] }> {
  const before = await receiptCount(route.provider, route.event);
  const headers: Record<string, string> = c.contentType === undefined ? {} : { 'content-type': c.contentType };
  const url = `${gw.url}/webhooks/${route.path}?${c.query}${c.query ? '&' : ''}token=${WEBHOOK_TOKEN}`;
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { method: c.method, headers, body: c.body, signal: AbortSignal.timeout(10_000) });
    text = await res.text();
  } catch {
    return { status: 0, broken: ['no answer'] };
  }
  const broken: string[] = [];
  if (res.status >= 500) broken.push(`answered ${res.status}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!route.format(res.status, body)) broken.push("not in the route's reply format");
  if (INTERNALS.test(text)) broken.push('internals in the answer');
  if (text.includes(WEBHOOK_TOKEN)) broken.push('the token in the answer');
  // Kept byte for byte, whatever it is; only a body over the limit is not read at all.
  const tooLarge = Buffer.byteLength(c.body ?? '') > WEBHOOK_BODY_LIMIT;
  if (tooLarge && res.status !== 413) broken.push('a body over the limit not answered 413');
  const kept = (await receiptCount(route.provider, route.event)) - before;
  if (kept !== (tooLarge ? 0 : 1)) broken.push(`${kept} receipts`);
  return { status: res.status, broken };
}

describe('fuzzed webhooks', () => {
  /** Printed on failure; FUZZ_SEED=<n> runs the same cases again. */
  const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

  it.each(FUZZ_ROUTES)(`$path: ${RUNS} hostile requests, each answered < 500 in the route's format, nothing internal, one receipt each`, { timeout: 30_000 + RUNS * 100 }, async (route) => {
    const broken = new Map<string, { count: number; example: string }>();
    const statuses = new Set<number>();
    for (const c of fc.sample(fuzzCase(route), { numRuns: RUNS, seed })) {
      const outcome = await violations(route, c);
      statuses.add(Math.floor(outcome.status / 100));
      for (const kind of outcome.broken) {
        const seen = broken.get(kind) ?? { count: 0, example: JSON.stringify(c, (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v)) };
        broken.set(kind, { ...seen, count: seen.count + 1 });
      }
    }
    expect(Object.fromEntries(broken), `seed ${seed}`).toEqual({});
    // The cases reached both outcomes: the generator makes valid payloads as well as bad ones.
    expect([...statuses].sort()).toEqual([2, 4]);
    expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
  });
});

/**
 * Lost upstream answers. Every provider is LIVE against its simulator through a fault proxy
 * that forwards a call that changes something (the simulator acts), then drops, resets,
 * hangs, garbles or replaces the answer. A retry with the same idempotency key must return
 * what was done, or OUTCOME_UNKNOWN while the gateway cannot know, and never cause a second
 * upstream effect: effects are counted from the simulator's own answers and state.
 * Then: the circuit breaker under persistent 500s, and reads bounded in time.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvanserSimulator } from '../../src/datasources/avanser/simulator.js';
import type { DelaconSimulator } from '../../src/datasources/delacon/simulator.js';
import type { ExotelSimulator } from '../../src/datasources/exotel/simulator.js';
import { avanserModule } from '../../src/datasources/avanser/module.js';
import { delaconModule } from '../../src/datasources/delacon/module.js';
import { exotelModule } from '../../src/datasources/exotel/module.js';
import { voipInnovationsModule } from '../../src/datasources/voipinnovations/module.js';
import type { VoipInnovationsSimulator } from '../../src/datasources/voipinnovations/simulator.js';
import type { ProviderName } from '../../src/domain/model.js';
import { silentLog } from '../avanser/helpers.js';
import { behindProxy, type Fault, type FaultProxy, type FaultRule } from '../helpers/fault-proxy.js';
import { startTestGateway, WEBHOOK_TOKEN, type GraphQLResponse, type TestGateway } from '../helpers/gateway.js';

const TIMEOUT_MS = 600;

const PROVISION = `mutation P($input: ProvisionNumbersInput!) { provisionNumbers(input: $input) {
  orders { id status providerRef serviceRef numbers message } numbers { e164 ok status code } userErrors { code message } } }`;
const RESERVE = `mutation R($input: NumbersInput!) { reserveNumbers(input: $input) { numbers { e164 ok status reservedUntil code } userErrors { code message } } }`;
const ALLOCATE = `mutation A($input: AllocateGreenVNInput!) { allocateGreenVN(input: $input) { allocation { id connectionId greenVN state } userErrors { code message } } }`;

let gw: TestGateway;
const sims: { AVANSER?: AvanserSimulator; EXOTEL?: ExotelSimulator; VOIP_INNOVATIONS?: VoipInnovationsSimulator; DELACON?: DelaconSimulator } = {};
const proxies = {} as Record<ProviderName, FaultProxy>;

beforeAll(async () => {
  // Retries come fast here: the per-key rate limit is not what this file tests.
  const env: Record<string, string> = { UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS), SANDBOX: 'off', RATE_LIMIT_PER_MINUTE: '100000' };
  const simDeps = (slug: string) => ({ log: silentLog, timeScale: 0.001, webhookUrl: (event: string) => `${gw?.url}/webhooks/${slug}/${event}?token=${WEBHOOK_TOKEN}` });
  sims.AVANSER = (await avanserModule.startSimulator(simDeps(avanserModule.slug))) as AvanserSimulator;
  sims.EXOTEL = (await exotelModule.startSimulator(simDeps(exotelModule.slug))) as ExotelSimulator;
  sims.VOIP_INNOVATIONS = (await voipInnovationsModule.startSimulator(simDeps(voipInnovationsModule.slug))) as VoipInnovationsSimulator;
  sims.DELACON = (await delaconModule.startSimulator(simDeps(delaconModule.slug))) as DelaconSimulator;
  const a = await behindProxy(sims.AVANSER);
  const e = await behindProxy(sims.EXOTEL);
  const v = await behindProxy(sims.VOIP_INNOVATIONS);
  const d = await behindProxy(sims.DELACON);
  Object.assign(proxies, { AVANSER: a.proxy, EXOTEL: e.proxy, VOIP_INNOVATIONS: v.proxy, DELACON: d.proxy });
  Object.assign(env, {
    AVANSER_USERNAME: a.live.username,
    AVANSER_PASSWORD: a.live.password,
    AVANSER_BASE_URL: a.live.baseUrl,
    EXOTEL_TENANT_SID: e.live.tenantSid,
    EXOTEL_API_KEY: e.live.apiKey,
    EXOTEL_API_TOKEN: e.live.apiToken,
    EXOTEL_BASE_URL: e.live.baseUrl,
    VOIPINNOVATIONS_LOGIN: v.live.login,
    VOIPINNOVATIONS_SECRET: v.live.secret,
    VOIPINNOVATIONS_URL: v.live.url,
    DELACON_AUTH_TOKEN: d.live.authToken,
    DELACON_BASE_URL: d.live.baseUrl,
  });
  gw = await startTestGateway(env);
});

afterAll(async () => {
  await gw?.close();
  await Promise.all(Object.values(proxies).map((p) => p.close()));
  await Promise.all(Object.values(sims).map((s) => s.close()));
});

const code = (r: GraphQLResponse<unknown>) => r.body.errors?.[0]?.extensions?.code;

/** Send the same mutation until it stops answering OUTCOME_UNKNOWN (the gateway still finding out), or give up. */
async function retryUntilKnown(send: () => Promise<GraphQLResponse<any>>, withinMs: number): Promise<{ last: GraphQLResponse<any>; unknowns: number }> {
  const until = Date.now() + withinMs;
  let unknowns = 0;
  for (;;) {
    const last = await send();
    if (code(last) !== 'OUTCOME_UNKNOWN' || Date.now() > until) return { last, unknowns };
    unknowns++;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Writes the simulator carried out (it answered 200), whatever became of the answer. */
const done = (p: FaultProxy, match: (r: FaultProxy['requests'][number]) => boolean) => p.requests.filter((r) => r.forwarded && r.status === 200 && match(r)).length;

const FAULTS: Array<[string, Fault, boolean]> = [
  ['forwarded, then the connection closed', { kind: 'drop' }, true],
  ['forwarded, then the connection reset', { kind: 'reset' }, true],
  ['forwarded, then no answer', { kind: 'hang' }, true],
  ['forwarded, then garbage bytes', { kind: 'garbage' }, true],
  ['forwarded, then HTTP 500', { kind: 'answer', status: 500, body: '{"error":"internal"}' }, true],
  ['forwarded, then HTTP 502', { kind: 'answer', status: 502, body: '<html>bad gateway</html>' }, true],
  ['forwarded, then an unreadable 200', { kind: 'answer', status: 200, body: '{"response":"accepted?"}' }, true],
  ['reset before it reached the provider', { kind: 'reset' }, false],
  ['never answered, never sent on', { kind: 'hang' }, false],
];

interface Target {
  provider: ProviderName;
  /** Which upstream request the faults hit. */
  rule: Omit<FaultRule, 'fault' | 'forward' | 'times'>;
  /** The mutation for the n-th case, under `key`. */
  send(key: string, n: number): Promise<GraphQLResponse<any>>;
  /** Upstream effects of the n-th case, from what the simulator did. */
  effects(n: number): Promise<number>;
  /** A result for the n-th case that says it was done once. */
  expectDone(data: any, n: number): void;
  /** Can the gateway find out what a lost call did? */
  recoverable: boolean;
}

// AVANSER: one service request per number; each case orders another number.
const AVANSER_NUMBERS = ['61280740802', '61280740805', '61296301234', '61280740810', '61390001234', '61738001234', '61892001234', '61882001234', '61481000101'];
async function avanserApi(path: string): Promise<Record<string, { service_number: string; callback_uri?: string }>> {
  const { username, password, baseUrl } = sims.AVANSER!.live;
  const res = await fetch(`${baseUrl}/v1/${path}`, { headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` } });
  return ((await res.json()) as { response: Record<string, { service_number: string }> }).response;
}

// VoIP Innovations: a free tier-1/2/4 number per case.
const VI_NUMBERS = ['4352151002', '4352151003', '4352151004', '4352151005', '4352151006', '4355861001', '4355861002', '4355861003', '4355861004', '4356491001', '4356491002', '4356491003', '8012241002', '8012241003', '8012241004', '8012241005', '7182301001', '7182301002'];
let viNext = 0;
const viNumber: Record<string, string> = {};
/** The number of a VoIP Innovations case (`p<n>` provision, `r<n>` reserve). */
const viFor = (kase: string) => (viNumber[kase] ??= VI_NUMBERS[viNext++]!);
const soapAction = (name: string) => ({ soapaction: new RegExp(`/${name}"`) });

const TARGETS: Target[] = [
  {
    provider: 'AVANSER',
    rule: { method: 'POST', path: /\/v1\/requests$/ },
    recoverable: true,
    send: (key, n) => gw.post(PROVISION, { input: { provider: 'AVANSER', idempotencyKey: key, avanser: { numbers: [`+${AVANSER_NUMBERS[n]}`], name: `case ${n}`, serviceType: 'VOICEMAIL' } } }),
    async effects(n) {
      const services = Object.values(await avanserApi('services')).filter((s) => s.service_number === AVANSER_NUMBERS[n]);
      const requests = Object.values(await avanserApi('requests')).filter((r) => r.service_number === AVANSER_NUMBERS[n]);
      // The simulator's own state agrees with the writes it answered.
      expect(services.length).toBe(requests.length);
      return requests.length;
    },
    expectDone(data, n) {
      const [order] = data.provisionNumbers.orders;
      expect(data.provisionNumbers.orders).toHaveLength(1);
      expect(order).toMatchObject({ serviceRef: `+${AVANSER_NUMBERS[n]}`, providerRef: expect.stringMatching(/^[0-9a-f]{40}$/) });
      expect(['PENDING', 'COMPLETED']).toContain(order.status);
    },
  },
  {
    provider: 'EXOTEL',
    rule: { method: 'POST', path: /\/greenvn$/ },
    recoverable: true,
    send: (key, n) => gw.post(ALLOCATE, { input: { idempotencyKey: key, aPartyNumbers: [`+9198110${String(n).padStart(5, '0')}`], bPartyNumbers: [`+9198765${String(n).padStart(5, '0')}`], usage: 'TWO_WAY' } }),
    // Exotel refuses a second allocation under an active connection id (code 18): each 200 allocated.
    effects: async (n) => done(proxies.EXOTEL, (r) => r.method === 'POST' && r.body.includes(`+9198110${String(n).padStart(5, '0')}`)),
    expectDone(data) {
      expect(data.allocateGreenVN.allocation).toMatchObject({ state: 'ACTIVE', connectionId: expect.stringMatching(/^sb-[0-9a-f]{32}$/), greenVN: expect.stringMatching(/^\+91/) });
    },
  },
  {
    provider: 'VOIP_INNOVATIONS',
    rule: { method: 'POST', headers: soapAction('assignDID') },
    recoverable: true,
    send: (key, n) => gw.post(PROVISION, { input: { provider: 'VOIP_INNOVATIONS', idempotencyKey: key, voipInnovations: { numbers: [`+1${viFor(`p${n}`)}`], endpointGroup: 8674 } } }),
    effects: async (n) => done(proxies.VOIP_INNOVATIONS, (r) => /assignDID/.test(String(r.headers.soapaction)) && r.body.includes(`<tn>${viFor(`p${n}`)}</tn>`)),
    expectDone(data) {
      expect(data.provisionNumbers.orders).toMatchObject([{ status: 'COMPLETED' }]);
      expect(data.provisionNumbers.numbers).toMatchObject([{ ok: true, status: 'ACTIVE' }]);
    },
  },
  {
    provider: 'VOIP_INNOVATIONS',
    rule: { method: 'POST', headers: soapAction('reserveDID') },
    recoverable: true,
    send: (key, n) => gw.post(RESERVE, { input: { provider: 'VOIP_INNOVATIONS', idempotencyKey: key, numbers: [`+1${viFor(`r${n}`)}`] } }),
    effects: async (n) => done(proxies.VOIP_INNOVATIONS, (r) => /reserveDID/.test(String(r.headers.soapaction)) && r.body.includes(`<tn>${viFor(`r${n}`)}</tn>`)),
    expectDone(data) {
      expect(data.reserveNumbers.numbers).toMatchObject([{ ok: true, status: 'RESERVED' }]);
    },
  },
  {
    provider: 'DELACON',
    rule: { method: 'POST', path: /\/rest\/config\/provision$/ },
    recoverable: false,
    send: (key) => gw.post(PROVISION, { input: { provider: 'DELACON', idempotencyKey: key, delacon: { companyId: '1001', count: 1 } } }),
    effects: async () => done(proxies.DELACON, (r) => r.path.endsWith('/provision')),
    expectDone() {
      expect.unreachable('Delacon cannot be asked what an order did');
    },
  },
];

describe.each(TARGETS.map((t) => [`${t.provider} ${t.rule.path ?? JSON.stringify(t.rule.headers)}`, t] as const))('%s', (_name, t) => {
  it.each(FAULTS.map(([label, fault, forward], n) => [label, fault, forward, n] as const))('%s: a retry with the same key does it once or says OUTCOME_UNKNOWN', async (_label, fault, forward, n) => {
    const proxy = proxies[t.provider];
    const before = await t.effects(n);
    const key = `k-${randomUUID()}`;
    proxy.add({ ...t.rule, fault, forward, times: 1 });
    const started = performance.now();
    const first = await t.send(key, n);
    proxy.clear();
    // A lost answer: never a success the gateway made up, never a plain failure that invites a new key.
    if (code(first) !== undefined) expect(code(first)).toBe('OUTCOME_UNKNOWN');
    expect(first.body.errors?.[0]?.message ?? '').not.toMatch(/accepted\?|bad gateway|internal"/);
    expect(performance.now() - started).toBeLessThan(4 * TIMEOUT_MS + 1_000);

    // Long enough for the grace after a lost answer (UPSTREAM_TIMEOUT_MS); Delacon never settles.
    const { last, unknowns } = await retryUntilKnown(() => t.send(key, n), t.recoverable ? 6_000 : 3 * TIMEOUT_MS);
    const effects = (await t.effects(n)) - before;
    expect(effects).toBeLessThanOrEqual(1);
    if (!t.recoverable) {
      // Delacon offers no lookup: it stays unknown, and nothing is sent again.
      expect(code(last)).toBe('OUTCOME_UNKNOWN');
      expect(last.body.errors![0]!.message).toMatch(/offers no way to look it up/);
      expect(effects).toBe(forward ? 1 : 0);
      return;
    }
    expect(last.body.errors).toBeUndefined();
    t.expectDone(last.body.data, n);
    expect(effects).toBe(1);
    // The same key now replays that result.
    expect((await t.send(key, n)).body).toEqual(last.body);
    expect((await t.effects(n)) - before).toBe(1);
    if (code(first) === undefined) expect(first.body).toEqual(last.body);
    else expect(unknowns).toBeGreaterThanOrEqual(0);
  });
});

describe('failures that prove nothing was done', () => {
  it('a refusal frees the key: the retry with it orders, once', async () => {
    const input = { provider: 'AVANSER', idempotencyKey: `k-${randomUUID()}`, avanser: { numbers: ['+61481000102'], name: 'refused first', serviceType: 'VOICEMAIL' } };
    proxies.AVANSER.add({ method: 'POST', path: /\/v1\/requests$/, fault: { kind: 'answer', status: 401, body: '{"response":{"code":401,"message":"Unauthorized"}}' }, forward: false, times: 1 });
    expect(code(await gw.post(PROVISION, { input }))).toBe('UPSTREAM_AUTH_FAILED');
    const retry = await gw.post(PROVISION, { input });
    expect(retry.body.errors).toBeUndefined();
    expect((retry.body.data as any).provisionNumbers.orders).toMatchObject([{ serviceRef: '+61481000102', providerRef: expect.stringMatching(/^[0-9a-f]{40}$/) }]);
    expect(Object.values(await avanserApi('requests')).filter((r) => r.service_number === '61481000102')).toHaveLength(1);
  });
});

describe('AVANSER, several requests in one provision', () => {
  const TOLL_FREE = ['611300123456', '611300654321'];
  const requestsFor = async () => Object.values(await avanserApi('requests')).filter((r) => TOLL_FREE.includes(r.service_number)).length;

  it('the first answer lost, so the second request was never sent: the retry says so once nothing more can arrive', async () => {
    const input = { provider: 'AVANSER', idempotencyKey: `k-${randomUUID()}`, avanser: { search: { type: 'NUMBER_TYPE', kind: 'LOCAL_RATE' }, count: 2, name: 'hotline', serviceType: 'VOICEMAIL' } };
    proxies.AVANSER.add({ method: 'POST', path: /\/v1\/requests$/, fault: { kind: 'reset' }, times: 1 });
    expect(code(await gw.post(PROVISION, { input }))).toBe('OUTCOME_UNKNOWN');
    proxies.AVANSER.clear();
    const { last } = await retryUntilKnown(() => gw.post(PROVISION, { input }), 6_000);
    expect(last.body.data).toMatchObject({
      provisionNumbers: {
        orders: [
          { status: expect.stringMatching(/PENDING|COMPLETED/), serviceRef: expect.stringMatching(/^\+611300/), providerRef: expect.stringMatching(/^[0-9a-f]{40}$/) },
          { status: 'FAILED', message: 'AVANSER has no trace of this request: it was not carried out' },
        ],
      },
    });
    expect(await requestsFor()).toBe(1);
  });
});

describe('unreadable answers through GraphQL', () => {
  it('an AVANSER 200 with a malformed response is UPSTREAM_ERROR, and no order is kept', async () => {
    const orders = async () => ((await gw.post('{ orders(filter: { provider: AVANSER }, first: 100) { edges { node { id } } } }')).body.data as any).orders.edges.length;
    const before = await orders();
    proxies.AVANSER.add({ fault: { kind: 'answer', status: 200, body: '{"response":7}' }, times: 2 });
    const search = await gw.post('{ availableNumbers(provider: AVANSER, filter: { szu: "sydney" }) { edges { node { e164 } } } }');
    expect(code(search)).toBe('UPSTREAM_ERROR');
    expect(search.body.errors![0]!.message).not.toContain('7');
    const provision = await gw.post(PROVISION, { input: { provider: 'AVANSER', avanser: { numbers: ['+61399998888'], name: 'x', serviceType: 'VOICEMAIL' } } });
    expect(code(provision)).toBe('UPSTREAM_ERROR');
    expect(await orders()).toBe(before);
  });
});

describe('a failing provider', () => {
  it('a hanging read ends within UPSTREAM_TIMEOUT_MS, retries included', async () => {
    proxies.AVANSER.add({ method: 'GET', fault: { kind: 'hang' }, forward: false });
    const started = performance.now();
    const r = await gw.post('{ availableNumbers(provider: AVANSER, filter: { szu: "sydney" }) { edges { node { e164 } } } }');
    const elapsed = performance.now() - started;
    proxies.AVANSER.clear();
    expect(code(r)).toBe('UPSTREAM_TIMEOUT');
    // Three tries took 3 x the timeout plus backoff.
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 500);
  });

  it('persistent 500s open the breaker: calls stop reaching the provider', async () => {
    const proxy = proxies.AVANSER;
    proxy.add({ method: 'GET', fault: { kind: 'answer', status: 500, body: '{"response":{"code":500,"message":"boom"}}' }, forward: false });
    const hits = () => proxy.requests.filter((r) => r.method === 'GET' && r.fault === 'answer').length;
    const calls: Array<{ code: unknown; paused: boolean; hits: number }> = [];
    for (let i = 0; i < 14; i++) {
      const r = await gw.post('{ services(provider: AVANSER) { edges { node { id } } } }');
      calls.push({ code: code(r), paused: /paused/.test(r.body.errors?.[0]?.message ?? ''), hits: hits() });
    }
    proxy.clear();
    expect(calls.map((c) => c.code)).toEqual(Array(14).fill('UPSTREAM_UNAVAILABLE'));
    // At most ten failing calls (three tries each) open it; from then on no call reaches the provider.
    const opened = calls.findIndex((c) => c.paused);
    expect(opened).toBeGreaterThan(0);
    expect(opened).toBeLessThanOrEqual(10);
    expect(calls.slice(opened).every((c) => c.paused && c.hits === calls[opened - 1]!.hits)).toBe(true);
    expect(hits()).toBeLessThanOrEqual(30);
  });
});

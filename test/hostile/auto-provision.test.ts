/**
 * provisionNumbers(provider: AUTO): the gateway picks the provider selling in the country that
 * has the stock, falls back only on NO_NUMBER_AVAILABLE, and says which it used and why. Every
 * provider is LIVE against its simulator through a fault proxy, which also counts what each
 * simulator received: a request routed to one provider must leave the others untouched, also
 * when its answer is lost and it is sent again under the same idempotency key.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { avanserModule } from '../../src/datasources/avanser/module.js';
import { delaconModule } from '../../src/datasources/delacon/module.js';
import { exotelModule } from '../../src/datasources/exotel/module.js';
import { voipInnovationsModule } from '../../src/datasources/voipinnovations/module.js';
import type { ProviderName } from '../../src/domain/model.js';
import type { Simulator } from '../../src/sandbox/simulator.js';
import { silentLog } from '../avanser/helpers.js';
import { behindProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { startTestGateway, WEBHOOK_TOKEN, type GraphQLResponse, type TestGateway } from '../helpers/gateway.js';

const TIMEOUT_MS = 600;

const PROVISION = `mutation P($input: ProvisionNumbersInput!) { provisionNumbers(input: $input) {
  provider routing { provider outcome code reason }
  orders { id status serviceRef numbers } numbers { e164 ok status code } userErrors { code message field } } }`;

const AVANSER_BLOCK = { name: 'auto', serviceType: 'VOICEMAIL' };
const VI_BLOCK = { endpointGroup: 8674 };

let gw: TestGateway;
const sims: Simulator<unknown>[] = [];
const proxies = {} as Record<ProviderName, FaultProxy>;

beforeAll(async () => {
  const env: Record<string, string> = { UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS), SANDBOX: 'off', RATE_LIMIT_PER_MINUTE: '100000' };
  const simDeps = (slug: string) => ({ log: silentLog, timeScale: 0.001, webhookUrl: (event: string) => `${gw?.url}/webhooks/${slug}/${event}?token=${WEBHOOK_TOKEN}` });
  const [a, e, v, d] = await Promise.all(
    [avanserModule, exotelModule, voipInnovationsModule, delaconModule].map(async (m) => {
      const sim = await m.startSimulator(simDeps(m.slug));
      sims.push(sim);
      return behindProxy(sim as Simulator<any>);
    }),
  );
  Object.assign(proxies, { AVANSER: a!.proxy, EXOTEL: e!.proxy, VOIP_INNOVATIONS: v!.proxy, DELACON: d!.proxy });
  Object.assign(env, {
    AVANSER_USERNAME: a!.live.username,
    AVANSER_PASSWORD: a!.live.password,
    AVANSER_BASE_URL: a!.live.baseUrl,
    EXOTEL_TENANT_SID: e!.live.tenantSid,
    EXOTEL_API_KEY: e!.live.apiKey,
    EXOTEL_API_TOKEN: e!.live.apiToken,
    EXOTEL_BASE_URL: e!.live.baseUrl,
    VOIPINNOVATIONS_LOGIN: v!.live.login,
    VOIPINNOVATIONS_SECRET: v!.live.secret,
    VOIPINNOVATIONS_URL: v!.live.url,
    DELACON_AUTH_TOKEN: d!.live.authToken,
    DELACON_BASE_URL: d!.live.baseUrl,
  });
  gw = await startTestGateway(env);
});

afterAll(async () => {
  await gw?.close();
  await Promise.all(Object.values(proxies).map((p) => p.close()));
  await Promise.all(sims.map((s) => s.close()));
});

beforeEach(() => {
  for (const p of Object.values(proxies)) {
    p.clear();
    p.requests.length = 0;
  }
});

const provision = (input: Record<string, unknown>) => gw.post<any, any>(PROVISION, { input: { provider: 'AUTO', ...input } });
const payload = (r: GraphQLResponse<any>) => {
  expect(r.body.errors).toBeUndefined();
  return r.body.data.provisionNumbers;
};
/** Requests each simulator received, by provider. */
const received = () => Object.fromEntries(Object.entries(proxies).map(([p, proxy]) => [p, proxy.requests.filter((r) => r.forwarded).length]));
/** AVANSER service requests the simulator carried out (it answered 200), whatever became of the answer. */
const avanserCreates = () => proxies.AVANSER.requests.filter((r) => r.method === 'POST' && /\/v1\/requests$/.test(r.path) && r.forwarded && r.status === 200).length;

describe('provisionNumbers(provider: AUTO)', () => {
  it('in AU provisions at AVANSER, the one seller there, from its stock, and touches no other provider', async () => {
    const p = payload(await provision({ country: 'au', kind: 'GEOGRAPHIC', avanser: AVANSER_BLOCK, voipInnovations: VI_BLOCK }));
    expect(p.userErrors).toEqual([]);
    expect(p.provider).toBe('AVANSER');
    expect(p.routing).toEqual([{ provider: 'AVANSER', outcome: 'USED', code: null, reason: '1 number(s) in stock in AU' }]);
    expect(p.numbers).toHaveLength(1);
    expect(p.numbers[0]).toMatchObject({ ok: true });
    expect(p.numbers[0].e164).toMatch(/^\+61/);
    expect(avanserCreates()).toBe(1);
    expect(received()).toMatchObject({ VOIP_INNOVATIONS: 0, DELACON: 0, EXOTEL: 0 });
  });

  it('in US provisions at VoIP Innovations with the numbers its stock search found, and touches no other provider', async () => {
    const p = payload(await provision({ country: 'US', count: 2, stock: { state: 'UT' }, voipInnovations: VI_BLOCK, avanser: AVANSER_BLOCK }));
    expect(p.userErrors).toEqual([]);
    expect(p.provider).toBe('VOIP_INNOVATIONS');
    expect(p.routing).toEqual([{ provider: 'VOIP_INNOVATIONS', outcome: 'USED', code: null, reason: '2 number(s) in stock in US' }]);
    expect(p.numbers).toHaveLength(2);
    expect(p.numbers.every((n: { ok: boolean; status: string; e164: string }) => n.ok && n.status === 'ACTIVE' && n.e164.startsWith('+1'))).toBe(true);
    expect(received()).toMatchObject({ AVANSER: 0, DELACON: 0, EXOTEL: 0 });
  });

  it('skips a seller without enough stock, sends it nothing, and says why (AVANSER: strict private mobile stock of 2)', async () => {
    const p = payload(await provision({ country: 'AU', kind: 'MOBILE', count: 3, avanser: AVANSER_BLOCK }));
    expect(p.provider).toBeNull();
    expect(p.routing).toEqual([{ provider: 'AVANSER', outcome: 'SKIPPED', code: 'NO_NUMBER_AVAILABLE', reason: '2 MOBILE number(s) in stock in AU, 3 asked for' }]);
    expect(p.userErrors).toEqual([{ code: 'NO_NUMBER_AVAILABLE', field: ['input', 'country'], message: expect.stringContaining('no provider selling in AU') }]);
    expect(p.orders).toEqual([]);
    expect(avanserCreates()).toBe(0);
  });

  it('a provider answering NO_NUMBER_AVAILABLE is REFUSED in routing and, with no other seller in the country, the answer says so', async () => {
    // The number the stock search showed is gone when the request arrives: AVANSER's 409.
    proxies.AVANSER.add({ method: 'POST', path: /\/v1\/requests$/, forward: false, times: 1, fault: { kind: 'answer', status: 409, body: '{"code":409,"message":"No numbers available matching the search criteria"}' } });
    const p = payload(await provision({ country: 'AU', kind: 'TOLL_FREE', avanser: AVANSER_BLOCK }));
    expect(p.provider).toBeNull();
    expect(p.routing).toEqual([{ provider: 'AVANSER', outcome: 'REFUSED', code: 'NO_NUMBER_AVAILABLE', reason: expect.any(String) }]);
    expect(p.userErrors[0]).toMatchObject({ code: 'NO_NUMBER_AVAILABLE', field: ['input', 'country'] });
    expect(received()).toMatchObject({ VOIP_INNOVATIONS: 0, DELACON: 0, EXOTEL: 0 });
  });

  it('a seller that cannot search by the criteria is skipped with its reason, and sent no provisioning', async () => {
    const p = payload(await provision({ country: 'US', voipInnovations: VI_BLOCK }));
    expect(p.routing).toEqual([{ provider: 'VOIP_INNOVATIONS', outcome: 'SKIPPED', code: 'VALIDATION_FAILED', reason: expect.stringMatching(/^its stock search failed: Give at least one search criterion/) }]);
    expect(p.userErrors[0]).toMatchObject({ code: 'NO_NUMBER_AVAILABLE' });
    expect(proxies.VOIP_INNOVATIONS.requests.filter((r) => /\/(reserveDID|assignDID)"/.test(String(r.headers.soapaction)))).toEqual([]);
  });

  it('a seller whose block is missing is skipped with the reason', async () => {
    const p = payload(await provision({ country: 'US', voipInnovations: undefined, avanser: AVANSER_BLOCK }));
    expect(p.routing).toEqual([{ provider: 'VOIP_INNOVATIONS', outcome: 'SKIPPED', code: null, reason: 'no voipInnovations input given (its settings for a new number)' }]);
    expect(p.userErrors[0]).toMatchObject({ code: 'NO_NUMBER_AVAILABLE' });
    expect(received()).toMatchObject({ AVANSER: 0, VOIP_INNOVATIONS: 0 });
  });

  it('a lost answer gives OUTCOME_UNKNOWN; the retry with the same key resumes at that provider only and it was done once', async () => {
    proxies.AVANSER.add({ method: 'POST', path: /\/v1\/requests$/, times: 1, fault: { kind: 'reset' } });
    const key = randomUUID();
    const send = () => provision({ country: 'AU', kind: 'GEOGRAPHIC', avanser: AVANSER_BLOCK, voipInnovations: VI_BLOCK, idempotencyKey: key });
    const first = await send();
    expect(first.body.errors?.[0]?.extensions?.code).toBe('OUTCOME_UNKNOWN');
    expect(avanserCreates()).toBe(1);
    let last = first;
    for (let i = 0; i < 40 && last.body.errors?.[0]?.extensions?.code === 'OUTCOME_UNKNOWN'; i++) {
      await new Promise((r) => setTimeout(r, 150));
      last = await send();
    }
    const p = payload(last);
    expect(p.provider).toBe('AVANSER');
    expect(p.routing).toEqual([{ provider: 'AVANSER', outcome: 'USED', code: null, reason: expect.stringContaining('resumed there only') }]);
    expect(p.numbers).toHaveLength(1);
    expect(avanserCreates()).toBe(1);
    expect(received()).toMatchObject({ VOIP_INNOVATIONS: 0, DELACON: 0, EXOTEL: 0 });
  });

  it('the same key twice: one upstream effect, the first answer replayed', async () => {
    const key = randomUUID();
    const input = { country: 'US', kind: 'GEOGRAPHIC', stock: { npa: '801' }, voipInnovations: VI_BLOCK, idempotencyKey: key };
    const first = payload(await provision(input));
    const reserves = () => proxies.VOIP_INNOVATIONS.requests.filter((r) => /\/reserveDID"/.test(String(r.headers.soapaction))).length;
    expect(first).toMatchObject({ provider: 'VOIP_INNOVATIONS', userErrors: [] });
    expect(reserves()).toBe(1);
    const again = payload(await provision(input));
    expect(again).toEqual(first);
    expect(reserves()).toBe(1);
  });

  describe('bad input: BAD_USER_INPUT naming the field, nothing sent', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['AUTO without a country', { avanser: AVANSER_BLOCK }, 'input.country'],
      ['a country nobody sells in', { country: 'ZZ', avanser: AVANSER_BLOCK }, 'input.country'],
      ['a count out of range', { country: 'AU', count: 0, avanser: AVANSER_BLOCK }, 'input.count'],
      ['numbers of its own in a block', { country: 'AU', avanser: { ...AVANSER_BLOCK, numbers: ['+61280740802'] } }, 'input.avanser.numbers'],
      ['a search of its own in a block', { country: 'AU', avanser: { ...AVANSER_BLOCK, search: { type: 'SZU', szu: 'sydney' } } }, 'input.avanser.search'],
      ['a block country that differs', { country: 'AU', avanser: { ...AVANSER_BLOCK, country: 'NZ' } }, 'input.avanser.country'],
      ['numbers in the VoIP Innovations block', { country: 'US', voipInnovations: { ...VI_BLOCK, numbers: ['+14352151002'] } }, 'input.voipInnovations.numbers'],
      ['the block of a provider AUTO never picks', { country: 'AU', avanser: AVANSER_BLOCK, delacon: { count: 1 } }, 'input.delacon'],
      ['a country inside the stock criteria', { country: 'AU', stock: { country: 'US' }, avanser: AVANSER_BLOCK }, 'input.stock.country'],
      ['country with a named provider', { provider: 'AVANSER', country: 'AU', avanser: { ...AVANSER_BLOCK, numbers: ['+61280740802'] } }, 'input.country'],
    ];
    it.each(cases)('%s', async (_, input, argument) => {
      const r = await provision(input);
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(r.body.errors?.[0]?.message).toContain(argument);
      expect(received()).toEqual({ AVANSER: 0, EXOTEL: 0, VOIP_INNOVATIONS: 0, DELACON: 0 });
    });
  });
});

/**
 * One inventory across providers. `numbers(filter:)` lists every number the gateway keeps
 * (whoever put it in the store: a reservation through GraphQL, or the store's own save as an
 * import does), filtered by each criterion and ordered, pages holding still while numbers are
 * added. `availableNumbers` without a provider searches every provider selling in the country;
 * a provider that hangs behind a fault proxy leaves a partial answer naming it, in bounded time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVoipInnovationsSimulator, type VoipInnovationsSimulator } from '../../src/datasources/voipinnovations/simulator.js';
import type { PhoneNumberRecord } from '../../src/domain/model.js';
import { providerKey, toGlobalId } from '../../src/types/node.js';
import { AvailableNumbersDocument, InventoryDocument, StockAcrossProvidersDocument, type InventoryQueryVariables, type NumberSearchInput } from '../generated/graphql.js';
import { silentLog } from '../avanser/helpers.js';
import { behindProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const TIMEOUT_MS = 400;
let gw: TestGateway;
let sim: VoipInnovationsSimulator;
let proxy: FaultProxy;

beforeAll(async () => {
  // VoIP Innovations LIVE through a fault proxy in front of its simulator; the others sandboxed.
  sim = await startVoipInnovationsSimulator({ log: silentLog, timeScale: 0.001, webhookUrl: () => 'http://127.0.0.1:9/unused' });
  const v = await behindProxy(sim);
  proxy = v.proxy;
  gw = await startTestGateway({
    UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS),
    VOIPINNOVATIONS_LOGIN: v.live.login,
    VOIPINNOVATIONS_SECRET: v.live.secret,
    VOIPINNOVATIONS_URL: v.live.url,
  });
});
afterAll(async () => {
  await gw?.close();
  await proxy?.close();
  await sim?.close();
});

const inventory = async (vars: InventoryQueryVariables) => (await gw.request(InventoryDocument, vars)).numbers;
const e164s = (c: { edges: Array<{ node: { e164: string } }> }) => c.edges.map((e) => e.node.e164);
const serviceId = (provider: string, ref: string) => toGlobalId('Service', providerKey(provider, ref));

describe('numbers(filter:): every number we keep, across providers', () => {
  const kept: PhoneNumberRecord[] = [
    { provider: 'AVANSER', e164: '+61280740901', kind: 'GEOGRAPHIC', status: 'ACTIVE', region: 'NSW: Sydney', serviceRef: 'svc-1', capabilities: [] },
    { provider: 'AVANSER', e164: '+61390009999', kind: 'GEOGRAPHIC', status: 'RELEASED', region: 'VIC: Melbourne', capabilities: [] },
    { provider: 'DELACON', e164: '+611800555123', kind: 'TOLL_FREE', status: 'ACTIVE', region: 'Australia', serviceRef: '777', capabilities: [] },
    { provider: 'EXOTEL', e164: '+918040001234', kind: 'GEOGRAPHIC', status: 'ACTIVE', region: 'KA', serviceRef: 'svc-1', capabilities: [] },
  ];
  let reserved: string;

  beforeAll(async () => {
    // As an import would (the store's save), then a reservation through GraphQL.
    await gw.running.store.numbers.save(kept);
    const stock = await gw.request(StockAcrossProvidersDocument, { filter: { country: 'US', state: 'UT' }, first: 1 });
    reserved = stock.availableNumbers.edges[0]!.node.e164;
    const r = await gw.post('mutation R($e: [E164!]!) { reserveNumbers(input: { provider: VOIP_INNOVATIONS, numbers: $e }) { numbers { ok } userErrors { code } } }', { e: [reserved] });
    expect(r.body.data).toEqual({ reserveNumbers: { numbers: [{ ok: true }], userErrors: [] } });
  });

  it('lists them all, newest first, each with its provider and country', async () => {
    const all = await inventory({ filter: {} });
    expect(all.edges.map((e) => [e.node.e164, e.node.provider, e.node.country, e.node.status])).toEqual([
      [reserved, 'VOIP_INNOVATIONS', 'US', 'RESERVED'],
      ['+918040001234', 'EXOTEL', 'IN', 'ACTIVE'],
      ['+611800555123', 'DELACON', 'AU', 'ACTIVE'],
      ['+61390009999', 'AVANSER', 'AU', 'RELEASED'],
      ['+61280740901', 'AVANSER', 'AU', 'ACTIVE'],
    ]);
  });

  it('filters by provider, country (any case), kind, status, service and search, each criterion holding', async () => {
    expect(e164s(await inventory({ filter: { provider: 'AVANSER' } }))).toEqual(['+61390009999', '+61280740901']);
    expect(e164s(await inventory({ filter: { country: 'au', status: 'ACTIVE' } }))).toEqual(['+611800555123', '+61280740901']);
    expect(e164s(await inventory({ filter: { country: 'US' } }))).toEqual([reserved]);
    expect(e164s(await inventory({ filter: { kind: 'TOLL_FREE' } }))).toEqual(['+611800555123']);
    expect(e164s(await inventory({ filter: { status: 'RELEASED' } }))).toEqual(['+61390009999']);
    // The same service reference at two providers: the id names one.
    expect(e164s(await inventory({ filter: { serviceId: serviceId('AVANSER', 'svc-1') } }))).toEqual(['+61280740901']);
    expect(e164s(await inventory({ filter: { serviceId: serviceId('EXOTEL', 'svc-1') } }))).toEqual(['+918040001234']);
    expect(e164s(await inventory({ filter: { search: 'sydney' } }))).toEqual(['+61280740901']);
    expect(e164s(await inventory({ filter: { search: '8040 001' } }))).toEqual(['+918040001234']);
    expect(e164s(await inventory({ filter: { search: '777' } }))).toEqual(['+611800555123']);
    // LIKE's wildcards are searched as themselves.
    expect(e164s(await inventory({ filter: { search: '%' } }))).toEqual([]);
    expect(e164s(await inventory({ filter: { search: '_' } }))).toEqual([]);
  });

  it('orders by number either way, and a page already begun holds while numbers are added', async () => {
    const asc = await inventory({ filter: { country: 'AU' }, orderBy: { field: 'E164', direction: 'ASC' }, first: 2 });
    expect(e164s(asc)).toEqual(['+611800555123', '+61280740901']);
    // One sorting before the cursor, one after.
    await gw.running.store.numbers.save([
      { provider: 'AVANSER', e164: '+61200000001', kind: 'GEOGRAPHIC', status: 'ACTIVE', capabilities: [] },
      { provider: 'AVANSER', e164: '+61300000001', kind: 'GEOGRAPHIC', status: 'ACTIVE', capabilities: [] },
    ]);
    const next = await inventory({ filter: { country: 'AU' }, orderBy: { field: 'E164', direction: 'ASC' }, first: 2, after: asc.pageInfo.endCursor });
    expect(e164s(next)).toEqual(['+61300000001', '+61390009999']);
    expect(next.pageInfo.hasNextPage).toBe(false);
    const desc = await inventory({ filter: { provider: 'AVANSER' }, orderBy: { field: 'E164', direction: 'DESC' }, first: 3 });
    expect(e164s(desc)).toEqual(['+61390009999', '+61300000001', '+61280740901']);
    const rest = await inventory({ filter: { provider: 'AVANSER' }, orderBy: { field: 'E164', direction: 'DESC' }, first: 3, after: desc.pageInfo.endCursor });
    expect(e164s(rest)).toEqual(['+61200000001']);
    const oldest = await inventory({ filter: { provider: 'AVANSER' }, orderBy: { field: 'ADDED', direction: 'ASC' }, first: 2 });
    expect(e164s(oldest)).toEqual(['+61280740901', '+61390009999']);
  });

  it('refuses bad criteria with BAD_USER_INPUT naming the argument', async () => {
    const refused = async (filter: InventoryQueryVariables['filter'], argument: string) => {
      const r = await gw.post(InventoryDocument, { filter });
      expect(r.body.errors?.[0], JSON.stringify(r.body)).toMatchObject({ message: expect.stringMatching(new RegExp(`^${argument.replace('.', '\\.')}: `)), extensions: { code: 'BAD_USER_INPUT', argument } });
    };
    await refused({ country: 'Australia' }, 'filter.country');
    await refused({ serviceId: 'not-an-id' }, 'filter.serviceId');
    await refused({ serviceId: toGlobalId('Order', 'x') }, 'filter.serviceId');
    await refused({ provider: 'DELACON', serviceId: serviceId('AVANSER', 'svc-1') }, 'filter.serviceId');
  });
});

describe('availableNumbers without a provider: every provider selling in the country', () => {
  const stock = async (filter: NumberSearchInput, first = 5) => (await gw.request(StockAcrossProvidersDocument, { filter, first })).availableNumbers;

  it('searches AVANSER for AU and VoIP Innovations for US, each number labelled, pages continuing', async () => {
    const au = await stock({ country: 'AU' }, 20);
    expect(au.sources).toEqual([{ provider: 'AVANSER', ok: true, code: null, message: null }]);
    expect(au.edges.length).toBeGreaterThan(3);
    expect(au.edges.every((e) => e.node.provider === 'AVANSER' && e.node.country === 'AU')).toBe(true);
    // The same numbers, in the same order, as AVANSER's own search; pages continue where they stopped.
    const own = await gw.request(AvailableNumbersDocument, { provider: 'AVANSER', filter: { country: 'AU' }, first: 20 });
    expect(e164s(au)).toEqual(e164s(own.availableNumbers));
    const first = await stock({ country: 'AU' }, 2);
    const second = await gw.request(StockAcrossProvidersDocument, { filter: { country: 'AU' }, first: 2, after: first.pageInfo.endCursor });
    expect([...e164s(first), ...e164s(second.availableNumbers)]).toEqual(e164s(au).slice(0, 4));

    const us = await stock({ country: 'us', state: 'UT' });
    expect(us.sources).toEqual([{ provider: 'VOIP_INNOVATIONS', ok: true, code: null, message: null }]);
    expect(us.edges.length).toBeGreaterThan(0);
    expect(us.edges.every((e) => e.node.provider === 'VOIP_INNOVATIONS' && e.node.country === 'US')).toBe(true);
  });

  it('answers in bounded time when a provider hangs: the others stand, the hanging one named with its code', async () => {
    proxy.add({ fault: { kind: 'hang' }, forward: false });
    try {
      const both = `query { au: availableNumbers(filter: { country: "AU" }, first: 2) { edges { node { provider } } sources { provider ok code message } }
        us: availableNumbers(filter: { country: "US", state: "UT" }, first: 2) { edges { node { provider } } sources { provider ok code message } } }`;
      const started = Date.now();
      const r = await gw.post(both);
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 10);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data).toMatchObject({
        au: { edges: [{ node: { provider: 'AVANSER' } }, { node: { provider: 'AVANSER' } }], sources: [{ provider: 'AVANSER', ok: true }] },
        us: { edges: [], sources: [{ provider: 'VOIP_INNOVATIONS', ok: false, code: 'UPSTREAM_TIMEOUT', message: expect.any(String) }] },
      });
    } finally {
      proxy.clear();
    }
  });

  it('reports a provider refusing the criteria as its source, not as an error', async () => {
    const r = await stock({ country: 'US', szu: 'sydney' });
    expect(r.edges).toEqual([]);
    expect(r.sources).toEqual([{ provider: 'VOIP_INNOVATIONS', ok: false, code: 'UNSUPPORTED_FILTER', message: expect.stringMatching(/szu/) }]);
  });

  it('refuses a search naming neither a provider nor a country anyone sells in, naming filter.country', async () => {
    for (const filter of [{}, { country: 'NZ' }]) {
      const r = await gw.post(StockAcrossProvidersDocument, { filter });
      expect(r.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^filter\.country: .*searchable countries: AU, US$/), extensions: { code: 'BAD_USER_INPUT', argument: 'filter.country' } });
    }
  });
});

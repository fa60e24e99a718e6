/**
 * VoIP Innovations end to end: GraphQL in, the sandbox SOAP service on loopback, and out
 * again. Tests run in order and share the simulator's inventory: search and counts first,
 * then a DID's life, multi-number outcomes, porting, failures, and an emptied account last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoipInnovationsSimulator } from '../../src/datasources/voipinnovations/simulator.js';
import {
  ProvidersDocument,
  VoipInnovationsAccountDocument,
  VoipInnovationsCountDocument,
  VoipInnovationsNumberDocument,
  VoipInnovationsNumbersDocument,
  VoipInnovationsPortabilityDocument,
  VoipInnovationsPortDetailsDocument,
  VoipInnovationsProvisionDocument,
  VoipInnovationsReleaseDocument,
  VoipInnovationsReserveDocument,
  VoipInnovationsSearchDocument,
  VoipInnovationsServiceDocument,
  VoipInnovationsSimulateCallDocument,
  VoipInnovationsUpdateServiceDocument,
  type NumberSearchInput,
} from '../generated/graphql.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../helpers/gateway.js';

// 30 minutes of sandbox time pass in 0.9 s.
const TIME_SCALE = 0.0005;
const THIRTY_MINUTES = 30 * 60_000;

let gw: TestGateway;
let sim: VoipInnovationsSimulator;
beforeAll(async () => {
  gw = await startTestGateway({ SANDBOX_TIME_SCALE: String(TIME_SCALE) });
  sim = gw.running.registry.entry('VOIP_INNOVATIONS').simulator as VoipInnovationsSimulator;
});
afterAll(async () => {
  await gw?.close();
});

async function search(filter: NumberSearchInput, first = 20) {
  return (await gw.request(VoipInnovationsSearchDocument, { filter, first })).availableNumbers;
}
const e164s = async (filter: NumberSearchInput) => (await search(filter)).edges.map((e) => e.node.e164);
const number = async (e164: string) => (await gw.request(VoipInnovationsNumberDocument, { e164 })).number;
const owned = async () => (await gw.request(VoipInnovationsNumbersDocument)).numbers.edges.map((e) => e.node);
const details = (n: { details: { key: string; value: string }[] } | null | undefined) => Object.fromEntries((n?.details ?? []).map((d) => [d.key, d.value]));
const reserve = async (numbers: string[]) => (await gw.request(VoipInnovationsReserveDocument, { numbers })).reserveNumbers;
const release = async (numbers: string[]) => (await gw.request(VoipInnovationsReleaseDocument, { numbers })).releaseNumbers;
const update = async (serviceRef: string, settings: { endpointGroup?: number; cnam?: boolean; refId?: string }) =>
  (await gw.request(VoipInnovationsUpdateServiceDocument, { serviceRef, settings })).updateService;
/** What `act` returns, and the SOAP operations the simulator answered meanwhile (a retry would show twice). */
async function soapCalls<T>(act: () => Promise<T>): Promise<{ result: T; calls: string[] }> {
  const before = sim.calls.length;
  const result = await act();
  return { result, calls: sim.calls.slice(before) };
}
/** The one GraphQL error of a response, checked to carry nothing of the SOAP exchange. */
function upstreamError(r: GraphQLResponse<object>) {
  expect(Object.values(r.body.data ?? {}).every((v) => v === null)).toBe(true);
  expect(r.body.errors).toHaveLength(1);
  const text = JSON.stringify(r.body);
  for (const internal of ['soap', 'Envelope', 'XML document', 'Timeout expired', 'tempuri', 'stacktrace', sim.live.secret, sim.baseUrl, 'sandbox']) {
    expect(text, internal).not.toContain(internal);
  }
  return r.body.errors![0]!;
}

describe('search and counts', () => {
  it('searches by state and rate center: numbers in stock with rate center, LATA, tier and features', async () => {
    const page = await search({ state: 'UT', rateCenter: 'brigham cy' });
    expect(page.edges.map((e) => e.node.e164)).toEqual(['+14352151002', '+14352151003', '+14352151004', '+14352151005', '+14352151006']);
    expect(page.edges[0]!.node).toMatchObject({
      national: '4352151002',
      provider: 'VOIP_INNOVATIONS',
      status: 'AVAILABLE',
      kind: 'GEOGRAPHIC',
      region: 'UT',
      rateCenter: 'BRIGHAM CY',
      lata: '660',
      tier: '1',
      capabilities: ['VOICE', 'T38', 'OUTBOUND_CNAM', 'SMS'],
      reservedUntil: null,
    });
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('pages through the results with first/after', async () => {
    const first = await search({ state: 'UT', rateCenter: 'BRIGHAM CY' }, 2);
    expect(first.edges.map((e) => e.node.e164)).toEqual(['+14352151002', '+14352151003']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await gw.request(VoipInnovationsSearchDocument, { filter: { state: 'UT', rateCenter: 'BRIGHAM CY' }, first: 2, after: first.pageInfo.endCursor })).availableNumbers;
    expect(next.edges.map((e) => e.node.e164)).toEqual(['+14352151004', '+14352151005']);
  });

  it('searches toll-free stock with state TF', async () => {
    const found = (await search({ state: 'TF' })).edges.map((e) => e.node);
    expect(found.map((n) => n.e164)).toEqual(['+18772001001', '+18772001002', '+18772001003', '+18882001001', '+18882001002']);
    expect(found.every((n) => n.kind === 'TOLL_FREE' && n.region === null && n.capabilities.includes('OUTBOUND_CNAM'))).toBe(true);
  });

  it('narrows by LATA, NPA and NXX, tier, and T.38 / CNAM / SMS', async () => {
    expect(await e164s({ lata: '132' })).toEqual(['+12122041003', '+12122041004', '+17182301001', '+17182301002', '+17182301003']);
    expect(await e164s({ npa: '801', nxx: '224' })).toEqual(['+18012241002', '+18012241003', '+18012241004', '+18012241005']);
    expect(await e164s({ state: 'UT', tier: '2' })).toEqual(['+14355861001', '+14355861002', '+14355861003', '+14355861004']);
    expect(await e164s({ state: 'NY', cnam: true, t38: true })).toEqual(['+12122041003', '+12122041004']);
    expect(await e164s({ state: 'TX', t38: true, sms: true })).toEqual(['+15122201002', '+15122201003', '+15122201004']);
    expect(await e164s({ state: 'CA', sms: true })).toEqual([]);
  });

  it('refuses a search VoIP Innovations cannot run, as a GraphQL error naming the field', async () => {
    const none = await gw.post(VoipInnovationsSearchDocument, { filter: {} });
    expect(none.body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const prefix = await gw.post(VoipInnovationsSearchDocument, { filter: { prefix: '435' } });
    expect(prefix.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('prefix'), extensions: { code: 'UNSUPPORTED_FILTER' } });
  });

  it('counts stock by rate center and by tier', async () => {
    const byRateCenter = (await gw.request(VoipInnovationsCountDocument, { filter: { state: 'UT' }, groupBy: 'RATE_CENTER' })).availableNumberCount;
    expect(byRateCenter.total).toBe(18);
    expect(byRateCenter.groups.map((g) => [g.rateCenter, g.lata, g.count]).sort()).toEqual([
      ['BRIGHAM CY', '660', 5],
      ['CEDAR CITY', '660', 4],
      ['HEBER CITY', '660', 2],
      ['PARK CITY', '660', 3],
      ['SALT LAKE', '660', 4],
    ]);
    const byTier = (await gw.request(VoipInnovationsCountDocument, { filter: { state: 'UT' }, groupBy: 'TIER' })).availableNumberCount;
    expect(byTier.groups.map((g) => [g.tier, g.count])).toEqual([
      ['1', 9],
      ['2', 4],
      ['4', 3],
      ['777', 2],
    ]);
    const tollFree = (await gw.request(VoipInnovationsCountDocument, { filter: { state: 'TF' } })).availableNumberCount;
    expect(tollFree).toEqual({ total: 5, groups: [{ state: 'TF', rateCenter: null, lata: null, tier: null, count: 5 }] });
  });
});

describe('reserve -> provision -> configure -> release', () => {
  const [first, second] = ['+14355861001', '+14355861002'];

  it('reserves numbers for 30 minutes, the expiry shown per number', async () => {
    const before = Date.now();
    const out = await reserve([first, second]);
    expect(out.userErrors).toEqual([]);
    expect(out.numbers.map((n) => [n.e164, n.ok, n.status, n.code])).toEqual([
      [first, true, 'RESERVED', null],
      [second, true, 'RESERVED', null],
    ]);
    const until = Date.parse(out.numbers[0]!.reservedUntil!);
    expect(until).toBeGreaterThanOrEqual(before + THIRTY_MINUTES - 1_000);
    expect(until).toBeLessThanOrEqual(Date.now() + THIRTY_MINUTES + 1_000);
    const held = await number(first);
    expect(held).toMatchObject({ status: 'RESERVED', rateCenter: 'CEDAR CITY' });
    expect(Math.abs(Date.parse(held!.reservedUntil!) - until)).toBeLessThan(5_000);
  });

  it('lets a reservation lapse after 30 minutes of sandbox time', async () => {
    const lapsing = '+17182301003';
    expect((await reserve([lapsing])).numbers[0]).toMatchObject({ ok: true, status: 'RESERVED' });
    let status = (await number(lapsing))?.status;
    for (let i = 0; i < 50 && status === 'RESERVED'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await number(lapsing))?.status;
    }
    expect(status).toBe('AVAILABLE');
  });

  it('provisions: reserve then assign to an endpoint group, one outcome per number and one order', async () => {
    const { result, calls } = await soapCalls(() => gw.request(VoipInnovationsProvisionDocument, { input: { numbers: [first, second], endpointGroup: 8675, cnam: true, refId: 'crm-7' } }));
    const out = result.provisionNumbers;
    expect(out.userErrors).toEqual([]);
    expect(out.numbers.map((n) => [n.e164, n.ok, n.status])).toEqual([
      [first, true, 'ACTIVE'],
      [second, true, 'ACTIVE'],
    ]);
    expect(out.orders).toHaveLength(1);
    expect(out.orders[0]).toMatchObject({ provider: 'VOIP_INNOVATIONS', kind: 'PROVISION', status: 'COMPLETED', numbers: [first, second], message: '2 of 2 numbers assigned to endpoint group 8675' });
    expect(calls).toEqual(['reserveDID', 'assignDID']);
    expect(sim.owns(first) && sim.owns(second)).toBe(true);
  });

  it('lists owned DIDs (auditDIDs) and reads one (queryDID)', async () => {
    const mine = await owned();
    expect(mine.map((n) => n.e164).sort()).toEqual(['+14352151001', first, second, '+18012241001'].sort());
    expect(mine.every((n) => n.status === 'ACTIVE')).toBe(true);
    const one = await number(first);
    expect(one).toMatchObject({ e164: first, status: 'ACTIVE', tier: '2', reservedUntil: null });
    expect(details(one)).toMatchObject({ endpointGroup: '8675', refId: 'crm-7' });
    const service = (await gw.request(VoipInnovationsServiceDocument, { serviceRef: first })).service;
    expect(service).toMatchObject({ providerRef: first, destination: '8675', customId: 'crm-7' });
    expect(details({ details: service!.settings })).toMatchObject({ cnam: 'true' });
    expect(await number('+14352159999')).toBeNull();
    // A number another company holds is answered with its status, not an error.
    expect(await number('+12122041002')).toMatchObject({ e164: '+12122041002', status: 'UNAVAILABLE' });
  });

  it('configures a DID (configDID): endpoint group, CNAM and reference id, keeping what is left out', async () => {
    const moved = await update(first, { endpointGroup: 8674, cnam: false });
    expect(moved.userErrors).toEqual([]);
    expect(moved.parts).toEqual([{ fields: ['endpointGroup', 'cnam'], applied: true, pending: false, code: null, message: "Reconfigured to endpoint '8674' rewritten as '4355861001' Tier 2" }]);
    expect(moved.service).toMatchObject({ providerRef: first, destination: '8674', customId: 'crm-7' });
    expect(details({ details: moved.service!.settings })).toMatchObject({ cnam: 'false' });

    const renamed = await update(first, { refId: 'crm-8' });
    expect(renamed.service).toMatchObject({ destination: '8674', customId: 'crm-8' });
    expect(details(await number(first))).toMatchObject({ endpointGroup: '8674', refId: 'crm-8' });
  });

  it('refuses an endpoint group the account does not own with an ENDPOINT_GROUP_INVALID userError, keeping the configuration', async () => {
    const out = await update(first, { endpointGroup: 9999 });
    const message = 'The account does not own this endpoint group';
    expect(out.userErrors).toEqual([{ code: 'ENDPOINT_GROUP_INVALID', field: ['input', 'voipInnovations', 'endpointGroup'], message }]);
    expect(out.parts).toEqual([{ fields: ['endpointGroup'], applied: false, pending: false, code: 'ENDPOINT_GROUP_INVALID', message }]);
    expect(out.service).toMatchObject({ providerRef: first, destination: '8674', customId: 'crm-8' });
    expect(details(await number(first))).toMatchObject({ endpointGroup: '8674' });
  });

  it('refuses to configure a number the account does not own', async () => {
    const out = await update('+17182301002', { cnam: true });
    expect(out.userErrors).toEqual([{ code: 'NUMBER_NOT_OWNED', field: ['input', 'serviceRef'], message: '+17182301002 is not assigned to this account' }]);
  });

  it('releases a DID; releasing it again answers VoIP Innovations’ "currently available" as released', async () => {
    const out = await release([first]);
    expect(out.userErrors).toEqual([]);
    expect(out.numbers).toEqual([{ e164: first, ok: true, code: null, status: 'RELEASED', message: 'Number currently available', reservedUntil: null, providerCode: '106231', providerMessage: 'Number currently available' }]);
    expect(sim.owns(first)).toBe(false);
    expect((await number(first))?.status).toBe('AVAILABLE');
    expect((await owned()).map((n) => n.e164)).not.toContain(first);
    // VoIP Innovations answers 106231 for any number in stock: the repeat changes nothing.
    expect((await release([first])).numbers[0]).toMatchObject({ ok: true, status: 'RELEASED', code: null });
  });

  it('answers a repeat release of a number taken since with ALREADY_RELEASED, and a reservation with NOT_PERMITTED', async () => {
    await reserve(['+14355861003']);
    const out = await release(['+15122201001', '+14355861003']);
    expect(out.userErrors).toEqual([]);
    expect(out.numbers.map((n) => [n.e164, n.ok, n.code, n.message])).toEqual([
      ['+15122201001', false, 'ALREADY_RELEASED', 'Number was released before and is no longer available'],
      ['+14355861003', false, 'NOT_PERMITTED', 'Number is still reserved for you; a reservation lapses by itself after 30 minutes'],
    ]);
  });
});

describe('multi-number requests: each number’s result', () => {
  it('provisions what it can and says which numbers failed and why', async () => {
    const numbers = ['+14352151003', '+12122041002', '+14352159999', '+14356541001', '+14152001001'];
    const out = (await gw.request(VoipInnovationsProvisionDocument, { input: { numbers, endpointGroup: 8674 } })).provisionNumbers;
    expect(out.userErrors).toEqual([]);
    expect(out.numbers.map((n) => [n.e164, n.ok, n.ok ? n.status : n.code])).toEqual([
      ['+14352151003', true, 'ACTIVE'],
      ['+12122041002', false, 'NUMBER_NOT_AVAILABLE'],
      ['+14352159999', false, 'NOT_FOUND'],
      ['+14356541001', false, 'TIER_NOT_AVAILABLE'],
      ['+14152001001', false, 'PROVIDER_REJECTED'],
    ]);
    expect(out.numbers.filter((n) => !n.ok).every((n) => n.message)).toBe(true);
    const [order] = out.orders;
    expect(order).toMatchObject({ status: 'COMPLETED', numbers: ['+14352151003'] });
    expect(order!.message).toBe(
      '1 of 5 numbers assigned to endpoint group 8674; not assigned: +12122041002 (Number is assigned to another company); +14352159999 (Could not find number); ' +
        '+14356541001 (Tier not available to the account); +14152001001 (Unknown error reserving number)',
    );
    expect(sim.owns('+14352151003')).toBe(true);
  });

  it('reserves and releases number by number', async () => {
    const reserved = await reserve(['+17182301001', '+12122041001']);
    expect(reserved.userErrors).toEqual([]);
    expect(reserved.numbers.map((n) => [n.ok, n.ok ? n.status : n.code])).toEqual([
      [true, 'RESERVED'],
      [false, 'NUMBER_NOT_AVAILABLE'],
    ]);
    expect(reserved.numbers[0]!.reservedUntil).not.toBeNull();
    expect(reserved.numbers[1]!.reservedUntil).toBeNull();

    const released = await release(['+14352151003', '+12122041001']);
    expect(released.numbers.map((n) => [n.ok, n.ok ? n.status : n.code])).toEqual([
      [true, 'RELEASED'],
      [false, 'NUMBER_NOT_OWNED'],
    ]);
  });

  it('leaves the numbers reserved when the endpoint group is not the account’s, and fails the order', async () => {
    const out = (await gw.request(VoipInnovationsProvisionDocument, { input: { numbers: ['+18012241002'], endpointGroup: 9999 } })).provisionNumbers;
    expect(out.numbers).toEqual([expect.objectContaining({ e164: '+18012241002', ok: false, code: 'ENDPOINT_GROUP_INVALID', status: 'RESERVED' })]);
    expect(out.orders[0]).toMatchObject({ status: 'FAILED', numbers: [] });
    expect((await number('+18012241002'))?.status).toBe('RESERVED');
  });

  it('refuses a malformed request whole, before calling VoIP Innovations', async () => {
    const duplicate = await soapCalls(() => reserve(['+14352151004', '+14352151004']));
    expect(duplicate.result.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE_NUMBERS' })]);
    const foreign = await soapCalls(() => reserve(['+14352151004', '+61280740802']));
    expect(foreign.result.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_NUMBER', field: ['input', 'numbers', '1'] })]);
    expect([...duplicate.calls, ...foreign.calls]).toEqual([]);
  });
});

describe('the account', () => {
  it('says whether the conference line is on, and its PIN is not in the answer', async () => {
    const r = await gw.post(VoipInnovationsAccountDocument, { provider: 'VOIP_INNOVATIONS' });
    expect(r.body).toEqual({ data: { providerAccount: { provider: 'VOIP_INNOVATIONS', conferenceLine: { enabled: true } } } });
    expect(JSON.stringify(r.body)).not.toContain(sim.account.conferenceLine.pin);
    const providers = (await gw.request(ProvidersDocument)).providers;
    expect(providers.find((p) => p.provider === 'VOIP_INNOVATIONS')!.operations).toContain('providerAccount');
    expect(providers.find((p) => p.provider === 'AVANSER')!.operations).not.toContain('providerAccount');
  });

  it('answers UNSUPPORTED_BY_PROVIDER for a provider without account features', async () => {
    const r = await gw.post(VoipInnovationsAccountDocument, { provider: 'AVANSER' });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNSUPPORTED_BY_PROVIDER');
  });
});

describe('porting', () => {
  it('checks every number of a query in one batch: one isPortable per distinct number', async () => {
    const { result, calls } = await soapCalls(() =>
      gw.request(VoipInnovationsPortabilityDocument, {
        mine: ['+13125550199', '+19072000001', '+14352151004'],
        theirs: ['+14352151004', '+12125550123', '+442071838750'],
      }),
    );
    const { mine, theirs } = result;
    expect(mine.map((p) => [p.e164, p.portable])).toEqual([
      ['+13125550199', true],
      ['+19072000001', false],
      ['+14352151004', false],
    ]);
    expect(theirs.map((p) => [p.e164, p.portable])).toEqual([
      ['+14352151004', false],
      ['+12125550123', true],
      ['+442071838750', false],
    ]);
    expect(theirs[2]!.message).toContain('North American');
    // Four distinct NANP numbers across both fields: +14352151004 is asked once, +44… never.
    expect(calls).toEqual(['isPortable', 'isPortable', 'isPortable', 'isPortable']);
  });

  it('reads a port order, and null for an unknown one', async () => {
    const pending = (await gw.request(VoipInnovationsPortDetailsDocument, { portId: 36623 })).portDetails;
    expect(pending).toMatchObject({ portId: 36623, status: 'PENDING SIGNATURE', endUser: 'Rob Richey', billingNumber: '+13125550101', portingFrom: null, submittedAt: null, focAt: null, requestedFocAt: null, numbers: ['+13125550101'], salesRep: null });
    // Tier 0 and empty rate center are what the port says: tier "0" is kept, empty text is none.
    expect(pending!.numberDetails).toEqual([{ e164: '+13125550101', tier: '0', rateCenter: null, state: null, lata: null, endpointGroup: 8674, cnamLookup: false, e911: false }]);
    expect((await gw.request(VoipInnovationsPortDetailsDocument, { portId: 36624 })).portDetails).toMatchObject({
      status: 'FOC RECEIVED',
      focAt: '2024-03-08T00:00:00.000Z',
      numbers: ['+13055550123', '+13055550124'],
      salesRep: 'Dana Porter',
      defaultEndpointGroup: 8675,
    });
    // Each number's own facts reach the client (the adapter test reads every field).
    const details = (await gw.request(VoipInnovationsPortDetailsDocument, { portId: 36624 })).portDetails!.numberDetails;
    expect(details.map((d) => [d.e164, d.tier, d.rateCenter, d.e911])).toEqual([
      ['+13055550123', '1', 'MIAMI', true],
      ['+13055550124', '2', 'MIAMI', false],
    ]);
    expect((await gw.request(VoipInnovationsPortDetailsDocument, { portId: 99 })).portDetails).toBeNull();
  });
});

describe('failures', () => {
  it('a rejected login is UPSTREAM_AUTH_FAILED, without the credentials', async () => {
    const secret = sim.account.secret;
    sim.account.secret = 'rotated-elsewhere';
    try {
      const error = upstreamError(await gw.post(VoipInnovationsNumbersDocument));
      expect(error).toMatchObject({ path: ['numbers'], extensions: { code: 'UPSTREAM_AUTH_FAILED', provider: 'VOIP_INNOVATIONS' } });
      expect(error.message).toMatch(/rejected the gateway's login/);
    } finally {
      sim.account.secret = secret;
    }
    sim.failNext(901);
    expect(upstreamError(await gw.post(VoipInnovationsPortDetailsDocument, { portId: 36623 })).extensions).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED' });
  });

  it('a soap:Client fault is UPSTREAM_ERROR, for a mutation too, and is not retried', async () => {
    sim.failNext('clientFault');
    const write = await soapCalls(() => gw.post(VoipInnovationsReserveDocument, { numbers: ['+14352151004'] }));
    expect(write.calls).toEqual(['reserveDID']);
    expect(upstreamError(write.result)).toMatchObject({ path: ['reserveNumbers'], extensions: { code: 'UPSTREAM_ERROR', provider: 'VOIP_INNOVATIONS' } });

    sim.failNext('clientFault');
    const read = await soapCalls(() => gw.post(VoipInnovationsNumbersDocument));
    expect(read.calls).toEqual(['auditDIDs']);
    expect(upstreamError(read.result).extensions).toMatchObject({ code: 'UPSTREAM_ERROR' });
  });

  it('a soap:Server fault is UPSTREAM_UNAVAILABLE and an internal exception (900) UPSTREAM_ERROR', async () => {
    sim.failNext('fault');
    expect(upstreamError(await gw.post(VoipInnovationsNumberDocument, { e164: '+14352151001' })).extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    sim.failNext(900);
    expect(upstreamError(await gw.post(VoipInnovationsCountDocument, { filter: { state: 'UT' } })).extensions).toMatchObject({ code: 'UPSTREAM_ERROR' });
    // And the next call goes through.
    expect((await number('+14352151001'))?.status).toBe('ACTIVE');
  });
});

describe('the sandbox', () => {
  it('has no calls to simulate on a VoIP Innovations number: UNSUPPORTED_BY_PROVIDER', async () => {
    const out = (await gw.request(VoipInnovationsSimulateCallDocument, { to: '+14352151001' })).simulateIncomingCall;
    expect(out.providerCallId).toBeNull();
    expect(out.userErrors).toEqual([{ code: 'UNSUPPORTED_BY_PROVIDER', field: null, message: expect.stringContaining('VoIP Innovations sends no call webhooks') }]);
  });

  it('shows an account with no DIDs as an empty list, not the "no records" dummy row', async () => {
    const all = (await owned()).map((n) => n.e164);
    expect(all.length).toBeGreaterThan(0);
    expect((await release(all)).numbers.every((n) => n.ok)).toBe(true);
    const audit = await soapCalls(owned);
    expect(audit).toEqual({ result: [], calls: ['auditDIDs'] });
  });
});

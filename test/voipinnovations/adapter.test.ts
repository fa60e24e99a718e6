/** The VoIP Innovations port over real SOAP on loopback, against the simulator. */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoipInnovationsAdapter } from '../../src/datasources/voipinnovations/adapter.js';
import { voipInnovationsModule } from '../../src/datasources/voipinnovations/module.js';
import { startVoipInnovationsSimulator, type VoipInnovationsSimulator } from '../../src/datasources/voipinnovations/simulator.js';
import type { ProviderDeps } from '../../src/datasources/provider.js';
import { BusinessError, ErrorCode, GatewayError } from '../../src/errors.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';

const log = pino({ level: 'silent' });
const deps: ProviderDeps = { log, timeoutMs: 3_000, webhookUrl: (e) => `http://127.0.0.1:9/webhooks/voipinnovations/${e}` };
const simDeps = { log, timeScale: 0.0005, webhookUrl: deps.webhookUrl };

let sim: VoipInnovationsSimulator;
let port: VoipInnovationsAdapter;

beforeAll(async () => {
  sim = await startVoipInnovationsSimulator(simDeps);
  port = voipInnovationsModule.create(sim.live, deps) as VoipInnovationsAdapter;
});
afterAll(() => sim.close());

/** The rejection of a promise (fails the test if it resolves). */
async function failure(p: Promise<unknown>): Promise<BusinessError | GatewayError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'expected a rejection').toBeDefined();
  return err as BusinessError | GatewayError;
}

describe('the module', () => {
  it('exports the port, no webhooks and the simulator', async () => {
    expect(voipInnovationsModule.name).toBe('VOIP_INNOVATIONS');
    expect(voipInnovationsModule.webhooks()).toEqual([]);
    expect(port.name).toBe('VOIP_INNOVATIONS');
    expect(sim.live).toMatchObject({ login: 'sandbox', endpointField: 'endpointId' });
    expect(sim.live.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/Services\/APIService\.asmx$/);
  });

  it('has no call webhooks to simulate, with a clear answer for the numbers it owns', async () => {
    expect(sim.owns('+14352151001')).toBe(true);
    expect(sim.owns('+14352151002')).toBe(false);
    const err = await failure(sim.simulateIncomingCall({ to: '+14352151001', from: '+12125550123', outcome: 'ANSWERED' }));
    expect(err).toBeInstanceOf(BusinessError);
    expect(err).toMatchObject({ code: ErrorCode.UNSUPPORTED_BY_PROVIDER });
    expect(err.message).toContain('no call webhooks');
  });
});

describe('search and counts (getDIDs, getDIDCount)', () => {
  it('searches by state and rate center, only numbers in stock', async () => {
    const found = await port.searchNumbers({ state: 'ut', rateCenter: 'brigham cy' }, 50);
    expect(found.map((n) => n.e164)).toEqual(['+14352151002', '+14352151003', '+14352151004', '+14352151005', '+14352151006']);
    expect(found[0]).toMatchObject({ kind: 'GEOGRAPHIC', status: 'AVAILABLE', region: 'UT', rateCenter: 'BRIGHAM CY', lata: '660', tier: '1', capabilities: ['VOICE', 'T38', 'OUTBOUND_CNAM', 'SMS'] });
    expect(await port.searchNumbers({ state: 'UT', rateCenter: 'BRIGHAM CY' }, 2)).toHaveLength(2);
  });

  it('searches toll-free stock with kind TOLL_FREE (state TF)', async () => {
    const found = await port.searchNumbers({ kind: 'TOLL_FREE' }, 50);
    expect(found.length).toBe(5);
    expect(found.every((n) => n.kind === 'TOLL_FREE' && n.region === undefined)).toBe(true);
    expect(await port.searchNumbers({ state: 'TF', npa: '888' }, 50)).toHaveLength(2);
  });

  it('narrows by NPA, NXX, LATA, tier and features', async () => {
    expect((await port.searchNumbers({ npa: '801', nxx: '224' }, 50)).map((n) => n.e164)).toHaveLength(4);
    expect((await port.searchNumbers({ lata: '132' }, 50)).every((n) => n.region === 'NY')).toBe(true);
    expect((await port.searchNumbers({ state: 'UT', tier: '777' }, 50)).map((n) => n.rateCenter)).toEqual(['HEBER CITY', 'HEBER CITY']);
    const sms = await port.searchNumbers({ state: 'TX', sms: true }, 50);
    expect(sms.length).toBe(3);
    expect(await port.searchNumbers({ state: 'CA', sms: true }, 50)).toEqual([]);
  });

  it('refuses a search VoIP Innovations would refuse, before calling it', async () => {
    const before = sim.calls.length;
    expect(await failure(port.searchNumbers({}, 10))).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: ['filter'] });
    expect(await failure(port.searchNumbers({ t38: false, kind: 'GEOGRAPHIC' }, 10))).toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
    expect(await failure(port.searchNumbers({ prefix: '435' }, 10))).toMatchObject({ code: ErrorCode.UNSUPPORTED_FILTER, field: ['filter', 'prefix'] });
    expect(await failure(port.searchNumbers({ country: 'AU', state: 'NSW' }, 10))).toMatchObject({ code: ErrorCode.REGION_NOT_SUPPORTED });
    expect(await failure(port.searchNumbers({ npa: '43' }, 10))).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: ['filter', 'npa'] });
    expect(await failure(port.searchNumbers({ kind: 'TOLL_FREE', state: 'UT' }, 10))).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: ['filter', 'state'] });
    expect(await failure(port.countNumbers({ kind: 'MOBILE', state: 'UT' }, 'STATE'))).toMatchObject({ code: ErrorCode.UNSUPPORTED_FILTER });
    expect(sim.calls.length).toBe(before);
  });

  it('counts stock grouped by state, rate center, LATA and tier', async () => {
    expect(await port.countNumbers({ state: 'UT' }, 'STATE')).toEqual([{ count: 18, state: 'UT' }]);
    expect(await port.countNumbers({ state: 'UT' }, 'RATE_CENTER')).toEqual([
      { count: 5, state: 'UT', rateCenter: 'BRIGHAM CY', lata: '660' },
      { count: 4, state: 'UT', rateCenter: 'CEDAR CITY', lata: '660' },
      { count: 2, state: 'UT', rateCenter: 'HEBER CITY', lata: '660' },
      { count: 3, state: 'UT', rateCenter: 'PARK CITY', lata: '660' },
      { count: 4, state: 'UT', rateCenter: 'SALT LAKE', lata: '660' },
    ]);
    expect(await port.countNumbers({ lata: '132' }, 'LATA')).toEqual([{ count: 5, lata: '132' }]);
    const tiers = await port.countNumbers({ npa: '435' }, 'TIER');
    expect(Object.fromEntries(tiers.map((t) => [t.tier, t.count]))).toEqual({ '1': 5, '2': 4, '4': 3, '777': 2 });
    expect(await port.countNumbers({ state: 'WY' }, 'STATE')).toEqual([]);
  });
});

describe('the account (ConferenceLine on auditDIDs)', () => {
  it('reads whether the conference line is on, and never its PIN', async () => {
    const on = await port.account();
    expect(on).toEqual({ conferenceLine: { enabled: true } });
    sim.account.conferenceLine.enabled = false;
    try {
      expect(await port.account()).toEqual({ conferenceLine: { enabled: false } });
    } finally {
      sim.account.conferenceLine.enabled = true;
    }
    expect(JSON.stringify(on)).not.toContain(sim.account.conferenceLine.pin);
  });
});

describe('owned numbers (auditDIDs, queryDID)', () => {
  it('an answer about another number says nothing of the one asked for', async () => {
    const proxy = await startFaultProxy(sim.live.url);
    proxy.add({ fault: { kind: 'rewrite', edit: (xml) => xml.replaceAll('<tn>4352151001</tn>', '<tn>2125550100</tn>') } });
    try {
      const viaProxy = voipInnovationsModule.create({ ...sim.live, url: proxy.url }, deps) as VoipInnovationsAdapter;
      expect(await viaProxy.getNumber('+14352151001')).toBeNull();
    } finally {
      await proxy.close();
    }
  });

  it('lists the DIDs the account owns', async () => {
    const owned = await port.ownedNumbers();
    expect(owned.map((n) => n.e164).sort()).toEqual(['+14352151001', '+18012241001']);
    expect(owned.find((n) => n.e164 === '+18012241001')).toMatchObject({ status: 'ACTIVE', serviceRef: '+18012241001', details: { endpointGroup: '8675', refId: 'front-desk' } });
  });

  it('looks up one number in any state', async () => {
    expect(await port.getNumber('+14352151001')).toMatchObject({ status: 'ACTIVE', details: { endpointGroup: '8674' } });
    expect(await port.getNumber('+17182301003')).toMatchObject({ status: 'AVAILABLE', tier: undefined });
    expect(await port.getNumber('+14352159990')).toBeNull();
    // Another company's numbers "will return such information": the number, held elsewhere (102230 reserved, 102235 assigned).
    expect(await port.getNumber('+12122041002')).toMatchObject({ e164: '+12122041002', status: 'UNAVAILABLE' });
    expect(await port.getNumber('+12122041001')).toMatchObject({ e164: '+12122041001', status: 'UNAVAILABLE' });
    expect(await failure(port.getNumber('+442071838750'))).toMatchObject({ code: ErrorCode.INVALID_NUMBER, field: ['e164'] });
  });

  it('lists and reads DID configurations as services', async () => {
    const services = await port.listServices();
    expect(services.find((s) => s.providerRef === '+18012241001')).toMatchObject({
      provider: 'VOIP_INNOVATIONS',
      numbers: ['+18012241001'],
      destination: '8675',
      customId: 'front-desk',
      settings: { cnam: 'true' },
    });
    expect(await port.getService('+14352151001')).toMatchObject({ providerRef: '+14352151001', destination: '8674' });
    expect(await port.getService('+17182301003')).toBeNull();
  });
});

describe('reserve -> assign -> config -> release', () => {
  it('runs a number through its whole life', async () => {
    const e164 = '+14352151002';
    const started = Date.now();
    const [reserved] = await port.reserveNumbers([e164]);
    expect(reserved).toMatchObject({ e164, ok: true, status: 'RESERVED', message: 'Reserved for 30 minutes -- Will be Tier 1' });
    const until = Date.parse(reserved!.reservedUntil!);
    expect(until - started).toBeGreaterThanOrEqual(30 * 60_000 - 1_000);
    expect(until - started).toBeLessThanOrEqual(30 * 60_000 + 5_000);
    expect(await port.getNumber(e164)).toMatchObject({ status: 'RESERVED' });
    expect((await port.reserveNumbers([e164]))[0]).toMatchObject({ ok: true, status: 'RESERVED', message: 'Number already reserved for you' });

    const provisioned = await port.provision({ provider: 'VOIP_INNOVATIONS', voipInnovations: { numbers: [e164], endpointGroup: 8674, cnam: true, refId: 'lobby & co' } });
    expect(provisioned.numbers).toEqual([{ e164, ok: true, status: 'ACTIVE', reservedUntil: undefined, message: `Assigned to endpoint '8674' rewritten as '4352151002' Tier 1`, providerCode: '100', providerMessage: `Assigned to endpoint '8674' rewritten as '4352151002' Tier 1` }]);
    expect(provisioned.orders).toEqual([{ status: 'COMPLETED', numbers: [e164], serviceRef: e164, message: '1 of 1 numbers assigned to endpoint group 8674' }]);
    expect(provisioned.services).toMatchObject([{ providerRef: e164, numbers: [e164], destination: '8674', customId: 'lobby & co', settings: { cnam: 'true' } }]);
    expect(provisioned.owned).toMatchObject([{ e164, status: 'ACTIVE', details: { endpointGroup: '8674' } }]);
    expect(sim.owns(e164)).toBe(true);
    expect(await port.getService(e164)).toMatchObject({ destination: '8674', customId: 'lobby & co', settings: { cnam: 'true' } });

    // Only the endpoint group changes; CNAM and refId are carried over from queryDID.
    const moved = await port.updateService({ provider: 'VOIP_INNOVATIONS', serviceRef: e164, voipInnovations: { endpointGroup: 8675 } });
    expect(moved.parts).toEqual([{ fields: ['endpointGroup'], applied: true, pending: false, message: `Reconfigured to endpoint '8675' rewritten as '4352151002' Tier 1`, code: undefined }]);
    expect(moved.service).toMatchObject({ destination: '8675', customId: 'lobby & co', settings: { cnam: 'true' } });
    const cnamOff = await port.updateService({ provider: 'VOIP_INNOVATIONS', serviceRef: e164, voipInnovations: { cnam: false, refId: '' } });
    expect(cnamOff.parts[0]).toMatchObject({ fields: ['cnam', 'refId'], applied: true });
    expect(await port.getService(e164)).toMatchObject({ destination: '8675', customId: undefined, settings: { cnam: 'false' } });

    expect(await port.releaseNumbers([e164])).toEqual([{ e164, ok: true, status: 'RELEASED', reservedUntil: undefined, message: 'Number currently available', providerCode: '106231', providerMessage: 'Number currently available' }]);
    expect(sim.owns(e164)).toBe(false);
    expect(await port.getNumber(e164)).toMatchObject({ status: 'AVAILABLE' });
  });

  it('lets a reservation lapse after 30 minutes of sandbox time', async () => {
    const fast = await startVoipInnovationsSimulator({ ...simDeps, timeScale: 0.00005 }); // 30 min -> 90 ms
    try {
      const fastPort = voipInnovationsModule.create(fast.live, deps);
      expect((await fastPort.reserveNumbers!(['+17182301001']))[0]).toMatchObject({ ok: true, status: 'RESERVED' });
      expect(await fastPort.getNumber!('+17182301001')).toMatchObject({ status: 'RESERVED' });
      await new Promise((r) => setTimeout(r, 250));
      expect(await fastPort.getNumber!('+17182301001')).toMatchObject({ status: 'AVAILABLE' });
    } finally {
      await fast.close();
    }
  });

  it('assigns through the old WSDL field name (epg) as well', async () => {
    const epgPort = voipInnovationsModule.create({ ...sim.live, endpointField: 'epg' }, deps);
    const out = await epgPort.provision!({ provider: 'VOIP_INNOVATIONS', voipInnovations: { numbers: ['+14356491001'], endpointGroup: 8675 } });
    expect(out.numbers[0]).toMatchObject({ ok: true, status: 'ACTIVE' });
    expect(await port.getService('+14356491001')).toMatchObject({ destination: '8675' });
  });
});

describe('multi-number outcomes', () => {
  it('reports partial success number by number', async () => {
    const numbers = ['+14352151003', '+12122041002', '+14352159999', '+14356541001', '+14152001001'];
    const out = await port.provision({ provider: 'VOIP_INNOVATIONS', voipInnovations: { numbers, endpointGroup: 8674 } });
    expect(out.numbers.map((n) => [n.e164, n.ok, n.code ?? n.status])).toEqual([
      ['+14352151003', true, 'ACTIVE'],
      ['+12122041002', false, ErrorCode.NUMBER_NOT_AVAILABLE],
      ['+14352159999', false, ErrorCode.NOT_FOUND],
      ['+14356541001', false, ErrorCode.TIER_NOT_AVAILABLE],
      ['+14152001001', false, ErrorCode.PROVIDER_REJECTED],
    ]);
    // Each number also carries VoIP Innovations' own code and words, verbatim.
    expect(out.numbers[0]).toMatchObject({ providerCode: '100', providerMessage: expect.stringMatching(/^Assigned to endpoint '8674'/) });
    expect(out.numbers[1]).toMatchObject({ providerCode: '103235' });
    expect(out.orders).toHaveLength(1);
    expect(out.orders[0]!.status).toBe('COMPLETED');
    expect(out.orders[0]!.numbers).toEqual(['+14352151003']);
    expect(out.orders[0]!.message).toMatch(/^1 of 5 numbers assigned to endpoint group 8674; not assigned: \+12122041002 \(Number is assigned to another company\); \+14352159999/);
    expect(out.services.map((s) => s.providerRef)).toEqual(['+14352151003']);
    expect(out.owned.map((n) => n.e164)).toEqual(['+14352151003']);
  });

  it('fails the order when no number could be assigned', async () => {
    const out = await port.provision({ provider: 'VOIP_INNOVATIONS', voipInnovations: { numbers: ['+12122041001', '+14356541002'], endpointGroup: 8674 } });
    expect(out.numbers.map((n) => n.code)).toEqual([ErrorCode.NUMBER_NOT_AVAILABLE, ErrorCode.TIER_NOT_AVAILABLE]);
    expect(out.orders[0]).toMatchObject({ status: 'FAILED', numbers: [] });
    expect(out.services).toEqual([]);
  });

  it('leaves numbers reserved when the endpoint group is not the account’s (948)', async () => {
    const out = await port.provision({ provider: 'VOIP_INNOVATIONS', voipInnovations: { numbers: ['+14355861001'], endpointGroup: 9999 } });
    expect(out.numbers[0]).toMatchObject({ ok: false, code: ErrorCode.ENDPOINT_GROUP_INVALID, status: 'RESERVED' });
    // The refusal of the whole call, in VoIP Innovations' words.
    expect(out.numbers[0]).toMatchObject({ providerCode: '948', providerMessage: 'You do not own the specified endpoint group' });
    expect(out.numbers[0]!.reservedUntil).toBeDefined();
    expect(out.orders[0]!.status).toBe('FAILED');
    expect(await port.getNumber('+14355861001')).toMatchObject({ status: 'RESERVED' });
  });

  it('refuses a toll-free number on a group that cannot serve it (104258)', async () => {
    const out = await port.provision({ provider: 'VOIP_INNOVATIONS', voipInnovations: { numbers: ['+18772001001'], endpointGroup: 8676 } });
    expect(out.numbers[0]).toMatchObject({ ok: false, code: ErrorCode.ENDPOINT_GROUP_INVALID, status: 'RESERVED' });
  });

  it('reports what the account is not enabled for (250, 251)', async () => {
    sim.account.tollFreeOrigination = false;
    sim.account.standardOrigination = false;
    try {
      expect((await port.reserveNumbers(['+18772001002']))[0]).toMatchObject({ ok: false, code: ErrorCode.ACCOUNT_NOT_ENABLED });
      const out = await port.provision({ provider: 'VOIP_INNOVATIONS', voipInnovations: { numbers: ['+14355861002'], endpointGroup: 8674 } });
      expect(out.numbers[0]).toMatchObject({ ok: false, code: ErrorCode.ACCOUNT_NOT_ENABLED, message: 'The account does not buy standard origination' });
    } finally {
      sim.account.tollFreeOrigination = true;
      sim.account.standardOrigination = true;
    }
  });

  it('releases number by number', async () => {
    await port.reserveNumbers(['+14355861003']);
    const out = await port.releaseNumbers(['+14355861003', '+12122041001', '+15122201001', '+14352159998', '+17182301002']);
    expect(out.map((o) => [o.ok, o.code ?? o.status])).toEqual([
      [false, ErrorCode.NOT_PERMITTED],
      [false, ErrorCode.NUMBER_NOT_OWNED],
      [false, ErrorCode.ALREADY_RELEASED],
      [false, ErrorCode.NOT_FOUND],
      [true, 'RELEASED'],
    ]);
  });

  it('validates multi-number input before calling', async () => {
    const before = sim.calls.length;
    expect(await failure(port.reserveNumbers([]))).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: ['numbers'] });
    expect(await failure(port.reserveNumbers(['+14352151004', '+14352151004']))).toMatchObject({ code: ErrorCode.DUPLICATE_NUMBERS });
    expect(await failure(port.reserveNumbers(['+14352151004', '+61280740802']))).toMatchObject({ code: ErrorCode.INVALID_NUMBER, field: ['numbers', '1'] });
    expect(await failure(port.provision({ provider: 'VOIP_INNOVATIONS' }))).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: ['voipInnovations'] });
    expect(
      await failure(port.provision({ provider: 'VOIP_INNOVATIONS', voipInnovations: { numbers: ['+14352151004'], endpointGroup: 0 } })),
    ).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: ['voipInnovations', 'endpointGroup'] });
    expect(sim.calls.length).toBe(before);
  });
});

describe('service updates (configDID)', () => {
  it('refuses numbers the account does not own', async () => {
    const update = (serviceRef: string) => port.updateService({ provider: 'VOIP_INNOVATIONS', serviceRef, voipInnovations: { cnam: true } });
    expect(await failure(update('+17182301003'))).toMatchObject({ code: ErrorCode.NUMBER_NOT_OWNED, field: ['serviceRef'] });
    await port.reserveNumbers(['+15122201002']);
    const reserved = await failure(update('+15122201002'));
    expect(reserved).toMatchObject({ code: ErrorCode.NUMBER_NOT_OWNED });
    expect(reserved.message).toContain('only reserved');
    expect(await failure(update('+14352159997'))).toMatchObject({ code: ErrorCode.NOT_FOUND });
    expect(await failure(update('+12122041002'))).toMatchObject({ code: ErrorCode.NUMBER_NOT_OWNED, message: expect.stringContaining('not assigned to this account') });
    expect(await failure(port.updateService({ provider: 'VOIP_INNOVATIONS', serviceRef: '+18012241001', voipInnovations: {} }))).toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
  });

  it('reports a refused endpoint group (948) as a failed part and keeps the current configuration', async () => {
    const out = await port.updateService({ provider: 'VOIP_INNOVATIONS', serviceRef: '+18012241001', voipInnovations: { endpointGroup: 9999 } });
    expect(out.parts).toEqual([{ fields: ['endpointGroup'], applied: false, pending: false, code: ErrorCode.ENDPOINT_GROUP_INVALID, message: 'The account does not own this endpoint group' }]);
    expect(out.service).toMatchObject({ destination: '8675', customId: 'front-desk' });
  });

  it('reports a per-DID refusal (105258) as a failed part and keeps the current configuration', async () => {
    await port.provision({ provider: 'VOIP_INNOVATIONS', voipInnovations: { numbers: ['+18882001001'], endpointGroup: 8674 } });
    const out = await port.updateService({ provider: 'VOIP_INNOVATIONS', serviceRef: '+18882001001', voipInnovations: { endpointGroup: 8676 } });
    expect(out.parts).toEqual([{ fields: ['endpointGroup'], applied: false, pending: false, code: ErrorCode.ENDPOINT_GROUP_INVALID, message: 'This endpoint group cannot serve this number' }]);
    expect(out.service).toMatchObject({ providerRef: '+18882001001', destination: '8674' });
  });
});

describe('porting (isPortable, getPortDetails)', () => {
  it('answers one result per number, in order, a few calls at a time', async () => {
    const before = sim.calls.filter((c) => c === 'isPortable').length;
    const numbers = ['+13125550199', '+19072000001', '+14352151004', '+442071838750', '+12125550123'];
    const out = await port.checkPortability(numbers);
    expect(out.map((r) => [r.e164, r.portable])).toEqual([
      ['+13125550199', true],
      ['+19072000001', false],
      ['+14352151004', false],
      ['+442071838750', false],
      ['+12125550123', true],
    ]);
    expect(out[3]!.message).toContain('North American');
    expect(sim.calls.filter((c) => c === 'isPortable').length - before).toBe(4);
  });

  it('reads port orders', async () => {
    expect(await port.portDetails(36624)).toEqual({
      portId: 36624,
      status: 'FOC RECEIVED',
      endUser: 'Acme Dental',
      billingNumber: '+13055550123',
      portingFrom: 'AT&T',
      submittedAt: '2024-03-01T14:05:00.000Z',
      focAt: '2024-03-08T00:00:00.000Z',
      requestedFocAt: '2024-03-07T00:00:00.000Z',
      numbers: ['+13055550123', '+13055550124'],
      salesRep: 'Dana Porter',
      defaultEndpointGroup: 8675,
      numberDetails: [
        { e164: '+13055550123', tier: '1', rateCenter: 'MIAMI', state: 'FL', lata: '460', endpointGroup: 8675, cnamLookup: true, e911: true },
        { e164: '+13055550124', tier: '2', rateCenter: 'MIAMI', state: 'FL', lata: '460', endpointGroup: 8675, cnamLookup: false, e911: false },
      ],
    });
    expect(await port.portDetails(1)).toBeNull();
    expect(await failure(port.portDetails(0))).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: ['portId'] });
  });
});

describe('upstream failures', () => {
  it('does not retry a read after a SOAP fault (HTTP 500 whatever its cause)', async () => {
    const before = sim.calls.length;
    sim.failNext('fault');
    expect(((await failure(port.ownedNumbers())) as GatewayError).code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect(sim.calls.slice(before)).toEqual(['auditDIDs']);
  });

  it('never retries a reservation', async () => {
    const before = sim.calls.length;
    sim.failNext('fault');
    const err = await failure(port.reserveNumbers(['+14352151005']));
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect(sim.calls.slice(before)).toEqual(['reserveDID']);
  });

  it('reports refused credentials and client IPs as auth failures, and exceptions as upstream errors', async () => {
    const wrong = voipInnovationsModule.create({ ...sim.live, secret: 'wrong' }, deps);
    const err = await failure(wrong.ownedNumbers!());
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).extensions).toMatchObject({ code: ErrorCode.UPSTREAM_AUTH_FAILED, provider: 'VOIP_INNOVATIONS' });
    expect(err.message).not.toContain('wrong');
    sim.failNext(901);
    expect(((await failure(port.getNumber('+14352151001'))) as GatewayError).code).toBe(ErrorCode.UPSTREAM_AUTH_FAILED);
    sim.failNext(900);
    expect(((await failure(port.portDetails(36623))) as GatewayError).code).toBe(ErrorCode.UPSTREAM_ERROR);
  });

  it('reports an unreachable service', async () => {
    const gone = voipInnovationsModule.create({ ...sim.live, url: 'http://127.0.0.1:9/Services/APIService.asmx' }, { ...deps, timeoutMs: 500 });
    const err = await failure(gone.portDetails!(36623));
    expect((err as GatewayError).code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
  });
});

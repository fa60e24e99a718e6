import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exotelModule } from '../../src/datasources/exotel/module.js';
import type { ExotelSimulator } from '../../src/datasources/exotel/simulator.js';
import type { AllocateRequest } from '../../src/datasources/exotel/inputs.js';
import type { ExotelAdapter } from '../../src/datasources/exotel/adapter.js';
import { BusinessError, ErrorCode } from '../../src/errors.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { log, startReceiver, TZ, type Receiver } from './helpers.js';

let receiver: Receiver;
let sim: ExotelSimulator;
let port: ExotelAdapter;
let n = 0;

beforeAll(async () => {
  receiver = await startReceiver();
  sim = (await exotelModule.startSimulator({ log, timeScale: 0.0005, webhookUrl: receiver.webhookUrl })) as ExotelSimulator;
  port = exotelModule.create(sim.live, { log, timeoutMs: 2000, webhookUrl: receiver.webhookUrl });
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

function request(over: Partial<AllocateRequest> = {}): AllocateRequest {
  return { connectionId: `port-${++n}`, aPartyNumbers: ['+919811000001'], bPartyNumbers: ['+919876543210'], usage: 'TWO_WAY', ...over };
}

describe('the Exotel port, its answers edited on the way', () => {
  /** Each allocation answer's `data` as `edit` leaves it. */
  async function allocateEdited(edit: (data: Record<string, unknown>) => void, over: Partial<AllocateRequest> = {}) {
    const proxy = await startFaultProxy(sim.live.baseUrl);
    const rewrite = (body: string) => {
      const answer = JSON.parse(body) as { data: Record<string, unknown> };
      edit(answer.data);
      return JSON.stringify(answer);
    };
    proxy.add({ method: 'POST', fault: { kind: 'rewrite', edit: rewrite } });
    try {
      return await exotelModule.create({ ...sim.live, baseUrl: proxy.url }, { log, timeoutMs: 2000, webhookUrl: receiver.webhookUrl }).allocate!(request(over));
    } finally {
      await proxy.close();
    }
  }

  it('an answer without the connection id: the one sent is kept', async () => {
    expect(await allocateEdited((d) => delete d.connection_id, { connectionId: 'kept-by-us' })).toMatchObject({ connectionId: 'kept-by-us' });
  });

  it.each([
    ['an allocation id of 256 characters', (d: Record<string, unknown>) => (d.greenvn_id = 'x'.repeat(256))],
    ['a connection id of 10,000 characters', (d: Record<string, unknown>) => (d.connection_id = 'x'.repeat(10_000))],
    ['an empty connection id', (d: Record<string, unknown>) => (d.connection_id = '')],
    ['a flow id that is an object', (d: Record<string, unknown>) => (d.flow_id = { a: 1 })],
  ])('%s: UPSTREAM_ERROR', async (_, edit) => {
    await expect(allocateEdited(edit)).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_ERROR });
  });
});

describe('the Exotel port', () => {
  it('is EXOTEL, with the allocation operations (and reading back a lost one) only', () => {
    expect(port.name).toBe('EXOTEL');
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(port)).filter((k) => k !== 'constructor').sort()).toEqual(['allocate', 'deallocate', 'getAllocation', 'reassign', 'recover', 'updateParties']);
  });

  it('allocates: E.164 normalised, preferences honoured, expiry from the policy', async () => {
    const before = Date.now();
    const a = await port.allocate!(
      request({ aPartyNumbers: ['+91 98110 00001'], aPartyPins: [1234], usage: 'ONE_WAY', strict: true, preferences: { region: 'TN', type: 'LANDLINE' }, deallocateAfterSeconds: 3600, flowId: '4522' }),
    );
    expect(a).toMatchObject({ provider: 'EXOTEL', greenVN: '+914440001001', aPartyNumbers: ['+919811000001'], aPartyPins: [1234], usage: 'ONE_WAY', state: 'ACTIVE', flowId: '4522' });
    expect(Date.parse(a.expiresAt!) - before).toBeGreaterThanOrEqual(3600_000);
    expect(Date.parse(a.expiresAt!) - Date.now()).toBeLessThanOrEqual(3600_000);
    expect(sim.requests.at(-1)!.body).toMatchObject({ aparty_numbers: ['+919811000001'], usage: 'oneway', strictness: 'true', preferences: { region: 'TN', type: 'landline' }, deallocation_policy: { duration: '3600s' } });
    expect(await port.getAllocation!(a.providerRef)).toMatchObject({ providerRef: a.providerRef, greenVN: '+914440001001', expiresAt: undefined });
  });

  it.each<[string, Partial<AllocateRequest>, ErrorCode, string[]]>([
    ['no connection id', { connectionId: ' ' }, ErrorCode.VALIDATION_FAILED, ['connectionId']],
    ['a connection id over 255 characters', { connectionId: 'x'.repeat(256) }, ErrorCode.VALIDATION_FAILED, ['connectionId']],
    ['no a-party', { aPartyNumbers: [] }, ErrorCode.VALIDATION_FAILED, ['aPartyNumbers']],
    ['a bad number', { aPartyNumbers: ['+919811000001', '+91123'] }, ErrorCode.INVALID_NUMBER, ['aPartyNumbers', '1']],
    ['a number without country', { bPartyNumbers: ['9876543210'] }, ErrorCode.INVALID_NUMBER, ['bPartyNumbers', '0']],
    ['a number twice', { bPartyNumbers: ['+919876543210', '+91 98765 43210'] }, ErrorCode.DUPLICATE_NUMBERS, ['bPartyNumbers', '1']],
    ['one number on both sides', { bPartyNumbers: ['+919876543210', '+919811000001'] }, ErrorCode.SAME_NUMBER_BOTH_PARTIES, ['bPartyNumbers', '1']],
    ['a zero pin', { bPartyPins: [12, 0] }, ErrorCode.VALIDATION_FAILED, ['bPartyPins', '1']],
    ['an unknown region', { preferences: { region: 'XX' } }, ErrorCode.REGION_NOT_SUPPORTED, ['preferences', 'region']],
    ['a short pin code', { preferences: { pinCode: '5600' } }, ErrorCode.VALIDATION_FAILED, ['preferences', 'pinCode']],
    ['a bad preferred VN', { preferences: { greenVN: '+9180' } }, ErrorCode.INVALID_NUMBER, ['preferences', 'greenVN']],
    ['a zero policy', { deallocateAfterSeconds: 0 }, ErrorCode.VALIDATION_FAILED, ['deallocateAfterSeconds']],
  ])('refuses %s before calling Exotel', async (_, over, code, field) => {
    const seen = sim.requests.length;
    const err = await port.allocate!(request(over)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BusinessError);
    expect(err).toMatchObject({ code, field });
    expect(sim.requests.length).toBe(seen);
  });

  it('Exotel verdicts become userErrors (a taken connection id)', async () => {
    const first = request();
    await port.allocate!(first);
    await expect(port.allocate!({ ...first, bPartyNumbers: ['+919876543211'] })).rejects.toMatchObject({ code: ErrorCode.DUPLICATE_CONNECTION_ID, field: ['connectionId'] });
  });

  it('updates parties, reassigns and deallocates', async () => {
    const a = await port.allocate!(request());
    await expect(port.updateParties!(a.providerRef, {})).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: ['aPartyNumbers'] });
    await expect(port.updateParties!(a.providerRef, { aPartyNumbers: ['+919876543210'], bPartyNumbers: ['+919876543210'] })).rejects.toMatchObject({ code: ErrorCode.SAME_NUMBER_BOTH_PARTIES });
    const updated = await port.updateParties!(a.providerRef, { aPartyNumbers: ['+919811000001', '+919811000002'], bPartyPins: [77], usage: 'ONE_WAY' });
    expect(updated).toMatchObject({ aPartyNumbers: ['+919811000001', '+919811000002'], bPartyNumbers: ['+919876543210'], bPartyPins: [77], usage: 'ONE_WAY' });

    const moved = await port.reassign!(a.providerRef, { strict: true, preferences: { region: 'RJ', type: 'MOBILE' } });
    expect(moved).toMatchObject({ providerRef: a.providerRef, greenVN: '+919809000001' });
    await expect(port.reassign!(a.providerRef, { strict: true, preferences: { region: 'RJ', type: 'MOBILE' } })).rejects.toMatchObject({ code: ErrorCode.NO_NUMBER_AVAILABLE });

    expect(await port.deallocate!(a.providerRef)).toMatchObject({ state: 'DEALLOCATED', greenVN: '+919809000001' });
    await expect(port.deallocate!(a.providerRef)).rejects.toMatchObject({ code: ErrorCode.ALREADY_DEALLOCATED });
    expect(await port.getAllocation!(a.providerRef)).toMatchObject({ state: 'DEALLOCATED' });
  });

  it('an unknown allocation is null', async () => {
    expect(await port.getAllocation!('00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AvanserClient } from '../../src/datasources/avanser/client.js';
import type { AvanserProvisionInput } from '../../src/datasources/avanser/inputs.js';
import { BusinessError, ErrorCode, GatewayError } from '../../src/errors.js';
import { harness, silentLog, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.close());

const service = { name: 'Sydney sales', customId: 'cust-42', customGroup: 'sales', serviceType: 'TRANSFER' as const, answerPoint: '+61401603859', answerPointName: 'Front desk', recordCalls: true };
const provision = (avanser: Partial<AvanserProvisionInput>) => h.port.provision!({ provider: 'AVANSER', avanser: { ...service, ...avanser } });
const errorOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe('searchNumbers', () => {
  it('maps stock, pools and kinds, up to the limit', async () => {
    expect(await h.port.searchNumbers!({ szu: 'sydney' }, 2)).toEqual([
      { provider: 'AVANSER', e164: '+61280740802', kind: 'GEOGRAPHIC', status: 'AVAILABLE', region: 'NSW: Sydney', capabilities: ['VOICE'], pool: 'PRIVATE', details: { national: '0280740802', numberClass: 'GEO' } },
      expect.objectContaining({ e164: '+61280740805', pool: 'PRIVATE' }),
    ]);
    // 13/1300 (AVANSER TOLLFREE) are local rate; toll-free (free to the caller) is AVANSER FREECALL, 1800.
    expect(await h.port.searchNumbers!({ country: 'AU', kind: 'LOCAL_RATE' }, 10)).toEqual([
      expect.objectContaining({ e164: '+611300123456', kind: 'LOCAL_RATE', pool: 'PUBLIC' }),
      expect.objectContaining({ e164: '+611300654321', kind: 'LOCAL_RATE', pool: 'PUBLIC' }),
    ]);
    expect((await h.port.searchNumbers!({ country: 'AU', kind: 'TOLL_FREE' }, 10)).map((n) => [n.e164, n.kind])).toEqual([
      // PRIVATE mode: the private 1800 only, while there is one.
      ['+611800123456', 'TOLL_FREE'],
    ]);
    expect((await h.port.searchNumbers!({ location: 'Perth' }, 10)).map((n) => n.e164)).toEqual(['+61892001234']);
    expect((await h.port.searchNumbers!({ latitude: -27.47, longitude: 153.02 }, 10)).map((n) => n.e164)).toEqual(['+61738001234']);
    expect((await h.port.searchNumbers!({ prefix: '0882' }, 10)).map((n) => n.e164)).toEqual(['+61882001234']);
    expect((await h.port.searchNumbers!({ kind: 'MOBILE' }, 10)).map((n) => [n.e164, n.capabilities])).toEqual([
      ['+61481000101', ['VOICE', 'SMS']],
      ['+61481000102', ['VOICE', 'SMS']],
    ]);
  });

  it.each([
    [{ state: 'NSW' }, ErrorCode.UNSUPPORTED_FILTER, ['filter', 'state']],
    [{ npa: '212' }, ErrorCode.UNSUPPORTED_FILTER, ['filter', 'npa']],
    [{ country: 'Australia' }, ErrorCode.VALIDATION_FAILED, ['filter', 'country']],
    [{ country: 'NZ', szu: 'auckland' }, ErrorCode.VALIDATION_FAILED, ['filter', 'szu']],
    [{ szu: ' ' }, ErrorCode.VALIDATION_FAILED, ['filter', 'szu']],
    [{ latitude: -33.8 }, ErrorCode.VALIDATION_FAILED, ['filter', 'longitude']],
    [{ latitude: 91, longitude: 0 }, ErrorCode.VALIDATION_FAILED, ['filter', 'latitude']],
    [{ prefix: '02 80' }, ErrorCode.VALIDATION_FAILED, ['filter', 'prefix']],
  ])('refuses %j before calling AVANSER', async (filter, code, field) => {
    // A queued 401 would surface if the port called AVANSER.
    h.sim.failNext({ status: 401, message: 'Unauthorized' });
    const err = await errorOf(h.port.searchNumbers!(filter, 10));
    expect(err).toBeInstanceOf(BusinessError);
    expect(err).toMatchObject({ code, field });
    await expect(h.port.searchNumbers!({}, 1)).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_AUTH_FAILED });
  });
});

describe('provision', () => {
  it('sends one request per number with the gateway webhook URLs, and returns pending orders', async () => {
    const outcome = await provision({ numbers: ['+61280740802', '+61280740805'] });
    expect(outcome.orders).toEqual([
      { status: 'PENDING', providerRef: expect.stringMatching(/^[0-9a-f]{40}$/), serviceRef: '+61280740802', numbers: ['+61280740802'], message: 'Success' },
      { status: 'PENDING', providerRef: expect.stringMatching(/^[0-9a-f]{40}$/), serviceRef: '+61280740805', numbers: ['+61280740805'], message: 'Success' },
    ]);
    expect(outcome.numbers).toEqual([
      { e164: '+61280740802', ok: true, status: 'PENDING', message: 'Success' },
      { e164: '+61280740805', ok: true, status: 'PENDING', message: 'Success' },
    ]);
    expect(outcome.owned[0]).toMatchObject({ provider: 'AVANSER', e164: '+61280740802', status: 'PENDING', serviceRef: '+61280740802', details: { requestId: outcome.orders[0]!.providerRef } });
    expect(outcome.services[0]).toEqual({
      provider: 'AVANSER',
      providerRef: '+61280740802',
      name: 'Sydney sales',
      numbers: ['+61280740802'],
      destination: '+61401603859',
      destinationName: 'Front desk',
      recording: true,
      settings: { type: 'transfer', status: 'pending' },
      customId: 'cust-42',
      customGroup: 'sales',
      updatedAt: expect.any(String),
    });
    // What AVANSER holds: our own webhook URLs, token included.
    const held = (await new AvanserClient(h.sim.live, { log: silentLog, timeoutMs: 2_000 }).listServices()).find((s) => s.service_number === '61280740802');
    expect(held).toMatchObject({ call_uri: h.deps.webhookUrl('calls'), callback_uri: h.deps.webhookUrl('requests') });
  });

  it.each([
    [{ type: 'SZU', szu: 'sydney' }, '+61280740802'],
    [{ type: 'LOCATION', location: 'Adelaide' }, '+61882001234'],
    [{ type: 'COORDINATES', latitude: -37.81, longitude: 144.96 }, '+61390001234'],
    [{ type: 'PREFIX', prefix: '1800' }, '+611800123456'],
    [{ type: 'NUMBER_TYPE', kind: 'MOBILE' }, '+61481000101'],
    [{ type: 'NUMBER', number: '+61296301234' }, '+61296301234'],
  ] as const)('provisions by a %j search', async (search, e164) => {
    const outcome = await provision({ search });
    expect(outcome.orders.map((o) => o.serviceRef)).toEqual([e164]);
  });

  it('says so when AVANSER substitutes the closest match for a number', async () => {
    const outcome = await provision({ numbers: ['+61280740801'] });
    expect(outcome.orders[0]).toMatchObject({ serviceRef: '+61280740802', message: 'AVANSER assigned +61280740802, its closest match to +61280740801' });
  });

  it('keeps the requests AVANSER acknowledged when a later one fails', async () => {
    const outcome = await provision({ search: { type: 'NUMBER_TYPE', kind: 'MOBILE' }, count: 4 });
    expect(outcome.orders.map((o) => [o.status, o.serviceRef])).toEqual([
      ['PENDING', '+61481000101'],
      ['PENDING', '+61481000102'],
      ['FAILED', undefined],
    ]);
    expect(outcome.orders[2]!.message).toBe('AVANSER has no number in stock matching the search; the remaining 1 request(s) were not sent');
  });

  it('throws the first failure when nothing was ordered, naming the number', async () => {
    const err = await errorOf(provision({ numbers: ['+6495550123', '+61280740805'], country: 'AU' }));
    expect(err).toBeInstanceOf(BusinessError);
    expect(err).toMatchObject({ code: ErrorCode.NUMBER_NOT_AVAILABLE, field: ['avanser', 'numbers', '0'] });
    await expect(provision({ search: { type: 'SZU', szu: 'hobart' } })).rejects.toMatchObject({ code: ErrorCode.NO_NUMBER_AVAILABLE });
  });

  it('records a specific number that failed after others were ordered', async () => {
    const outcome = await provision({ numbers: ['+61280740805', '+6495550123'], country: 'AU' });
    expect(outcome.orders.map((o) => o.status)).toEqual(['PENDING', 'FAILED']);
    expect(outcome.numbers[1]).toEqual({ e164: '+6495550123', ok: false, code: ErrorCode.NUMBER_NOT_AVAILABLE, message: 'The requested number is not available at AVANSER' });
  });

  it.each([
    [{ name: ' ' }, ErrorCode.VALIDATION_FAILED, ['avanser', 'name']],
    [{ answerPoint: undefined }, ErrorCode.VALIDATION_FAILED, ['avanser', 'answerPoint']],
    [{ answerPoint: '+6140160385' }, ErrorCode.INVALID_NUMBER, ['avanser', 'answerPoint']],
    [{ numbers: ['+61280740802'], search: { type: 'SZU', szu: 'sydney' } }, ErrorCode.VALIDATION_FAILED, ['avanser', 'search']],
    [{}, ErrorCode.VALIDATION_FAILED, ['avanser', 'numbers']],
    [{ numbers: [] }, ErrorCode.VALIDATION_FAILED, ['avanser', 'numbers']],
    [{ numbers: ['+61280740802'], count: 2 }, ErrorCode.VALIDATION_FAILED, ['avanser', 'count']],
    [{ numbers: ['+61280740802', '+61280740802'] }, ErrorCode.DUPLICATE_NUMBERS, ['avanser', 'numbers', '1']],
    [{ numbers: ['+6128074080'] }, ErrorCode.INVALID_NUMBER, ['avanser', 'numbers', '0']],
    [{ numbers: Array.from({ length: 21 }, (_, i) => `+6128074${String(i).padStart(4, '0')}`) }, ErrorCode.TOO_MANY_NUMBERS, ['avanser', 'numbers']],
    [{ search: { type: 'SZU', szu: 'sydney' }, count: 0 }, ErrorCode.VALIDATION_FAILED, ['avanser', 'count']],
    [{ search: { type: 'SZU', szu: 'sydney' }, count: 21 }, ErrorCode.TOO_MANY_NUMBERS, ['avanser', 'count']],
    [{ search: { type: 'LOCATION' } }, ErrorCode.VALIDATION_FAILED, ['avanser', 'search', 'location']],
    [{ search: { type: 'COORDINATES', latitude: 1 } }, ErrorCode.VALIDATION_FAILED, ['avanser', 'search', 'longitude']],
    [{ search: { type: 'NUMBER', number: '+1' } }, ErrorCode.INVALID_NUMBER, ['avanser', 'search', 'number']],
    [{ search: { type: 'NUMBER_TYPE' } }, ErrorCode.VALIDATION_FAILED, ['avanser', 'search', 'kind']],
    [{ search: { type: 'SZU', szu: 'sydney' }, country: 'NZ' }, ErrorCode.VALIDATION_FAILED, ['avanser', 'search', 'szu']],
    [{ search: { type: 'SZU', szu: 'sydney' }, missedCallNotifications: { emails: ['nobody'] } }, ErrorCode.VALIDATION_FAILED, ['avanser', 'missedCallNotifications', 'emails', '0']],
    [{ search: { type: 'SZU', szu: 'sydney' }, missedCallNotifications: { smsNumbers: ['0401603859'] } }, ErrorCode.INVALID_NUMBER, ['avanser', 'missedCallNotifications', 'smsNumbers', '0']],
  ] as const)('refuses %j', async (input, code, field) => {
    const err = await errorOf(provision(input as Partial<AvanserProvisionInput>));
    expect(err).toBeInstanceOf(BusinessError);
    expect(err).toMatchObject({ code, field });
  });

  it('refuses a request without AVANSER input', async () => {
    await expect(h.port.provision!({ provider: 'AVANSER' })).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: ['avanser'] });
  });
});

// Confirmation by callback and call reports go through the gateway's webhook routes: e2e.test.ts.
describe('confirmation by polling', () => {
  it('only by polling when the callback never comes', async () => {
    h.sim.holdCallbacks(true);
    const outcome = await provision({ numbers: ['+61280740805'] });
    const ref = outcome.orders[0]!.providerRef!;
    expect(await h.port.orderStatus!(ref)).toMatchObject({ status: 'PENDING', providerRef: ref, serviceRef: '+61280740805' });
    await h.sim.drain();
    expect(await h.port.orderStatus!(ref)).toEqual({ status: 'COMPLETED', providerRef: ref, serviceRef: '+61280740805', numbers: ['+61280740805'], message: 'Request completed successfully', providerStatus: 'completed' });
  });

  it('polling an unknown request finds nothing', async () => {
    expect(await h.port.orderStatus!('0'.repeat(40))).toBeNull();
  });
});

describe('services', () => {
  it('lists and reads services without their callback URLs', async () => {
    const services = await h.port.listServices!();
    expect(services.map((s) => [s.providerRef, s.name, s.settings.status])).toEqual([
      ['+61280740801', 'service #1', 'active'],
      ['+61399998888', 'Melbourne after hours', 'active'],
    ]);
    expect(await h.port.getService!('+61399998888')).toMatchObject({ settings: { type: 'voicemail', missedCallEmails: 'afterhours@example.com.au' }, recording: false });
    expect(JSON.stringify(services)).not.toContain('token');
    expect(await h.port.getService!('+61280740810')).toBeNull();
    await expect(h.port.getService!('61280740801')).rejects.toMatchObject({ code: ErrorCode.INVALID_NUMBER, field: ['serviceRef'] });
  });

  it('updates asynchronously: a pending order, then the confirmation', async () => {
    const outcome = await h.port.updateService!({ provider: 'AVANSER', serviceRef: '+61280740801', avanser: { answerPoint: '+61132307', answerPointName: 'Hotline', recordCalls: false } });
    expect(outcome).toEqual({
      order: { status: 'PENDING', providerRef: expect.stringMatching(/^[0-9a-f]{40}$/), serviceRef: '+61280740801', numbers: ['+61280740801'], message: 'Success' },
      parts: [{ fields: ['answerPoint', 'answerPointName', 'recordCalls'], applied: false, pending: true, message: 'Success' }],
    });
    await h.sim.drain();
    expect(await h.port.orderStatus!(outcome.order!.providerRef!)).toMatchObject({ status: 'COMPLETED', serviceRef: '+61280740801' });
    expect(await h.port.getService!('+61280740801')).toMatchObject({ destination: '+61132307', destinationName: 'Hotline', recording: false, name: 'service #1' });
  });

  it.each([
    [{ serviceRef: '+61280740801', avanser: {} }, ErrorCode.VALIDATION_FAILED, ['avanser']],
    [{ serviceRef: '+61280740801' }, ErrorCode.VALIDATION_FAILED, ['avanser']],
    [{ serviceRef: 'x', avanser: { name: 'n' } }, ErrorCode.INVALID_NUMBER, ['serviceRef']],
    [{ serviceRef: '+61280740801', avanser: { answerPoint: '+61' } }, ErrorCode.INVALID_NUMBER, ['avanser', 'answerPoint']],
    [{ serviceRef: '+61280740801', avanser: { name: '' } }, ErrorCode.VALIDATION_FAILED, ['avanser', 'name']],
  ])('refuses the update %j', async (request, code, field) => {
    const err = await errorOf(h.port.updateService!({ provider: 'AVANSER', ...request }));
    expect(err).toBeInstanceOf(BusinessError);
    expect(err).toMatchObject({ code, field });
  });

  it('reports an unknown service as not found', async () => {
    await expect(h.port.updateService!({ provider: 'AVANSER', serviceRef: '+61280740810', avanser: { name: 'x' } })).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });
});

describe('upstream failures', () => {
  it('are GraphQL errors, not user errors', async () => {
    h.sim.failNext({ status: 500, message: 'boom' });
    const err = await errorOf(provision({ numbers: ['+61280740805'] }));
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ code: ErrorCode.UPSTREAM_UNAVAILABLE });
    const wrong = await harness({ password: 'wrong' });
    try {
      await expect(wrong.port.listServices!()).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_AUTH_FAILED });
    } finally {
      await wrong.close();
    }
  });
});

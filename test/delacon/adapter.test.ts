import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DelaconClient } from '../../src/datasources/delacon/client.js';
import { delaconModule } from '../../src/datasources/delacon/module.js';
import type { DelaconSimulator } from '../../src/datasources/delacon/simulator.js';
import type { DelaconProvisionInput } from '../../src/datasources/delacon/inputs.js';
import type { ProviderAdapter, ProvisionRequest } from '../../src/datasources/provider.js';
import { ErrorCode, GatewayError } from '../../src/errors.js';
import { log, startReceiver, type Receiver } from './helpers.js';

let sim: DelaconSimulator;
let port: ProviderAdapter;
let receiver: Receiver;
const deps = { log, timeoutMs: 2_000, webhookUrl: () => '' };

const customer = (over: Partial<DelaconProvisionInput> = {}): ProvisionRequest => ({
  provider: 'DELACON',
  delacon: {
    businessName: 'Bondi Dental',
    businessCategory: 'Dentist',
    email: 'desk@bondidental.example',
    terminationNumber: '+61293001234',
    region: 'AUSTRALIA',
    numberType: '1300',
    features: ['CALL_RECORDING'],
    count: 2,
    acceptTerms: true,
    ...over,
  },
});

beforeAll(async () => {
  receiver = await startReceiver(() => ({ status: 200, body: { RESULT: 'ACCEPTED' } }));
  sim = (await delaconModule.startSimulator({ log, timeScale: 0.0005, webhookUrl: (event) => `${receiver.url}/webhooks/delacon/${event}` })) as DelaconSimulator;
  port = delaconModule.create(sim.live, deps);
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

let before: number;
beforeEach(() => {
  before = sim.requests.length;
});
const sent = () => sim.requests.slice(before);

describe('numberTypes', () => {
  it('asks Delacon once per region and caches the answer', async () => {
    const japan = await port.numberTypes!('JAPAN');
    expect(japan).toEqual([
      { key: '0120', description: '0120 Japan Toll Free Number', region: 'ja-jp' },
      { key: '03', description: '03 Tokyo', region: 'ja-jp' },
    ]);
    expect(await port.numberTypes!('JAPAN')).toBe(japan);
    expect((await port.numberTypes!('HONG_KONG')).map((t) => t.key)).toEqual(['800', '3']);
    expect(sent().map((r) => r.path)).toEqual(['/rest/config/getnumbertypes/Japan', '/rest/config/getnumbertypes/Hong%20Kong']);
  });

  it('refuses an unknown region before calling Delacon', async () => {
    await expect(port.numberTypes!('ATLANTIS' as never)).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: ['region'] });
    expect(sent()).toEqual([]);
  });

  it('does not cache a failure', async () => {
    const bad = delaconModule.create({ ...sim.live, authToken: 'wrong' }, deps);
    await expect(bad.numberTypes!('CHINA')).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_AUTH_FAILED });
    await expect(bad.numberTypes!('CHINA')).rejects.toBeInstanceOf(GatewayError);
    expect(sent()).toHaveLength(2);
  });
});

describe('provision', () => {
  it('OK: a completed order, the company and its numbers', async () => {
    const outcome = await port.provision!(customer());
    const [order] = outcome.orders;
    expect(order).toMatchObject({ status: 'COMPLETED', numbers: [expect.stringMatching(/^\+611300/), expect.stringMatching(/^\+611300/)] });
    const cid = order!.serviceRef!;
    expect(outcome.services).toMatchObject([{ provider: 'DELACON', providerRef: cid, name: 'Bondi Dental', destination: '+61293001234', recording: true, numbers: order!.numbers }]);
    expect(outcome.owned.map((n) => n.e164)).toEqual(order!.numbers);
    expect(order!.numbers.every((n) => sim.owns(n))).toBe(true);
    expect(sent()[0]!.params).toMatchObject({ BusinessName: 'Bondi Dental', TerminationNumber: '0293001234', region: 'Australia', numberType: '1300', features: 'CallRecording', termsCheck: 'on', numbers: '2' });

    const more = await port.provision!({ provider: 'DELACON', delacon: { companyId: cid, count: 1 } });
    expect(more.orders[0]).toMatchObject({ status: 'COMPLETED', serviceRef: cid, numbers: [expect.stringMatching(/^\+611300/)] });
    expect(sim.company(cid)!.numbers).toHaveLength(3);
  });

  it('normalises numbers with the region country', async () => {
    const outcome = await port.provision!(customer({ region: 'UNITED_KINGDOM', numberType: '020', terminationNumber: '+442079460000', count: 1 }));
    expect(outcome.orders[0]!.numbers).toEqual([expect.stringMatching(/^\+44207123\d{4}$/)]);
  });

  it('WAIT: a pending order, settled later through the orders webhook', async () => {
    const at = receiver.received.length;
    const outcome = await port.provision!(customer({ count: 6 }));
    expect(outcome).toMatchObject({ orders: [{ status: 'PENDING', numbers: [] }], services: [], owned: [] });
    const orderId = outcome.orders[0]!.providerRef!;
    await sim.drain();
    const callback = receiver.received.slice(at).find((r) => r.path.startsWith('/webhooks/delacon/orders'))!;
    expect(Object.fromEntries(new URLSearchParams(callback.body))).toMatchObject({ OrderID: orderId, Result: 'OK' });
  });

  it('FAIL: out of stock gives a failed order', async () => {
    sim.setStock('NEW_ZEALAND', '09', 0);
    const outcome = await port.provision!(customer({ region: 'NEW_ZEALAND', numberType: '09', terminationNumber: '+6493001234', count: 1 }));
    expect(outcome.orders).toEqual([{ status: 'FAILED', providerRef: expect.any(String), numbers: [], message: expect.stringContaining('could not be processed'), providerStatus: 'FAIL' }]);
  });

  it('INVALID: Delacon message as a user error on the field it names', async () => {
    await expect(port.provision!(customer({ numberType: '0120' }))).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      field: ['delacon', 'numberType'],
      message: 'Delacon rejected the request: Data validation failed - numberType 0120 is not offered in Australia',
    });
    await expect(port.provision!({ provider: 'DELACON', delacon: { companyId: '424242', count: 1 } })).rejects.toMatchObject({ field: ['delacon', 'companyId'] });
  });

  it('LOGIN_FAILED: an upstream auth failure', async () => {
    const bad = delaconModule.create({ ...sim.live, authToken: 'wrong' }, deps);
    await expect(bad.provision!(customer())).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_AUTH_FAILED });
  });

  it.each([
    ['no delacon input', { provider: 'DELACON' } as ProvisionRequest, ['delacon'], ErrorCode.VALIDATION_FAILED],
    ['0 numbers', customer({ count: 0 }), ['delacon', 'count'], ErrorCode.VALIDATION_FAILED],
    ['11 numbers', customer({ count: 11 }), ['delacon', 'count'], ErrorCode.VALIDATION_FAILED],
    ['2.5 numbers', customer({ count: 2.5 }), ['delacon', 'count'], ErrorCode.VALIDATION_FAILED],
    ['an unknown region', customer({ region: 'MARS' as never }), ['delacon', 'region'], ErrorCode.VALIDATION_FAILED],
    ['no number type', customer({ numberType: undefined }), ['delacon', 'numberType'], ErrorCode.VALIDATION_FAILED],
    ['no business name', customer({ businessName: ' ' }), ['delacon', 'businessName'], ErrorCode.VALIDATION_FAILED],
    ['no region for a new customer', customer({ region: undefined }), ['delacon', 'region'], ErrorCode.VALIDATION_FAILED],
    ['a bad e-mail', customer({ email: 'desk at bondi' }), ['delacon', 'email'], ErrorCode.VALIDATION_FAILED],
    ['a bad summary e-mail', customer({ orderSummaryEmail: 'x@' }), ['delacon', 'orderSummaryEmail'], ErrorCode.VALIDATION_FAILED],
    ['terms not accepted', customer({ acceptTerms: false }), ['delacon', 'acceptTerms'], ErrorCode.VALIDATION_FAILED],
    ['an invalid termination number', customer({ terminationNumber: '+6129' }), ['delacon', 'terminationNumber'], ErrorCode.INVALID_NUMBER],
    ['a termination number abroad', customer({ terminationNumber: '+442079460000' }), ['delacon', 'terminationNumber'], ErrorCode.INVALID_NUMBER],
    ['a company id that is not one', { provider: 'DELACON', delacon: { companyId: 'abc', count: 1 } } as ProvisionRequest, ['delacon', 'companyId'], ErrorCode.VALIDATION_FAILED],
    ['a company id of 21 digits', { provider: 'DELACON', delacon: { companyId: '1'.repeat(21), count: 1 } } as ProvisionRequest, ['delacon', 'companyId'], ErrorCode.VALIDATION_FAILED],
  ])('refuses %s before calling Delacon', async (_name, request, field, code) => {
    await expect(port.provision!(request)).rejects.toMatchObject({ code, field });
    expect(sent()).toEqual([]);
  });
});

describe('updateService', () => {
  const update = (delacon: object, serviceRef = sim.seed.companyId) => port.updateService!({ provider: 'DELACON', serviceRef, delacon });

  it('sends the settings in one request and each billing flag alone', async () => {
    const outcome = await update({ businessName: 'Harbour Plumbing & Gas', transferType: 'TRANSFER_ONLY', transferTimeSeconds: 999, callRecording: false, ivr: true });
    expect(sent().map((r) => r.params)).toEqual([{ BusinessName: 'Harbour Plumbing & Gas', xfertype: '2', xfertime: '999' }, { CallRecording: 'N' }, { IVR: 'Y' }]);
    expect(outcome.parts).toEqual([
      { fields: ['businessName', 'transferType', 'transferTimeSeconds'], applied: true, pending: false, message: 'Customer details updated' },
      { fields: ['callRecording'], applied: true, pending: false, message: 'CallRecording disabled for customer, CallRecording Provisioned:Yes' },
      { fields: ['ivr'], applied: true, pending: false, message: 'IVR enabled for customer, IVR Provisioned:Yes' },
    ]);
    expect(outcome.service).toMatchObject({
      providerRef: sim.seed.companyId,
      name: 'Harbour Plumbing & Gas',
      recording: false,
      settings: { businessName: 'Harbour Plumbing & Gas', transferType: 'TRANSFER_ONLY', transferTimeSeconds: '999', callRecording: 'false', ivr: 'true' },
    });
    expect(sim.company(sim.seed.companyId)!.params).toMatchObject({ BusinessName: 'Harbour Plumbing & Gas', xfertype: '2' });
    expect(sim.company(sim.seed.companyId)!.enabled.has('CallRecording')).toBe(false);
  });

  it('reports a feature that is not provisioned and still applies the other parts', async () => {
    const { orders } = await port.provision!(customer({ features: [], count: 1 }));
    const cid = orders[0]!.serviceRef!;
    const outcome = await update({ musicOnHold: true, callFeedbackSurvey: true, ivr: false }, cid);
    expect(sent().slice(-3).map((r) => r.params)).toEqual([{ moh: 'Y' }, { CallFeedbackSurevy: 'Y' }, { IVR: 'N' }]);
    expect(outcome.parts).toEqual([
      { fields: ['musicOnHold'], applied: true, pending: false, message: 'Customer details updated' },
      { fields: ['callFeedbackSurvey'], applied: false, pending: false, code: ErrorCode.FEATURE_NOT_PROVISIONED, message: expect.stringMatching(/^CallFeedbackSurvey is not provisioned/) },
      { fields: ['ivr'], applied: false, pending: false, code: ErrorCode.FEATURE_NOT_PROVISIONED, message: expect.stringMatching(/^IVR is not provisioned/) },
    ]);
    expect(outcome.service!.settings).toEqual({ musicOnHold: 'true' });
  });

  it('with nothing applied there is no service, only the parts', async () => {
    const outcome = await update({ callRecording: true }, '424242');
    expect(outcome).toEqual({ service: undefined, parts: [{ fields: ['callRecording'], applied: false, pending: false, code: ErrorCode.PROVIDER_REJECTED, message: 'Delacon could not process the request: Customer 424242 not found' }] });
  });

  it('an auth failure before anything is applied is thrown', async () => {
    const bad = delaconModule.create({ ...sim.live, authToken: 'wrong' }, deps);
    await expect(bad.updateService!({ provider: 'DELACON', serviceRef: sim.seed.companyId, delacon: { whisper: true, ivr: true } })).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_AUTH_FAILED });
  });

  it('an infrastructure failure after a part was applied is reported, and the rest is not sent', async () => {
    // A Delacon that applies the first request and then goes away.
    let calls = 0;
    const flaky = await startReceiver(() => (++calls === 1 ? { status: 200, body: { RESULT: 'OK', MESSAGE: 'done' } } : { status: 502, body: '' }));
    try {
      const flakyPort = delaconModule.create({ authToken: 'k', baseUrl: flaky.url }, deps);
      const outcome = await flakyPort.updateService!({ provider: 'DELACON', serviceRef: '7', delacon: { dnis: true, callRecording: true, ivr: true } });
      expect(flaky.received).toHaveLength(2);
      expect(outcome.parts).toEqual([
        { fields: ['dnis'], applied: true, pending: false, message: 'done' },
        { fields: ['callRecording'], applied: false, pending: false, code: ErrorCode.UPSTREAM_UNAVAILABLE, message: expect.stringContaining('may not have been applied') },
        { fields: ['ivr'], applied: false, pending: false, code: ErrorCode.UPSTREAM_UNAVAILABLE, message: 'Not sent: an earlier part failed at Delacon' },
      ]);
      expect(outcome.service!.settings).toEqual({ dnis: 'true' });
    } finally {
      await flaky.close();
    }
  });

  it.each([
    ['a service ref that is not a company id', {}, 'x1', ['serviceRef'], ErrorCode.VALIDATION_FAILED],
    ['a company id of 21 digits', {}, '1'.repeat(21), ['serviceRef'], ErrorCode.VALIDATION_FAILED],
    ['nothing to update', {}, undefined, ['delacon'], ErrorCode.VALIDATION_FAILED],
    ['an SMS of 161 characters', { smsMessage: 'x'.repeat(161) }, undefined, ['delacon', 'smsMessage'], ErrorCode.VALIDATION_FAILED],
    ['a transfer time of 1000 s', { transferTimeSeconds: 1000 }, undefined, ['delacon', 'transferTimeSeconds'], ErrorCode.VALIDATION_FAILED],
    ['a bad e-mail', { email: 'nope' }, undefined, ['delacon', 'email'], ErrorCode.VALIDATION_FAILED],
    ['an empty business name', { businessName: '' }, undefined, ['delacon', 'businessName'], ErrorCode.VALIDATION_FAILED],
    ['a bad termination number', { terminationNumber: '0298765432' }, undefined, ['delacon', 'terminationNumber'], ErrorCode.INVALID_NUMBER],
    ['a bad 1300 number', { oneThreeHundredNumber: '0298765432' }, undefined, ['delacon', 'oneThreeHundredNumber'], ErrorCode.INVALID_NUMBER],
  ])('refuses %s before calling Delacon', async (_name, delacon, ref, field, code) => {
    await expect(update(delacon, ref)).rejects.toMatchObject({ code, field });
    expect(sent()).toEqual([]);
  });

  it('INVALID from Delacon becomes the part outcome on the field it names', async () => {
    // The seeded company is Australian: a New Zealand number passes our check but not Delacon's.
    const outcome = await update({ terminationNumber: '+6493001234', smsMessage: 'Thanks for calling' });
    expect(outcome.parts).toEqual([
      { fields: ['terminationNumber', 'smsMessage'], applied: false, pending: false, code: ErrorCode.VALIDATION_FAILED, message: expect.stringContaining('TerminationNumber') },
    ]);
  });
});

describe('the client against the simulator', () => {
  it('sees the one-billing-flag rule that the port works around', async () => {
    const client = new DelaconClient(sim.live, deps);
    await expect(client.updateCustomer(sim.seed.companyId, { CallRecording: 'Y', moh: 'Y' })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      message: 'Delacon rejected the request: Data validation failed – invalid parameters for update',
    });
  });
});

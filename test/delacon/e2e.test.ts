/**
 * Delacon end to end: GraphQL and webhooks through the real gateway, against the sandbox
 * Delacon simulator (whose `requests` show what reached "Delacon").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DelaconSimulator } from '../../src/datasources/delacon/simulator.js';
import { partsOf, toE164 } from '../../src/domain/phone.js';
import {
  CallEventsDocument,
  DelaconNumberTypesDocument,
  DelaconOnCallEventDocument,
  DelaconOnOrderUpdatedDocument,
  DelaconOrderDocument,
  DelaconProvisionDocument,
  DelaconUpdateServiceDocument,
  OnNumberUpdatedDocument,
  OnOrderUpdatedDocument,
  SimulateIncomingCallDocument,
  type DelaconProvisionInput,
  type DelaconServiceUpdateInput,
} from '../generated/graphql.js';
import { WEBHOOK_TOKEN, startTestGateway, subscribe, type TestGateway } from '../helpers/gateway.js';
import { fixture } from './helpers.js';

let gw: TestGateway;
let sim: DelaconSimulator;

beforeAll(async () => {
  gw = await startTestGateway();
  sim = gw.running.registry.entry('DELACON').simulator as DelaconSimulator;
});
afterAll(async () => {
  await gw?.close();
});

const newCustomer = (over: Partial<DelaconProvisionInput> = {}): DelaconProvisionInput => ({
  businessName: 'Bondi Dental',
  businessCategory: 'Dentist',
  email: 'desk@bondidental.example',
  terminationNumber: '+61293001234',
  businessId: '0293001200',
  features: ['CALL_FEEDBACK_SURVEY'],
  region: 'AUSTRALIA',
  numberType: '1300',
  count: 2,
  orderSummaryEmail: 'orders@bondidental.example',
  acceptTerms: true,
  ...over,
});

const provision = async (delacon: DelaconProvisionInput) => (await gw.request(DelaconProvisionDocument, { input: { provider: 'DELACON', delacon } })).provisionNumbers;
const update = async (serviceRef: string, delacon: DelaconServiceUpdateInput) =>
  (await gw.request(DelaconUpdateServiceDocument, { input: { provider: 'DELACON', serviceRef, delacon } })).updateService;
/** Requests the simulator received from now on. */
const requestsSince = (count: number) => sim.requests.slice(count);
const settings = (list: Array<{ key: string; value: string }>) => Object.fromEntries(list.map((s) => [s.key, s.value]));

/** A raw webhook, as Delacon sends it (its samples are not always valid JSON). */
async function deliver(event: 'calls' | 'orders', body: string, contentType = 'application/json'): Promise<{ status: number; text: string }> {
  const res = await fetch(`${gw.url}/webhooks/delacon/${event}?token=${WEBHOOK_TOKEN}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, text: await res.text() };
}

describe('numberTypes', () => {
  it("answers the region's types from Delacon, then from the cache", async () => {
    const before = sim.requests.length;
    const { numberTypes } = await gw.request(DelaconNumberTypesDocument, { region: 'AUSTRALIA' });
    expect(numberTypes).toEqual([
      { key: '02', description: '02 Sydney', region: 'en-au' },
      { key: '03', description: '03 Melbourne', region: 'en-au' },
      { key: '1300', description: '1300 Local Rate Number', region: 'en-au' },
      { key: '1800', description: '1800 Freecall Number', region: 'en-au' },
    ]);
    expect((await gw.request(DelaconNumberTypesDocument, { region: 'AUSTRALIA' })).numberTypes).toEqual(numberTypes);
    expect((await gw.request(DelaconNumberTypesDocument, { region: 'HONG_KONG' })).numberTypes.map((t) => t.key)).toEqual(['800', '3']);
    expect(requestsSince(before).map((r) => r.path)).toEqual(['/rest/config/getnumbertypes/Australia', '/rest/config/getnumbertypes/Hong%20Kong']);
  });
});

describe('provisionNumbers', () => {
  it('OK: a COMPLETED order with E.164 numbers and the company as its Service', async () => {
    const before = sim.requests.length;
    const { orders, userErrors } = await provision(newCustomer());
    expect(userErrors).toEqual([]);
    const [order] = orders;
    expect(order).toMatchObject({ provider: 'DELACON', kind: 'PROVISION', status: 'COMPLETED', history: [{ status: 'COMPLETED' }] });
    expect(order!.numbers).toEqual([expect.stringMatching(/^\+611300\d{6}$/), expect.stringMatching(/^\+611300\d{6}$/)]);
    const cid = order!.serviceRef!;
    expect(order!.message).toBe(`Delacon provisioned 2 number(s) for company ${cid}`);
    expect(order!.service).toMatchObject({ provider: 'DELACON', providerRef: cid, name: 'Bondi Dental', numbers: order!.numbers, destination: '+61293001234', recording: false });
    expect(settings(order!.service!.settings)).toMatchObject({ businessCategory: 'Dentist', region: 'AUSTRALIA', numberType: '1300', features: 'CALL_FEEDBACK_SURVEY' });

    // What Delacon received: one form, national termination number, vendor spellings.
    const sent = requestsSince(before);
    expect(sent).toEqual([
      {
        path: '/rest/config/provision',
        params: {
          BusinessName: 'Bondi Dental',
          BusCat: 'Dentist',
          EmailAddress: 'desk@bondidental.example',
          TerminationNumber: '0293001234',
          BusID: '0293001200',
          features: 'CallFeedbackSurvey',
          region: 'Australia',
          numberType: '1300',
          numbers: '2',
          orderSummaryEmail: 'orders@bondidental.example',
          termsCheck: 'on',
        },
      },
    ]);
    expect(sim.company(cid)!.numbers.map((n) => toE164(n, 'AU'))).toEqual(order!.numbers);
  });

  it('WAIT: a PENDING order, completed by the Post Provisioning Response with its numbers (E.164) and company, on orderUpdated, numberUpdated and order(id)', async () => {
    const sub = subscribe(gw.ws(), DelaconOnOrderUpdatedDocument, { filter: { provider: 'DELACON', status: 'COMPLETED' } });
    const numberSub = subscribe(gw.ws(), OnNumberUpdatedDocument, { filter: { provider: 'DELACON', status: 'ACTIVE' } });
    await Promise.all([sub.ready, numberSub.ready]);
    const { orders, userErrors } = await provision(newCustomer({ businessName: 'Coogee Cafe', numberType: '02', count: 6 }));
    expect(userErrors).toEqual([]);
    const pending = orders[0]!;
    expect(pending).toMatchObject({ status: 'PENDING', numbers: [], serviceRef: null, providerStatus: 'WAIT', message: expect.stringContaining('is received') });

    const { orderUpdated: done } = await sub.next(10_000);
    sub.stop();
    expect(done).toMatchObject({ id: pending.id, status: 'COMPLETED', providerRef: pending.providerRef, providerStatus: 'OK' });
    expect(done.message).toMatch(new RegExp(`^Order ${pending.providerRef} is complete: company \\d+, numbers (028074\\d{4}(, )?){6}$`));
    expect(done.history.map((h) => h.status)).toEqual(['PENDING', 'COMPLETED']);
    // The numbers the message names, nationally, as E.164 of the order's country; the company as its Service.
    const cid = done.serviceRef!;
    expect(cid).toMatch(/^\d+$/);
    expect(done.numbers).toEqual(sim.company(cid)!.numbers.map((n) => toE164(n, 'AU')));
    expect(done.numbers).toHaveLength(6);
    expect(done.numbers.every((n) => /^\+61280 ?74\d{4}$/.test(n))).toBe(true);
    expect(done.service).toMatchObject({ provider: 'DELACON', providerRef: cid, numbers: done.numbers });
    const read = (await gw.request(DelaconOrderDocument, { id: pending.id })).order;
    expect(read).toMatchObject({ status: 'COMPLETED', message: done.message, numbers: done.numbers, serviceRef: cid, service: { providerRef: cid, numbers: done.numbers } });
    // numberUpdated told of each of them before the order.
    const published = new Set<string>();
    while (published.size < 6) {
      const { numberUpdated: n } = await numberSub.next(5_000);
      if (done.numbers.includes(n.e164)) published.add(n.e164);
    }
    numberSub.stop();

    const receipts = await gw.running.store.receipts.list('DELACON', 'orders');
    expect(receipts.filter((r) => r.event_key === `${pending.providerRef}:OK`).map((r) => r.status)).toContain('applied');
  });

  it.each([
    ['JAPAN', '03', '+81312345678', 'numbersInMessage'],
    ['NEW_ZEALAND', '09', '+6493001234', 'fields'],
    ['UNITED_KINGDOM', '020', '+442079460000', 'numbersInMessage'],
  ] as const)('WAIT in %s: the numbers the response names are read in the region’s country (%s)', async (region, numberType, terminationNumber, orderResult) => {
    sim.variants.orderResult = orderResult;
    try {
      const sub = subscribe(gw.ws(), DelaconOnOrderUpdatedDocument, { filter: { provider: 'DELACON', status: 'COMPLETED' } });
      await sub.ready;
      const { orders } = await provision(newCustomer({ region, numberType, terminationNumber, businessId: partsOf(terminationNumber).national, count: 6, features: [] }));
      const pending = orders[0]!;
      let done = (await sub.next(10_000)).orderUpdated;
      while (done.id !== pending.id) done = (await sub.next(10_000)).orderUpdated;
      sub.stop();
      const country = partsOf(terminationNumber).country;
      expect(done.numbers).toHaveLength(6);
      expect(done.numbers.map((n) => partsOf(n).country)).toEqual(Array(6).fill(country));
      expect(done.numbers).toEqual(sim.company(done.serviceRef!)!.numbers.map((n) => toE164(n, country as never)));
      expect(done.service).toMatchObject({ providerRef: done.serviceRef, numbers: done.numbers });
    } finally {
      sim.variants.orderResult = 'numbersInMessage';
    }
  });

  it('WAIT whose response names no numbers: COMPLETED with none, nothing guessed', async () => {
    sim.variants.orderResult = 'messageOnly';
    try {
      const sub = subscribe(gw.ws(), DelaconOnOrderUpdatedDocument, { filter: { provider: 'DELACON', status: 'COMPLETED' } });
      await sub.ready;
      const pending = (await provision(newCustomer({ numberType: '02', count: 6 }))).orders[0]!;
      let done = (await sub.next(10_000)).orderUpdated;
      while (done.id !== pending.id) done = (await sub.next(10_000)).orderUpdated;
      sub.stop();
      expect(done).toMatchObject({ status: 'COMPLETED', numbers: [], serviceRef: null, service: null, message: expect.stringContaining('sent by e-mail') });
    } finally {
      sim.variants.orderResult = 'numbersInMessage';
    }
  });

  it("FAIL: a FAILED order carrying Delacon's message", async () => {
    sim.setStock('AUSTRALIA', '1800', 1);
    const { orders, userErrors } = await provision(newCustomer({ numberType: '1800', count: 2 }));
    expect(userErrors).toEqual([]);
    expect(orders).toEqual([
      expect.objectContaining({
        status: 'FAILED',
        numbers: [],
        message: 'Your order for new/additional numbers could not be processed. Our support will look to serve your order.',
      }),
    ]);
    expect((await gw.request(DelaconOrderDocument, { id: orders[0]!.id })).order?.status).toBe('FAILED');
  });

  it("INVALID: a userError with Delacon's message, pointing at the field it names", async () => {
    const { orders, userErrors } = await provision(newCustomer({ numberType: '0120' }));
    expect(orders).toEqual([]);
    expect(userErrors).toEqual([
      { code: 'VALIDATION_FAILED', field: ['input', 'delacon', 'numberType'], message: 'Delacon rejected the request: Data validation failed - numberType 0120 is not offered in Australia' },
    ]);
  });

  it('refuses bad input before any call to Delacon', async () => {
    const before = sim.requests.length;
    for (const count of [0, 11]) {
      expect((await provision(newCustomer({ count }))).userErrors).toEqual([{ code: 'VALIDATION_FAILED', field: ['input', 'delacon', 'count'], message: 'Delacon orders take 1 to 10 numbers' }]);
    }
    expect((await provision(newCustomer({ terminationNumber: '+442079460000' }))).userErrors).toEqual([
      { code: 'INVALID_NUMBER', field: ['input', 'delacon', 'terminationNumber'], message: '+442079460000 is not a number in Australia (Delacon takes it in national form)' },
    ]);
    expect((await update(sim.seed.companyId, { smsMessage: 'x'.repeat(161) })).userErrors).toEqual([
      { code: 'VALIDATION_FAILED', field: ['input', 'delacon', 'smsMessage'], message: 'The SMS message is at most 160 characters' },
    ]);
    expect((await update(sim.seed.companyId, { whisper: true, transferTimeSeconds: 1000 })).userErrors).toEqual([
      { code: 'VALIDATION_FAILED', field: ['input', 'delacon', 'transferTimeSeconds'], message: 'The transfer time is 0 to 999 seconds' },
    ]);
    expect(sim.requests.length).toBe(before);
  });

  it('orders more numbers for an existing company and adds them to its Service', async () => {
    const cid = sim.seed.companyId;
    const first = await provision({ companyId: cid, count: 2 });
    expect(first.userErrors).toEqual([]);
    expect(first.orders[0]).toMatchObject({ status: 'COMPLETED', serviceRef: cid, numbers: [expect.stringMatching(/^\+6128074\d{4}$/), expect.stringMatching(/^\+6128074\d{4}$/)] });
    expect(sim.requests.at(-1)).toEqual({ path: '/rest/config/provision', params: { companyID: cid, numbers: '2' } });

    const second = await provision({ companyId: cid, count: 1 });
    const numbers = [...first.orders[0]!.numbers, ...second.orders[0]!.numbers];
    expect(second.orders[0]!.service).toMatchObject({ providerRef: cid, numbers });
    expect(sim.company(cid)!.numbers).toHaveLength(2 + 3);
  });
});

describe('updateService', () => {
  it('splits billing flags into their own calls and reports every part', async () => {
    const { orders } = await provision(newCustomer({ businessName: 'Manly Physio', features: ['CALL_FEEDBACK_SURVEY'], count: 1 }));
    const cid = orders[0]!.serviceRef!;
    const before = sim.requests.length;

    const result = await update(cid, {
      businessName: 'Manly Physio & Pilates',
      whisper: true,
      transferType: 'TRANSFER_AND_EMAIL',
      transferTimeSeconds: 30,
      callRecording: true,
      callFeedbackSurvey: false,
    });

    expect(requestsSince(before)).toEqual([
      { path: `/rest/config/updatecustomer/${cid}`, params: { BusinessName: 'Manly Physio & Pilates', whisper: 'Y', xfertype: '3', xfertime: '30' } },
      { path: `/rest/config/updatecustomer/${cid}`, params: { CallRecording: 'Y' } },
      { path: `/rest/config/updatecustomer/${cid}`, params: { CallFeedbackSurevy: 'N' } },
    ]);
    const notProvisioned = 'CallRecording is not provisioned for this company at Delacon: ask Delacon to provision it first';
    expect(result.parts).toEqual([
      { fields: ['businessName', 'whisper', 'transferType', 'transferTimeSeconds'], applied: true, pending: false, code: null, message: 'Customer details updated' },
      { fields: ['callRecording'], applied: false, pending: false, code: 'FEATURE_NOT_PROVISIONED', message: notProvisioned },
      { fields: ['callFeedbackSurvey'], applied: true, pending: false, code: null, message: 'CallFeedbackSurvey disabled for customer, CallFeedbackSurvey Provisioned:Yes' },
    ]);
    expect(result.userErrors).toEqual([{ code: 'FEATURE_NOT_PROVISIONED', field: ['input', 'delacon', 'callRecording'], message: notProvisioned }]);
    // The service shows what was applied, and only that.
    expect(result.service).toMatchObject({ providerRef: cid, name: 'Manly Physio & Pilates', recording: false });
    expect(settings(result.service!.settings)).toMatchObject({ whisper: 'true', transferType: 'TRANSFER_AND_EMAIL', transferTimeSeconds: '30', callFeedbackSurvey: 'false' });
    expect(settings(result.service!.settings)).not.toHaveProperty('callRecording');
    expect(sim.company(cid)).toMatchObject({ params: { BusinessName: 'Manly Physio & Pilates', xfertype: '3' }, enabled: new Set() });
  });
});

describe('calls', () => {
  it('delivers a simulated call on callEvents: start, then the end merged into the same CallEvent', async () => {
    const to = sim.seed.numbers[0]!;
    const sub = subscribe(gw.ws(), DelaconOnCallEventDocument, { filter: { number: to } });
    await sub.ready;
    // A Sydney landline: Delacon gives the caller's exchange, city and state for landline calls.
    const { simulateIncomingCall } = await gw.request(SimulateIncomingCallDocument, { input: { from: '+61298761234', to, outcome: 'ANSWERED', durationSeconds: 42 } });
    expect(simulateIncomingCall.provider).toBe('DELACON');
    const callId = simulateIncomingCall.providerCallId!;

    const { callEvents: ringing } = await sub.next(10_000);
    // PLA_CID is the Delacon Service ID, its own id here: the seeded company is not one the gateway stored, so no serviceRef.
    expect(ringing).toMatchObject({ providerCallId: callId, status: 'RINGING', from: '+61298761234', to, serviceRef: null, providerServiceId: sim.company(sim.seed.companyId)!.serviceId, serviceName: 'Harbour Plumbing' });
    expect(ringing.durationSeconds).toBeNull();

    const { callEvents: ended } = await sub.next(10_000);
    sub.stop();
    const recording = `${sim.baseUrl}/site/report/playrecording.jsp?callid=${callId}`;
    expect(ended).toMatchObject({
      id: ringing.id,
      status: 'ANSWERED',
      from: '+61298761234',
      to,
      answeredBy: '+61298765432',
      durationSeconds: 42,
      voicemailLeft: false,
      conversion: 'ONLINE',
      surveyOutcome: 'Enquiry',
      ivrChoice: 'Sales',
      recordingUrl: recording,
      recordingStreamUrl: `${recording}&mode=direct`,
      callerLocation: { exchange: 'Sydney', city: 'Sydney', state: 'NSW' },
      attribution: {
        searchEngine: 'Google',
        searchType: 'Paid',
        referrer: 'https://www.google.com/',
        landingPage: `https://www.example.com/?gclid=sandbox${callId}`,
        pageCalledFrom: 'https://www.example.com/contact-us',
        sessionId: `sess${callId}`,
        gaClientId: '123456.4567',
      },
    });
    expect(Date.parse(ended.startedAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(Object.keys(ended.raw).sort()).toEqual(['end', 'start']);
  });

  it.each([
    ['VOICEMAIL', 20],
    ['MISSED', 0],
    ['BUSY', 0],
    // FAILED: Delacon reports only answered, unanswered or busy (test/delacon/simulator.test.ts).
  ] as const)('a %s call ends so, without answering point or recording', async (outcome, seconds) => {
    const to = sim.seed.numbers[1]!;
    const sub = subscribe(gw.ws(), DelaconOnCallEventDocument, { filter: { number: to, status: outcome } });
    await sub.ready;
    await gw.request(SimulateIncomingCallDocument, { input: { from: '+61298760000', to, outcome, durationSeconds: null } });
    const { callEvents: call } = await sub.next(10_000);
    sub.stop();
    expect(call).toMatchObject({ status: outcome, durationSeconds: seconds, voicemailLeft: outcome === 'VOICEMAIL', answeredBy: null, recordingUrl: null, conversion: 'OFFLINE' });
  });
});

describe('calls in every region Delacon sells in', () => {
  // A local number type and a termination number of each region: the push names both nationally.
  const regions = [
    ['AUSTRALIA', '02', '+61293001234'],
    ['CHINA', '010', '+862150001234'],
    ['HONG_KONG', '3', '+85221234567'],
    ['JAPAN', '03', '+81312345678'],
    ['NEW_ZEALAND', '09', '+6493001234'],
    ['SINGAPORE', '6', '+6561234567'],
    ['UNITED_KINGDOM', '020', '+442079460000'],
    ['UNITED_STATES', '212', '+12127365000'],
  ] as const;

  it.each(regions)('%s: the tracking number and answering point are read in the company’s country, the call linked to it, endedAt = start + duration', async (region, numberType, terminationNumber) => {
    const { orders } = await provision(newCustomer({ region, numberType, terminationNumber, businessId: partsOf(terminationNumber).national, count: 1, features: [] }));
    const { serviceRef: cid, numbers: [to] } = orders[0]!;
    const sub = subscribe(gw.ws(), DelaconOnCallEventDocument, { filter: { number: to!, status: 'ANSWERED' } });
    await sub.ready;
    await gw.request(SimulateIncomingCallDocument, { input: { from: '+61298760000', to: to!, outcome: 'ANSWERED', durationSeconds: 30 } });
    const { callEvents: call } = await sub.next(10_000);
    sub.stop();
    // PLA_CID is the simulator's own service id, not the company id: the call is linked by its tracking number.
    expect(call).toMatchObject({ to, answeredBy: terminationNumber, serviceRef: cid, providerServiceId: expect.stringMatching(/^\d{7}$/), serviceCategory: 'Dentist', websiteNumber: terminationNumber });
    expect(call.providerServiceId).not.toBe(cid);
    expect(Date.parse(call.endedAt!) - Date.parse(call.startedAt!)).toBe(30_000);
  });

  it('links by PLA_CID too, when Delacon sends the company id there (the other reading of "Service ID")', async () => {
    const { orders } = await provision(newCustomer({ region: 'JAPAN', numberType: '03', terminationNumber: '+81312345678', count: 1, features: [] }));
    const { serviceRef: cid, numbers: [to] } = orders[0]!;
    sim.variants.serviceIds = 'companyId';
    try {
      const sub = subscribe(gw.ws(), DelaconOnCallEventDocument, { filter: { number: to!, status: 'ANSWERED' } });
      await sub.ready;
      await gw.request(SimulateIncomingCallDocument, { input: { from: '+61298760000', to: to!, outcome: 'ANSWERED', durationSeconds: 5 } });
      const { callEvents: call } = await sub.next(10_000);
      sub.stop();
      expect(call).toMatchObject({ to, answeredBy: '+81312345678', serviceRef: cid, providerServiceId: cid });
    } finally {
      sim.variants.serviceIds = 'own';
    }
  });
});

describe('/webhooks/delacon/calls', () => {
  // The vendor's samples, under a call id of their own.
  const callId = '77000001';
  const start = fixture('call-start.json').replace('1122334', callId);
  const end = fixture('call-end.txt').replace('1122334', callId);
  const ok = `{"PLA_Call_Id":"${callId}","success":"true","error":""}`;

  it('merges an end that arrives before its start into one call; a duplicate changes nothing', async () => {
    const sub = subscribe(gw.ws(), DelaconOnCallEventDocument, { filter: { provider: 'DELACON' } });
    await sub.ready;

    expect(await deliver('calls', end)).toEqual({ status: 200, text: ok });
    const { callEvents: first } = await sub.next();
    expect(first).toMatchObject({ providerCallId: callId, status: 'ANSWERED', durationSeconds: 50, from: null, answeredByName: '029898989' });

    expect(await deliver('calls', start)).toEqual({ status: 200, text: ok });
    const { callEvents: merged } = await sub.next();
    expect(merged).toMatchObject({
      id: first.id,
      status: 'ANSWERED',
      durationSeconds: 50,
      from: '+61444444444',
      to: '+61288889999',
      startedAt: '2019-05-02T00:12:17.003Z',
      conversion: 'ONLINE',
      recordingUrl: 'https://pla.delaconcorp.com......abc.wav',
      attribution: { sessionId: 'Cuei212417iiyskskiidfsikks', landingPage: 'https://www.delaconconcorp.com.au?gclid=C152ddsa12213123132' },
    });

    expect(await deliver('calls', start)).toEqual({ status: 200, text: ok });
    expect(await sub.drain(300)).toEqual([]);
    sub.stop();

    const listed = (await gw.request(CallEventsDocument, { filter: { provider: 'DELACON' } })).callEvents.edges.filter((e) => e.node.providerCallId === callId);
    expect(listed.map((e) => e.node)).toEqual([expect.objectContaining({ id: first.id, from: '+61444444444', durationSeconds: 50 })]);
    const receipts = await gw.running.store.receipts.list('DELACON', 'calls');
    expect(receipts.filter((r) => r.event_key?.startsWith(`${callId}:`)).map((r) => [r.event_key, r.status])).toEqual([
      [`${callId}:end`, 'applied'],
      [`${callId}:start`, 'applied'],
      [`${callId}:start`, 'duplicate'],
    ]);
  });

  it('answers a bad payload success "false" with the reason and the call id it could read, and keeps it', async () => {
    expect(await deliver('calls', '{"PLA_Call_Id":"77000002","PLA_Colour":"blue"}')).toEqual({
      status: 400,
      text: '{"PLA_Call_Id":"77000002","success":"false","error":"the payload is neither a call start nor a call end"}',
    });
    expect(await deliver('calls', '')).toEqual({ status: 400, text: '{"PLA_Call_Id":"","success":"false","error":"the body is empty"}' });
    const receipts = await gw.running.store.receipts.list('DELACON', 'calls');
    expect(receipts.find((r) => r.body.includes('PLA_Colour'))).toMatchObject({ status: 'rejected', reason: 'the payload is neither a call start nor a call end' });
  });
});

describe('/webhooks/delacon/orders', () => {
  it('answers an unknown order FAIL with a message and keeps the receipt; a redelivery is tried again, not taken for a duplicate', async () => {
    const body = 'OrderID=990001&Result=OK&Message=Your+order+990001+is+complete';
    const unknown = { status: 200, text: '{"RESULT":"FAIL","MESSAGE":"order 990001 is not known to this gateway"}' };
    expect(await deliver('orders', body, 'application/x-www-form-urlencoded')).toEqual(unknown);
    expect(await deliver('orders', body, 'application/x-www-form-urlencoded')).toEqual(unknown);
    const receipts = await gw.running.store.receipts.list('DELACON', 'orders');
    expect(receipts.filter((r) => r.body === body).map((r) => [r.event_key, r.status])).toEqual([
      ['990001:OK', 'unmatched'],
      ['990001:OK', 'unmatched'],
    ]);
  });
});

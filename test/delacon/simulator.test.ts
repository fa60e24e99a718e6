import { afterEach, describe, expect, it } from 'vitest';
import { delaconModule } from '../../src/datasources/delacon/module.js';
import type { DelaconRegion } from '../../src/datasources/delacon/inputs.js';
import { callPatch, REGIONS } from '../../src/datasources/delacon/mapping.js';
import { startDelaconSimulator, type DelaconSimulator } from '../../src/datasources/delacon/simulator.js';
import { webhookRoutes } from '../../src/datasources/delacon/webhooks.js';
import type { ProviderAdapter } from '../../src/datasources/provider.js';
import type { WebhookReply } from '../../src/webhooks/route.js';
import { fixture, log, startReceiver, webhookRequest, type Received, type Receiver } from './helpers.js';

const callsRoute = webhookRoutes().find((r) => r.event === 'calls')!;

const deps = { log, timeoutMs: 2_000, webhookUrl: () => '' };
let sim: DelaconSimulator;
let receiver: Receiver;

async function start(answer: (req: Received) => WebhookReply | Promise<WebhookReply> = () => ({ status: 200, body: { RESULT: 'ACCEPTED' } })): Promise<ProviderAdapter> {
  receiver = await startReceiver(answer);
  sim = (await delaconModule.startSimulator({ log, timeScale: 0.0005, webhookUrl: (event) => `${receiver.url}/webhooks/delacon/${event}?token=t` })) as DelaconSimulator;
  return delaconModule.create(sim.live, deps);
}

afterEach(async () => {
  await sim.close();
  await receiver.close();
});

/** A raw form POST, as Delacon receives it. */
async function wire(path: string, form: Record<string, string> = {}, auth = sim.live.authToken, method = 'POST'): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(sim.baseUrl + path, { method, headers: { Auth: auth, 'content-type': 'application/x-www-form-urlencoded' }, body: method === 'POST' ? new URLSearchParams(form) : undefined });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const customer = { BusinessName: 'Bondi Dental', BusCat: 'Dentist', EmailAddress: 'desk@bondi.example', TerminationNumber: '0293001234', region: 'Australia', numberType: '02', numbers: '1', termsCheck: 'on' };
const formOf = (req: Received) => Object.fromEntries(new URLSearchParams(req.body));

describe('the Delacon simulator', () => {
  it('checks the Auth header on every call', async () => {
    await start();
    for (const path of ['/rest/config/provision', `/rest/config/updatecustomer/${sim.seed.companyId}`, '/rest/config/getnumbertypes/Japan']) {
      expect(await wire(path, customer, 'nope')).toEqual({ status: 200, body: { RESULT: 'LOGIN_FAILED', MESSAGE: expect.any(String) } });
    }
    expect((await wire('/rest/config/nothing')).status).toBe(404);
    expect((await wire('/rest/config/provision', {}, sim.live.authToken, 'GET')).status).toBe(405);
  });

  it('answers number types for a region name, URL-encoded name or locale', async () => {
    await start();
    const japan = { Region: 'ja-jp', NumberTypes: [{ desc: '0120 Japan Toll Free Number', key: '0120' }, { desc: '03 Tokyo', key: '03' }] };
    expect((await wire('/rest/config/getnumbertypes/Japan')).body).toEqual(japan);
    expect((await wire('/rest/config/getnumbertypes/ja-jp')).body).toEqual(japan);
    expect((await wire('/rest/config/getnumbertypes/Hong%20Kong')).body).toMatchObject({ Region: 'zh-hk' });
    expect((await wire('/rest/config/getnumbertypes/united_kingdom')).body).toMatchObject({ Region: 'en-gb' });
    expect((await wire('/rest/config/getnumbertypes/Atlantis')).body).toEqual({ RESULT: 'FAIL', MESSAGE: 'Unknown location Atlantis' });
  });

  it('hands out valid numbers for every region and number type', async () => {
    const port = await start();
    for (const region of Object.keys(REGIONS) as DelaconRegion[]) {
      const types = await port.numberTypes!(region);
      expect(types.length).toBeGreaterThan(1);
      for (const { key } of types) {
        const delacon = { businessName: 'B', businessCategory: 'C', email: 'e@x.example', terminationNumber: TERMINATION[region], region, numberType: key, count: 1, acceptTerms: true };
        const { orders } = await port.provision!({ provider: 'DELACON', delacon });
        expect(orders[0], `${region} ${key}`).toMatchObject({ status: 'COMPLETED', numbers: [expect.any(String)] });
        // More numbers for that company, read with the region the caller names.
        const more = await port.provision!({ provider: 'DELACON', delacon: { companyId: orders[0]!.serviceRef!, region, count: 2 } });
        expect(more.orders[0]!.numbers, `${region} ${key}`).toHaveLength(2);
        expect([...orders[0]!.numbers, ...more.orders[0]!.numbers].every((n) => sim.owns(n) && n.startsWith(orders[0]!.numbers[0]!.slice(0, 3)))).toBe(true);
      }
    }
  });

  it.each([
    [{ numbers: '11' }, 'numbers must be between 1 and 10'],
    [{ BusinessName: '' }, 'BusinessName is required'],
    [{ EmailAddress: 'x' }, 'EmailAddress is not an e-mail address'],
    [{ region: 'Mars' }, 'region Mars is unknown'],
    [{ numberType: '0120' }, 'numberType 0120 is not offered in Australia'],
    [{ TerminationNumber: '12345' }, "TerminationNumber is not a national number of the customer's region"],
    [{ features: 'CallRecording,Fax' }, 'features must be CallFeedbackSurvey and/or CallRecording'],
    [{ termsCheck: 'off' }, 'termsCheck must be on'],
    [{ orderSummaryEmail: 'y' }, 'orderSummaryEmail is not an e-mail address'],
    [{ companyID: '1' }, 'companyID 1 is unknown'],
  ])('answers INVALID naming the parameter for %o', async (change, problem) => {
    await start();
    expect((await wire('/rest/config/provision', { ...customer, ...change })).body).toEqual({ RESULT: 'INVALID', MESSAGE: `Data validation failed - ${problem}` });
  });

  it('answers FAIL when the stock of a region and type is exhausted', async () => {
    await start();
    sim.setStock('AUSTRALIA', '02', 1);
    expect((await wire('/rest/config/provision', { ...customer, numbers: '2' })).body).toMatchObject({ RESULT: 'FAIL', OrderId: expect.any(String) });
    expect((await wire('/rest/config/provision', customer)).body).toMatchObject({ RESULT: 'OK' });
    expect((await wire('/rest/config/provision', customer)).body).toMatchObject({ RESULT: 'FAIL' });
  });

  it('answers more than 5 numbers WAIT and posts the result, 3 attempts until ACCEPTED', async () => {
    let attempts = 0;
    await start(() => ({ status: 200, body: { RESULT: ++attempts < 3 ? 'FAIL' : 'ACCEPTED' } }));
    const wait = (await wire('/rest/config/provision', { ...customer, numbers: '6' })).body;
    expect(wait).toEqual({ RESULT: 'WAIT', OrderId: expect.any(String), MESSAGE: expect.stringContaining('is received') });
    expect((await wire('/rest/config/provision', { ...customer, numbers: '5' })).body).toMatchObject({ RESULT: 'OK' });
    await sim.drain();
    expect(receiver.received).toHaveLength(3);
    const form = formOf(receiver.received[2]!);
    expect(receiver.received[2]!.path).toBe('/webhooks/delacon/orders?token=t');
    expect(form).toEqual({ OrderID: wait.OrderId, Result: 'OK', Message: expect.stringMatching(/^Order \d+ is complete: company \d+, numbers (028074\d{4}(, )?){6}$/) });
  });

  it('gives up after 3 attempts', async () => {
    await start(() => ({ status: 500, body: { RESULT: 'ACCEPTED' } }));
    await wire('/rest/config/provision', { ...customer, numbers: '7' });
    await sim.drain();
    expect(receiver.received).toHaveLength(3);
  });

  it('takes the stock of a WAIT order at completion, which can then FAIL', async () => {
    await start();
    const wait = (await wire('/rest/config/provision', { ...customer, numbers: '6' })).body;
    sim.setStock('AUSTRALIA', '02', 3);
    await sim.drain();
    expect(formOf(receiver.received[0]!)).toEqual({ OrderID: wait.OrderId, Result: 'FAIL', Message: `Order ${String(wait.OrderId)} could not be completed: no 02 numbers left in Australia` });
  });

  it('applies the Update Customer rules', async () => {
    await start();
    const plain = (await wire('/rest/config/provision', { ...customer, features: 'CallFeedbackSurvey' })).body;
    const update = async (form: Record<string, string>, cid = String(plain.CID)) => (await wire(`/rest/config/updatecustomer/${cid}`, form)).body;
    const combined = { RESULT: 'INVALID', MESSAGE: 'Data validation failed – invalid parameters for update' };
    expect(await update({ CallRecording: 'Y', whisper: 'Y' })).toEqual(combined);
    expect(await update({ CallRecording: 'Y', IVR: 'Y' })).toEqual(combined);
    expect(await update({ CallRecording: 'Y' })).toEqual({ RESULT: 'FAIL', MESSAGE: 'CallRecording Provisioned:No' });
    expect(await update({ CallFeedbackSurevy: 'N' })).toEqual({ RESULT: 'OK', MESSAGE: 'CallFeedbackSurvey disabled for customer, CallFeedbackSurvey Provisioned:Yes' });
    expect(await update({ CallFeedbackSurvey: 'Y' })).toEqual({ RESULT: 'OK', MESSAGE: 'CallFeedbackSurvey enabled for customer, CallFeedbackSurvey Provisioned:Yes' });
    expect(await update({ IVR: 'maybe' })).toEqual({ RESULT: 'INVALID', MESSAGE: 'Data validation failed - IVR must be Y or N' });
    expect(await update({ xfertime: '1000' })).toEqual({ RESULT: 'INVALID', MESSAGE: 'Data validation failed - xfertime must be a number of at most 3 digits' });
    expect(await update({ SMSmessage: 'x'.repeat(161) })).toMatchObject({ RESULT: 'INVALID', MESSAGE: 'Data validation failed - SMSmessage is longer than 160 characters' });
    expect(await update({ CallTrack: 'Some' })).toMatchObject({ RESULT: 'INVALID' });
    expect(await update({ Colour: 'blue' })).toEqual({ RESULT: 'INVALID', MESSAGE: 'Data validation failed - Colour is not a parameter for update' });
    expect(await update({})).toEqual({ RESULT: 'INVALID', MESSAGE: 'Data validation failed - no parameters for update' });
    expect(await update({ moh: 'Y' }, '9')).toEqual({ RESULT: 'FAIL', MESSAGE: 'Customer 9 not found' });
    expect(await update({ voicemal: 'Y', xfertype: '3', OneThreeHundredNumber: '1300123456', CallTrack: 'AllPaidOnly' })).toEqual({ RESULT: 'OK', MESSAGE: 'Customer details updated' });
    expect(sim.company(String(plain.CID))!.params).toMatchObject({ voicemal: 'Y', xfertype: '3' });
  });
});

describe('calls from the simulator', () => {
  it('posts call start, then call end, to the calls webhook', async () => {
    await start((req) => ({ status: 200, body: { PLA_Call_Id: JSON.parse(req.body).PLA_Call_Id, success: 'true', error: '' } }));
    const [to] = sim.seed.numbers;
    expect(sim.owns(to!)).toBe(true);
    const call = await sim.simulateIncomingCall({ to: to!, from: '+61412345678', outcome: 'ANSWERED', durationSeconds: 42 });
    await sim.drain();
    expect(receiver.received.map((r) => r.path)).toEqual(['/webhooks/delacon/calls?token=t', '/webhooks/delacon/calls?token=t']);
    const [begin, end] = receiver.received.map((r) => JSON.parse(r.body) as Record<string, string>);
    // A mobile caller: exchange, city and state are "valid for the landline calls" only.
    expect(begin).toMatchObject({ PLA_Call_Id: call.providerCallId, PLA_Caller_Phone_Number: '+61412345678', PLA_Number_Dialed: '0280740001', PLA_CID: sim.company(sim.seed.companyId)!.serviceId, PLA_Exchange: '', PLA_City: '', PLA_State: '' });
    expect(Object.keys(begin!)).toEqual([...Object.keys(JSON.parse(fixture('call-start.json'))), 'PLA_ExtraTracking']);
    expect(begin!.PLA_CallStartTime).toMatch(/^\d{20}$/);
    expect(end).toEqual({
      PLA_Call_Id: call.providerCallId,
      PLA_CID: sim.company(sim.seed.companyId)!.serviceId,
      PLA_Answering_Point: '0298765432',
      PLA_CallResult: 'Answered',
      PLA_Duration: '42s',
      PLA_VoicemailLeft: 'No',
      PLA_SurveyOutcome: 'Enquiry',
      PLA_SurveySaleAmount: '',
      PLA_Converted: 'Y',
      PLA_dtmf: 'Sales',
      PLA_RecordingFile: `${sim.baseUrl}/site/report/playrecording.jsp?callid=${call.providerCallId}`,
    });
  });

  it('sends a push again until the answer says success "true", 3 attempts', async () => {
    await start(() => ({ status: 200, body: { success: 'false' } }));
    await sim.simulateIncomingCall({ to: sim.seed.numbers[1]!, from: '+61298760000', outcome: 'MISSED' });
    await sim.drain();
    // The start is given up after 3 attempts; the end still follows.
    expect(receiver.received.map((r) => ('PLA_CallResult' in JSON.parse(r.body) ? 'end' : 'start'))).toEqual(['start', 'start', 'start', 'end', 'end', 'end']);
  });

  it('a landline caller comes with its exchange, city and state', async () => {
    await start((req) => ({ status: 200, body: { PLA_Call_Id: JSON.parse(req.body).PLA_Call_Id, success: 'true', error: '' } }));
    await sim.simulateIncomingCall({ to: sim.seed.numbers[0]!, from: '+61731234567', outcome: 'BUSY' });
    await sim.drain();
    const [begin, end] = receiver.received.map((r) => JSON.parse(r.body) as Record<string, string>);
    expect(begin).toMatchObject({ PLA_Exchange: 'Brisbane', PLA_City: 'Brisbane', PLA_State: 'QLD' });
    expect(end).toMatchObject({ PLA_CallResult: 'Busy', PLA_Duration: '0s', PLA_VoicemailLeft: 'No', PLA_Answering_Point: '' });
  });

  it('refuses a number it does not own, and a FAILED call (Delacon reports answered, unanswered or busy)', async () => {
    await start();
    await expect(sim.simulateIncomingCall({ to: '+61299999999', from: '+61412345678', outcome: 'ANSWERED' })).rejects.toMatchObject({ code: 'NUMBER_NOT_OWNED', message: expect.stringContaining('not a number of the Delacon sandbox') });
    await expect(sim.simulateIncomingCall({ to: sim.seed.numbers[0]!, from: '+61412345678', outcome: 'FAILED' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: ['input', 'outcome'] });
    await sim.drain();
    expect(receiver.received).toEqual([]);
  });

  it('a tracking number outside Australia is dialled in its own national form', async () => {
    const port = await start((req) => ({ status: 200, body: { PLA_Call_Id: JSON.parse(req.body).PLA_Call_Id, success: 'true', error: '' } }));
    const delacon = { businessName: 'Ginza Sushi', businessCategory: 'Restaurant', email: 'e@ginza.example', terminationNumber: '+81312345678', region: 'JAPAN' as const, numberType: '03', count: 1, acceptTerms: true };
    const [tokyo] = (await port.provision!({ provider: 'DELACON', delacon })).orders[0]!.numbers;
    expect(tokyo).toBe('+81312340001');
    await sim.simulateIncomingCall({ to: tokyo!, from: '+81355550000', outcome: 'ANSWERED', durationSeconds: 5 });
    await sim.drain();
    const [begin, end] = receiver.received.map((r) => JSON.parse(r.body) as Record<string, string>);
    expect(begin).toMatchObject({ PLA_Number_Dialed: '0312340001', PLA_Exchange: '', PLA_Dealer_Name: 'Ginza Sushi' });
    expect(end).toMatchObject({ PLA_Answering_Point: '0312345678' });
  });
});

describe('inferred variants (README "Documented and inferred")', () => {
  const ok = (req: Received) => ({ status: 200, body: req.path.includes('/orders') ? { RESULT: 'ACCEPTED' } : { PLA_Call_Id: '', success: 'true', error: '' } });
  const restart = async (variants: Partial<DelaconSimulator['variants']>) => {
    receiver = await startReceiver(ok);
    sim = await startDelaconSimulator({ log, timeScale: 0.0005, webhookUrl: (event) => `${receiver.url}/webhooks/delacon/${event}?token=t` }, { variants });
  };

  it('PLA_CID as a service id of its own (the default), or as the company id', async () => {
    await restart({});
    await sim.simulateIncomingCall({ to: sim.seed.numbers[0]!, from: '+61298760000', outcome: 'MISSED' });
    await sim.drain();
    const serviceId = sim.company(sim.seed.companyId)!.serviceId;
    expect(serviceId).toMatch(/^\d{7}$/);
    expect(serviceId).not.toBe(sim.seed.companyId);
    expect(receiver.received.map((r) => JSON.parse(r.body).PLA_CID)).toEqual([serviceId, serviceId]);
    await sim.close();
    await receiver.close();
    await restart({ serviceIds: 'companyId' });
    await sim.simulateIncomingCall({ to: sim.seed.numbers[0]!, from: '+61298760000', outcome: 'MISSED' });
    await sim.drain();
    expect(receiver.received.map((r) => JSON.parse(r.body).PLA_CID)).toEqual([sim.seed.companyId, sim.seed.companyId]);
  });

  it.each([
    ['messageOnly', (id: string) => ({ OrderID: id, Result: 'OK', Message: `Order ${id} is complete. The order summary has been sent by e-mail.` })],
    ['fields', (id: string) => ({ OrderID: id, Result: 'OK', Message: `Order ${id} is complete.`, CID: expect.stringMatching(/^\d+$/), Numbers: expect.stringMatching(/^(028074\d{4}(, )?){6}$/) })],
  ] as const)('a WAIT order’s Post Provisioning Response as %s', async (orderResult, expected) => {
    await restart({ orderResult });
    const wait = (await wire('/rest/config/provision', { ...customer, numbers: '6' })).body;
    await sim.drain();
    expect(formOf(receiver.received[0]!)).toEqual(expected(String(wait.OrderId)));
  });

  it('the call end with the sample’s trailing comma: our route still reads it', async () => {
    await restart({ callEndJson: 'trailingComma' });
    await sim.simulateIncomingCall({ to: sim.seed.numbers[0]!, from: '+61298760000', outcome: 'ANSWERED', durationSeconds: 7 });
    await sim.drain();
    const body = receiver.received[1]!.body;
    expect(body).toMatch(/,\n}$/);
    expect(() => JSON.parse(body)).toThrow();
    expect(callsRoute.read(webhookRequest(body))).toMatchObject({ phase: 'end', fields: { PLA_CallResult: 'Answered', PLA_Duration: '7s' } });
  });
});

const TERMINATION: Record<DelaconRegion, string> = {
  AUSTRALIA: '+61293001234',
  CHINA: '+861061234567',
  HONG_KONG: '+85231234567',
  JAPAN: '+81312345678',
  NEW_ZEALAND: '+6493001234',
  SINGAPORE: '+6563001234',
  UNITED_KINGDOM: '+442079460000',
  UNITED_STATES: '+12122345678',
};

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIVATION_DELAY_MS, startAvanserSimulator, type AvanserSimulator } from '../../src/datasources/avanser/simulator.js';
import { BusinessError, ErrorCode } from '../../src/errors.js';
import { startTestGateway, WEBHOOK_TOKEN, type TestGateway } from '../helpers/gateway.js';
import { fixture, silentLog, TIME_SCALE } from './helpers.js';

// A fresh simulator per test whose callbacks go to a real gateway's webhook routes; what they
// sent is read back from the gateway's receipts (a wrong token would have stored none).
let gw: TestGateway;
let sim: AvanserSimulator;
let before = 0;

/** Our webhook URL, with a parameter of our own that must survive. */
const webhookUrl = (event: string) => `${gw.url}/webhooks/avanser/${event}?token=${WEBHOOK_TOKEN}&src=switchboard`;
const receipts = () => gw.running.store.receipts.list('AVANSER');
/** What reached the gateway's AVANSER routes during this test. */
const hits = async () => (await receipts()).filter((r) => Number(r.id) > before);

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw?.close());
beforeEach(async () => {
  before = Math.max(0, ...(await receipts()).map((r) => Number(r.id)));
  sim = await startAvanserSimulator({ log: silentLog, timeScale: TIME_SCALE, webhookUrl });
});
afterEach(() => sim.close());

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${sim.baseUrl}${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${sim.live.username}:${sim.live.password}`).toString('base64')}`, ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { '@transaction': any; response: any } };
}

const stock = async (query: string) => {
  const res = await api('GET', `/v1/numbers?${query}`);
  expect(res.status).toBe(200);
  return Object.keys(res.body.response);
};

const request = (service_number: Record<string, unknown>, service: Record<string, unknown> = { type: 'transfer', answer_point: '61401603859' }) =>
  api('POST', '/v1/requests', { name: 'test', custom_id: 'c1', custom_group: 'g1', service_number: { country: 'AU', ...service_number }, service, call_uri: webhookUrl('calls'), callback_uri: webhookUrl('requests') });

describe('wire format', () => {
  it('wants Basic auth', async () => {
    const res = await fetch(`${sim.baseUrl}/v1/numbers?country=AU`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(((await res.json()) as any).response).toEqual({ code: 401, message: 'Unauthorized' });
    const wrong = await fetch(`${sim.baseUrl}/v1/numbers?country=AU`, { headers: { authorization: `Basic ${Buffer.from(`${sim.live.username}:nope`).toString('base64')}` } });
    expect(wrong.status).toBe(401);
  });

  it('wraps answers in the @transaction envelope, keyed by number', async () => {
    const res = await api('GET', '/v1/numbers?country=AU&szu=sydney');
    expect(res.body['@transaction']).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{40}$/),
      'account-id': expect.any(String),
      request: { 'api-version': 'v1', method: 'GET', path: '/v1/numbers?country=AU&szu=sydney', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+1[01]:00$/), ms: expect.stringMatching(/^\d+\.\d{3}$/) },
    });
    const sample = fixture('search-sydney.json').response['61280740802'];
    expect(res.body.response['61280740802']).toEqual({ ...sample, region: 'NSW: Sydney' });
  });

  it('reads a JSON body whatever its content type (the vendor curl sends a form), and uses request_id as transaction id', async () => {
    const body = { ...fixture('request-by-szu.json'), callback_uri: webhookUrl('requests') };
    const res = await api('POST', '/v1/requests', JSON.stringify(body), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
    expect(res.body.response).toEqual({ request_id: res.body['@transaction'].id, message: 'Success', code: 200, service_number: '61280740802' });
  });

  it.each([
    ['GET', '/v1/nothing', 404],
    ['DELETE', '/v1/services', 405],
    ['POST', '/v1/requests', 400],
  ])('answers %s %s with %i in the envelope', async (method, path, status) => {
    const res = await api(method, path, method === 'POST' ? '{not json' : undefined);
    expect(res.status).toBe(status);
    expect(res.body.response).toMatchObject({ code: status, message: expect.any(String) });
  });
});

describe('stock search', () => {
  it.each([
    ['country=AU&szu=sydney', ['61280740802', '61280740805', '61296301234']],
    ['country=au&szu=SYDNEY&type=GEO', ['61280740802', '61280740805', '61296301234']],
    ['country=AU&location=melbourne', ['61390001234']],
    ['country=AU&latitude=-33.82&longitude=151.0', ['61296301234', '61280740802', '61280740805']],
    ['country=AU&prefix=07', ['61738001234']],
    ['country=AU&prefix=28074081', ['61280740810']],
    ['country=AU&type=TOLLFREE', ['611300123456', '611300654321']],
    ['country=AU&type=FREECALL', ['611800123456']],
    ['country=AU&type=MOBILE', ['61481000101', '61481000102']],
    ['country=NZ', []],
  ])('%s finds %j', async (query, numbers) => {
    expect(await stock(query)).toEqual(numbers);
  });

  it.each(['szu=sydney', 'country=AU&type=SATELLITE', 'country=NZ&szu=auckland', 'country=AU&latitude=-33.8', 'country=AU&prefix=02x'])('refuses %s', async (query) => {
    const res = await api('GET', `/v1/numbers?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.response.message).toMatch(/^Invalid request/);
  });

  it('PRIVATE falls back on public stock once the private stock is used up', async () => {
    for (let i = 0; i < 3; i++) expect((await request({ search_type: 'szu', szu: 'sydney' })).status).toBe(200);
    expect(await stock('country=AU&szu=sydney')).toEqual(['61280740810']);
    expect((await request({ search_type: 'szu', szu: 'sydney' })).body.response.service_number).toBe('61280740810');
  });

  it('STRICT_PRIVATE never does, until the account mode changes', async () => {
    await request({ search_type: 'number_type', type: 'MOBILE' });
    await request({ search_type: 'type', type: 'MOBILE' });
    expect(await stock('country=AU&type=MOBILE')).toEqual([]);
    const res = await request({ search_type: 'number_type', type: 'MOBILE' });
    expect(res.status).toBe(409);
    expect(res.body.response.message).toMatch(/private stock exhausted/);
    sim.setStockMode('au', 'MOBILE', 'PRIVATE');
    expect(await stock('country=AU&type=MOBILE')).toEqual(['61481000201']);
  });

  it('an account without private stock sees public stock only', async () => {
    sim.setStockMode('AU', 'GEO', 'PUBLIC');
    expect(await stock('country=AU&szu=sydney')).toEqual(['61280740810']);
  });
});

describe('service requests', () => {
  it.each([
    [{ search_type: 'location', location: 'Brisbane' }, '61738001234'],
    [{ search_type: 'coordinates', latitude: -31.95, longitude: 115.86 }, '61892001234'],
    [{ search_type: 'prefix', prefix: '1300' }, '611300123456'],
    [{ search_type: 'number', number: '61280740805' }, '61280740805'],
    // Taken by a seeded service: the closest match in stock instead.
    [{ search_type: 'number', number: '61280740801' }, '61280740802'],
    // The vendor tip: an answer point as `number` finds the closest number.
    [{ search_type: 'number', number: '61401603859' }, '61481000101'],
  ])('%j takes %s', async (criteria, number) => {
    const res = await request(criteria);
    expect(res.status).toBe(200);
    expect(res.body.response.service_number).toBe(number);
  });

  it.each([
    [{ search_type: 'szu' }, { type: 'transfer', answer_point: '61401603859' }, 400, /needs service_number.szu/],
    [{ search_type: 'teleport', szu: 'sydney' }, { type: 'transfer', answer_point: '61401603859' }, 400, /search_type/],
    [{ search_type: 'szu', szu: 'sydney' }, { type: 'fax' }, 400, /service.type/],
    [{ search_type: 'szu', szu: 'sydney' }, { type: 'transfer' }, 400, /answer_point/],
    [{ search_type: 'szu', szu: 'sydney' }, { type: 'transfer', answer_point: '0401 603 859' }, 400, /^Invalid number/],
    [{ search_type: 'number', number: '6495550123' }, { type: 'voicemail' }, 409, /not available/],
    [{ search_type: 'szu', szu: 'hobart' }, { type: 'voicemail' }, 409, /No numbers available matching/],
  ])('%j with %j is refused', async (criteria, service, status, message) => {
    const res = await request(criteria, service);
    expect(res.status).toBe(status);
    expect(res.body.response).toMatchObject({ code: status, message: expect.stringMatching(message) });
  });

  it('is pending until the activation delay, then confirmed by a POST JSON callback', async () => {
    const started = Date.now();
    const ack = (await request({ search_type: 'szu', szu: 'sydney' })).body.response;
    expect((await api('GET', `/v1/requests/${ack.request_id}`)).body.response).toMatchObject({ status: 'pending', service_number: ack.service_number });
    expect(sim.owns(`+${ack.service_number}`)).toBe(true);
    await sim.drain();
    expect(Date.now() - started).toBeGreaterThanOrEqual(ACTIVATION_DELAY_MS * TIME_SCALE - 5);
    const [hit, ...more] = await hits();
    expect(more).toEqual([]);
    // Read by the gateway's route (no order of its own matches this request).
    expect(hit).toMatchObject({ event: 'requests', method: 'POST', status: 'unmatched', query: { src: 'switchboard' } });
    expect(JSON.parse(hit!.body)).toEqual({
      account_id: expect.any(String),
      request_id: ack.request_id,
      custom_id: 'c1',
      custom_group: 'g1',
      service_number: ack.service_number,
      answer_point: '61401603859',
      message: 'Request completed successfully',
      status: 'completed',
    });
    expect((await api('GET', `/v1/requests/${ack.request_id}`)).body.response.status).toBe('completed');
    expect((await api('GET', '/v1/services')).body.response[ack.service_number]).toMatchObject({ status: 'active', name: 'test', type: 'GEO', region: 'NSW: Sydney' });
  });

  it('fails activation for an answer point in the fictitious 0491 570 range, returning the number to stock', async () => {
    const ack = (await request({ search_type: 'szu', szu: 'sydney' }, { type: 'transfer', answer_point: '61491570156' })).body.response;
    expect(await stock('country=AU&szu=sydney')).not.toContain(ack.service_number);
    await sim.drain();
    expect(JSON.parse((await hits())[0]!.body)).toMatchObject({ request_id: ack.request_id, status: 'failed' });
    expect((await api('GET', `/v1/requests/${ack.request_id}`)).body.response.status).toBe('failed');
    expect(await stock('country=AU&szu=sydney')).toContain(ack.service_number);
  });

  it('can hold confirmations back and release them late', async () => {
    sim.holdCallbacks(true);
    const ack = (await request({ search_type: 'szu', szu: 'sydney' })).body.response;
    await sim.drain();
    expect(await hits()).toEqual([]);
    expect((await api('GET', '/v1/requests')).body.response[ack.request_id].status).toBe('completed');
    await sim.releaseHeldCallbacks();
    expect((await hits()).map((h) => JSON.parse(h.body).request_id)).toEqual([ack.request_id]);
  });
});

describe('service updates', () => {
  it('acknowledge, apply after a delay and confirm to the new callback URI with unsent custom fields empty', async () => {
    const callbackUri = `${webhookUrl('requests')}&updated=true`;
    const res = await api('POST', '/v1/services/61280740801', { service: { answer_point: '61132307' }, callback_uri: callbackUri });
    expect(res.body.response).toMatchObject({ request_id: res.body['@transaction'].id, code: 200, service_number: '61280740801' });
    expect((await api('GET', '/v1/services')).body.response['61280740801'].service.answer_point).toBe('61401603859');
    await sim.drain();
    const [hit] = await hits();
    expect(hit!.query).toEqual({ src: 'switchboard', updated: 'true' });
    expect(JSON.parse(hit!.body)).toMatchObject({ custom_id: '', custom_group: '', answer_point: '61132307', service_number: '61280740801', status: 'completed' });
    const service = (await api('GET', '/v1/services')).body.response['61280740801'];
    expect(service).toMatchObject({ name: 'service #1', custom_id: 'custom_id #1', callback_uri: callbackUri, service: { answer_point: '61132307', answer_point_name: 'answerpoint #1' } });
  });

  it.each([
    ['/v1/services/61299999999', { name: 'x' }, 404],
    ['/v1/services/61280740801', {}, 400],
    ['/v1/services/61280740801', { service: { record_call: 'yes' } }, 400],
    ['/v1/services/61280740801', { call_uri: 'ftp://nope' }, 400],
  ])('refuses %s %j with %i', async (path, body, status) => {
    expect((await api('POST', path, body)).status).toBe(status);
  });
});

describe('calls', () => {
  it('reports a finished call by GET on the Call-URI, keeping its query string', async () => {
    const call = await sim.simulateIncomingCall({ to: '+61280740801', from: '+61405061663', outcome: 'ANSWERED', durationSeconds: 42 });
    expect(call).toEqual({ provider: 'AVANSER', providerCallId: expect.stringMatching(/^\d+$/) });
    expect(await hits()).toEqual([]); // sent when the call ends
    await sim.drain();
    const [hit] = await hits();
    expect(hit).toMatchObject({ event: 'calls', method: 'GET', status: 'applied', body: '' });
    expect(hit!.query).toEqual({
      src: 'switchboard',
      clientid: expect.any(String),
      callid: call.providerCallId,
      uniqueid: expect.stringMatching(/^ECS1-\d+\.\d+$/),
      bnum: '+61-0280740801',
      adname: 'service #1',
      target: '+61-0401603859',
      targetname: 'answerpoint #1',
      ani: '+61-0405061663',
      tzdate: expect.stringMatching(/\+1[01]:00$/),
      duration: '42',
      callstatus: 'avanser_answered_call',
      callcode: '1',
      clocation: 'Mobile',
      cstate: 'MOB',
      ccountry: 'AU',
      custom_id: 'custom_id #1',
      custom_group: 'custom_group #1',
    });
  });

  it.each([
    ['MISSED', 'avanser_missed_call', '0', '+61298765432', ['Sydney', 'NSW', 'AU']],
    ['BUSY', 'avanser_busy_call', '0', '+442071234567', ['International', '', 'GB']],
    ['VOICEMAIL', 'avanser_voicemail_call', '15', '+61738001111', ['Brisbane', 'QLD', 'AU']],
  ] as const)('reports %s as %s', async (outcome, callstatus, duration, from, [clocation, cstate, ccountry]) => {
    await sim.simulateIncomingCall({ to: '+61399998888', from, outcome });
    await sim.drain();
    expect((await hits())[0]!.query).toMatchObject({ callstatus, duration, clocation, cstate, ccountry, adname: 'Melbourne after hours', target: '' });
  });

  it('places calls only on active services', async () => {
    const ack = (await request({ search_type: 'szu', szu: 'sydney' })).body.response;
    const pending = sim.simulateIncomingCall({ to: `+${ack.service_number}`, from: '+61405061663', outcome: 'ANSWERED' });
    await expect(pending).rejects.toBeInstanceOf(BusinessError);
    await expect(pending).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
    await expect(sim.simulateIncomingCall({ to: '+61280740810', from: '+61405061663', outcome: 'ANSWERED' })).rejects.toMatchObject({ code: ErrorCode.NUMBER_NOT_OWNED });
    expect(sim.owns('+61280740810')).toBe(false);
  });
});

describe('the vendor page’s own requests', () => {
  // The samples' URIs point at desired.uri.to: ours instead, their own query kept.
  const local = <T extends Record<string, unknown>>(body: T): T => ({ ...body, call_uri: `${webhookUrl('calls')}&call_uri=service1`, callback_uri: `${webhookUrl('requests')}&callback_uri=service1` });

  it('the request by number: acknowledged with the closest number (the sample’s own is the seeded service #1), then confirmed', async () => {
    const res = await api('POST', '/v1/requests', local(fixture('request-by-number.json')));
    expect(res.status).toBe(200);
    expect(res.body.response).toEqual({ request_id: res.body['@transaction'].id, message: 'Success', code: 200, service_number: '61280740802' });
    await sim.drain();
    expect(JSON.parse((await hits())[0]!.body)).toMatchObject({ ...fixture('callback-by-number.json'), account_id: expect.any(String), request_id: res.body.response.request_id, service_number: '61280740802' });
  });

  it('the service update: acknowledged, then confirmed with the sample’s empty custom fields', async () => {
    const res = await api('POST', '/v1/services/61280740801', local(fixture('update-request.json')));
    expect(res.body.response).toMatchObject({ message: 'Success', code: 200, service_number: '61280740801' });
    await sim.drain();
    const [hit] = await hits();
    expect(hit!.query).toEqual({ src: 'switchboard', callback_uri: 'service1' });
    expect(JSON.parse(hit!.body)).toMatchObject({ custom_id: '', custom_group: '', service_number: '61280740801', answer_point: '61132307', status: 'completed' });
  });
});

describe('inferred variants (README "Documented and inferred")', () => {
  const restart = async (variants: Partial<AvanserSimulator['variants']>) => {
    await sim.close();
    sim = await startAvanserSimulator({ log: silentLog, timeScale: TIME_SCALE, webhookUrl }, { variants });
  };

  it('a confirmation by GET (the outline’s "HTTP GET callback mechanism"), read by our route', async () => {
    await restart({ confirmation: 'GET' });
    const ack = (await request({ search_type: 'szu', szu: 'sydney' })).body.response;
    await sim.drain();
    const [hit] = await hits();
    expect(hit).toMatchObject({ event: 'requests', method: 'GET', status: 'unmatched', body: '' });
    expect(hit!.query).toMatchObject({ src: 'switchboard', request_id: ack.request_id, service_number: ack.service_number, status: 'completed', custom_id: 'c1' });
  });

  it('a confirmation under another request id than the acknowledgement (two of the page’s samples); the request list keeps the acknowledged one', async () => {
    await restart({ confirmationRequestId: 'other' });
    const ack = (await request({ search_type: 'szu', szu: 'sydney' })).body.response;
    await sim.drain();
    const confirmation = JSON.parse((await hits())[0]!.body);
    expect(confirmation.request_id).toMatch(/^[0-9a-f]{40}$/);
    expect(confirmation.request_id).not.toBe(ack.request_id);
    expect(confirmation.service_number).toBe(ack.service_number);
    expect((await api('GET', `/v1/requests/${ack.request_id}`)).body.response.status).toBe('completed');
  });

  it('call outcomes under other words and codes than the sandbox’s guesses: sent as set', async () => {
    await restart({ outcomes: { ...sim.variants.outcomes, MISSED: { callstatus: 'avanser_unanswered_call', callcode: '7' } } });
    await sim.simulateIncomingCall({ to: '+61399998888', from: '+61298765432', outcome: 'MISSED' });
    await sim.drain();
    expect((await hits())[0]!.query).toMatchObject({ callstatus: 'avanser_unanswered_call', callcode: '7' });
  });
});

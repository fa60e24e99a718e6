import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookRoutes } from '../../src/datasources/avanser/webhooks.js';
import type { OrderRecord } from '../../src/domain/model.js';
import { WebhookPayloadError, type WebhookRequest } from '../../src/webhooks/route.js';
import { domainEffects, fixture, pendingOrder } from './helpers.js';

const requestsRoute = webhookRoutes().find((r) => r.event === 'requests')!;
const callsRoute = webhookRoutes().find((r) => r.event === 'calls')!;

// The routes apply to the gateway's own Effects and store (in memory), as the router does.
let fx: Awaited<ReturnType<typeof domainEffects>>;
beforeAll(async () => {
  fx = await domainEffects();
});
afterAll(() => fx?.close());

const post = (body: unknown, extra: Partial<WebhookRequest> = {}): WebhookRequest => ({
  method: 'POST',
  query: {},
  body,
  rawBody: JSON.stringify(body),
  contentType: 'application/json',
  ...extra,
});
const get = (query: Record<string, string>): WebhookRequest => ({ method: 'GET', query, body: undefined, rawBody: '' });

describe('requests route: reading the confirmation', () => {
  it.each(['callback-by-number.json', 'callback-by-szu.json', 'callback-update.json'])('reads the vendor sample %s (POST JSON)', (name) => {
    const sample = fixture(name);
    expect(requestsRoute.read(post(sample))).toEqual({
      requestId: sample.request_id,
      serviceNumber: `+${sample.service_number}`,
      status: 'COMPLETED',
      rawStatus: 'completed',
      message: 'Request completed successfully',
      answerPoint: sample.answer_point,
      customId: sample.custom_id || undefined,
      customGroup: sample.custom_group || undefined,
      accountId: sample.account_id,
    });
  });

  it('reads the same callback as GET query, untyped JSON and a form', () => {
    const sample = fixture<Record<string, string>>('callback-by-szu.json');
    const expected = requestsRoute.read(post(sample));
    expect(requestsRoute.read(get({ ...sample, src: 'switchboard' }))).toEqual(expected);
    expect(requestsRoute.read(post(undefined, { rawBody: JSON.stringify(sample), contentType: 'text/plain' }))).toEqual(expected);
    expect(requestsRoute.read(post(undefined, { rawBody: new URLSearchParams(sample).toString(), contentType: undefined }))).toEqual(expected);
  });

  it.each([
    [{ request_id: 'r', service_number: '61280740801' }, 'status is missing'],
    [{ request_id: 'r', status: 'exploded' }, 'status is not one'],
    [{ status: 'completed', service_number: 'nope' }, 'service_number is not a phone number'],
    [{ status: 'completed' }, 'request_id and service_number are both missing'],
  ])('refuses %j', (body, reason) => {
    expect(() => requestsRoute.read(post(body))).toThrow(WebhookPayloadError);
    expect(() => requestsRoute.read(post(body))).toThrow(reason);
  });

  it('names the event by request, status and service', () => {
    const sample = fixture('callback-by-szu.json');
    const key = requestsRoute.eventKey(requestsRoute.read(post(sample)));
    expect(key).toBe(requestsRoute.eventKey(requestsRoute.read(get(sample))));
    expect(key).not.toBe(requestsRoute.eventKey(requestsRoute.read(post({ ...sample, status: 'failed' }))));
    expect(key).toContain(sample.request_id);
  });

  it('answers 200, or 400 with the reason', () => {
    expect(requestsRoute.reply({ ok: true, payload: undefined as never, result: undefined, duplicate: true })).toEqual({ status: 200, body: { ok: true } });
    expect(requestsRoute.reply({ ok: false, status: 400, reason: 'status is missing' })).toEqual({ status: 400, body: { ok: false, error: 'status is missing' } });
    expect(requestsRoute.reply({ ok: false, status: 503, reason: 'retry later' })).toEqual({ status: 503, body: { ok: false, error: 'retry later' } });
    expect(requestsRoute.methods).toEqual(expect.arrayContaining(['GET', 'POST']));
  });
});

describe('requests route: applying the confirmation', () => {
  const order = async (id: string) => (await fx.store.orders.byIds([id]))[0];
  const service = async (ref: string) => (await fx.store.services.byRefs([{ provider: 'AVANSER', providerRef: ref }]))[0];
  const saved = async (...orders: OrderRecord[]) => {
    for (const o of orders) await fx.events.saveOrder(o);
    return orders;
  };

  it('settles the order by request id and records the service', async () => {
    const [mine, other] = await saved(pendingOrder('cebaa4ba54ecacb5054e2a4de54842e5a70ec0eb', '+61280740805'), pendingOrder('other', '+61280740805'));
    expect(await requestsRoute.apply(requestsRoute.read(post(fixture('callback-by-szu.json'))), fx.events)).toMatchObject({ id: mine!.id, status: 'COMPLETED', message: 'Request completed successfully' });
    expect(await order(other!.id)).toMatchObject({ status: 'PENDING' });
    expect(await service('+61280740805')).toMatchObject({ destination: '+61401603859', customId: 'custom_id #3', customGroup: 'custom_group #3' });
  });

  it('settles by service number a confirmation whose request id differs from the ack (the vendor sample), logging it', async () => {
    const [mine] = await saved(pendingOrder(fixture('ack-by-number.json').response.request_id, '+61280740801'));
    const sample = fixture('callback-by-number.json');
    expect(await requestsRoute.apply(requestsRoute.read(post(sample)), fx.events)).toMatchObject({ id: mine!.id, status: 'COMPLETED' });
    expect(fx.lines).toContainEqual(expect.objectContaining({ orderId: mine!.id, got: sample.request_id, msg: expect.stringContaining('different provider reference') }));
  });

  it('does not blank custom fields an update did not resend', async () => {
    await fx.store.services.save({ provider: 'AVANSER', providerRef: '+61299990001', name: 'service #1', numbers: ['+61299990001'], settings: {}, customId: 'custom_id #1', updatedAt: '2017-01-01T00:00:00Z' });
    await saved(pendingOrder('c05977971a1d9fbe8eaa3a410f63d02ea5375c04', '+61299990001', 'SERVICE_UPDATE'));
    await requestsRoute.apply(requestsRoute.read(post({ ...fixture<Record<string, string>>('callback-update.json'), service_number: '61299990001' })), fx.events);
    expect(await service('+61299990001')).toMatchObject({ name: 'service #1', customId: 'custom_id #1', destination: '6113008786264' });
  });

  it('fails the order on a failed confirmation and leaves the service alone', async () => {
    const [mine] = await saved(pendingOrder('r1', '+61280740802'));
    await requestsRoute.apply(requestsRoute.read(get({ request_id: 'r1', service_number: '61280740802', status: 'failed', message: 'Answer point unreachable' })), fx.events);
    expect(await order(mine!.id)).toMatchObject({ status: 'FAILED', message: 'Answer point unreachable' });
    expect(await service('+61280740802')).toBeUndefined();
  });

  it('settles nothing on a pending status', async () => {
    const [mine] = await saved(pendingOrder('r2', '+61280740803'));
    expect(await requestsRoute.apply(requestsRoute.read(get({ request_id: 'r2', status: 'pending' })), fx.events)).toBeUndefined();
    expect(await order(mine!.id)).toMatchObject({ status: 'PENDING' });
  });

  it('answers null for a confirmation that matches no order (so a redelivery is applied), and logs it', async () => {
    expect(await requestsRoute.apply(requestsRoute.read(get({ request_id: 'zz', service_number: '61280740810', status: 'completed' })), fx.events)).toBeNull();
    expect(fx.lines).toContainEqual(expect.objectContaining({ requestId: 'zz', msg: expect.stringContaining('matches no order') }));
    expect(await service('+61280740810')).toBeDefined();
  });

  it('returns an order a poll already settled, unchanged', async () => {
    const [mine] = await saved({ ...pendingOrder('r3', '+61280740804'), status: 'COMPLETED' });
    expect(await requestsRoute.apply(requestsRoute.read(get({ request_id: 'r3', service_number: '61280740804', status: 'failed' })), fx.events)).toMatchObject({
      id: mine!.id,
      status: 'COMPLETED',
      history: [expect.anything()],
    });
  });
});

describe('calls route', () => {
  it('reads the vendor Call-URI report, with our own query parameters kept', () => {
    const query = fixture<Record<string, string>>('call-report.json');
    const { patch, statusKnown } = callsRoute.read(get(query));
    expect(statusKnown).toBe(true);
    expect(patch).toMatchObject({
      providerCallId: '36012012',
      status: 'ANSWERED',
      from: '+61405061663',
      to: '+61280740801',
      serviceRef: '+61280740801',
      serviceName: 'service #1',
      startedAt: '2017-06-11T06:49:17.000Z',
      durationSeconds: 15,
    });
    expect(patch.raw.report).toMatchObject({ call_uri: 'service1', custom_id: 'custom_id #1', custom_group: 'custom_group #1' });
    expect(callsRoute.eventKey({ patch, statusKnown })).toBe('call:36012012');
    expect(callsRoute.methods).toEqual(['GET']);
  });

  it('falls back on uniqueid and refuses a report without either id', () => {
    const { callid: _, ...query } = fixture<Record<string, string>>('call-report.json');
    expect(callsRoute.read(get(query)).patch.providerCallId).toBe('ECS1-1497163757.20486');
    expect(() => callsRoute.read(get({ bnum: '+61-0280740801' }))).toThrow(WebhookPayloadError);
  });

  it('records the call, an unknown status as FAILED with a warning', async () => {
    const query = { ...fixture<Record<string, string>>('call-report.json'), callstatus: 'avanser_mystery_call', callcode: '42' };
    const record = await callsRoute.apply(callsRoute.read(get(query)), fx.events);
    expect(record).toMatchObject({ providerCallId: '36012012', status: 'FAILED', raw: { report: { callstatus: 'avanser_mystery_call' } } });
    expect((await fx.store.calls.byIds([record!.id]))[0]).toMatchObject({ status: 'FAILED', serviceRef: '+61280740801' });
    expect(fx.lines).toContainEqual(expect.objectContaining({ callstatus: 'avanser_mystery_call' }));
  });
});

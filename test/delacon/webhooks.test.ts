import { describe, expect, it } from 'vitest';
import { callsRoute, delaconWebhooks, ordersRoute } from '../../src/datasources/delacon/webhooks.js';
import { WebhookPayloadError } from '../../src/webhooks/route.js';
import { MemoryEffects, dispatch, fixture, webhookRequest } from './helpers.js';

const post = (path: string, body: string, contentType = 'application/json') => ({ method: 'POST', path, body, contentType });

describe('/webhooks/delacon/calls', () => {
  it('answers exactly the reply Delacon expects', async () => {
    const handle = dispatch(delaconWebhooks(), new MemoryEffects());
    const reply = await handle(post('/webhooks/delacon/calls', fixture('call-start.json')));
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.body)).toBe('{"PLA_Call_Id":"1122334","success":"true","error":""}');
  });

  it.each([
    ['an empty body', '', 'the body is empty'],
    ['no call id', '{"PLA_CallResult":"Answered"}', 'PLA_Call_Id is missing'],
    ['an unrecognisable payload', '{"PLA_Call_Id":"9","PLA_Colour":"blue"}', 'the payload is neither a call start nor a call end'],
    ['an array', '[{"PLA_Call_Id":"9"}]', 'the body is not a JSON object'],
    ['broken JSON', '{"PLA_Call_Id":"9", PLA_Duration}', 'the body is not a JSON object'],
  ])('refuses %s with success "false" and the reason', async (_name, body, reason) => {
    expect(() => callsRoute.read(webhookRequest(body))).toThrow(WebhookPayloadError);
    const reply = await dispatch(delaconWebhooks(), new MemoryEffects())(post('/webhooks/delacon/calls', body));
    expect(reply).toEqual({ status: 400, body: { PLA_Call_Id: '', success: 'false', error: reason } });
  });

  it('answers 500 when the call could not be recorded, so Delacon may retry', async () => {
    const effects = new MemoryEffects();
    effects.recordCall = () => Promise.reject(new Error('store down'));
    const reply = await dispatch(delaconWebhooks(), effects)(post('/webhooks/delacon/calls', fixture('call-start.json')));
    expect(reply).toEqual({ status: 500, body: { PLA_Call_Id: '1122334', success: 'false', error: 'the call could not be recorded; please retry' } });
  });

  it('merges an end that arrives before its start, and answers a redelivery without a second event', async () => {
    const effects = new MemoryEffects();
    const handle = dispatch(delaconWebhooks(), effects);
    await handle(post('/webhooks/delacon/calls', fixture('call-end.txt')));
    await handle(post('/webhooks/delacon/calls', fixture('call-start.json')));
    const again = await handle(post('/webhooks/delacon/calls', fixture('call-start.json')));
    expect(again.body).toEqual({ PLA_Call_Id: '1122334', success: 'true', error: '' });
    expect(effects.patches).toHaveLength(2);
    expect(effects.calls.size).toBe(1);
    expect(effects.calls.get('1122334')).toMatchObject({ status: 'ANSWERED', from: '+61444444444', durationSeconds: 50, raw: { start: expect.any(Object), end: expect.any(Object) } });
  });

  it('reads a form-encoded or numeric push too', () => {
    const push = callsRoute.read(webhookRequest('PLA_Call_Id=5&PLA_Duration=12s', 'application/x-www-form-urlencoded'));
    expect(push).toMatchObject({ phase: 'end', callId: '5', fields: { PLA_Duration: '12s' } });
    expect(callsRoute.read(webhookRequest('{"PLA_Call_Id":5,"PLA_CallStartTime":"1"}')).callId).toBe('5');
  });
});

describe('/webhooks/delacon/orders', () => {
  it('settles a known order from the form Delacon posts and answers ACCEPTED', async () => {
    const effects = new MemoryEffects();
    effects.addOrder('53');
    const reply = await dispatch(delaconWebhooks(), effects)(post('/webhooks/delacon/orders', fixture('post-provisioning-response.txt'), 'application/x-www-form-urlencoded'));
    expect(reply).toEqual({ status: 200, body: { RESULT: 'ACCEPTED' } });
    expect(effects.orders.get('53')).toMatchObject({ status: 'COMPLETED', message: 'Your order 53 is complete' });
  });

  it('reads JSON, other casings, and a form sent without a content type', () => {
    expect(ordersRoute.read(webhookRequest('{"OrderId":53,"result":"fail","Message":"no stock"}'))).toEqual({ orderId: '53', result: 'FAIL', message: 'no stock' });
    expect(ordersRoute.read(webhookRequest('OrderID=54&Result=OK', ''))).toEqual({ orderId: '54', result: 'OK', message: undefined });
    expect(ordersRoute.eventKey({ orderId: '54', result: 'OK' })).toBe('54:OK');
  });

  it('answers FAIL for an unknown order, and lets a redelivery try again', async () => {
    const effects = new MemoryEffects();
    const handle = dispatch(delaconWebhooks(), effects);
    const body = 'OrderID=77&Result=FAIL&Message=No+stock';
    const first = await handle(post('/webhooks/delacon/orders', body, 'application/x-www-form-urlencoded'));
    expect(first).toEqual({ status: 200, body: { RESULT: 'FAIL', MESSAGE: 'order 77 is not known to this gateway' } });
    effects.addOrder('77');
    const second = await handle(post('/webhooks/delacon/orders', body, 'application/x-www-form-urlencoded'));
    expect(second.body).toEqual({ RESULT: 'ACCEPTED' });
    expect(effects.orders.get('77')).toMatchObject({ status: 'FAILED', message: 'No stock' });
    const third = await handle(post('/webhooks/delacon/orders', body, 'application/x-www-form-urlencoded'));
    expect(third.body).toEqual({ RESULT: 'ACCEPTED' });
  });

  it.each([
    ['no order id', 'Result=OK', 'OrderID is missing'],
    ['an unknown result', 'OrderID=5&Result=MAYBE', 'Result must be OK or FAIL'],
    ['an empty form', '', 'OrderID is missing'],
    ['a JSON array', '[]', 'the body is not a JSON object'],
  ])('refuses %s with a 400 in Delacon format', async (_name, body, reason) => {
    const reply = await dispatch(delaconWebhooks(), new MemoryEffects())(post('/webhooks/delacon/orders', body, body.startsWith('[') ? 'application/json' : 'application/x-www-form-urlencoded'));
    expect(reply).toEqual({ status: 400, body: { RESULT: 'FAIL', MESSAGE: reason } });
  });

  it('answers 500 when the order could not be recorded', () => {
    expect(ordersRoute.reply({ ok: false, reason: 'db', payload: { orderId: '1', result: 'OK' } })).toEqual({ status: 500, body: { RESULT: 'FAIL', MESSAGE: 'the order update could not be recorded; please retry' } });
  });
});

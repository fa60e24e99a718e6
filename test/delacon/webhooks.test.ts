/** The two Delacon routes on their own: reading payloads, event keys, replies. Delivery through the router: e2e.test.ts. */
import { describe, expect, it } from 'vitest';
import { webhookRoutes } from '../../src/datasources/delacon/webhooks.js';
import { WebhookPayloadError } from '../../src/webhooks/route.js';
import { fixture, webhookRequest } from './helpers.js';

const callsRoute = webhookRoutes().find((r) => r.event === 'calls')!;
const ordersRoute = webhookRoutes().find((r) => r.event === 'orders')!;

describe('/webhooks/delacon/calls', () => {
  it("reads the vendor's start and end samples as the two phases of one call", () => {
    const start = callsRoute.read(webhookRequest(fixture('call-start.json')));
    const end = callsRoute.read(webhookRequest(fixture('call-end.txt')));
    expect([start.phase, end.phase]).toEqual(['start', 'end']);
    expect([callsRoute.eventKey(start), callsRoute.eventKey(end)]).toEqual(['1122334:start', '1122334:end']);
    expect(JSON.stringify(callsRoute.reply({ ok: true, payload: end, result: undefined, duplicate: true }).body)).toBe('{"PLA_Call_Id":"1122334","success":"true","error":""}');
  });

  it.each([
    ['an empty body', '', 'the body is empty', ''],
    ['no call id', '{"PLA_CallResult":"Answered"}', 'PLA_Call_Id is missing', ''],
    ['an unrecognisable payload', '{"PLA_Call_Id":"9","PLA_Colour":"blue"}', 'the payload is neither a call start nor a call end', '9'],
    ['an array', '[{"PLA_Call_Id":"9"}]', 'the body is not a JSON object', ''],
    ['broken JSON', '{"PLA_Call_Id":"9", PLA_Duration}', 'the body is not a JSON object', ''],
    ['a call id longer than any Delacon sends', `{"PLA_Call_Id":"${'9'.repeat(65)}","PLA_CallResult":"Answered"}`, 'PLA_Call_Id is longer than 64 characters', ''],
  ])('refuses %s with success "false", the reason, and the call id when it could be read', (_name, body, reason, echoed) => {
    const request = webhookRequest(body);
    expect(() => callsRoute.read(request)).toThrow(new WebhookPayloadError(reason));
    expect(callsRoute.reply({ ok: false, status: 400, reason, request })).toEqual({ status: 400, body: { PLA_Call_Id: echoed, success: 'false', error: reason } });
  });

  it('answers a failure of ours in its own format too, with the status and the call id', () => {
    const request = webhookRequest(fixture('call-end.txt'));
    expect(callsRoute.reply({ ok: false, status: 503, reason: 'retry later', request })).toEqual({ status: 503, body: { PLA_Call_Id: '1122334', success: 'false', error: 'retry later' } });
    expect(callsRoute.reply({ ok: false, status: 413, reason: 'too large' })).toEqual({ status: 413, body: { PLA_Call_Id: '', success: 'false', error: 'too large' } });
  });

  it('reads a form-encoded or numeric push too', () => {
    const push = callsRoute.read(webhookRequest('PLA_Call_Id=5&PLA_Duration=12s', 'application/x-www-form-urlencoded'));
    expect(push).toMatchObject({ phase: 'end', callId: '5', fields: { PLA_Duration: '12s' } });
    expect(callsRoute.read(webhookRequest('{"PLA_Call_Id":5,"PLA_CallStartTime":"1"}')).callId).toBe('5');
  });
});

describe('/webhooks/delacon/orders', () => {
  it('reads the form Delacon posts, JSON, other casings, and a form sent without a content type', () => {
    expect(ordersRoute.read(webhookRequest(fixture('post-provisioning-response.txt'), 'application/x-www-form-urlencoded'))).toEqual({ orderId: '53', result: 'OK', message: 'Your order 53 is complete' });
    expect(ordersRoute.read(webhookRequest('{"OrderId":53,"result":"fail","Message":"no stock"}'))).toEqual({ orderId: '53', result: 'FAIL', message: 'no stock' });
    expect(ordersRoute.read(webhookRequest('OrderID=54&Result=OK', ''))).toEqual({ orderId: '54', result: 'OK', message: undefined });
    expect(ordersRoute.eventKey({ orderId: '54', result: 'OK' })).toBe('54:OK');
  });

  it('answers ACCEPTED for a settled order or a duplicate, FAIL for an unknown order', () => {
    const payload = { orderId: '77', result: 'FAIL' as const };
    expect(ordersRoute.reply({ ok: true, payload, result: null, duplicate: false })).toEqual({ status: 200, body: { RESULT: 'FAIL', MESSAGE: 'order 77 is not known to this gateway' } });
    expect(ordersRoute.reply({ ok: true, payload, result: undefined, duplicate: true })).toEqual({ status: 200, body: { RESULT: 'ACCEPTED' } });
  });

  it.each([
    ['no order id', 'Result=OK', 'OrderID is missing'],
    ['an unknown result', 'OrderID=5&Result=MAYBE', 'Result must be OK or FAIL'],
    ['an empty form', '', 'the body is empty'],
    ['a JSON array', '[]', 'the body is not a JSON object'],
  ])('refuses %s with a 400 in Delacon format', (_name, body, reason) => {
    expect(() => ordersRoute.read(webhookRequest(body, body.startsWith('[') ? 'application/json' : 'application/x-www-form-urlencoded'))).toThrow(new WebhookPayloadError(reason));
    expect(ordersRoute.reply({ ok: false, status: 400, reason })).toEqual({ status: 400, body: { RESULT: 'FAIL', MESSAGE: reason } });
  });
});

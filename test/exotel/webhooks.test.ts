import { describe, expect, it } from 'vitest';
import { webhookRoutes } from '../../src/datasources/exotel/webhooks.js';
import { WebhookPayloadError, type WebhookRoute } from '../../src/webhooks/route.js';
import { fixture, log, post, TZ } from './helpers.js';

const routes = webhookRoutes({ timezone: TZ });
const route = (event: string) => routes.find((r) => r.event === event) as WebhookRoute<any, unknown>;
const calls = route('calls');
const deallocations = route('deallocations');
const verifications = route('verifications');

// Reading payloads only: applying them to the store is tested through the gateway (e2e.test.ts).
describe('Exotel webhook routes', () => {
  it('are calls, deallocations and verifications, by POST', () => {
    expect(routes.map((r) => [r.event, r.methods])).toEqual([
      ['calls', ['POST']],
      ['deallocations', ['POST']],
      ['verifications', ['POST']],
    ]);
  });

  it('call event sample: bogus offset, masked numbers, string durations', async () => {
    const body = fixture('call-event.json');
    const patch = calls.read(post(body));
    expect(calls.eventKey(patch)).toBe('53fa8e40bb1XXXXXXXXXX257c439151k');
    expect(patch).toEqual({
      provider: 'EXOTEL',
      providerCallId: '53fa8e40bb1XXXXXXXXXX257c439151k',
      status: 'ANSWERED',
      from: undefined,
      to: undefined,
      forwardedTo: undefined,
      answeredBy: undefined,
      // current_time (19:17:44) is when the event was built: the call ended with its 32-s second leg.
      startedAt: '2021-01-19T13:47:03.000Z',
      endedAt: '2021-01-19T13:47:35.000Z',
      reportedAt: '2021-01-19T13:47:44.000Z',
      durationSeconds: 27,
      dialSeconds: 32,
      ringingSeconds: undefined,
      direction: 'incoming',
      platform: 'exotel',
      disconnectedBy: undefined,
      detailedStatus: undefined,
      recordingUrl: 'https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/<your_sid>/CALL_SID.mp3',
      allocationRef: 'd12638b6-28b8-488d-8cf3-c60619ac2280',
      raw: { call: body },
    });
  });

  it('call event with insights: zone-less times, "null" recording, numeric duration', () => {
    const body = fixture('call-event-insights.json');
    const patch = calls.read(post(body));
    expect(patch).toMatchObject({
      status: 'ANSWERED',
      startedAt: '2021-09-24T01:35:28.000Z',
      endedAt: '2021-09-24T01:35:39.000Z',
      reportedAt: '2021-09-24T01:35:44.000Z',
      durationSeconds: 4,
      dialSeconds: 11,
      ringingSeconds: 4.58,
      disconnectedBy: 'Caller',
      detailedStatus: 'CALL_COMPLETED',
      platform: 'monotel',
      recordingUrl: undefined,
    });
    expect(patch.raw.call.insights).toEqual(body.insights);
    // Without the dial duration the end is not known (current_time is not it); talk time still is.
    expect(calls.read(post({ ...body, dial_call_duration: undefined }))).toMatchObject({ endedAt: undefined, durationSeconds: 4 });
    // A dial duration longer than the gap to current_time is capped there.
    expect(calls.read(post({ ...body, dial_call_duration: '60' })).endedAt).toBe('2021-09-24T01:35:44.000Z');
  });

  it('call event: numbers, answering party and status', () => {
    const body = { ...fixture('call-event-insights.json'), greenvn: '+918040001001', from: '+919811000001', to: '+919876543210', dial_call_status: 'busy' };
    expect(calls.read(post(body))).toMatchObject({ status: 'BUSY', to: '+918040001001', from: '+919811000001', forwardedTo: '+919876543210', answeredBy: undefined });
    expect(calls.read(post({ ...body, dial_call_status: 'completed' }))).toMatchObject({ status: 'ANSWERED', answeredBy: '+919876543210' });
  });

  it('deallocation sample: the allocation by greenvn_id, the masked GreenVN unread', () => {
    const body = fixture('deallocation-event.json');
    const payload = deallocations.read(post(body));
    expect(payload).toEqual({ allocationRef: 'fffe1797-b738-483f-a5a6-757ddfb15e78', greenVN: undefined, raw: body });
    expect(deallocations.eventKey(payload)).toBe('deallocated:fffe1797-b738-483f-a5a6-757ddfb15e78');
  });

  it('successful verification: names the allocation, the caller and the pin', () => {
    const body = fixture('verification-success.json');
    const payload = verifications.read(post(body));
    expect(payload).toMatchObject({ kind: 'CALLER_VERIFIED', allocationRef: 'fffe1797-b738-483f-a5a6-757ddfb15e78', connectionId: 'YOUR_CONNECTION_ID', greenVN: '+918040001001', caller: '+919811000001', pin: '1234' });
    expect(verifications.eventKey(payload)).toBe('verified:fffe1797-b738-483f-a5a6-757ddfb15e78:+919811000001:1234');
  });

  it('failed verification: no connection id, only the call, GreenVN and caller', () => {
    const body = fixture('verification-failed.json');
    const payload = verifications.read(post(body));
    expect(payload).toMatchObject({ kind: 'VERIFICATION_FAILED', callSid: '53fa8e40bb1a4c0c9d2e7f257c439151', greenVN: '+918040001001', caller: '+919811000002', pin: '9999', at: '2021-11-09T04:39:15.000Z' });
    expect(verifications.eventKey(payload)).toBe('failed:53fa8e40bb1a4c0c9d2e7f257c439151');
  });

  it.each([
    ['calls', undefined, 'expected a JSON object'],
    ['calls', [fixture('call-event.json')], 'expected a JSON object'],
    ['calls', { from: '+919811000001' }, 'call_sid is missing'],
    ['deallocations', { connection_id: 'x' }, 'greenvn_id is missing'],
    ['verifications', { greenvn_id: 'g', caller: 'nobody', pin: '1' }, 'caller is not a phone number'],
    ['verifications', { greenvn_id: 'g', caller: '+919811000001' }, 'pin is missing'],
    ['verifications', { greenvn: '+918040001001', caller: '+919811000001' }, 'call_sid is missing'],
  ])('%s: a payload it cannot read is refused with a reason (%j)', (event, body, reason) => {
    const r = route(event);
    expect(() => r.read(post(body))).toThrow(new WebhookPayloadError(reason));
    expect(r.reply({ ok: false, status: 400, reason })).toEqual({ status: 400, body: { status: 'error', reason } });
  });

  it('replies 200 with JSON, duplicates too', () => {
    expect(calls.reply({ ok: true, payload: {}, result: undefined, duplicate: false })).toEqual({ status: 200, body: { status: 'ok' } });
    expect(verifications.reply({ ok: true, payload: {}, result: undefined, duplicate: true })).toEqual({ status: 200, body: { status: 'ok' } });
  });
});

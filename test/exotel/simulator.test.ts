import { describe, expect, it } from 'vitest';
import { exotelModule } from '../../src/datasources/exotel/module.js';
import { webhookRoutes } from '../../src/datasources/exotel/webhooks.js';
import { DEFAULT_POOL, MAX_PARTY_SIZE, regionOfPinCode } from '../../src/datasources/exotel/simulator.js';
import { toE164 } from '../../src/domain/phone.js';
import type { WebhookRoute } from '../../src/webhooks/route.js';
import { exotelRequest, fixture, log, post, TZ, useSimulator } from './helpers.js';

const t = useSimulator();
let n = 0;

const call = (method: string, path = '', body?: unknown, auth?: string, raw?: string) => exotelRequest(t.sim, method, path, body, auth, raw);

const allocation = (over: Record<string, unknown> = {}) => ({ connection_id: `sim-${++n}`, aparty_numbers: ['+919811000001'], bparty_numbers: ['+919876543210'], usage: 'twoway', ...over });

async function data(greenvnId: string): Promise<Record<string, any>> {
  return (await call('GET', `/${greenvnId}`)).body.data;
}

async function create(over: Record<string, unknown> = {}) {
  const res = await call('POST', '', allocation(over));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as Record<string, any>;
}

async function expectCode(p: Promise<{ status: number; body: any }>, code: number, status: number) {
  const res = await p;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual([{ success: false, status, code, message: expect.any(String), data: null }]);
}

describe('inventory and wire format', () => {
  it('holds one mobile and one landline GreenVN per region, all valid E.164, and owns them', () => {
    expect(DEFAULT_POOL).toHaveLength(22);
    for (const vn of DEFAULT_POOL) {
      expect(toE164(vn.e164)).toBe(vn.e164);
      expect(t.sim.owns(vn.e164)).toBe(true);
    }
    expect(new Set(DEFAULT_POOL.map((vn) => `${vn.region}/${vn.type}`)).size).toBe(22);
    expect(t.sim.owns('+919811000001')).toBe(false);
  });

  it('answers success in the envelope with green_vn (the page’s name), and errors as a one-element array', async () => {
    const res = await call('POST', '', allocation());
    expect(res.body).toEqual({ success: true, status: 200, code: null, message: null, data: expect.objectContaining({ green_vn: expect.any(String), greenvn_id: expect.any(String), state: 'active' }) });
    await expectCode(call('GET', '/unknown'), 1, 404);
  });

  it('needs Basic auth (7/401) for the right tenant (8/403)', async () => {
    await expectCode(call('GET', '/x', undefined, 'nobody:nothing'), 7, 401);
    const res = await fetch(`${t.sim.baseUrl}/v1/tenants/${t.sim.live.tenantSid}/greenvn/x`);
    expect(res.status).toBe(401);
    const other = await fetch(`${t.sim.baseUrl}/v1/tenants/other/greenvn/x`, { headers: { authorization: `Basic ${Buffer.from(`${t.sim.live.apiKey}:${t.sim.live.apiToken}`).toString('base64')}` } });
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject([{ code: 8 }]);
  });
});

it('breaks in its own format: a body over 1 MB is code 0 / 500', async () => {
  await expectCode(call('POST', '', undefined, undefined, 'x'.repeat(1_100_000)), 0, 500);
});

describe('request rules and their codes', () => {
  it.each<[string, Record<string, unknown> | string, number, number]>([
    ['missing connection_id (3)', { connection_id: undefined }, 3, 400],
    ['missing usage (3)', { usage: undefined }, 3, 400],
    ['missing b-party (3)', { bparty_numbers: undefined }, 3, 400],
    ['an unknown usage (5)', { usage: 'threeway' }, 5, 400],
    ['numbers that are not a list (5)', { aparty_numbers: '+919811000001' }, 5, 400],
    ['a bad pin (5)', { aparty_pins: [-4] }, 5, 400],
    ['a bad duration (5)', { deallocation_policy: { duration: 'soon' } }, 5, 400],
    ['a duration beyond 170 days (5)', { deallocation_policy: { duration: '171d' } }, 5, 400],
    ['strictness that is no boolean (5)', { strictness: 'maybe' }, 5, 400],
    ['an unknown number type (5)', { preferences: { type: 'satellite' } }, 5, 400],
    ['a bad pin code (5)', { preferences: { pin_code: '12' } }, 5, 400],
    ['a body that is not JSON (5)', '{"connection_id":', 5, 400],
    ['an unsupported preference (2)', { preferences: { city: 'Pune' } }, 2, 400],
    ['an invalid number (16)', { aparty_numbers: ['+91123'] }, 16, 400],
    ['a national number (16)', { bparty_numbers: ['09876543210'] }, 16, 400],
    ['an invalid preferred VN (16)', { preferences: { greenvn: '12345' } }, 16, 400],
    ['duplicates in a party (13)', { aparty_numbers: ['+919811000001', '+919811000001'] }, 13, 409],
    ['the same number on both sides (14)', { bparty_numbers: ['+919811000001'] }, 14, 409],
    ['an unsupported region (15)', { preferences: { region: 'UP' } }, 15, 403],
    ['too many numbers in a party (17)', { aparty_numbers: Array.from({ length: MAX_PARTY_SIZE + 1 }, (_, i) => `+9198110000${String(i).padStart(2, '0')}`) }, 17, 413],
    ['one pin on both sides (19)', { aparty_pins: [1234], bparty_pins: [1234] }, 19, 409],
    ['an unknown flow id (50)', { flow_id: '999' }, 50, 422],
  ])('create refuses %s', async (_, over, code, status) => {
    await expectCode(typeof over === 'string' ? call('POST', '', undefined, undefined, over) : call('POST', '', allocation(over)), code, status);
  });

  it('a connection id held by an active allocation is 18; free again after deletion', async () => {
    const first = await create({ connection_id: 'shared' });
    await expectCode(call('POST', '', allocation({ connection_id: 'shared' })), 18, 409);
    await call('DELETE', `/${first.greenvn_id}`);
    await create({ connection_id: 'shared' });
  });

  it('deleting twice is 22/410; an unknown id is 1/404; updating a deleted one is 22', async () => {
    const a = await create();
    expect((await call('DELETE', `/${a.greenvn_id}`)).body.data.state).toBe('vault');
    await expectCode(call('DELETE', `/${a.greenvn_id}`), 22, 410);
    await expectCode(call('PUT', `/${a.greenvn_id}/call-party`, { aparty_numbers: ['+919811000009'] }), 22, 410);
    await expectCode(call('PUT', `/${a.greenvn_id}/vn`, {}), 22, 410);
    await expectCode(call('DELETE', '/no-such-id'), 1, 404);
    await expectCode(call('PATCH', `/${a.greenvn_id}`, {}), 5, 400);
  });

  it('strict preferences must all hold (else 4/452); loose ones get the best match', async () => {
    const strict = { strictness: 'true', preferences: { region: 'KA', type: 'mobile' } };
    expect(await create(strict)).toMatchObject({ green_vn: '+919807000001' });
    await expectCode(call('POST', '', allocation(strict)), 4, 452);
    await expectCode(call('POST', '', allocation({ ...strict, strictness: true })), 4, 452);
    // Region or type: the KA landline and every other mobile meet one of the two; the pool order picks.
    const loose = await create({ strictness: false, preferences: { region: 'KA', type: 'mobile' } });
    expect(DEFAULT_POOL.find((vn) => vn.e164 === loose.green_vn)).toSatisfy((vn: any) => vn.region === 'KA' || vn.type === 'mobile');
    expect(await create({ preferences: { greenvn: '+914844000100' } })).toMatchObject({ green_vn: '+914844000100' });
    expect(await create({ preferences: { pin_code: '400001', number_type: 'landline' }, strictness: 'true' })).toMatchObject({ green_vn: '+912240001001' });
  });

  it('PIN codes map to their region, or the nearest one', () => {
    expect(regionOfPinCode('110001')).toBe('DL');
    expect(regionOfPinCode('560001')).toBe('KA');
    expect(regionOfPinCode('682001')).toBe('KL');
    expect(regionOfPinCode('781001')).toBe('WB');
    expect(regionOfPinCode('190001')).toBe('DL');
  });

  it('the pool runs dry: 4/452', async () => {
    await t.restart({ pool: DEFAULT_POOL.slice(0, 2) });
    await create();
    await create();
    await expectCode(call('POST', '', allocation()), 4, 452);
  });

  it('update parties changes only what is sent and checks the result', async () => {
    const a = await create({ aparty_pins: [11] });
    const res = await call('PUT', `/${a.greenvn_id}/call-party`, { bparty_numbers: ['+919876543211', '+919876543212'], bparty_pins: ['22'] });
    expect(res.body.data).toMatchObject({ aparty_numbers: ['+919811000001'], bparty_numbers: ['+919876543211', '+919876543212'], aparty_pins: [11], bparty_pins: [22], usage: 'twoway' });
    await expectCode(call('PUT', `/${a.greenvn_id}/call-party`, { usage: 'oneway' }), 3, 400);
    await expectCode(call('PUT', `/${a.greenvn_id}/call-party`, { aparty_numbers: ['+919876543211'] }), 14, 409);
    await expectCode(call('PUT', `/${a.greenvn_id}/call-party`, { aparty_numbers: ['+919811000001'], bparty_pins: [11] }), 19, 409);
  });

  it('update VN takes another free VN; an empty body takes any', async () => {
    const a = await create({ preferences: { greenvn: '+919800000001' } });
    const moved = (await call('PUT', `/${a.greenvn_id}/vn`, { strictness: 'false', preferences: { region: 'KA', number_type: 'landline' } })).body.data;
    expect(moved).toMatchObject({ green_vn: '+918040001001', greenvn_id: a.greenvn_id, connection_id: a.connection_id });
    const again = (await call('PUT', `/${a.greenvn_id}/vn`)).body.data;
    expect(again.green_vn).not.toBe('+918040001001');
    // The VN it left is free again.
    expect(await create({ preferences: { greenvn: '+918040001001' }, strictness: 'true' })).toMatchObject({ green_vn: '+918040001001' });
  });

  it('[inferred] looks an allocation up by connection id; other filters are 2', async () => {
    const a = await create({ connection_id: 'look-me-up' });
    expect((await call('GET', '?connection_id=look-me-up')).body.data).toEqual(a);
    await expectCode(call('GET', '?connection_id=nobody'), 1, 404);
    await expectCode(call('GET', '?region=KA'), 2, 400);
    await expectCode(call('GET', ''), 3, 400);
    await t.restart({ connectionLookup: false });
    await expectCode(call('GET', '?connection_id=look-me-up'), 2, 400);
  });
});

describe('deallocation policy', () => {
  it('expiry fires the deallocation callback (pins [null]) and frees the VN', async () => {
    const a = await create({ deallocation_policy: { duration: '600s' }, preferences: { greenvn: '+919801000001' } });
    await expect.poll(() => t.receiver.of('deallocations'), { timeout: 3000 }).toHaveLength(1);
    expect(t.receiver.hooks[0]!.token).toBe('test-token');
    // The deallocation callback names the VN `greenvn`, as the page's sample does.
    const { green_vn: greenvn, ...rest } = a;
    expect(t.receiver.of('deallocations')[0]).toEqual({ ...rest, greenvn, aparty_pins: [null], bparty_pins: [null], state: 'vault' });
    expect((await call('GET', `/${a.greenvn_id}`)).body.data.state).toBe('vault');
    expect(await create({ preferences: { greenvn: '+919801000001' }, strictness: 'true' })).toMatchObject({ green_vn: '+919801000001' });
  });

  it('no callback when deleted through the API, nor after the simulator closed', async () => {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 500));
    const a = await create({ deallocation_policy: { duration: '10m' } });
    await call('DELETE', `/${a.greenvn_id}`);
    await pause();
    await create({ deallocation_policy: { duration: '10m' } });
    await t.sim.close();
    await pause();
    expect(t.receiver.hooks).toHaveLength(0);
  });

  it('update parties and update VN do not extend the policy', async () => {
    const a = await create({ deallocation_policy: { duration: '600s' } });
    await call('PUT', `/${a.greenvn_id}/call-party`, { aparty_numbers: ['+919811000002'] });
    await call('PUT', `/${a.greenvn_id}/vn`, {});
    await expect.poll(() => t.receiver.of('deallocations'), { timeout: 3000 }).toHaveLength(1);
    expect(t.receiver.of('deallocations')[0]).toMatchObject({ greenvn_id: a.greenvn_id, aparty_numbers: ['+919811000002'] });
  });
});

describe('incoming calls', () => {
  const routes = webhookRoutes({ timezone: TZ });
  const route = (event: string) => routes.find((r) => r.event === event) as WebhookRoute<any, unknown>;
  /** What our route reads from everything the simulator sent to one URL (applying them is the gateway's, test/exotel/e2e.test.ts). */
  const readAll = (event: string) => t.receiver.of(event).map((body) => route(event).read(post(body)));

  /** An Exotel time in the field table's form, read in the sandbox account's zone (IST). */
  const ist = (time: unknown) => Date.parse(`${String(time).replace(' ', 'T')}+05:30`);

  async function answeredCall(seconds: number) {
    const a = await create({ aparty_numbers: ['+919811000001'], bparty_numbers: ['+919876543210'] });
    const placed = await t.sim.simulateIncomingCall({ to: a.green_vn, from: '+919811000001', outcome: 'ANSWERED', durationSeconds: seconds });
    await t.sim.drain();
    return { a, placed, event: t.receiver.of('calls')[0]!, patch: readAll('calls')[0]! };
  }

  it('a registered caller: one call event when the call ends, as the field table and samples write it, readable by our calls route', async () => {
    const started = Date.now();
    const { a, placed, event, patch } = await answeredCall(45);
    expect(placed.provider).toBe('EXOTEL');
    expect(t.receiver.hooks.map((h) => h.event)).toEqual(['calls']);
    // The second leg rang 5 s, then the parties talked 45 s (as in the samples, dial > on-call).
    expect(event).toEqual({
      start_time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      direction: 'incoming',
      source: 'exotel',
      dial_call_duration: '50',
      connection_id: a.connection_id,
      dial_call_status: 'completed',
      greenvn: a.green_vn,
      recording_url: expect.stringMatching(/^https:\/\/.*\.mp3$/),
      on_call_duration: '45',
      greenvn_id: a.greenvn_id,
      call_type: 'completed',
      call_sid: expect.stringMatching(/^[0-9a-f]{32}$/),
      to: '+919876543210',
      current_time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      from: '+919811000001',
    });
    expect(event.call_sid).toBe(placed.providerCallId);
    // start_time is now in IST; current_time ("Current time") is when the event was built, after the call.
    expect(Math.abs(ist(event.start_time) - started)).toBeLessThan(2000);
    expect(ist(event.current_time) - ist(event.start_time)).toBe(55_000);

    expect(patch).toMatchObject({
      providerCallId: placed.providerCallId,
      status: 'ANSWERED',
      to: a.green_vn,
      from: '+919811000001',
      forwardedTo: '+919876543210',
      answeredBy: '+919876543210',
      allocationRef: a.greenvn_id,
      durationSeconds: 45,
      dialSeconds: 50,
      direction: 'incoming',
      platform: 'exotel',
      reportedAt: new Date(ist(event.current_time)).toISOString(),
    });
    expect(Math.abs(Date.parse(patch.startedAt!) - started)).toBeLessThan(2000);
    expect(patch.recordingUrl).toBe(event.recording_url);
  });

  it('[issue 15 #5] our route ends the call at start + dial_call_duration, not at current_time', async () => {
    const { patch } = await answeredCall(45);
    expect(Date.parse(patch.endedAt!) - Date.parse(patch.startedAt!)).toBe(50_000);
    expect(Date.parse(patch.reportedAt!) - Date.parse(patch.endedAt!)).toBe(5_000);
  });

  it.each([
    ['MISSED', 'incomplete', 'no-answer'],
    ['BUSY', 'incomplete', 'busy'],
    ['VOICEMAIL', 'voicemail', 'no-answer'],
    ['FAILED', 'incomplete', 'failed'],
  ] as const)('outcome %s is call_type %s / dial_call_status %s, no recording', async (outcome, callType, dialStatus) => {
    const a = await create();
    await t.sim.simulateIncomingCall({ to: a.green_vn, from: '+919876543210', outcome });
    await t.sim.drain();
    expect(t.receiver.of('calls')[0]).toMatchObject({ call_type: callType, dial_call_status: dialStatus, recording_url: 'null', to: '+919811000001' });
    // Not answered: the other party was still called (forwardedTo), but answered nothing.
    expect(readAll('calls').map((p) => [p.status, p.forwardedTo, p.answeredBy, p.durationSeconds])).toEqual([[outcome, '+919811000001', undefined, 0]]);
  });

  it('one-way: the b-party cannot get through', async () => {
    const a = await create({ usage: 'oneway' });
    await t.sim.simulateIncomingCall({ to: a.green_vn, from: '+919876543210', outcome: 'ANSWERED' });
    await t.sim.drain();
    expect(t.receiver.of('calls')[0]).toMatchObject({ dial_call_status: 'failed', dial_call_duration: '0', on_call_duration: '0' });
  });

  it('an unregistered caller with a right pin: verification, joins the party, then the call', async () => {
    const a = await create({ bparty_pins: [4321] });
    const placed = await t.sim.simulateIncomingCall({ to: a.green_vn, from: '+919811000007', outcome: 'ANSWERED', pin: '4321' });
    await t.sim.drain();
    expect(t.receiver.hooks.map((h) => h.event)).toEqual(['verifications', 'calls']);
    expect(t.receiver.of('verifications')[0]).toEqual({ connection_id: a.connection_id, greenvn: a.green_vn, greenvn_id: a.greenvn_id, caller: '+919811000007', pin: '4321' });
    expect(t.receiver.of('calls')[0]).toMatchObject({ call_sid: placed.providerCallId, from: '+919811000007', to: '+919811000001' });
    expect((await data(a.greenvn_id)).bparty_numbers).toEqual(['+919876543210', '+919811000007']);
    expect(readAll('verifications')).toEqual([expect.objectContaining({ kind: 'CALLER_VERIFIED', allocationRef: a.greenvn_id, caller: '+919811000007', pin: '4321' })]);
  });

  it('an unregistered caller with a wrong pin (or none): a failed verification only', async () => {
    const a = await create({ aparty_pins: [1111] });
    const placed = await t.sim.simulateIncomingCall({ to: a.green_vn, from: '+919811000008', outcome: 'ANSWERED', pin: '2222' });
    await t.sim.simulateIncomingCall({ to: a.green_vn, from: '+919811000009', outcome: 'ANSWERED' });
    await t.sim.drain();
    expect(t.receiver.hooks.map((h) => h.event)).toEqual(['verifications', 'verifications']);
    expect(t.receiver.of('verifications')[0]).toEqual({ call_sid: placed.providerCallId, greenvn: a.green_vn, start_time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/), caller: '+919811000008', pin: '2222' });
    expect(readAll('verifications').map((e) => [e.kind, e.caller])).toEqual([
      ['VERIFICATION_FAILED', '+919811000008'],
      ['VERIFICATION_FAILED', '+919811000009'],
    ]);
    expect((await data(a.greenvn_id)).aparty_numbers).toEqual(['+919811000001']);
  });

  it('a GreenVN without an active allocation takes no call', async () => {
    await expect(t.sim.simulateIncomingCall({ to: '+919810000001', from: '+919811000001', outcome: 'ANSWERED' })).rejects.toThrow(/no active GreenVN allocation/);
  });
});

describe('the vendor page’s own samples', () => {
  it('the create body (curl sample) allocates; the update-VN body moves it to another VN', async () => {
    const created = await call('POST', '', fixture('create-request.json'));
    expect(created.body).toEqual({
      success: true,
      status: 200,
      code: null,
      message: null,
      data: { connection_id: 'X1', aparty_numbers: ['+919176226528', '+911234567891'], bparty_numbers: ['+918136966620'], usage: 'twoway', state: 'active', green_vn: expect.any(String), greenvn_id: expect.any(String) },
    });
    const moved = await call('PUT', `/${created.body.data.greenvn_id}/vn`, fixture('update-vn-request.json'));
    // Loose (strictness "false"): the sample's VN is not in the pool, so the one meeting region and type.
    expect(moved.body.data).toMatchObject({ connection_id: 'X1', green_vn: '+918040001001', state: 'active' });
  });
});

describe('inferred variants (README "Documented and inferred")', () => {
  const routes = webhookRoutes({ timezone: TZ });
  const readCall = (body: Record<string, unknown>) => (routes.find((r) => r.event === 'calls') as WebhookRoute<any, unknown>).read(post(body));
  const port = () => exotelModule.create(t.sim.live, { log, timeoutMs: 2000, webhookUrl: (e) => e });

  async function callEvent() {
    const a = await create();
    await t.sim.simulateIncomingCall({ to: a.green_vn, from: '+919811000001', outcome: 'ANSWERED', durationSeconds: 10 });
    await t.sim.drain();
    return t.receiver.of('calls').at(-1)!;
  }

  it.each([
    ['plain', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/],
    ['iso', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/],
    ['bogusOffset', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+50:30$/],
  ] as const)('timestamps %s: each form is read as the same moment', async (timestamps, form) => {
    await t.restart({ variants: { timestamps } });
    const started = Date.now();
    const event = await callEvent();
    expect(event.start_time).toMatch(form);
    expect(event.current_time).toMatch(form);
    expect(Math.abs(Date.parse(readCall(event).startedAt!) - started)).toBeLessThan(2000);
  });

  it('durations as numbers, and the Call Insights block', async () => {
    await t.restart({ variants: { durations: 'numbers', insights: true } });
    const event = await callEvent();
    expect(event).toMatchObject({ dial_call_duration: 15, on_call_duration: 10, insights: { DisconnectedBy: 'Caller', Status: 'completed', DetailedStatus: 'CALL_COMPLETED', RingingDuration: '5.00' } });
    // Talk time is on_call_duration; the dial duration and the insights keep their own fields.
    expect(readCall(event)).toMatchObject({
      durationSeconds: 10,
      dialSeconds: 15,
      ringingSeconds: 5,
      disconnectedBy: 'Caller',
      detailedStatus: 'CALL_COMPLETED',
      raw: { call: { insights: event.insights } },
    });
  });

  it.each(['greenvn', 'both'] as const)('the VN as %s: our client reads it', async (vnField) => {
    await t.restart({ variants: { vnField } });
    const data = await create();
    expect(Object.keys(data).filter((k) => /^green_?vn$/.test(k)).sort()).toEqual(vnField === 'both' ? ['green_vn', 'greenvn'] : ['greenvn']);
    const allocation = await port().allocate!({ connectionId: `variant-${++n}`, aPartyNumbers: ['+919811000001'], bPartyNumbers: ['+919876543210'], usage: 'TWO_WAY' });
    expect(allocation.greenVN).toMatch(/^\+91\d{10}$/);
  });

  it('other documented call words: client-hangup, canceled and the la-null status seen in Exotel’s samples', async () => {
    const outcomes = { ...t.sim.variants.outcomes, MISSED: { callType: 'client-hangup', dialStatus: 'la-null', detailedStatus: 'NO_ANSWER' }, FAILED: { callType: 'incomplete', dialStatus: 'canceled', detailedStatus: 'CALL_FAILED' } };
    await t.restart({ variants: { outcomes } });
    const a = await create();
    for (const outcome of ['MISSED', 'FAILED'] as const) {
      await t.sim.simulateIncomingCall({ to: a.green_vn, from: '+919811000001', outcome });
      await t.sim.drain();
    }
    const events = t.receiver.of('calls');
    expect(events.map((e) => [e.call_type, e.dial_call_status])).toEqual([
      ['client-hangup', 'la-null'],
      ['incomplete', 'canceled'],
    ]);
    expect(events.map((e) => readCall(e).status)).toEqual(['MISSED', 'FAILED']);
  });

  it('errors without the array: still the same codes for our client', async () => {
    await t.restart({ variants: { errorsInArray: false } });
    expect((await call('GET', '/unknown')).body).toEqual({ success: false, status: 404, code: 1, message: 'Could not find the given GreenVN', data: null });
    await create({ connection_id: 'taken' });
    await expect(port().allocate!({ connectionId: 'taken', aPartyNumbers: ['+919811000002'], bPartyNumbers: ['+919876543212'], usage: 'TWO_WAY' })).rejects.toMatchObject({ code: 'DUPLICATE_CONNECTION_ID' });
  });
});

/**
 * Exotel GreenVN end to end, as a frontend sees it: GraphQL over HTTP and graphql-ws against
 * a real gateway whose Exotel is the sandbox simulator, callbacks arriving over loopback.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExotelSimulator } from '../../src/datasources/exotel/simulator.js';
import { providerKey, toGlobalId } from '../../src/types/node.js';
import {
  ExotelAllocateDocument,
  ExotelAllocationDocument,
  ExotelAllocationsDocument,
  ExotelDeallocateDocument,
  ExotelProvisionDocument,
  ExotelReassignDocument,
  ExotelSimulateCallDocument,
  ExotelUpdatePartiesDocument,
  OnAllocationEventDocument,
  OnCallEventDocument,
  SimulateIncomingCallDocument,
  type AllocateGreenVnInput,
} from '../generated/graphql.js';
import { startTestGateway, subscribe, type TestGateway } from '../helpers/gateway.js';
import { exotelRequest, fixture } from './helpers.js';

let gw: TestGateway;
let sim: ExotelSimulator;
beforeAll(async () => {
  gw = await startTestGateway();
  sim = gw.running.registry.entry('EXOTEL').simulator as ExotelSimulator;
});
afterAll(async () => {
  await gw?.close();
});

let n = 0;
/** A caller number no other test uses. */
const caller = () => `+9198110${String(++n).padStart(5, '0')}`;

async function allocate(input: Partial<AllocateGreenVnInput> = {}) {
  const { allocateGreenVN: r } = await gw.request(ExotelAllocateDocument, { input: { aPartyNumbers: [caller()], bPartyNumbers: [caller()], usage: 'TWO_WAY', ...input } });
  expect(r.userErrors).toEqual([]);
  return r.allocation!;
}

const read = async (id: string) => (await gw.request(ExotelAllocationDocument, { id })).allocation!;
const receipts = async (event: string) => gw.running.store.receipts.list('EXOTEL', event);

describe('allocate → call → update → reassign → deallocate', () => {
  it('runs the whole life of an allocation through GraphQL', async () => {
    const [a, b] = [caller(), caller()];
    const allocation = await allocate({
      aPartyNumbers: [a],
      bPartyNumbers: [b],
      aPartyPins: [1234],
      bPartyPins: [5678],
      usage: 'TWO_WAY',
      preferences: { region: 'KA', type: 'LANDLINE' },
      strict: true,
      flowId: '4521',
    });
    expect(allocation).toMatchObject({ provider: 'EXOTEL', state: 'ACTIVE', greenVN: '+918040001001', aPartyNumbers: [a], bPartyNumbers: [b], aPartyPins: [1234], bPartyPins: [5678], usage: 'TWO_WAY', flowId: '4521', expiresAt: null });
    // No connectionId given: the gateway made one, and Exotel holds it.
    expect(allocation.connectionId).toMatch(/^sb-[0-9a-f-]{36}$/);
    expect((await exotelRequest(sim, 'GET', `/${allocation.providerRef}`)).body.data).toMatchObject({ connection_id: allocation.connectionId, flow_id: '4521' });

    const calls = subscribe(gw.ws(), OnCallEventDocument, { filter: { allocationId: allocation.id } });
    const events = subscribe(gw.ws(), OnAllocationEventDocument, { filter: { allocationId: allocation.id } });
    await Promise.all([calls.ready, events.ready]);

    const { simulateIncomingCall: placed } = await gw.request(SimulateIncomingCallDocument, { input: { from: a, to: allocation.greenVN!, outcome: 'ANSWERED', durationSeconds: 20 } });
    const { callEvents: call } = await calls.next();
    expect(call).toMatchObject({
      provider: 'EXOTEL',
      providerCallId: placed.providerCallId,
      status: 'ANSWERED',
      from: a,
      to: allocation.greenVN,
      forwardedTo: b,
      answeredBy: b,
      // Talk time; dial_call_duration, "the second leg", is 5 s of ringing before it (as in Exotel's samples, dial > on-call).
      durationSeconds: 20,
      dialSeconds: 25,
      direction: 'incoming',
      platform: 'exotel',
      allocationRef: allocation.providerRef,
      allocation: { id: allocation.id, greenVN: allocation.greenVN },
    });
    // The call ended with its second leg; Exotel reported it 5 s later (current_time).
    expect(Date.parse(call.endedAt!) - Date.parse(call.startedAt!)).toBe(25_000);
    expect(Date.parse(call.reportedAt!) - Date.parse(call.endedAt!)).toBe(5_000);
    expect((await read(allocation.id)).calls).toEqual([{ providerCallId: placed.providerCallId, status: 'ANSWERED', from: a, answeredBy: b }]);

    const newB = caller();
    const { updateAllocationParties: updated } = await gw.request(ExotelUpdatePartiesDocument, { input: { allocationId: allocation.id, bPartyNumbers: [newB], usage: 'ONE_WAY' } });
    expect(updated.userErrors).toEqual([]);
    expect(updated.allocation).toMatchObject({ id: allocation.id, aPartyNumbers: [a], bPartyNumbers: [newB], bPartyPins: [5678], usage: 'ONE_WAY', greenVN: '+918040001001' });

    const { reassignGreenVN: moved } = await gw.request(ExotelReassignDocument, { input: { allocationId: allocation.id, strict: true, preferences: { region: 'MU', type: 'MOBILE' } } });
    expect(moved.userErrors).toEqual([]);
    expect(moved.allocation).toMatchObject({ id: allocation.id, greenVN: '+919801000001', bPartyNumbers: [newB], state: 'ACTIVE' });
    // The old GreenVN no longer takes calls; the new one does (one-way: the b-party is not put through).
    const old = await gw.request(ExotelSimulateCallDocument, { input: { from: a, to: allocation.greenVN!, outcome: 'ANSWERED' } });
    expect(old.simulateIncomingCall).toEqual({ providerCallId: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'to'] }] });
    await gw.request(SimulateIncomingCallDocument, { input: { from: newB, to: '+919801000001', outcome: 'ANSWERED', durationSeconds: 5 } });
    expect((await calls.next()).callEvents).toMatchObject({ status: 'FAILED', from: newB, to: '+919801000001', allocation: { id: allocation.id, greenVN: '+919801000001' } });

    const { deallocateGreenVN: ended } = await gw.request(ExotelDeallocateDocument, { input: { allocationId: allocation.id } });
    expect(ended.userErrors).toEqual([]);
    expect(ended.allocation).toMatchObject({ id: allocation.id, state: 'DEALLOCATED' });
    const again = await gw.request(ExotelDeallocateDocument, { input: { allocationId: allocation.id } });
    expect(again.deallocateGreenVN).toEqual({ allocation: null, userErrors: [expect.objectContaining({ code: 'ALREADY_DEALLOCATED', field: ['input', 'allocationId'] })] });

    expect((await Promise.all([events.next(), events.next(), events.next()])).map((e) => [e.allocationEvents.kind, e.allocationEvents.greenVN])).toEqual([
      ['UPDATED', '+918040001001'],
      ['UPDATED', '+919801000001'],
      ['DEALLOCATED', '+919801000001'],
    ]);
    calls.stop();
    events.stop();
    const final = await read(allocation.id);
    expect(final).toMatchObject({ state: 'DEALLOCATED', greenVN: '+919801000001', bPartyNumbers: [newB], usage: 'ONE_WAY' });
    expect(final.calls.map((c) => c.status)).toEqual(['FAILED', 'ANSWERED']);
  });

  it('a change keeps when the allocation was made and when it expires (Exotel’s answers carry neither)', async () => {
    const allocation = await allocate({ deallocateAfterSeconds: 86_400 });
    const kept = { createdAt: allocation.createdAt, expiresAt: allocation.expiresAt };
    expect(kept.expiresAt).toEqual(expect.any(String));
    const { updateAllocationParties: updated } = await gw.request(ExotelUpdatePartiesDocument, { input: { allocationId: allocation.id, bPartyNumbers: [caller()] } });
    expect(updated.allocation).toMatchObject(kept);
    const { reassignGreenVN: moved } = await gw.request(ExotelReassignDocument, { input: { allocationId: allocation.id, strict: false } });
    expect(moved.allocation).toMatchObject(kept);
    expect(await read(allocation.id)).toMatchObject(kept);
  });

  it('expiry by policy: the simulator’s timer fires the deallocation callback, seen on allocationEvents', async () => {
    const events = subscribe(gw.ws(), OnAllocationEventDocument, { filter: { provider: 'EXOTEL', kinds: ['DEALLOCATED'] } });
    await events.ready;
    const before = Date.now();
    // 300 s of policy: 0.3 s at the test time scale.
    const allocation = await allocate({ deallocateAfterSeconds: 300 });
    expect(Date.parse(allocation.expiresAt!) - before).toBeGreaterThanOrEqual(300_000);

    const { allocationEvents: event } = await events.next();
    events.stop();
    expect(event).toMatchObject({ provider: 'EXOTEL', kind: 'DEALLOCATED', allocationRef: allocation.providerRef, greenVN: allocation.greenVN });
    expect(await read(allocation.id)).toMatchObject({ state: 'DEALLOCATED', expiresAt: allocation.expiresAt, createdAt: allocation.createdAt });
    expect((await receipts('deallocations')).find((r) => r.event_key === `deallocated:${allocation.providerRef}`)?.status).toBe('applied');

    const late = await gw.request(ExotelDeallocateDocument, { input: { allocationId: allocation.id } });
    expect(late.deallocateGreenVN.userErrors.map((e) => e.code)).toEqual(['ALREADY_DEALLOCATED']);
  });
});

describe('PIN verification', () => {
  it('an unregistered caller with a pin is verified, joins its party, and the call follows', async () => {
    const allocation = await allocate({ aPartyPins: [2468] });
    const events = subscribe(gw.ws(), OnAllocationEventDocument, { filter: { allocationId: allocation.id } });
    const calls = subscribe(gw.ws(), OnCallEventDocument, { filter: { allocationId: allocation.id } });
    await Promise.all([events.ready, calls.ready]);

    const stranger = caller();
    const { simulateIncomingCall: placed } = await gw.request(SimulateIncomingCallDocument, { input: { from: stranger, to: allocation.greenVN!, pin: '2468', durationSeconds: 5 } });
    expect((await events.next()).allocationEvents).toMatchObject({ kind: 'CALLER_VERIFIED', allocationRef: allocation.providerRef, greenVN: allocation.greenVN, caller: stranger, pin: '2468' });
    expect((await calls.next()).callEvents).toMatchObject({ providerCallId: placed.providerCallId, from: stranger, answeredBy: allocation.bPartyNumbers[0] });
    expect((await read(allocation.id)).aPartyNumbers).toEqual([...allocation.aPartyNumbers, stranger]);

    const wrong = caller();
    const { simulateIncomingCall: refused } = await gw.request(SimulateIncomingCallDocument, { input: { from: wrong, to: allocation.greenVN!, pin: '1357' } });
    // The failed verification names the call it came from (call_sid).
    expect((await events.next()).allocationEvents).toMatchObject({ kind: 'VERIFICATION_FAILED', allocationRef: allocation.providerRef, caller: wrong, pin: '1357', providerCallId: refused.providerCallId });
    expect(await calls.drain(200)).toEqual([]);
    events.stop();
    calls.stop();
    expect((await read(allocation.id)).aPartyNumbers).toEqual([...allocation.aPartyNumbers, stranger]);
  });
});

describe('callbacks about allocations the gateway does not hold', () => {
  const unknown = 'fffe1797-b738-483f-a5a6-757ddfb15e78';

  it('deallocations and verifications are unmatched: nothing published, a redelivery is not a duplicate', async () => {
    const events = subscribe(gw.ws(), OnAllocationEventDocument, { filter: { provider: 'EXOTEL' } });
    await events.ready;
    const payloads: Array<[string, Record<string, unknown>, string]> = [
      ['deallocations', fixture('deallocation-event.json'), `deallocated:${unknown}`],
      ['verifications', fixture('verification-success.json'), `verified:${unknown}:+919811000001:1234`],
      // A GreenVN no allocation holds.
      ['verifications', { ...fixture('verification-failed.json'), greenvn: '+918049999999' }, 'failed:53fa8e40bb1a4c0c9d2e7f257c439151'],
    ];
    for (const [event, body] of [...payloads, ...payloads]) expect((await gw.webhook(`exotel/${event}`, body)).status).toBe(200);
    expect(await events.drain(300)).toEqual([]);
    events.stop();
    for (const [event, , key] of payloads) {
      expect((await receipts(event)).filter((r) => r.event_key === key).map((r) => r.status)).toEqual(['unmatched', 'unmatched']);
    }
  });

  it('a deallocation callback for a stored allocation applies once; its redelivery is a duplicate', async () => {
    const allocation = await allocate();
    const body = { ...fixture('deallocation-event.json'), greenvn_id: allocation.providerRef, greenvn: allocation.greenVN };
    await gw.webhook('exotel/deallocations', body);
    await gw.webhook('exotel/deallocations', body);
    expect((await receipts('deallocations')).filter((r) => r.event_key === `deallocated:${allocation.providerRef}`).map((r) => r.status)).toEqual(['applied', 'duplicate']);
    expect((await read(allocation.id)).state).toBe('DEALLOCATED');
  });
});

describe('userErrors for what Exotel refuses', () => {
  it.each<[string, Partial<AllocateGreenVnInput>, string, string[] | null]>([
    ['one number on both sides', { aPartyNumbers: ['+919811099001'], bPartyNumbers: ['+919811099001'] }, 'SAME_NUMBER_BOTH_PARTIES', ['input', 'bPartyNumbers', '0']],
    ['the same pin on both sides (19)', { aPartyPins: [42], bPartyPins: [42] }, 'PIN_CONFLICT', null],
    ['a call flow the account lacks (50)', { flowId: '9999' }, 'INVALID_CALL_FLOW', ['input', 'flowId']],
    ['a region Exotel does not serve', { preferences: { region: 'XX' } }, 'REGION_NOT_SUPPORTED', ['input', 'preferences', 'region']],
  ])('%s', async (_, input, code, field) => {
    const { allocateGreenVN: r } = await gw.request(ExotelAllocateDocument, { input: { aPartyNumbers: [caller()], bPartyNumbers: [caller()], usage: 'TWO_WAY', ...input } });
    expect(r).toEqual({ allocation: null, userErrors: [{ code, field, message: expect.any(String) }] });
  });

  it('a connection id of 255 random characters is kept; a longer one is VALIDATION_FAILED before Exotel (the store could not index 4,000)', async () => {
    const id = (length: number) => randomBytes(length).toString('base64url').slice(0, length);
    const kept = await allocate({ connectionId: id(255) });
    expect((await read(kept.id)).connectionId).toHaveLength(255);
    for (const length of [256, 4_000]) {
      const seen = sim.requests.length;
      const { allocateGreenVN: r } = await gw.request(ExotelAllocateDocument, { input: { connectionId: id(length), aPartyNumbers: [caller()], bPartyNumbers: [caller()], usage: 'TWO_WAY' } });
      expect(r).toEqual({ allocation: null, userErrors: [{ code: 'VALIDATION_FAILED', field: ['input', 'connectionId'], message: 'A connection id has at most 255 characters' }] });
      expect(sim.requests.length).toBe(seen);
    }
  });

  it('a taken connection id (18) is DUPLICATE_CONNECTION_ID', async () => {
    const first = await allocate({ connectionId: 'e2e-duplicate' });
    expect(first.connectionId).toBe('e2e-duplicate');
    const { allocateGreenVN: r } = await gw.request(ExotelAllocateDocument, { input: { connectionId: 'e2e-duplicate', aPartyNumbers: [caller()], bPartyNumbers: [caller()], usage: 'TWO_WAY' } });
    expect(r.userErrors.map((e) => e.code)).toEqual(['DUPLICATE_CONNECTION_ID']);
  });

  it('no free GreenVN meets a strict request (4/452): NO_NUMBER_AVAILABLE; without strictness another VN', async () => {
    const held = await allocate({ preferences: { region: 'KL', type: 'MOBILE' }, strict: true });
    const strict = await gw.request(ExotelAllocateDocument, { input: { aPartyNumbers: [caller()], bPartyNumbers: [caller()], usage: 'TWO_WAY', preferences: { greenVN: held.greenVN }, strict: true } });
    expect(strict.allocateGreenVN.userErrors.map((e) => e.code)).toEqual(['NO_NUMBER_AVAILABLE']);
    const lenient = await allocate({ preferences: { greenVN: held.greenVN }, strict: false });
    expect(lenient.greenVN).not.toBe(held.greenVN);
    const moved = await gw.request(ExotelReassignDocument, { input: { allocationId: lenient.id, strict: true, preferences: { greenVN: held.greenVN } } });
    expect(moved.reassignGreenVN.userErrors.map((e) => e.code)).toEqual(['NO_NUMBER_AVAILABLE']);
  });

  it('deleted at Exotel behind the gateway’s back (22/410): ALREADY_DEALLOCATED', async () => {
    const allocation = await allocate();
    expect((await exotelRequest(sim, 'DELETE', `/${allocation.providerRef}`)).status).toBe(200);
    const { deallocateGreenVN: r } = await gw.request(ExotelDeallocateDocument, { input: { allocationId: allocation.id } });
    expect(r.userErrors.map((e) => e.code)).toEqual(['ALREADY_DEALLOCATED']);
    // The gateway's record follows Exotel at once, not at the next refresh.
    expect((await gw.running.store.allocations.find('EXOTEL', { providerRef: allocation.providerRef }))?.state).toBe('DEALLOCATED');
    const update = await gw.request(ExotelUpdatePartiesDocument, { input: { allocationId: allocation.id, aPartyNumbers: [caller()] } });
    expect(update.updateAllocationParties.userErrors.map((e) => e.code)).toEqual(['ALREADY_DEALLOCATED']);
  });

  it('provisionNumbers is not an Exotel operation: UNSUPPORTED_BY_PROVIDER', async () => {
    const { provisionNumbers: r } = await gw.request(ExotelProvisionDocument, {});
    expect(r).toEqual({ orders: [], userErrors: [{ code: 'UNSUPPORTED_BY_PROVIDER', message: expect.stringContaining('EXOTEL') }] });
  });
});

describe('reading allocations', () => {
  /** Make the stored record look last read from Exotel two minutes ago. */
  async function age(providerRef: string) {
    const { store } = gw.running;
    const stored = (await store.allocations.find('EXOTEL', { providerRef }))!;
    await store.allocations.save({ ...stored, refreshedAt: new Date(Date.now() - 120_000).toISOString() });
  }

  it('allocation and allocations are the gateway’s record, refreshed from Exotel once stale', async () => {
    const changed = await allocate();
    const ended = await allocate();
    const newA = caller();
    // Changes made at Exotel, not through the gateway.
    expect((await exotelRequest(sim, 'PUT', `/${changed.providerRef}/call-party`, { aparty_numbers: [newA] })).status).toBe(200);
    expect((await exotelRequest(sim, 'DELETE', `/${ended.providerRef}`)).status).toBe(200);

    const { simulateIncomingCall: placed } = await gw.request(SimulateIncomingCallDocument, { input: { from: newA, to: changed.greenVN!, durationSeconds: 1 } });
    await sim.drain();

    // Fresh records are served as stored.
    expect((await read(changed.id)).aPartyNumbers).toEqual(changed.aPartyNumbers);

    await age(changed.providerRef);
    const refreshed = await read(changed.id);
    expect(refreshed).toMatchObject({ aPartyNumbers: [newA], state: 'ACTIVE', createdAt: changed.createdAt });
    expect(Date.now() - Date.parse(refreshed.refreshedAt)).toBeLessThan(10_000);

    await age(ended.providerRef);
    const { allocations } = await gw.request(ExotelAllocationsDocument, { filter: { provider: 'EXOTEL' } });
    const nodes = allocations.edges.map((e) => e.node);
    expect(nodes.find((a) => a.id === ended.id)).toMatchObject({ state: 'DEALLOCATED' });
    expect(nodes.find((a) => a.id === changed.id)).toMatchObject({ state: 'ACTIVE', aPartyNumbers: [newA] });
    // Newest first.
    expect(nodes.findIndex((a) => a.id === ended.id)).toBeLessThan(nodes.findIndex((a) => a.id === changed.id));
    // Each allocation's calls, loaded in one batch for the page.
    expect(nodes.find((a) => a.id === changed.id)!.calls).toEqual([{ providerCallId: placed.providerCallId }]);
    expect(nodes.find((a) => a.id === ended.id)!.calls).toEqual([]);

    const active = await gw.request(ExotelAllocationsDocument, { filter: { provider: 'EXOTEL', state: 'ACTIVE' } });
    expect(active.allocations.edges.map((e) => e.node.state)).not.toContain('DEALLOCATED');
    expect(active.allocations.edges.map((e) => e.node.id)).not.toContain(ended.id);

    // Stored as active but gone at Exotel: the refresh finds out, and the active list leaves it out.
    const gone = await allocate();
    expect((await exotelRequest(sim, 'DELETE', `/${gone.providerRef}`)).status).toBe(200);
    await age(gone.providerRef);
    const stillActive = await gw.request(ExotelAllocationsDocument, { filter: { provider: 'EXOTEL', state: 'ACTIVE' } });
    expect(stillActive.allocations.edges.map((e) => e.node.id)).not.toContain(gone.id);
    expect((await read(gone.id)).state).toBe('DEALLOCATED');
  });

  it('an unknown allocation id is null', async () => {
    const stranger = toGlobalId('Allocation', providerKey('EXOTEL', '00000000-0000-0000-0000-000000000000'));
    expect((await gw.request(ExotelAllocationDocument, { id: stranger })).allocation).toBeNull();
  });
});

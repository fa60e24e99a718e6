/** Webhooks in, events out: a provider callback over HTTP reaches a graphql-ws subscriber once. */
import { once } from 'node:events';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllocateGreenVnDocument, CallEventsDocument, OnCallEventDocument, SimulateIncomingCallDocument } from '../generated/graphql.js';
import { createBus, Topic } from '../../src/pubsub/bus.js';
import WebSocket from 'ws';
import type { CallEventRecord } from '../../src/domain/model.js';
import { RW_KEY, startTestGateway, subscribe, type TestGateway } from '../helpers/gateway.js';
import { until } from '../helpers/wait.js';

const exotelFixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/exotel/${name}`, import.meta.url), 'utf8')) as Record<string, string>;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw?.close();
});

describe('Exotel call webhook → callEvents subscription', () => {
  // The Lead Assist sample with real-looking numbers (the sample's are masked).
  const payload = {
    ...exotelFixture('call-event.json'),
    call_sid: 'b6c1f0e2a9d84c37a1e5f00d2c3b4a51',
    start_time: '2024-05-01T15:30:00+05:30',
    current_time: '2024-05-01T15:30:41+05:30',
    greenvn: '+918040001001',
    from: '+919811000001',
    to: '+919876543210',
  };

  it('delivers the call to a subscriber once; a repeat delivery changes nothing', async () => {
    const sub = subscribe(gw.ws(), OnCallEventDocument, { filter: { provider: 'EXOTEL' } });
    await sub.ready;

    const res = await gw.webhook('exotel/calls', payload);
    expect(res.status).toBe(200);
    const { callEvents: call } = await sub.next();
    expect(call).toMatchObject({
      provider: 'EXOTEL',
      providerCallId: payload.call_sid,
      status: 'ANSWERED',
      from: '+919811000001',
      to: '+918040001001',
      answeredBy: '+919876543210',
      // Talk time (on_call_duration); the second leg, ringing included, is dialSeconds.
      durationSeconds: 27,
      dialSeconds: 32,
      startedAt: '2024-05-01T10:00:00.000Z',
      allocationRef: 'd12638b6-28b8-488d-8cf3-c60619ac2280', // greenvn_id of the sample
    });
    expect(call.raw).toEqual({ call: payload });

    const again = await gw.webhook('exotel/calls', payload);
    expect(again.status).toBe(200);
    expect(await sub.drain(300)).toEqual([]);
    sub.stop();

    const listed = await gw.request(CallEventsDocument, { filter: { provider: 'EXOTEL' } });
    expect(listed.callEvents.edges.filter((e) => e.node.providerCallId === payload.call_sid)).toHaveLength(1);
    expect(listed.callEvents.edges.find((e) => e.node.providerCallId === payload.call_sid)?.node.id).toBe(call.id);

    const receipts = await gw.running.store.receipts.list('EXOTEL', 'calls');
    const mine = receipts.filter((r) => r.event_key === payload.call_sid);
    expect(mine.map((r) => r.status)).toEqual(['applied', 'duplicate']);
  });

  it('refuses a wrong or missing token with 401 and stores nothing', async () => {
    const before = await gw.running.store.receipts.list('EXOTEL');
    const wrong = await gw.webhook('exotel/calls', { ...payload, call_sid: 'wrong-token-call-0001' }, { token: 'not-the-token-0123456789' });
    expect(wrong.status).toBe(401);
    const missing = await gw.webhook('exotel/calls', { ...payload, call_sid: 'wrong-token-call-0002' }, { token: null });
    expect(missing.status).toBe(401);
    expect(await gw.running.store.receipts.list('EXOTEL')).toEqual(before);
    const listed = await gw.request(CallEventsDocument, { filter: { provider: 'EXOTEL' } });
    expect(listed.callEvents.edges.map((e) => e.node.providerCallId)).not.toContain('wrong-token-call-0001');
  });
});

describe('many subscribers on one event', () => {
  const call = (sid: string) => ({ ...exotelFixture('call-event.json'), call_sid: sid, greenvn: '+918040001001', from: '+919811000001', to: '+919876543210' });

  /**
   * Store round trips for one webhook while `count` subscribers (selecting `allocation`)
   * listen; the least of three, as the sandbox's order poller also queries once a second.
   */
  async function queriesWith(count: number, sid: string): Promise<number> {
    const subs = Array.from({ length: count }, () => subscribe(gw.ws(), OnCallEventDocument, { filter: { provider: 'EXOTEL' } }));
    await Promise.all(subs.map((s) => s.ready));
    let least = Infinity;
    for (let i = 0; i < 3; i++) {
      const before = gw.running.db.queryCount;
      expect((await gw.webhook('exotel/calls', call(`${sid}-${i}`))).status).toBe(200);
      const got = await Promise.all(subs.map((s) => s.next()));
      least = Math.min(least, gw.running.db.queryCount - before);
      for (const g of got) expect(g.callEvents).toMatchObject({ providerCallId: `${sid}-${i}`, allocationRef: 'd12638b6-28b8-488d-8cf3-c60619ac2280' });
    }
    for (const s of subs) s.stop();
    return least;
  }

  it('share one execution per event: three subscribers cost the store what one does', async () => {
    const one = await queriesWith(1, 'shared-execution-call-1');
    const three = await queriesWith(3, 'shared-execution-call-3');
    expect(three).toBe(one);
  });

  it('still filter per subscriber: the same document with other variables gets only its own events', async () => {
    const exotel = subscribe(gw.ws(), OnCallEventDocument, { filter: { provider: 'EXOTEL' } });
    const delacon = subscribe(gw.ws(), OnCallEventDocument, { filter: { provider: 'DELACON' } });
    await Promise.all([exotel.ready, delacon.ready]);
    expect((await gw.webhook('exotel/calls', call('shared-execution-call-x'))).status).toBe(200);
    expect((await exotel.next()).callEvents.providerCallId).toBe('shared-execution-call-x');
    expect(await delacon.drain(300)).toEqual([]);
    exotel.stop();
    delacon.stop();
  });
});

describe('simulateIncomingCall on an Exotel allocation', () => {
  it('delivers a CallEvent with its allocation on the subscription', async () => {
    const { allocateGreenVN } = await gw.request(AllocateGreenVnDocument, {
      input: { aPartyNumbers: ['+919811000002'], bPartyNumbers: ['+919876500002'], usage: 'TWO_WAY' },
    });
    const allocation = allocateGreenVN.allocation!;
    expect(allocation).toMatchObject({ provider: 'EXOTEL', state: 'ACTIVE', aPartyNumbers: ['+919811000002'] });
    expect(allocation.greenVN).toMatch(/^\+91\d+$/);

    const sub = subscribe(gw.ws(), OnCallEventDocument, { filter: { allocationId: allocation.id } });
    await sub.ready;
    const { simulateIncomingCall } = await gw.request(SimulateIncomingCallDocument, {
      input: { from: '+919811000002', to: allocation.greenVN!, outcome: 'ANSWERED', durationSeconds: 5 },
    });
    expect(simulateIncomingCall.provider).toBe('EXOTEL');

    const { callEvents: call } = await sub.next(10_000);
    sub.stop();
    expect(call).toMatchObject({
      provider: 'EXOTEL',
      providerCallId: simulateIncomingCall.providerCallId,
      from: '+919811000002',
      to: allocation.greenVN,
      allocationRef: allocation.providerRef,
      allocation: { id: allocation.id, providerRef: allocation.providerRef, greenVN: allocation.greenVN },
    });
  });
});

describe('in-process bus', () => {
  it('takes more than ten subscribers to a topic without a listener-leak warning, and delivers to each', async () => {
    const bus = await createBus();
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const iterators = Array.from({ length: 12 }, () => bus.pubSub.subscribe(Topic.CALL_EVENT)[Symbol.asyncIterator]());
      const received = iterators.map((it) => it.next());
      bus.publish(Topic.CALL_EVENT, { id: 'call-1' } as never);
      expect((await Promise.all(received)).map((r) => (r.value as { id: string }).id)).toEqual(Array(12).fill('call-1'));
      await new Promise((r) => setImmediate(r));
      expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
      await Promise.all(iterators.map((it) => it.return?.()));
    } finally {
      process.off('warning', onWarning);
      await bus.close();
    }
  });
});

describe('a subscriber that does not read', () => {
  type Message = { id?: string; type: string; payload?: { data?: { callEvents?: { providerCallId: string } }; errors?: Array<{ message: string }> } };
  const query = 'subscription Slow { callEvents(filter: { provider: EXOTEL }) { providerCallId raw } }';
  const waitFor = (what: string, done: () => boolean) => until(what, done, 20_000, 20);
  // 16 kB each: the network's buffers (a few MB on loopback) and then 1 MiB fill within a few hundred events.
  const pad = 'x'.repeat(16_000);
  const publish = (id: string) =>
    gw.running.bus.publish(Topic.CALL_EVENT, { id, provider: 'EXOTEL', providerCallId: id, status: 'ANSWERED', raw: { call: { pad } }, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() } as CallEventRecord);

  /** A graphql-ws subscriber on the same stream, that reads; probes until it and the slow client (`heard`) have each had one. */
  async function reader(name: string, heard: () => boolean) {
    const received: string[] = [];
    const stop = gw.ws().subscribe<{ callEvents: { providerCallId: string } }>({ query }, { next: ({ data }) => void received.push(data!.callEvents.providerCallId), error: () => undefined, complete: () => undefined });
    for (let i = 0; !received.includes(`probe-${name}-${i - 1}`) || !heard(); i++) {
      publish(`probe-${name}-${i}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { received, stop };
  }

  /** 2,000 events while the slow client does not read; resolves once the reader has every one. */
  async function flood(name: string, received: string[]) {
    const events = Array.from({ length: 2_000 }, (_, i) => `event-${name}-${i}`);
    for (const [i, id] of events.entries()) {
      publish(id);
      if (i % 20 === 19) await new Promise((r) => setImmediate(r));
    }
    await waitFor('the reader to get every event', () => events.every((id) => received.includes(id)));
    return events;
  }

  // Each WebSocket subprotocol: its words for subscribing and for an event.
  it.each([
    { protocol: 'graphql-transport-ws', start: 'subscribe', event: 'next' },
    { protocol: 'graphql-ws', start: 'start', event: 'data' },
  ])('is dropped, told why, once it falls behind; a subscriber on the same stream gets every event ($protocol)', async ({ protocol, start, event }) => {
    const slow = new WebSocket(gw.wsUrl, protocol);
    const messages: Message[] = [];
    slow.on('message', (data) => messages.push(JSON.parse(String(data)) as Message));
    await once(slow, 'open');
    slow.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${RW_KEY}` } }));
    await waitFor('the ack', () => messages.some((m) => m.type === 'connection_ack'));
    slow.send(JSON.stringify({ id: 'slow', type: start, payload: { query } }));

    const { received, stop } = await reader(protocol, () => messages.some((m) => m.type === event));
    const socket = (slow as unknown as { _socket: import('node:net').Socket })._socket;
    socket.pause();
    const events = await flood(protocol, received);
    socket.resume();
    await waitFor('the slow subscription to end', () => messages.some((m) => m.id === 'slow' && m.type === 'complete'));

    const frames = messages.filter((m) => m.id === 'slow' && m.type === event);
    const delivered = frames.filter((m) => m.payload?.data?.callEvents?.providerCallId.startsWith('event-')).length;
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(events.length);
    // In order and without gaps up to the drop, then why.
    expect(frames.slice(-delivered - 1, -1).map((m) => m.payload?.data?.callEvents?.providerCallId)).toEqual(events.slice(0, delivered));
    expect(frames.at(-1)?.payload?.errors?.[0]?.message).toBe('Too many undelivered events: subscribe again');
    stop();
    slow.close();
  });

  // The streamed HTTP transports: each one's Accept, and its events and its end as read from the whole body.
  it.each([
    {
      transport: 'SSE',
      accept: 'text/event-stream',
      events: (body: string) => body.split('\n\n').filter((e) => e.startsWith('event: next\ndata: ')).map((e) => JSON.parse(e.slice(e.indexOf('data: ') + 6)) as Message['payload']),
      ending: 'event: complete\ndata:\n\n',
    },
    {
      transport: 'multipart',
      accept: 'multipart/mixed;subscriptionSpec="1.0"',
      events: (body: string) =>
        body
          .split('\r\n--graphql')
          .map((part) => part.slice(part.indexOf('\r\n\r\n') + 4))
          .filter((json) => json.startsWith('{"payload"'))
          .map((json) => (JSON.parse(json) as { payload: Message['payload'] }).payload),
      ending: '\r\n--graphql--\r\n',
    },
  ])('is dropped, told why, once it falls behind; a subscriber on the same stream gets every event ($transport)', async ({ transport, accept, events: eventsOf, ending }) => {
    const req = http.request(gw.graphqlUrl, { method: 'POST', headers: { accept, 'content-type': 'application/json', authorization: `Bearer ${RW_KEY}` } });
    req.end(JSON.stringify({ query }));
    const [res] = (await once(req, 'response')) as [http.IncomingMessage];
    expect(res.statusCode).toBe(200);
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (body += chunk));

    const { received, stop } = await reader(transport, () => body.includes(`probe-${transport}-`));
    // Paused, the client's buffer fills and then its socket stops reading.
    res.pause();
    const events = await flood(transport, received);
    res.resume();
    await once(res, 'end');

    const frames = eventsOf(body);
    const delivered = frames.filter((p) => p?.data?.callEvents?.providerCallId.startsWith('event-')).length;
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(events.length);
    expect(frames.slice(-delivered - 1, -1).map((p) => p?.data?.callEvents?.providerCallId)).toEqual(events.slice(0, delivered));
    expect(frames.at(-1)?.errors?.[0]?.message).toBe('Too many undelivered events: subscribe again');
    expect(body.endsWith(ending)).toBe(true);
    stop();
  });
});

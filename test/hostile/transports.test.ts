/**
 * The subscription transports as a hostile client uses them, below the client libraries: the
 * legacy graphql-ws subprotocol with raw frames (garbage, out-of-order and fuzzed messages) and
 * the HTTP streams with fuzzed bodies. Every answer: no 5xx, errors with known codes, nothing
 * internal; a broken message closes the socket with graphql-ws's codes, never the server.
 */
import { createHook } from 'node:async_hooks';
import { once } from 'node:events';
import net from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { INTERNALS, REFUSAL_CODES } from '../helpers/answers.js';
import type { CallEventRecord } from '../../src/domain/model.js';
import { Topic } from '../../src/pubsub/bus.js';
import { rawSocket, RW_KEY, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { until } from '../helpers/wait.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(() => gw?.close());

describe('the legacy graphql-ws subprotocol', () => {
  it('is chosen when it is the only one offered; graphql-transport-ws wins when both are', async () => {
    const legacy = rawSocket(gw.wsUrl);
    await legacy.send({ type: 'connection_init', payload: { Authorization: `Bearer ${RW_KEY}` } });
    await legacy.until((m) => m.type === 'connection_ack');
    expect(legacy.socket.protocol).toBe('graphql-ws');
    expect(legacy.messages.map((m) => m.type)).toEqual(['connection_ack', 'ka']);
    legacy.socket.close();
    const both = new WebSocket(gw.wsUrl, ['graphql-ws', 'graphql-transport-ws']);
    await new Promise((resolve) => both.once('open', resolve));
    expect(both.protocol).toBe('graphql-transport-ws');
    both.close();
  });

  it.each([
    ['a message that is not JSON', ['{"type":'], 4400],
    ['an unknown message type', [{ type: 'subscribe', id: '1', payload: { query: '{ providers { provider } }' } }], 4400],
    ['a start before connection_init', [{ type: 'start', id: '1', payload: { query: '{ providers { provider } }' } }], 4401],
    ['a second connection_init', [{ type: 'connection_init', payload: { authorization: `Bearer ${RW_KEY}` } }, { type: 'connection_init', payload: {} }], 4429],
    ['a start without an id', [{ type: 'connection_init', payload: { authorization: `Bearer ${RW_KEY}` } }, { type: 'start', payload: { query: '{ providers { provider } }' } }], 4400],
  ])('%s closes the socket with its code', async (_name, frames, code) => {
    const s = rawSocket(gw.wsUrl);
    for (const frame of frames) await s.send(frame);
    expect((await s.closed).code).toBe(code);
  });

  it('closes a socket that sends no connection_init within 3 s (4408)', async () => {
    const s = rawSocket(gw.wsUrl);
    const started = Date.now();
    expect((await s.closed).code).toBe(4408);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
  });

  it('refuses an unknown key with connection_error UNAUTHENTICATED, then closes 4403', async () => {
    const s = rawSocket(gw.wsUrl);
    await s.send({ type: 'connection_init', payload: { authorization: 'Bearer not-a-key-000000' } });
    expect(await s.closed).toEqual({ code: 4403, reason: 'Forbidden' });
    expect(s.messages).toEqual([{ type: 'connection_error', payload: { message: 'Unknown API key', extensions: { code: 'UNAUTHENTICATED' } } }]);
  });

  it('answers fuzzed operations with data or known codes, each then complete; the socket stays open', async () => {
    const s = rawSocket(gw.wsUrl);
    await s.send({ type: 'connection_init', payload: { authorization: `Bearer ${RW_KEY}` } });
    await s.until((m) => m.type === 'connection_ack');
    const tokens = ['{', '}', '(', ')', ':', '$', '@', '...', '!', '"', 'query', 'mutation', 'fragment', 'on', 'providers', 'provider', 'id', 'first', 'null', '\u0000', '\ud800', '__typename'];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200, unit: 'binary' }), fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).map((p) => p.join(' '))),
        fc.jsonValue({ maxDepth: 2 }),
        fc.oneof(fc.constant(undefined), fc.string({ maxLength: 10 }), fc.integer()),
        async (query, variables, operationName) => {
          const id = `fuzz-${++n}`;
          await s.send({ type: 'start', id, payload: { query, variables, operationName } });
          await s.until((m) => m.type === 'complete' && m.id === id);
          const mine = s.messages.filter((m) => m.id === id);
          expect(mine.map((m) => m.type)).toEqual(['data', 'complete']);
          const text = JSON.stringify(mine);
          expect(text).not.toMatch(INTERNALS);
          for (const e of (mine[0]!.payload as { errors?: Array<{ extensions?: { code?: string } }> }).errors ?? []) expect(REFUSAL_CODES.has(String(e.extensions?.code)), text).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
    expect(s.socket.readyState).toBe(WebSocket.OPEN);
    s.socket.close();
  });
});

describe('graphql-transport-ws, raw frames (subscriptions are run by our adapter, the rest by graphql-ws)', () => {
  const query = 'subscription Raw { callEvents(filter: { provider: EXOTEL }) { providerCallId } }';
  const at = new Date().toISOString();
  const publish = (id: string) => gw.running.bus.publish(Topic.CALL_EVENT, { id, provider: 'EXOTEL', providerCallId: id, status: 'ANSWERED', raw: {}, createdAt: at, updatedAt: at } as CallEventRecord);
  type Raw = ReturnType<typeof rawSocket>;
  const eventsOf = (s: Raw, id: string) => s.messages.filter((m) => m.id === id && m.type === 'next').map((m) => (m.payload as { data: { callEvents: { providerCallId: string } } }).data.callEvents.providerCallId);
  let probes = 0;
  /** Events until each id has one: its subscription is live (the protocol has no ack for it). */
  async function live(s: Raw, ...ids: string[]) {
    const sent: string[] = [];
    const deadline = Date.now() + 10_000;
    while (!ids.every((id) => eventsOf(s, id).some((e) => sent.includes(e)))) {
      if (Date.now() > deadline) throw new Error(`no event reached ${ids.join(', ')}; got ${JSON.stringify(s.messages)}`);
      sent.push(`probe-${++probes}`);
      publish(sent.at(-1)!);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  async function connected() {
    const s = rawSocket(gw.wsUrl, 'graphql-transport-ws');
    await s.send({ type: 'connection_init', payload: { authorization: `Bearer ${RW_KEY}` } });
    await s.until((m) => m.type === 'connection_ack');
    return s;
  }

  it('writes events as next frames with their id; a complete from the client stops them, is not echoed, and frees the id', async () => {
    const s = await connected();
    await s.send({ id: 'a', type: 'subscribe', payload: { query } });
    await s.send({ id: 'witness', type: 'subscribe', payload: { query } });
    await live(s, 'a', 'witness');
    await s.send({ id: 'a', type: 'complete' });
    // The witness shares a's stream: once it has an event, a would have had it too.
    await new Promise((r) => setTimeout(r, 50));
    publish('after-complete');
    await s.until((m) => m.id === 'witness' && JSON.stringify(m).includes('after-complete'));
    expect(eventsOf(s, 'a')).not.toContain('after-complete');
    expect(s.messages.filter((m) => m.id === 'a' && m.type !== 'next')).toEqual([]);

    await s.send({ id: 'a', type: 'subscribe', payload: { query } });
    await live(s, 'a');
    // A query on the same socket still goes through graphql-ws: next, then complete.
    await s.send({ id: 'q', type: 'subscribe', payload: { query: '{ providers { provider } }' } });
    await s.until((m) => m.id === 'q' && m.type === 'complete');
    expect(s.messages.filter((m) => m.id === 'q').map((m) => m.type)).toEqual(['next', 'complete']);
    s.socket.close();
  });

  it('closes the socket with 4409 when a running subscription\'s id is reused, as graphql-ws does for its own', async () => {
    const s = await connected();
    await s.send({ id: 'same', type: 'subscribe', payload: { query } });
    await live(s, 'same');
    await s.send({ id: 'same', type: 'subscribe', payload: { query } });
    expect(await s.closed).toEqual({ code: 4409, reason: 'Subscriber for same already exists' });
  });

  it('closes the socket with 4401 on a subscription before the connection is acknowledged', async () => {
    const s = rawSocket(gw.wsUrl, 'graphql-transport-ws');
    await s.send({ id: '1', type: 'subscribe', payload: { query } });
    expect((await s.closed).code).toBe(4401);
  });

  it('answers a subscription refused before it runs with an error frame and its code; the socket stays open', async () => {
    const s = await connected();
    await s.send({ id: 'bad', type: 'subscribe', payload: { query: 'subscription Bad($p: Provider!) { callEvents(filter: { provider: $p }) { id } }', variables: { p: 'NOPE' } } });
    const error = await s.until((m) => m.id === 'bad');
    expect(error).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(JSON.stringify(error)).not.toMatch(INTERNALS);
    await s.send({ id: 'bad', type: 'subscribe', payload: { query } });
    await live(s, 'bad');
    expect(s.messages.filter((m) => m.id === 'bad').map((m) => m.type)).toEqual(['error', ...eventsOf(s, 'bad').map(() => 'next')]);
    s.socket.close();
  });
});

describe('HTTP streams', () => {
  const stream = (body: string, accept: string, headers: Record<string, string> = { authorization: `Bearer ${RW_KEY}` }) =>
    fetch(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept, ...headers }, body });

  it('refuses a stream without a key before it starts: 401 UNAUTHENTICATED with WWW-Authenticate', async () => {
    for (const accept of ['text/event-stream', 'multipart/mixed;subscriptionSpec="1.0"']) {
      const res = await stream('{"query":"subscription { callEvents { id } }"}', accept, {});
      expect([res.status, res.headers.get('www-authenticate')], accept).toEqual([401, 'Bearer']);
      expect(await res.json()).toEqual({ errors: [{ message: 'Missing API key: send "Authorization: Bearer <key>"', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });

  it('SSE with fuzzed bodies: never 5xx; a 200 stream carries data or known codes, then complete', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
          fc.record({ query: fc.oneof(fc.string({ maxLength: 100 }), fc.constantFrom('{ providers { provider } }', '{ nope }', 'query A { providers { provider } } query B { providers { provider } }')), variables: fc.jsonValue({ maxDepth: 2 }), operationName: fc.jsonValue({ maxDepth: 1 }) }).map((v) => JSON.stringify(v)),
        ),
        async (body) => {
          fc.pre(!body.includes('subscription')); // a valid one would wait for events
          const res = await stream(body, 'text/event-stream');
          const text = await res.text();
          expect(res.status, text).toBeLessThan(500);
          expect(text).not.toMatch(INTERNALS);
          if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
            expect(text, text).toMatch(/^:\n\n(event: next\ndata: .+\n\n)+event: complete\ndata:\n\n$/);
          }
          for (const code of text.matchAll(/"code":"([A-Z_]+)"/g)) expect(REFUSAL_CODES.has(code[1]!), text).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('HTTP streams on the wire', () => {
  const query = 'subscription Wire { callEvents(filter: { provider: EXOTEL }) { providerCallId } }';
  const at = new Date().toISOString();
  const publish = (id: string) => gw.running.bus.publish(Topic.CALL_EVENT, { id, provider: 'EXOTEL', providerCallId: id, status: 'ANSWERED', raw: {}, createdAt: at, updatedAt: at } as CallEventRecord);
  const post = (version: string, accept: string, body: string) =>
    `POST /graphql HTTP/${version}\r\nHost: gateway\r\nAccept: ${accept}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${RW_KEY}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  /** Sends `requests` in one write; what comes back, as text. */
  async function wire(requests: string) {
    const socket = net.connect(Number(new URL(gw.url).port), '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8').on('data', (d: string) => (text += d));
    await once(socket, 'connect');
    socket.write(requests);
    return { text: () => text, close: () => socket.destroy() };
  }
  /** HTTP/1.1's chunked coding undone, strictly: every byte is in a well-formed chunk. */
  function dechunk(body: string): string {
    let out = '';
    for (let rest = Buffer.from(body); rest.length > 0; ) {
      const line = rest.indexOf('\r\n');
      const size = Number.parseInt(rest.subarray(0, line).toString('latin1'), 16);
      expect(rest.subarray(0, line).toString('latin1')).toMatch(/^[0-9a-f]+$/);
      expect(rest.subarray(line + 2 + size, line + 4 + size).toString('latin1')).toBe('\r\n');
      out += rest.subarray(line + 2, line + 2 + size).toString('utf8');
      rest = rest.subarray(line + 4 + size);
    }
    return out;
  }
  /** Events until `got` has the last one sent; returns the ids sent. */
  async function events(got: () => string, prefix: string) {
    const sent: string[] = [];
    await until('an event on the stream', () => {
      if (sent.length > 0 && got().includes(`"${sent.at(-1)}"`)) return true;
      sent.push(`${prefix}-${sent.length}-${'é'.repeat(sent.length)}`);
      publish(sent.at(-1)!);
      return false;
    }, 10_000, 20);
    return sent;
  }
  const SSE_EVENTS = /^:\n\n(event: next\ndata: \{"data":\{"callEvents":\{"providerCallId":"[^"]+"\}\}\}\n\n)+$/;

  it('an HTTP/1.1 stream: each event one well-formed chunk, in order, multi-byte text counted in bytes', async () => {
    const c = await wire(post('1.1', 'text/event-stream', JSON.stringify({ query })));
    const body = () => c.text().slice(c.text().indexOf('\r\n\r\n') + 4);
    // A chunk cut by the network is not an error: compare once the last event is whole.
    const sent = await events(() => c.text(), 'chunked');
    await until('the last chunk', () => body().endsWith('\r\n') && dechunk(body()).endsWith('\n\n'));
    expect(c.text()).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*transfer-encoding: chunked\r\n/i);
    const text = dechunk(body());
    expect(text).toMatch(SSE_EVENTS);
    expect([...text.matchAll(/"providerCallId":"([^"]+)"/g)].map((m) => m[1])).toEqual(sent.slice(-[...text.matchAll(/providerCallId/g)].length));
    c.close();
  });

  it('an HTTP/1.0 stream: the events as they are, no chunked coding (the stream ends with the connection)', async () => {
    const c = await wire(post('1.0', 'text/event-stream', JSON.stringify({ query })));
    await events(() => c.text(), 'plain');
    const [head, body] = [c.text().slice(0, c.text().indexOf('\r\n\r\n')), c.text().slice(c.text().indexOf('\r\n\r\n') + 4)];
    expect(head).not.toMatch(/transfer-encoding/i);
    expect(body).toMatch(SSE_EVENTS);
    c.close();
  });

  it('a stream pipelined behind a JSON answer: that answer first, then the stream with its events', async () => {
    const c = await wire(post('1.1', 'application/json', '{"query":"{ providers { provider } }"}') + post('1.1', 'text/event-stream', JSON.stringify({ query })));
    await events(() => c.text(), 'pipelined');
    const second = c.text().indexOf('HTTP/1.1 200 OK', 1);
    expect(c.text().slice(0, second)).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*\r\n\r\n\{"data":\{"providers":\[/);
    const body = () => c.text().slice(second).slice(c.text().slice(second).indexOf('\r\n\r\n') + 4);
    await until('the last chunk', () => body().endsWith('\r\n') && dechunk(body()).endsWith('\n\n'));
    expect(dechunk(body())).toMatch(SSE_EVENTS);
    c.close();
  });

  it('a stream pipelined behind another stream (which closes the connection): held by nothing once the client goes', async () => {
    const streams = () => gw.metric('switchboard_http_streams', 'transport="sse"');
    await until('the earlier tests\' streams ended', async () => (await streams()) === 0, 5_000, 20);
    const c = await wire(post('1.1', 'text/event-stream', JSON.stringify({ query })).repeat(2));
    await until('both streams open', async () => (await streams()) === 2, 5_000, 20);
    // Events for both: the second's wait for a socket it never gets.
    await events(() => c.text(), 'behind');
    expect(c.text().match(/HTTP\/1\.1/g)).toHaveLength(1);
    c.close();
    await until('both streams ended', async () => (await streams()) === 0, 5_000, 20);
  });
});

describe('WebSocket keep-alive', () => {
  let quick: TestGateway;
  beforeAll(async () => {
    quick = await startTestGateway({ KEEPALIVE_MS: '100' });
  });
  afterAll(() => quick?.close());

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /** An acknowledged socket (so past the 3 s an uninitialised one gets) that answers pings or not. */
  const open = (gateway: TestGateway, autoPong: boolean) => {
    const socket = new WebSocket(gateway.wsUrl, 'graphql-transport-ws', { autoPong });
    const closed = new Promise<number>((resolve) => socket.on('close', resolve));
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${RW_KEY}` } })));
    return { socket, closed };
  };

  it('drops a socket that answers no ping; one that answers stays open', async () => {
    const silent = open(quick, false);
    const answering = open(quick, true);
    // Two unanswered pings, then the next sweep drops it: 1006, no close frame.
    expect(await silent.closed).toBe(1006);
    await sleep(500);
    expect(answering.socket.readyState).toBe(WebSocket.OPEN);
    answering.socket.close();
  });

  it('keeps no timer while no socket is open: its pings start with the first socket and stop after the last', async () => {
    // Each run of an interval timer set from the WebSocket transport: a wake-up of the process.
    // A gateway of its own, started under the hook, so that every such timer is seen being set.
    let ticks = 0;
    const timers = new Set<number>();
    const hook = createHook({
      init(id, type) {
        if (type !== 'Timeout') return;
        const frames = (new Error().stack ?? '').split('\n');
        const at = frames.findIndex((f) => f.includes('setInterval'));
        if (at >= 0 && frames[at + 1]?.includes('transports/websocket')) timers.add(id);
      },
      before(id) {
        if (timers.has(id)) ticks++;
      },
    }).enable();
    const own = await startTestGateway({ KEEPALIVE_MS: '100' });
    /** A window of 300 ms with no tick, within `ms` (the round under way ends first). */
    const quiet = (ms: number) =>
      until('a 300-ms window with no keep-alive tick', async () => {
        ticks = 0;
        await sleep(300);
        return ticks === 0;
      }, ms, 0);
    try {
      await quiet(1_000);
      const answering = open(own, true);
      await new Promise((resolve) => answering.socket.once('message', resolve));
      await sleep(300);
      expect(ticks).toBeGreaterThan(0);
      answering.socket.close();
      await answering.closed;
      await quiet(3_000);
      // A socket after the last one left is pinged again: one that answers none is dropped.
      expect(await open(own, false).closed).toBe(1006);
      expect(ticks).toBeGreaterThan(0);
    } finally {
      hook.disable();
      await own.close();
    }
  });

  it('spreads a round of pings over the interval: each socket once a round, not every socket at once', async () => {
    const spread = await startTestGateway({ KEEPALIVE_MS: '1000' });
    const sockets: WebSocket[] = [];
    try {
      const pings: number[][] = [];
      await Promise.all(
        // Fewer sockets than the interval's 20 slices would take two to a slice.
        Array.from({ length: 30 }, (_, i) => {
          const socket = new WebSocket(spread.wsUrl, 'graphql-transport-ws');
          sockets.push(socket);
          pings[i] = [];
          socket.on('ping', () => pings[i]!.push(performance.now()));
          // Acknowledged, so that it stays open past the 3 s an uninitialised socket gets.
          socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${RW_KEY}` } })));
          return new Promise((resolve) => socket.once('message', resolve));
        }),
      );
      // A round takes the sockets open when it starts, each at its place among them: the round
      // under way while they opened may have held only some. Pings are counted from the rounds after it.
      await new Promise((r) => setTimeout(r, 1_100));
      for (const times of pings) times.length = 0;
      await new Promise((r) => setTimeout(r, 3_200));
      // Each socket: two rounds at least, an interval apart (timers only ever fire late).
      for (const times of pings) {
        expect(times.length).toBeGreaterThanOrEqual(2);
        for (let k = 1; k < times.length; k++) expect(times[k]! - times[k - 1]!).toBeGreaterThan(900);
      }
      // A full round's (the second's) pings to the 30 sockets span most of the interval (all at once: ~0 ms).
      const firsts = pings.map((t) => t[1]!);
      expect(Math.max(...firsts) - Math.min(...firsts)).toBeGreaterThan(500);
    } finally {
      for (const socket of sockets) socket.terminate();
      await spread.close();
    }
  });
});

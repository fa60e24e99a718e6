/**
 * GraphQL over WebSocket on `/graphql`: one server for both subprotocols, chosen by
 * Sec-WebSocket-Protocol: `graphql-transport-ws` (preferred when offered) or the legacy
 * `graphql-ws` of subscriptions-transport-ws (Apollo iOS and Apollo Kotlin defaults). This file
 * only moves frames: each protocol is an adapter over the transport core, and both are given
 * the same socket interface (graphql-ws's). Every socket gets a ping frame each KEEPALIVE_MS
 * (the sockets' pings spread over it); one that has not answered two of them is dropped (a
 * peer gone on a mobile network).
 */
import type http from 'node:http';
import type { Socket } from 'node:net';
import { DEPRECATED_GRAPHQL_WS_PROTOCOL, GRAPHQL_TRANSPORT_WS_PROTOCOL, type WebSocket as ProtocolSocket } from 'graphql-ws';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ErrorCode } from '../../errors.js';
import { webSocketConnections } from '../../observability/metrics.js';
import { LIMITS } from '../limits.js';
import { MAX_BUFFERED_BYTES } from '../shared-subscriptions.js';
import type { TransportCore } from './core.js';
import { graphqlTransportWs } from './graphql-transport-ws.js';
import { subscriptionsTransportWs } from './subscriptions-transport-ws.js';

export const WS_MAX_MESSAGE_BYTES = 64 * 1024;
/** Keep-alive pings go out in slices this far apart, spread over each KEEPALIVE_MS. */
const PING_SLICE_MS = 50;

/**
 * What each protocol adapter gets besides the socket. Not the upgrade request: kept for the
 * socket's life, it was a tenth of an idle subscriber's memory and no adapter reads it.
 */
export interface WebSocketExtra {
  /** The connection is initialised (authenticated): counted as open until it closes. */
  connected(): void;
  /**
   * Writes a frame now, waiting for nothing: false, and not written, when the client has more
   * than MAX_BUFFERED_BYTES not yet taken by the network (it does not read), unless `always`.
   */
  write(frame: string, always?: boolean): boolean;
  /**
   * Writes the text frame `${head}${payload}}` as `write` does: an event, its result serialised
   * (and encoded) once for all its subscribers; `headBytes` is the head's length in UTF-8.
   */
  writeEvent(head: string, headBytes: number, payload: Buffer): boolean;
}

/**
 * A final, unmasked text frame (RFC 6455 §5.2) of `${head}${payload}}`, in one buffer: what
 * ws.send would write for that string, without encoding the payload again for each subscriber,
 * nor ws's header buffer, cork and two-chunk `writev` (~2-4 µs of the ~20 a delivery took).
 */
export function eventFrame(head: string, headBytes: number, payload: Buffer): Buffer {
  const length = headBytes + payload.length + 1;
  const extended = length < 126 ? 0 : length < 65_536 ? 2 : 8;
  const frame = Buffer.allocUnsafe(2 + extended + length);
  frame[0] = 0x81; // FIN, text
  if (extended === 0) {
    frame[1] = length;
  } else if (extended === 2) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  const at = 2 + extended + frame.write(head, 2 + extended);
  frame.set(payload, at);
  frame[frame.length - 1] = 0x7d; // }
  return frame;
}

/** A protocol over the core: graphql-ws's `Server` shape. */
export interface ProtocolServer {
  opened(socket: ProtocolSocket, extra: WebSocketExtra): (code?: number, reason?: string) => unknown;
  /** The frame to write for a message the protocol's library serialised itself; by default that message. */
  frame?(data: string): string;
  /** Handles a message before the protocol's library sees it; undefined leaves it to the library. */
  take?(socket: ProtocolSocket, extra: WebSocketExtra, data: string): Promise<void> | undefined;
}

/** `authorization` in connection_init, whatever its case (Sandbox sends headers as typed). */
export function authorizationOf(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const entry = Object.entries(params).find(([k]) => k.toLowerCase() === 'authorization');
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}

export function tooManyOperations(): GraphQLError {
  return new GraphQLError(`At most ${LIMITS.subscriptionsPerSocket} operations at once on one WebSocket: complete some first`, { extensions: { code: ErrorCode.TOO_MANY_SUBSCRIPTIONS } });
}

function chooseProtocol(offered: Set<string>): string | false {
  if (offered.has(GRAPHQL_TRANSPORT_WS_PROTOCOL)) return GRAPHQL_TRANSPORT_WS_PROTOCOL;
  return offered.has(DEPRECATED_GRAPHQL_WS_PROTOCOL) ? DEPRECATED_GRAPHQL_WS_PROTOCOL : false;
}

/**
 * One socket, as its protocol's socket and extra at once. A class, its listeners shared: the
 * closures each socket had (its sends, its listeners, the object literals around them) were
 * ~0.5 KB of each of thousands of idle subscribers.
 */
class Connection implements ProtocolSocket, WebSocketExtra {
  readonly protocol: string;
  /** Keep-alive pings not answered. */
  missed = 0;
  private counted = false;
  private handler?: (data: string) => Promise<void>;
  private readonly closed: (code?: number, reason?: string) => unknown;

  constructor(
    private readonly socket: WebSocket,
    /** The TCP socket under it (the upgrade request's), which events are written to directly. */
    private readonly raw: Socket,
    private readonly server: ProtocolServer,
    private readonly log: Logger,
  ) {
    this.protocol = socket.protocol;
    this.closed = server.opened(this, this);
  }

  connected(): void {
    this.counted = true;
    webSocketConnections.inc({ protocol: this.protocol });
  }

  write(frame: string, always?: boolean): boolean {
    const socket = this.socket;
    // A closing socket's subscriptions end with it.
    if (socket.readyState !== socket.OPEN) return true;
    if (!always && socket.bufferedAmount > MAX_BUFFERED_BYTES) return false;
    socket.send(frame);
    return true;
  }

  writeEvent(head: string, headBytes: number, payload: Buffer): boolean {
    const socket = this.socket;
    if (socket.readyState !== socket.OPEN) return true;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return false;
    // In order with ws's own writes: without per-message deflate, ws queues nothing of its own.
    this.raw.write(eventFrame(head, headBytes, payload));
    return true;
  }

  send(data: string): Promise<void> {
    // Taken even when the socket has closed: a frame left behind would go to the next socket.
    const frame = this.server.frame?.(data) ?? data;
    const socket = this.socket;
    return new Promise<void>((resolve, reject) => {
      if (socket.readyState !== socket.OPEN) return resolve();
      socket.send(frame, (err) => (err ? reject(err) : resolve()));
    });
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  onMessage(cb: (data: string) => Promise<void>): void {
    this.handler = cb;
  }

  /** Not an async function: it would keep each message's buffer for as long as the message's operation runs. */
  receive(data: string): void {
    (this.server.take?.(this, this, data) ?? this.handler?.(data))?.catch((err: unknown) => {
      this.log.error({ err }, 'WebSocket message failed');
      this.socket.close(1011, 'Internal server error');
    });
  }

  ended(code: number, reason: string): void {
    if (this.counted) webSocketConnections.dec({ protocol: this.protocol });
    void this.closed(code, reason);
  }
}

export function attachWebSockets(server: http.Server, core: TransportCore, log: Logger) {
  const current = graphqlTransportWs(core);
  const legacy = subscriptionsTransportWs(core);
  // No per-message deflate (ws's default, said here since writeEvent depends on it): no socket
  // holds a zlib context, and ws writes every frame at once, so frames written past it stay in order.
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: WS_MAX_MESSAGE_BYTES, handleProtocols: chooseProtocol, perMessageDeflate: false });

  // Listeners shared by every socket, and no once() wrappers: each closure or wrapper kept per
  // socket is memory times thousands of idle subscribers.
  const connections = new WeakMap<WebSocket, Connection>();
  function onMessage(this: WebSocket, data: RawData) {
    connections.get(this)?.receive(String(data));
  }
  function onClose(this: WebSocket, code: number, reason: Buffer) {
    connections.get(this)?.ended(code, String(reason));
  }
  function onPong(this: WebSocket) {
    const connection = connections.get(this);
    if (connection) connection.missed = 0;
  }
  function onError(this: WebSocket, err: Error) {
    log.warn({ err }, 'WebSocket error');
    this.close(1011, 'Internal server error');
  }
  // One timer for all sockets, not one each; each KEEPALIVE_MS a round pings every socket, a
  // slice of them each PING_SLICE_MS: a round at once (and the pongs it brings back) held the
  // event loop ~20 ms per 1,000 sockets, and an event's deliveries waited behind it. It runs
  // only while there are sockets: ticking with none woke an idle gateway 20 times a second.
  const slices = Math.max(1, Math.floor(core.keepAliveMs / PING_SLICE_MS));
  let round: WebSocket[] = [];
  let slice = 0;
  let pinger: NodeJS.Timeout | undefined;
  function ping() {
    // A round is `slices` ticks whatever the number of sockets: each socket once per interval.
    if (slice === 0) {
      round = [...wss.clients];
      if (round.length === 0) {
        clearInterval(pinger);
        pinger = undefined;
        return;
      }
    }
    const from = Math.floor((slice * round.length) / slices);
    const to = Math.floor(((slice + 1) * round.length) / slices);
    slice = (slice + 1) % slices;
    for (let i = from; i < to; i++) {
      const socket = round[i]!;
      const connection = connections.get(socket);
      if (!connection || socket.readyState !== socket.OPEN) continue;
      if (connection.missed >= 2) {
        socket.terminate();
        continue;
      }
      connection.missed++;
      socket.ping();
    }
  }

  wss.on('connection', (socket, req) => {
    if (!pinger) (pinger = setInterval(ping, core.keepAliveMs / slices)).unref();
    socket.on('pong', onPong);
    socket.on('error', onError);
    socket.on('message', onMessage);
    socket.on('close', onClose);
    // No subprotocol: graphql-ws's server closes it with 4406, naming the problem.
    connections.set(socket, new Connection(socket, req.socket, socket.protocol === DEPRECATED_GRAPHQL_WS_PROTOCOL ? legacy : current, log));
  });

  return {
    wss,
    /** Close every socket (1001 Going away) and stop accepting. */
    async close() {
      clearInterval(pinger);
      for (const socket of wss.clients) socket.close(1001, 'Going away');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

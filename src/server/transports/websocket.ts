/**
 * GraphQL over WebSocket on `/graphql`: one server for both subprotocols, chosen by
 * Sec-WebSocket-Protocol: `graphql-transport-ws` (preferred when offered) or the legacy
 * `graphql-ws` of subscriptions-transport-ws (Apollo iOS and Apollo Kotlin defaults). This file
 * only moves frames: each protocol is an adapter over the transport core, and both are given
 * the same socket interface (graphql-ws's). Every socket gets a ping frame each KEEPALIVE_MS;
 * one that has not answered two of them is dropped (a peer gone on a mobile network).
 */
import type http from 'node:http';
import { DEPRECATED_GRAPHQL_WS_PROTOCOL, GRAPHQL_TRANSPORT_WS_PROTOCOL, type WebSocket as ProtocolSocket } from 'graphql-ws';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { ErrorCode } from '../../errors.js';
import { webSocketConnections } from '../../observability/metrics.js';
import { LIMITS } from '../limits.js';
import type { Sink } from '../shared-subscriptions.js';
import type { TransportCore } from './core.js';
import { graphqlTransportWs } from './graphql-transport-ws.js';
import { subscriptionsTransportWs } from './subscriptions-transport-ws.js';

export const WS_MAX_MESSAGE_BYTES = 64 * 1024;
/** Bytes written to a socket and not yet taken by the network, past which its subscriptions are dropped. */
export const WS_MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * What each protocol adapter gets besides the socket. Not the upgrade request: kept for the
 * socket's life, it was a tenth of an idle subscriber's memory and no adapter reads it.
 */
export interface WebSocketExtra {
  /** The connection is initialised (authenticated): counted as open until it closes. */
  connected(): void;
  /**
   * Writes a frame now, waiting for nothing: false when the client has more than
   * WS_MAX_BUFFERED_BYTES not yet taken by the network (it does not read).
   */
  write(frame: string): boolean;
}

/** A protocol over the core: graphql-ws's `Server` shape. */
export interface ProtocolServer {
  opened(socket: ProtocolSocket, extra: WebSocketExtra): (code?: number, reason?: string) => unknown;
  /** The frame to write for a message the protocol's library serialised itself; by default that message. */
  frame?(data: string): string;
}

/**
 * A subscription's events as its protocol's frames (`{"id":…,"type":…,"payload":…}` around the
 * result serialised once for the whole stream), written to the socket as they come: a loop over
 * the events cost each subscriber several promises and a write callback per event.
 */
export function eventFrames(core: TransportCore, extra: WebSocketExtra, id: string, type: 'next' | 'data'): Sink {
  const head = `{"id":${JSON.stringify(id)},"type":"${type}","payload":`;
  return (result) => extra.write(`${head}${core.serialise(result)}}`);
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

export function attachWebSockets(server: http.Server, core: TransportCore, log: Logger) {
  const current = graphqlTransportWs(core);
  const legacy = subscriptionsTransportWs(core);
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: WS_MAX_MESSAGE_BYTES, handleProtocols: chooseProtocol });

  /** Pings unanswered per socket; one sweep for all sockets, not a timer each (memory per idle subscriber). */
  const unanswered = new WeakMap<WebSocket, number>();
  function onPong(this: WebSocket) {
    unanswered.delete(this);
  }
  function onError(this: WebSocket, err: Error) {
    log.warn({ err }, 'WebSocket error');
    this.close(1011, 'Internal server error');
  }
  const pinger = setInterval(() => {
    for (const socket of wss.clients) {
      const missed = unanswered.get(socket) ?? 0;
      if (missed >= 2) {
        socket.terminate();
        continue;
      }
      unanswered.set(socket, missed + 1);
      socket.ping();
    }
  }, core.keepAliveMs);
  pinger.unref();

  wss.on('connection', (socket) => {
    // No subprotocol: graphql-ws's server closes it with 4406, naming the problem.
    const protocol = socket.protocol === DEPRECATED_GRAPHQL_WS_PROTOCOL ? legacy : current;
    let counted = false;
    const extra: WebSocketExtra = {
      connected() {
        counted = true;
        webSocketConnections.inc({ protocol: socket.protocol });
      },
      write(frame) {
        // A closing socket's subscriptions end with it.
        if (socket.readyState !== socket.OPEN) return true;
        if (socket.bufferedAmount > WS_MAX_BUFFERED_BYTES) return false;
        socket.send(frame);
        return true;
      },
    };

    // Shared listeners and no once() wrappers: each closure or wrapper kept per socket is memory
    // times thousands of idle subscribers.
    socket.on('pong', onPong);
    socket.on('error', onError);
    const closed = protocol.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          // Taken even when the socket has closed: a frame left behind would go to the next socket.
          const frame = protocol.frame?.(data) ?? data;
          return new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(frame, (err) => (err ? reject(err) : resolve()));
          });
        },
        close: (code, reason) => socket.close(code, reason),
        // Not an async listener: it would keep each message's buffer for as long as the message's
        // operation runs, which for a subscription is the socket's life.
        onMessage: (cb) =>
          socket.on('message', (data) => {
            cb(String(data)).catch((err: unknown) => {
              log.error({ err }, 'WebSocket message failed');
              socket.close(1011, 'Internal server error');
            });
          }),
      },
      extra,
    );
    socket.on('close', (code, reason) => {
      if (counted) webSocketConnections.dec({ protocol: socket.protocol });
      void closed(code, String(reason));
    });
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

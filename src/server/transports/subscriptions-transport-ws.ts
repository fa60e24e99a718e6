/**
 * The legacy `graphql-ws` subprotocol of subscriptions-transport-ws, still the WebSocket
 * default of Apollo iOS and Apollo Kotlin: an adapter over the same core as
 * graphql-transport-ws. Client → server: `connection_init` {payload}, `start` {id, payload},
 * `stop` {id}, `connection_terminate`. Server → client: `connection_ack`, `connection_error`,
 * `ka` (keep-alive, right after the ack and every KEEPALIVE_MS: the clients drop a connection
 * that stays silent for 30 s), `data` {id, payload: result}, `complete` {id}.
 *
 * An operation refused before it runs gets its errors as `data` and then `complete`, as
 * subscriptions-transport-ws's own server sends validation errors: every client reads that as
 * a response with errors and codes (its `error` message carries one error, without a place
 * in the mobile clients' results). Malformed messages close the socket with graphql-ws's codes.
 */
import type { ExecutionResult } from 'graphql';
import { CloseCode } from 'graphql-ws';
import type { Principal } from '../../context.js';
import { LIMITS } from '../limits.js';
import { isRefusal, type TransportCore } from './core.js';
import { EventFrames } from './event-frames.js';
import { authorizationOf, tooManyOperations, type ProtocolServer, type WebSocketExtra } from './websocket.js';

/** How long a socket may stay open before its `connection_init` (graphql-ws's default). */
const INIT_WAIT_MS = 3_000;

type Message = { type?: unknown; id?: unknown; payload?: unknown };

/** An operation of one socket, in its table by id; a subscription's events are written through it. */
class Operation extends EventFrames {
  events?: AsyncIterator<ExecutionResult>;

  constructor(
    core: TransportCore,
    extra: WebSocketExtra,
    id: string,
    private readonly operations: Map<string, Operation>,
  ) {
    super(core, extra, id, 'data');
  }

  wanted(): boolean {
    return this.operations.get(this.id) === this;
  }

  protected forget(): void {
    this.operations.delete(this.id);
  }
}

export function subscriptionsTransportWs(core: TransportCore): ProtocolServer {
  return {
    opened(socket, extra) {
      let principal: Principal | undefined;
      let initialised = false;
      let keepAlive: NodeJS.Timeout | undefined;
      /** Operations by id, each its own object: a stopped or replaced one no longer matches. */
      const operations = new Map<string, Operation>();
      const send = (message: { type: string; id?: string; payload?: unknown }) => socket.send(JSON.stringify(message));
      const initWait = setTimeout(() => {
        if (!initialised) void socket.close(CloseCode.ConnectionInitialisationTimeout, 'Connection initialisation timeout');
      }, INIT_WAIT_MS);

      function stop(id: string) {
        const op = operations.get(id);
        operations.delete(id);
        void op?.events?.return?.();
      }

      /** A result, refusal or subscription's events as `data`, then `complete` unless it was stopped. */
      async function start(id: string, payload: unknown) {
        // subscriptions-transport-ws's server replaces an operation started again under its id.
        stop(id);
        const op = new Operation(core, extra, id, operations);
        const tooMany = operations.size >= LIMITS.subscriptionsPerSocket;
        operations.set(id, op);
        if (tooMany) return op.end({ errors: [tooManyOperations()] });
        // A refusal's HTTP status is not this protocol's: only its errors are the payload.
        const refused = await core.admit(principal!);
        if (refused) return op.end({ errors: refused.errors });
        const prepared = core.prepare(principal!, typeof payload === 'object' && payload !== null ? payload : {});
        if (isRefusal(prepared)) return op.end({ errors: prepared.errors });
        const result = await core.run(prepared, op);
        if (!(Symbol.asyncIterator in result)) return op.end(result);
        if (!op.wanted()) return void result.return?.(); // stopped while it was prepared, or its stream has ended
        op.events = result;
      }

      socket.onMessage(async (data) => {
        let message: Message;
        try {
          message = JSON.parse(data) as Message;
        } catch {
          message = {};
        }
        const id = typeof message.id === 'string' && message.id !== '' ? message.id : undefined;
        switch (message?.type) {
          case 'connection_init': {
            if (initialised) return socket.close(CloseCode.TooManyInitialisationRequests, 'Too many initialisation requests');
            initialised = true;
            const caller = core.authenticate(authorizationOf(message.payload));
            if (isRefusal(caller)) {
              await send({ type: 'connection_error', payload: core.formatErrors(caller.errors)[0] });
              return socket.close(CloseCode.Forbidden, 'Forbidden');
            }
            principal = caller;
            extra.connected();
            await send({ type: 'connection_ack' });
            await send({ type: 'ka' });
            keepAlive = setInterval(() => void send({ type: 'ka' }), core.keepAliveMs);
            return;
          }
          case 'start':
            if (!principal) return socket.close(CloseCode.Unauthorized, 'Unauthorized');
            if (!id) break;
            return start(id, message.payload);
          case 'stop':
            if (!id) break;
            return stop(id);
          case 'connection_terminate':
            return socket.close(1000, 'Normal Closure');
        }
        return socket.close(CloseCode.BadRequest, 'Invalid message received');
      });

      return () => {
        clearTimeout(initWait);
        clearInterval(keepAlive);
        for (const id of [...operations.keys()]) stop(id);
      };
    },
  };
}

/**
 * graphql-transport-ws (the `graphql-ws` library's protocol: graphql-ws clients, Apollo's
 * GraphQLWsLink, urql's graphql-ws exchange, Sandbox and GraphiQL): graphql-ws's own server,
 * its hooks wired to the core. The key comes in `connection_init`; a failed authentication
 * closes the socket with 4403 Forbidden.
 */
import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { makeServer, MessageType } from 'graphql-ws';
import type { Principal } from '../../context.js';
import { LIMITS } from '../limits.js';
import type { Sink } from '../shared-subscriptions.js';
import { isRefusal, type TransportCore } from './core.js';
import { authorizationOf, eventFrames, tooManyOperations, type ProtocolServer, type WebSocketExtra } from './websocket.js';

type Extra = WebSocketExtra & { principal?: Principal };

/** A `next` payload already serialised by the core, once for every subscriber of its stream. */
class Serialised {
  constructor(readonly json: string) {}
}

/**
 * graphql-ws JSON.stringifies each `next` message itself, per subscriber. Its replacer sees the
 * message first, and the library hands the string to our `socket.send` in the same synchronous
 * step; so the replacer leaves the frame, concatenated around the shared JSON, in this slot and
 * the socket's send (`frame`) takes it instead of the library's string.
 */
let frame: string | undefined;

function replacer(this: unknown, key: string, value: unknown): unknown {
  if (key !== '' || typeof value !== 'object' || value === null) return value;
  const message = value as { id?: string; type?: string; payload?: unknown };
  if (message.type !== MessageType.Next || !(message.payload instanceof Serialised)) return value;
  frame = `{"id":${JSON.stringify(message.id)},"type":"next","payload":${message.payload.json}}`;
  return 0;
}

export function graphqlTransportWs(core: TransportCore): ProtocolServer {
  /**
   * The sink of each subscription's arguments, from onSubscribe to graphql-ws's call of
   * subscribe: graphql-ws's own loop over the events (an object copy and a stringify per event
   * besides) then only waits for the end.
   */
  const sinks = new WeakMap<ExecutionArgs, Sink>();
  const server = makeServer<Record<string, unknown>, Extra>({
    subscribe: (args) => core.subscribe(args, sinks.get(args)),
    onConnect(ctx) {
      const principal = core.authenticate(authorizationOf(ctx.connectionParams));
      if (isRefusal(principal)) return false;
      ctx.extra.principal = principal;
      ctx.extra.connected();
      return true;
    },
    async onSubscribe(ctx, id, payload) {
      const principal = ctx.extra.principal!;
      // This operation is already in ctx.subscriptions.
      if (Object.keys(ctx.subscriptions).length > LIMITS.subscriptionsPerSocket) {
        return [tooManyOperations()];
      }
      const refused = await core.admit(principal);
      if (refused) return refused.errors;
      const prepared = core.prepare(principal, payload);
      if (isRefusal(prepared)) return prepared.errors;
      if (prepared.operation === 'subscription') sinks.set(prepared.args, eventFrames(core, ctx.extra, id, 'next'));
      return prepared.args;
    },
    onError(_ctx, _id, _payload, errors) {
      return core.formatErrors(errors);
    },
    onNext(_ctx, _id, _payload, _args, result) {
      return new Serialised(core.serialise(result)) as ExecutionResult;
    },
    jsonMessageReplacer: replacer,
  });
  return {
    opened: (socket, extra) => server.opened(socket, extra),
    frame(data) {
      const next = frame;
      frame = undefined;
      return next ?? data;
    },
  };
}

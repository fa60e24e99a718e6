/**
 * graphql-transport-ws (the `graphql-ws` library's protocol: graphql-ws clients, Apollo's
 * GraphQLWsLink, urql's graphql-ws exchange, Sandbox and GraphiQL): graphql-ws's own server,
 * its hooks wired to the core. The key comes in `connection_init`; a failed authentication
 * closes the socket with 4403 Forbidden.
 */
import type { ExecutionResult } from 'graphql';
import { makeServer, MessageType } from 'graphql-ws';
import type { Principal } from '../../context.js';
import { LIMITS } from '../limits.js';
import { isRefusal, type TransportCore } from './core.js';
import { authorizationOf, tooManyOperations, type ProtocolServer, type WebSocketExtra } from './websocket.js';

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
  const server = makeServer<Record<string, unknown>, Extra>({
    subscribe: core.subscribe,
    onConnect(ctx) {
      const principal = core.authenticate(authorizationOf(ctx.connectionParams));
      if (isRefusal(principal)) return false;
      ctx.extra.principal = principal;
      ctx.extra.connected();
      return true;
    },
    async onSubscribe(ctx, _id, payload) {
      const principal = ctx.extra.principal!;
      // This operation is already in ctx.subscriptions.
      if (Object.keys(ctx.subscriptions).length > LIMITS.subscriptionsPerSocket) {
        return [tooManyOperations()];
      }
      const refused = await core.admit(principal);
      if (refused) return refused.errors;
      const prepared = core.prepare(principal, payload);
      return isRefusal(prepared) ? prepared.errors : prepared.args;
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

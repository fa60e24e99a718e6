/**
 * graphql-transport-ws (the `graphql-ws` library's protocol: graphql-ws clients, Apollo's
 * GraphQLWsLink, urql's graphql-ws exchange, Sandbox and GraphiQL): graphql-ws's own server,
 * its hooks wired to the core. The key comes in `connection_init`; a failed authentication
 * closes the socket with 4403 Forbidden.
 */
import { makeServer } from 'graphql-ws';
import type { Principal } from '../../context.js';
import { LIMITS } from '../limits.js';
import { isRefusal, type TransportCore } from './core.js';
import { authorizationOf, tooManyOperations, type ProtocolServer, type WebSocketExtra } from './websocket.js';

type Extra = WebSocketExtra & { principal?: Principal };

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
      return core.formatResult(result) as typeof result;
    },
  });
  return { opened: (socket, extra) => server.opened(socket, extra) };
}

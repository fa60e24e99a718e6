/**
 * graphql-transport-ws (the `graphql-ws` library's protocol: graphql-ws clients, Apollo's
 * GraphQLWsLink, urql's graphql-ws exchange, Sandbox and GraphiQL): graphql-ws's own server,
 * its hooks wired to the core. The key comes in `connection_init`; a failed authentication
 * closes the socket with 4403 Forbidden.
 *
 * Subscriptions are started here, not by graphql-ws: its handler of a `subscribe` message
 * stays suspended in its loop over the events for the subscription's life, holding the
 * message, its arguments and its callbacks, while the events go through the core's sink
 * anyway (this and the sink's end: 1.9 KB less heap for each idle subscriber). Everything else
 * (connection, ping, `complete`, malformed or early messages, a reused id, queries and
 * mutations, refused operations) is graphql-ws's: a subscription started here is in its
 * `ctx.subscriptions` like its own, so its `complete` and its close end ours.
 */
import type { ExecutionResult, GraphQLError } from 'graphql';
import { makeServer, MessageType, parseMessage, type Context, type SubscribeMessage, type WebSocket } from 'graphql-ws';
import type { Principal } from '../../context.js';
import { LIMITS } from '../limits.js';
import { isRefusal, type TransportCore } from './core.js';
import { EventFrames } from './event-frames.js';
import { authorizationOf, tooManyOperations, type ProtocolServer, type WebSocketExtra } from './websocket.js';

type Extra = WebSocketExtra & { principal?: Principal; ctx?: Ctx };
type Ctx = Context<Record<string, unknown>, Extra>;

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

/**
 * A subscription's frames. In graphql-ws's table its id holds null while it is prepared, then
 * its events: a `complete` from the client, or the socket's close, removes it and ends them.
 */
class Frames extends EventFrames {
  events?: AsyncIterator<ExecutionResult>;

  constructor(
    core: TransportCore,
    private readonly ctx: Ctx,
    id: string,
  ) {
    super(core, ctx.extra, id, 'next');
  }

  wanted(): boolean {
    // No `in` first: an id the table lacks reads undefined (or a prototype's member), never null
    // or the events, and a keyed `in` over thousands of tables' shapes cost each delivery.
    return this.ctx.subscriptions[this.id] === (this.events ?? null);
  }

  protected forget(): void {
    delete this.ctx.subscriptions[this.id];
  }
}

/** The operation just registered in ctx.subscriptions makes one too many on its socket. */
const tooMany = (ctx: Ctx) => Object.keys(ctx.subscriptions).length > LIMITS.subscriptionsPerSocket;

export function graphqlTransportWs(core: TransportCore): ProtocolServer {
  const server = makeServer<Record<string, unknown>, Extra>({
    onConnect(ctx) {
      const principal = core.authenticate(authorizationOf(ctx.connectionParams));
      if (isRefusal(principal)) return false;
      ctx.extra.principal = principal;
      ctx.extra.ctx = ctx;
      ctx.extra.connected();
      return true;
    },
    async onSubscribe(ctx, _id, payload) {
      // This operation is already in ctx.subscriptions.
      if (tooMany(ctx)) return [tooManyOperations()];
      const refused = await core.admit(ctx.extra.principal!);
      if (refused) return refused.errors;
      const prepared = core.prepare(ctx.extra.principal!, payload);
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

  async function refuse(socket: WebSocket, ctx: Ctx, id: string, errors: readonly GraphQLError[]) {
    if (!(id in ctx.subscriptions) || ctx.subscriptions[id] !== null) return;
    delete ctx.subscriptions[id];
    await socket.send(JSON.stringify({ id, type: MessageType.Error, payload: core.formatErrors(errors) }));
  }

  /** A `subscribe` message that graphql-ws would run as a subscription, run here; else undefined. */
  function subscription(socket: WebSocket, extra: Extra, data: string): Promise<void> | undefined {
    const ctx = extra.ctx;
    if (!ctx?.acknowledged) return undefined;
    let message: SubscribeMessage;
    try {
      const parsed = parseMessage(data);
      if (parsed.type !== MessageType.Subscribe || parsed.id in ctx.subscriptions) return undefined;
      message = parsed;
    } catch {
      return undefined;
    }
    const resolved = core.resolve(message.payload);
    if (isRefusal(resolved) || resolved.definition.operation !== 'subscription') return undefined;
    return start(socket, ctx, message.id, message.payload);
  }

  async function start(socket: WebSocket, ctx: Ctx, id: string, payload: SubscribeMessage['payload']): Promise<void> {
    ctx.subscriptions[id] = null;
    if (tooMany(ctx)) return refuse(socket, ctx, id, [tooManyOperations()]);
    const principal = ctx.extra.principal!;
    const refused = await core.admit(principal);
    if (refused) return refuse(socket, ctx, id, refused.errors);
    const prepared = core.prepare(principal, payload);
    if (isRefusal(prepared)) return refuse(socket, ctx, id, prepared.errors);
    const frames = new Frames(core, ctx, id);
    const result = await core.subscribe(prepared.args, frames);
    if (!(Symbol.asyncIterator in result)) return frames.end(result);
    // Completed, or its socket closed, while it was prepared; or its stream has ended already.
    if (!frames.wanted()) return void result.return?.();
    ctx.subscriptions[id] = frames.events = result;
  }

  return {
    opened: (socket, extra) => server.opened(socket, extra),
    take: (socket, extra, data) => subscription(socket, extra, data),
    frame(data) {
      const next = frame;
      frame = undefined;
      return next ?? data;
    },
  };
}

/**
 * GraphQL over streamed HTTP on `POST /graphql`, for clients that prefer a stream to JSON in
 * `Accept` (others, and every GET, go on to Apollo):
 *
 * - multipart: Apollo's multipart subscription protocol (Apollo Client's HttpLink, Apollo iOS
 *   and Apollo Kotlin over HTTP): `Accept: multipart/mixed;subscriptionSpec="1.0"`, subscriptions
 *   only. Parts are JSON under the boundary `graphql`: `{"payload": result}` per event, `{}` as
 *   the heartbeat. A refusal before the stream is the JSON answer the HTTP path would give
 *   (401, 403, 400 …), which these clients read as such.
 * - sse: GraphQL over Server-Sent Events, distinct connections mode (graphql-sse's client,
 *   urql's fetchSubscriptions): `Accept: text/event-stream`, any operation. `next` events, then
 *   `complete`; comments as the heartbeat. As the protocol asks, a refused operation is still
 *   a 200 stream, its errors in a `next` event; only a failed authentication (401) and the rate
 *   limit (429, the HTTP hook's) are HTTP errors.
 *
 * The request was counted against the rate limit (and given CORS headers) by the HTTP hooks;
 * the rest is the transport core's. A stream ends when the operation does, when the client
 * goes away (the shared source stream is then left), or when the gateway closes.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ExecutionResult, GraphQLError } from 'graphql';
import { httpStreams as openStreams } from '../../observability/metrics.js';
import { ACCEPT_VALUES, acceptRanges, jsonPreference, preference, prefers } from '../http-rules.js';
import { Lru } from '../lru.js';
import { MAX_BUFFERED_BYTES, perResult, type Sink } from '../shared-subscriptions.js';
import { isRefusal, type OperationPayload, type Prepared, type Refusal, type TransportCore } from './core.js';

type Transport = 'multipart' | 'sse';

interface Framing {
  contentType: string;
  /** Written first: flushes the headers through proxies and browsers. */
  open: string;
  /** A result already serialised (once for every subscriber of its shared stream). */
  next(json: string): string;
  heartbeat: string;
  complete: string;
}

const MULTIPART_PART = (json: string) => `\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${json}\r\n--graphql`;

const FRAMING: Record<Transport, Framing> = {
  // Each part is closed by the next delimiter at once, so a client reads it without waiting.
  multipart: {
    contentType: 'multipart/mixed;boundary="graphql";subscriptionSpec="1.0"',
    open: '\r\n--graphql',
    next: (json) => MULTIPART_PART(`{"payload":${json}}`),
    heartbeat: MULTIPART_PART('{}'),
    complete: '--\r\n',
  },
  sse: {
    contentType: 'text/event-stream; charset=utf-8',
    open: ':\n\n',
    next: (json) => `event: next\ndata: ${json}\n\n`,
    heartbeat: ':\n\n',
    complete: 'event: complete\ndata:\n\n',
  },
};

/** `multipart/mixed` as Apollo's subscription clients send it (not @defer's deferSpec). */
const subscriptionSpec = (params: Map<string, string>) => !params.has('deferspec') && (params.get('subscriptionspec') ?? '1.0') === '1.0';

/** The stream an Accept value prefers to JSON, if any, worked out afresh (`streamTransport` remembers it). */
export function negotiateStream(accept: string): Transport | undefined {
  const ranges = acceptRanges(accept);
  const json = jsonPreference(accept);
  const sse = preference(ranges, 'text/event-stream', { wildcards: false });
  const multipart = preference(ranges, 'multipart/mixed', { wildcards: false, fits: subscriptionSpec });
  if (prefers(sse, json) && !prefers(multipart, sse)) return 'sse';
  return prefers(multipart, json) ? 'multipart' : undefined;
}

/** Per Accept value, as `jsonPreference` (http-rules.ts). */
const streamTransports = new Lru<Transport | undefined>(ACCEPT_VALUES);

/** The stream the client prefers to JSON, if any. */
export function streamTransport(accept: string | undefined): Transport | undefined {
  return accept ? streamTransports.through(accept, negotiateStream) : undefined;
}

/** A refusal as the HTTP path answers it: the GraphQL errors shape with its status (and WWW-Authenticate). */
function refuseAsJson(core: TransportCore, reply: FastifyReply, refusal: Refusal): FastifyReply {
  for (const err of refusal.errors) {
    const headers = (err.extensions.http as { headers?: Map<string, string> } | undefined)?.headers;
    for (const [name, value] of headers ?? []) void reply.header(name, value);
  }
  return reply.code(refusal.status).type('application/json; charset=utf-8').send({ errors: core.formatErrors(refusal.errors) });
}

const CRLF = Buffer.from('\r\n');

/** An event's frame as the wire carries it: the same bytes for every subscriber of a shared stream. */
type EventBytes = (result: ExecutionResult, chunked: boolean) => Buffer;

/**
 * One stream's subscription: each event written at once, as the WebSocket transports do: its
 * frame built and encoded once for every subscriber of the shared stream, as one chunk of
 * HTTP/1.1's chunked coding (as they are for HTTP/1.0, whose stream ends with the connection),
 * and written to the socket in one write. The stream opens (its first bytes) with its first
 * write: an event may come as soon as the gateway has subscribed.
 */
class StreamSink implements Sink {
  private opened = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly framing: Framing,
    private readonly bytes: EventBytes,
    private readonly finish: (complete: boolean) => void,
  ) {}

  /** The stream's first bytes, once: the headers go out with them. */
  open(): void {
    if (this.opened) return;
    this.opened = true;
    this.res.write(this.framing.open);
  }

  write(chunk: string | Buffer): void {
    if (this.res.destroyed || this.res.writableEnded) return;
    this.open();
    this.res.write(chunk);
  }

  next(result: ExecutionResult): boolean {
    const res = this.res;
    // A closed stream's subscription ends with its `close`.
    if (res.destroyed || res.writableEnded) return true;
    // A client that does not read holds its events in the gateway's memory, up to this much.
    if (res.writableLength > MAX_BUFFERED_BYTES) return false;
    this.open();
    // Once it has its socket (not yet when it waits behind a pipelined answer), the response
    // writes to it as it is: these bytes go out in order with its own.
    if (res.socket) res.socket.write(this.bytes(result, res.chunkedEncoding));
    else res.write(this.bytes(result, false));
    return true;
  }

  /** Also the answer of an operation that is not a subscription, or was refused: its result, then `complete`. */
  end(result?: ExecutionResult): void {
    // Written even to a client that does not read: it learns why it was dropped.
    if (result) this.write(this.bytes(result, false));
    this.finish(true);
  }
}

export function httpStreams(core: TransportCore) {
  /** Ends each open stream: for the gateway's close. */
  const open = new Set<() => void>();
  const eventBytes = (framing: Framing): EventBytes => {
    const frame = perResult((result) => Buffer.from(framing.next(core.serialise(result))));
    const chunk = perResult((result) => Buffer.concat([Buffer.from(`${frame(result).length.toString(16)}\r\n`), frame(result), CRLF]));
    return (result, chunked) => (chunked ? chunk(result) : frame(result));
  };
  const bytes = { multipart: eventBytes(FRAMING.multipart), sse: eventBytes(FRAMING.sse) };

  async function stream(reply: FastifyReply, transport: Transport, prepared: Prepared | Refusal) {
    const framing = FRAMING[transport];
    const res = reply.raw;
    // Headers set so far by the hooks (CORS, RateLimit-*) go out with the stream. The
    // connection closes with it: a stream's end (the gateway's close included) frees its socket.
    res.writeHead(200, { ...(reply.getHeaders() as OutgoingHttpHeaders), 'content-type': framing.contentType, 'cache-control': 'no-store', 'x-accel-buffering': 'no', connection: 'close' });
    openStreams.inc({ transport });
    let events: AsyncIterator<ExecutionResult> | undefined;
    let over = false;
    const finish = (complete: boolean) => {
      if (over) return;
      over = true;
      // Not when the gateway closes or the client went: an SSE client that saw no `complete` connects again.
      if (complete) sink.write(framing.complete);
      clearInterval(heartbeat);
      open.delete(end);
      openStreams.dec({ transport });
      void events?.return?.();
      res.end();
    };
    const end = () => finish(false);
    const sink = new StreamSink(res, framing, bytes[transport], finish);
    const heartbeat = setInterval(() => sink.write(framing.heartbeat), core.keepAliveMs);
    open.add(end);
    // The connection's, not the answer's: an answer pipelined behind another has no socket yet, and may never have one.
    res.req.socket.on('close', end);
    try {
      // Subscribed before the stream opens: a client that sees it open misses no event.
      const result = isRefusal(prepared) ? { errors: prepared.errors as GraphQLError[] } : await core.run(prepared, sink);
      if (!(Symbol.asyncIterator in result)) return sink.end(result);
      // Gone while it was subscribing (or its stream has ended already): leaves the shared stream.
      if (over) return void result.return?.();
      events = result;
      // Its connection closed before the stream listened for it.
      if (res.req.socket.destroyed) return end();
      sink.open();
    } catch (err) {
      // A bug of ours: no answer but the broken connection (the caller logs it).
      res.destroy();
      end();
      throw err;
    }
  }

  return {
    /** `preHandler` of /graphql: takes over the requests that prefer a stream. */
    async preHandler(req: FastifyRequest, reply: FastifyReply) {
      if (req.method !== 'POST') return;
      const transport = streamTransport(req.headers.accept);
      const payload = req.body;
      if (!transport || typeof payload !== 'object' || payload === null || Array.isArray(payload)) return;
      if (transport === 'multipart') {
        // Anything but a subscription (a @defer query, a persisted query Apollo knows, a broken document) is Apollo's.
        const resolved = core.resolve(payload as OperationPayload);
        if (isRefusal(resolved) || resolved.definition.operation !== 'subscription') return;
      }
      const principal = core.authenticate(req.headers.authorization);
      if (isRefusal(principal)) return refuseAsJson(core, reply, principal);
      const prepared = core.prepare(principal, payload as OperationPayload);
      if (transport === 'multipart' && isRefusal(prepared)) return refuseAsJson(core, reply, prepared);
      reply.hijack();
      void stream(reply, transport, prepared).catch((err: unknown) => {
        req.log.error({ err }, 'stream failed');
        reply.raw.destroy();
      });
      return reply;
    },

    close() {
      for (const end of [...open]) end();
    },
  };
}

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

/** Writes, waiting for the socket to drain when its buffer is full: a slow reader backs up into its capped queue. */
function writer(res: ServerResponse) {
  return (chunk: string): Promise<void> | void => {
    if (res.destroyed || res.writableEnded || res.write(chunk)) return;
    return new Promise((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done).on('close', done);
    });
  };
}

export function httpStreams(core: TransportCore) {
  /** Ends each open stream: for the gateway's close. */
  const open = new Set<() => void>();

  async function stream(reply: FastifyReply, transport: Transport, prepared: Prepared | Refusal) {
    const framing = FRAMING[transport];
    const res = reply.raw;
    const write = writer(res);
    // Subscribed before the answer starts: a client that sees it open misses no event.
    const result: ExecutionResult | AsyncIterableIterator<ExecutionResult> = isRefusal(prepared) ? { errors: prepared.errors as GraphQLError[] } : await core.run(prepared);
    // Headers set so far by the hooks (CORS, RateLimit-*) go out with the stream. The
    // connection closes with it: a stream's end (the gateway's close included) frees its socket.
    res.writeHead(200, { ...(reply.getHeaders() as OutgoingHttpHeaders), 'content-type': framing.contentType, 'cache-control': 'no-store', 'x-accel-buffering': 'no', connection: 'close' });
    openStreams.inc({ transport });
    const events = Symbol.asyncIterator in result ? result : undefined;
    let closing = false;
    const end = () => {
      closing = true;
      void events?.return?.();
      res.end();
    };
    open.add(end);
    res.on('close', end);
    if (!res.socket || res.socket.destroyed) end(); // gone while it was subscribing
    const heartbeat = setInterval(() => void write(framing.heartbeat), core.keepAliveMs);
    try {
      await write(framing.open);
      for await (const event of events ?? [result as ExecutionResult]) await write(framing.next(core.serialise(event)));
      // Not when the gateway closes: an SSE client that saw no `complete` connects again.
      if (!closing) await write(framing.complete);
    } finally {
      clearInterval(heartbeat);
      open.delete(end);
      openStreams.dec({ transport });
      res.end();
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

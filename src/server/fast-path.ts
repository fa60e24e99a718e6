/**
 * The fast path of GraphQL over HTTP, in front of Fastify: a POSTed JSON query or mutation from
 * a caller with a valid key, answered in JSON. Fastify's request pipeline (hooks, reply, body
 * parser) and Apollo's (hashing, plugins, negotiation, each hook a promise) cost several times
 * the execution itself; here the transport core's checks run instead (the document parsed,
 * validated and limited once per text; authentication, scope, list and cost limits per request;
 * the rate limit counted as the HTTP hook counts it) and the document runs compiled by
 * graphql-jit, once per document and operation (from its second run).
 *
 * It takes a request only once it knows it answers it exactly as Fastify and Apollo would (CORS
 * headers included, from the same table as Fastify's hook: a page's requests carry an `Origin`);
 * anything else goes on to Fastify untouched, the body it read given back first: another method,
 * URL or content type, no valid key, a body too large or not plain JSON, any refusal (scope,
 * limits, a broken document or variables), a persisted query, a subscription, a batch, an
 * `Accept` that wants a stream or no JSON, a server closing.
 */
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import { execute } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import type { Logger } from 'pino';
import type { Principal } from '../context.js';
import { countOperation } from '../observability/metrics.js';
import type { ApiKeys } from './auth.js';
import { errorBody } from './errors.js';
import { jsonPreference } from './http-rules.js';
import { keyBucket, rateLimitedBody, rateLimitPairs, type RateLimiter, type RateVerdict } from './rate-limit.js';
import { isRefusal, type OperationPayload, type Prepared, type TransportCore } from './transports/core.js';
import { streamTransport } from './transports/http-streams.js';

type Runner = (args: Prepared['args']) => ExecutionResult | Promise<ExecutionResult>;

/** graphql-js itself, for the rare document graphql-jit cannot compile. */
const interpreted: Runner = (args) => execute(args);

/** Sets a header of a flat list (name, value, …), replacing one of that name. */
function setHeader(headers: string[], name: string, value: string): void {
  for (let i = 0; i < headers.length; i += 2) {
    if (headers[i] === name) {
      headers[i + 1] = value;
      return;
    }
  }
  headers.push(name, value);
}

/** What errors ask of the HTTP answer (`extensions.http`), merged as Apollo merges them. */
function httpOf(errors: readonly GraphQLError[], headers: string[]): number {
  let status = 200;
  for (const err of errors) {
    const http = err.extensions?.http as { status?: number; headers?: Map<string, string> } | undefined;
    if (http?.status) status = http.status;
    for (const [name, value] of http?.headers ?? []) setHeader(headers, name.toLowerCase(), value);
  }
  return status;
}

/**
 * An answer's headers as node:http takes them in a flat list (name, value, …), not an object:
 * node's writeHead reads an object's headers by name at a site every header object of the
 * process goes through (a megamorphic load each), and an object built per request from the
 * CORS, rate-limit and type headers is one more object with properties added one by one.
 */
export function answerHeaders(cors: readonly string[], verdict: RateVerdict, type: string): string[] {
  const headers = cors.concat(rateLimitPairs(verdict));
  headers.push('content-type', `${type}; charset=utf-8`);
  return headers;
}

/**
 * Extensions Apollo makes nothing of (here, with no usage reporting): any but a persisted query.
 * Apollo Client 4 sends its name and version (`clientLibrary`) with every operation.
 */
const ignored = (extensions: unknown) => extensions === undefined || (typeof extensions === 'object' && extensions !== null && !Array.isArray(extensions) && !('persistedQuery' in extensions));

/** The content types Fastify's JSON parser takes that the fast path takes too (others go on to Fastify). */
const JSON_TYPES = new Set(['application/json', 'application/json; charset=utf-8']);

export interface FastPathDeps {
  core: TransportCore;
  keys: ApiKeys;
  schema: GraphQLSchema;
  limiter: RateLimiter;
  log: Logger;
  bodyLimit: number;
  /** The CORS headers every GraphQL answer to a request from an origin (or none) carries, as a flat list (name, value, …). */
  corsPairs(origin: string | undefined): readonly string[];
}

/** `next` takes the request on (Fastify's own listener), so that no request needs a closure of its own. */
export type RawHandler = (req: IncomingMessage, res: ServerResponse, next: (req: IncomingMessage, res: ServerResponse) => void) => void;

export function httpFastPath({ core, keys, schema, limiter, log, bodyLimit, corsPairs }: FastPathDeps): RawHandler & { close(): void } {
  // Per document (the core keeps one DocumentNode per query text) and operation name. A
  // document is compiled when it comes again (as Mercurius' `jit: 1`): compiling costs more
  // than a run, and one-off documents would make every request pay it.
  const runners = new WeakMap<DocumentNode, Map<string, Runner | 'seen once'>>();
  let jit: typeof import('graphql-jit') | undefined;
  let loading: Promise<void> | undefined;
  let closing = false;

  function runnerFor({ document, operationName }: Prepared['args']): Runner {
    let byName = runners.get(document);
    if (!byName) runners.set(document, (byName = new Map()));
    const key = operationName ?? '';
    const known = byName.get(key);
    if (known === undefined) {
      byName.set(key, 'seen once');
      return interpreted;
    }
    if (known !== 'seen once') return known;
    if (!jit) {
      // Loaded on the first repeat, not at boot: it brings fast-json-stringify and ajv (~0.1 s).
      loading ??= import('graphql-jit').then((m) => void (jit = m), () => undefined);
      return interpreted;
    }
    const compiled = jit.compileQuery(schema, document, operationName ?? undefined);
    const runner = jit.isCompiledQuery(compiled) ? jitRunner(compiled) : interpreted;
    byName.set(key, runner);
    return runner;
  }

  function interpretedFrom(args: Prepared['args']): ExecutionResult | Promise<ExecutionResult> {
    runners.get(args.document)?.set(args.operationName ?? '', interpreted);
    return interpreted(args);
  }

  /** The operation the body asks for, ready to run, when nothing would refuse it; else undefined. */
  function take(principal: Principal, body: Buffer): Prepared | undefined {
    if (!isUtf8(body)) return undefined;
    const text = body.toString('utf8');
    // Fastify's parser refuses these keys (prototype poisoning) in its own words.
    if (text.includes('__proto__') || text.includes('constructor')) return undefined;
    let payload: OperationPayload | null;
    try {
      payload = JSON.parse(text) as OperationPayload | null;
    } catch {
      return undefined;
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || !ignored(payload.extensions)) return undefined;
    const prepared = core.prepare(principal, payload);
    return isRefusal(prepared) || prepared.operation === 'subscription' ? undefined : prepared;
  }

  async function answer(res: ServerResponse, principal: Principal, prepared: Prepared, type: string, cors: readonly string[]): Promise<void> {
    const taken = limiter.take(keyBucket(principal));
    // In memory the verdict is there at once: no await, so no turn of the microtask queue.
    const verdict = taken instanceof Promise ? await taken : taken;
    const headers = answerHeaders(cors, verdict, type);
    if (!verdict.allowed) {
      setHeader(headers, 'content-type', 'application/json; charset=utf-8');
      return write(res, 429, headers, rateLimitedBody(verdict));
    }
    // A compiled query whose resolvers all answer at once answers at once too: no await, so the
    // answer is written in this turn, not from the microtask queue after it.
    const run = runnerFor(prepared.args)(prepared.args);
    let result = run instanceof Promise ? await run : run;
    // No data: graphql-jit refused variables graphql-js took (it leaves out some defaults, such as
    // an input object's fields); nothing ran. The document runs interpreted from now on.
    if (result.data === undefined) result = await interpretedFrom(prepared.args);
    const errors = result.errors;
    countOperation(prepared.operation, Boolean(errors?.length));
    const status = errors?.length ? httpOf(errors, headers) : 200;
    // As Apollo writes it: errors first, then data, and a final newline.
    write(res, status, headers, `${JSON.stringify(errors?.length ? { errors: core.formatErrors(errors), data: result.data } : { data: result.data })}\n`);
  }

  function write(res: ServerResponse, status: number, headers: string[], body: string): void {
    headers.push('content-length', String(Buffer.byteLength(body)));
    // A string body goes out with the head in one write.
    res.writeHead(status, headers).end(body);
  }

  function failed(res: ServerResponse, cors: readonly string[], err: unknown): void {
    log.error({ err, method: 'POST', route: '/graphql' }, 'request failed');
    if (!res.headersSent) write(res, 500, cors.concat('content-type', 'application/json; charset=utf-8'), errorBody(true, 500, 'Internal error'));
    else res.destroy();
  }

  /** The line Fastify's request log would write once the answer is sent (at `info`). */
  function logCompletion(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    res.once('finish', () => log.info({ req: { method: req.method, url: req.url, ip: req.socket.remoteAddress }, res: { statusCode: res.statusCode }, responseTime: performance.now() - started }, 'request completed'));
  }

  const handler: RawHandler = (req, res, next) => {
    const length = Number(req.headers['content-length']);
    const accept = req.headers.accept;
    const media = req.method === 'POST' && req.url === '/graphql' && !closing ? jsonPreference(accept) : undefined;
    if (!media || !(length > 0 && length <= bodyLimit) || !JSON_TYPES.has(req.headers['content-type']!) || req.headers['transfer-encoding'] !== undefined || streamTransport(accept)) return next(req, res);
    let principal: Principal;
    try {
      principal = keys.ofRequest(req);
    } catch {
      return next(req, res);
    }
    const { offer } = media;
    const chunks: Buffer[] = [];
    let received = 0;
    // A declaration, not an arrow: the bundle's name helper leaves its name as it is, and so gives
    // it no hidden class of its own each request (scripts/bundle.ts).
    function onData(chunk: Buffer): void {
      chunks.push(chunk);
      received += chunk.length;
      if (received < length) return;
      // Paused, nothing more comes (the body is whole): the listener stays. Removing it deletes a
      // property of the request's listener table, which turns it into a dictionary that node's own
      // later reads of it (the answer's end) each look up slowly.
      req.pause();
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received);
      const prepared = take(principal, body);
      if (!prepared) {
        // Given back before the stream ends: Fastify reads the body as if nobody had.
        req.removeListener('data', onData);
        req.unshift(body);
        return next(req, res);
      }
      if (log.isLevelEnabled('info')) logCompletion(req, res);
      const cors = corsPairs(req.headers.origin);
      answer(res, principal, prepared, offer, cors).catch((err: unknown) => failed(res, cors, err));
    }
    req.on('data', onData);
  };
  return Object.assign(handler, {
    close() {
      closing = true;
    },
  });
}

function jitRunner(compiled: CompiledQuery): Runner {
  return (args) => compiled.query(args.rootValue, args.contextValue, args.variableValues) as ExecutionResult | Promise<ExecutionResult>;
}

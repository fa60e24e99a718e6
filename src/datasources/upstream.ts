/**
 * The HTTP client base every provider client extends: keep-alive pool, a timeout on every
 * call, retries with full jitter for idempotent calls only, `Retry-After` honoured, one
 * circuit breaker per provider, and the one place where transport failures and bare HTTP
 * statuses become ErrorCodes.
 *
 * One call runs one pipeline (`fetch`), and a provider's client fills in its hooks:
 * `willSendRequest` (credentials, envelopes), `parseBody` (JSON unless overridden),
 * `errorFromResponse` (the provider's error table, `<provider>/errors.ts`) and `payloadOf`
 * (what an envelope carries). What is left for each operation is a line: the request and
 * the shape its answer must have.
 */
import http from 'node:http';
import https from 'node:https';
import got, { type Got, type Method, type Options, RequestError, TimeoutError } from 'got';
import CircuitBreaker from 'opossum';
import type { Logger } from 'pino';
import type { ProviderName } from '../domain/model.js';
import { unstorable } from '../domain/values.js';
import { ErrorCode, GatewayError, type BusinessError } from '../errors.js';
import { withoutSecretValues } from '../observability/logger.js';
import { upstreamDuration } from '../observability/metrics.js';
import { shapeProblem, type Shape } from './shape.js';

export interface UpstreamOptions {
  provider: ProviderName;
  /** Absolute base; request paths are appended to it. */
  baseUrl: string;
  /** Bounds each call with all its retries and backoff. */
  timeoutMs: number;
  log: Logger;
  headers?: Record<string, string>;
  /** Basic auth credentials. */
  username?: string;
  password?: string;
  /** Retries for idempotent calls (default 2). */
  retries?: number;
  /**
   * Statuses worth retrying (default 408, 429, 500, 502, 503, 504). SOAP answers a fault,
   * bad input included, with HTTP 500: a retry would only repeat it.
   */
  retryStatuses?: readonly number[];
}

export interface UpstreamRequest {
  /** Label for metrics and logs, e.g. `createAllocation`. */
  operation: string;
  method: Method;
  /** Appended to the base URL; may be empty. */
  path?: string;
  searchParams?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  body?: string;
  headers?: Record<string, string>;
  /**
   * Safe to repeat. Defaults to true for GET/HEAD/PUT/DELETE/OPTIONS and false for POST:
   * a provisioning POST is retried only when the caller knows the provider dedupes it.
   */
  idempotent?: boolean;
}

export interface UpstreamResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Seconds from a Retry-After header, if any. */
  retryAfterSeconds?: number;
}

/**
 * The entry of every provider's error table: the failure an answer stands for, or undefined
 * when it is an answer. `body` is what `parseBody` read (undefined when a failure's body
 * could not be read).
 */
export type ErrorFromResponse<Body = unknown, Call extends UpstreamRequest = UpstreamRequest> = (
  res: UpstreamResponse,
  body: Body | undefined,
  call: Call,
) => BusinessError | GatewayError | undefined;

/** A shape, or the shape a payload must have given what it says (e.g. per verdict). */
export type ShapeOf<P = any> = Shape | ((payload: P) => Shape | undefined);

export const RETRY_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];
/** Answers that say the provider itself is failing: they count against its circuit breaker. */
const OUTAGE_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);
/** Transport failures that happen before a request leaves: the provider cannot have acted. */
const NOT_SENT: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const RETRIABLE_ERRORS: ReadonlySet<string> = new Set(['ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN']);
/** How much of an unreadable answer the logs keep. */
const LOGGED_BODY_CHARS = 500;
const IDEMPOTENT: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const BACKOFF_BASE_MS = 100;
const BACKOFF_CAP_MS = 2_000;

/**
 * How long a connection may wait unused for the next call, unless the provider announces less
 * (`Keep-Alive: timeout=N`: then N - 1 s). Without a timeout Node ignores the announcement and
 * keeps the connection until the provider closes it, and a call sent just as it does fails with
 * ECONNRESET: retried when idempotent, but a provisioning POST is not. Common servers keep an
 * idle connection 60 s or more, or announce less.
 */
const IDLE_CONNECTION_MS = 30_000;

/** One keep-alive pool per protocol for every provider. */
export const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64, timeout: IDLE_CONNECTION_MS }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64, timeout: IDLE_CONNECTION_MS }),
};

export function retryAfterSeconds(value: string | string[] | undefined): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim());
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export const isSuccess = (res: UpstreamResponse): boolean => res.status >= 200 && res.status < 300;

/**
 * The default meaning of an HTTP status when the provider's body says nothing more:
 * what a provider error table falls back on.
 */
export function statusFailure(provider: ProviderName, res: UpstreamResponse): GatewayError {
  const s = res.status;
  // A 4xx is a refusal: the provider did nothing.
  const base = { provider, detail: res.body, nothingDone: s >= 400 && s < 500 };
  if (s === 401 || s === 403) return new GatewayError(ErrorCode.UPSTREAM_AUTH_FAILED, `${provider} rejected the gateway's credentials`, base);
  if (s === 429) return new GatewayError(ErrorCode.RATE_LIMITED, `${provider} is rate limiting the gateway`, { ...base, retryAfterSeconds: res.retryAfterSeconds });
  if (s === 408 || s === 504) return new GatewayError(ErrorCode.UPSTREAM_TIMEOUT, `${provider} timed out`, base);
  if (s >= 500) return new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `${provider} is unavailable (HTTP ${s})`, base);
  return new GatewayError(ErrorCode.UPSTREAM_ERROR, `${provider} answered HTTP ${s} unexpectedly`, base);
}

/** Carries a 5xx answer through the breaker so that it counts as a failure. */
class OutageAnswer extends Error {
  constructor(readonly response: UpstreamResponse) {
    super(`HTTP ${response.status}`);
  }
}

function isOutage(err: unknown): boolean {
  return err instanceof OutageAnswer || (err instanceof GatewayError && (err.code === ErrorCode.UPSTREAM_UNAVAILABLE || err.code === ErrorCode.UPSTREAM_TIMEOUT));
}

/**
 * node:http's request, handed only the options got gives a value. got passes ~40, most of them
 * undefined, and node:http copies them twice per request (the request, then the agent): ~20 µs
 * of each call (bench scenario 2's client cost).
 */
function definedOptionsOnly(url: URL, options: http.RequestOptions): http.ClientRequest {
  const given: Record<string, unknown> = {};
  for (const key in options) {
    const value = options[key as keyof http.RequestOptions];
    if (value !== undefined) given[key] = value;
  }
  return (url.protocol === 'https:' ? https : http).request(url, given);
}

/** What is left of a call's deadline (`context.deadline`, set by `send`), in ms. */
const timeLeft = (options: Options) => (options.context.deadline as number) - Date.now();

/**
 * A provider's prepared got instances, options merged once here and not per call: one that
 * retries (idempotent calls) and one that never does. A call's deadline (`context.deadline`)
 * bounds it with all its retries and backoff: a retry starts only before it, and gets what is
 * left of it as its timeout (a deadline signal per call cost ~30 µs: a timer, a weak reference
 * and got's listeners).
 */
export function preparedClients(opts: UpstreamOptions): { retrying: Got; once: Got } {
  const retryStatuses = opts.retryStatuses ?? RETRY_STATUSES;
  const retrying = got.extend({
    agent: agents,
    request: definedOptionsOnly,
    headers: { 'user-agent': 'switchboard/0.1', ...opts.headers },
    username: opts.username,
    password: opts.password,
    timeout: { request: opts.timeoutMs },
    throwHttpErrors: false,
    followRedirect: false,
    retry: {
      limit: opts.retries ?? 2,
      methods: ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'POST'],
      statusCodes: [...retryStatuses],
      maxRetryAfter: opts.timeoutMs / 1000,
      calculateDelay: ({ attemptCount, retryOptions, error, retryAfter }) => {
        if (attemptCount > retryOptions.limit) return 0;
        const status = error.response?.statusCode;
        const retriable = status === undefined ? RETRIABLE_ERRORS.has(error.code) : retryStatuses.includes(status);
        if (!retriable) return 0;
        // Honour the provider's own pacing; otherwise full jitter with a cap. No retry that
        // could not start before the call's deadline. got reads 0 as "do not retry".
        const delay = retryAfter ?? Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attemptCount);
        return delay < timeLeft(error.options) ? Math.max(1, delay) : 0;
      },
    },
    hooks: {
      beforeRetry: [
        (error) => {
          error.options.timeout = { request: Math.max(1, timeLeft(error.options)) };
        },
      ],
    },
  });
  return { retrying, once: retrying.extend({ retry: { limit: 0 } }) };
}

export class Upstream<Call extends UpstreamRequest = UpstreamRequest, Body = unknown> {
  private readonly clients: { retrying: Got; once: Got };
  private readonly breaker: CircuitBreaker<[UpstreamRequest], UpstreamResponse>;

  constructor(protected readonly opts: UpstreamOptions) {
    this.clients = preparedClients(opts);
    this.breaker = new CircuitBreaker(async (req: UpstreamRequest) => {
      const res = await this.send(req);
      if (OUTAGE_STATUSES.has(res.status)) throw new OutageAnswer(res);
      return res;
    }, {
      timeout: false, // got enforces the timeout
      errorThresholdPercentage: 50,
      volumeThreshold: 10,
      resetTimeout: 10_000,
      // Nothing reads its rolling snapshots: computing one each second per provider was wasted CPU.
      enableSnapshots: false,
      // Only outages count against the provider's health (a truthy filter means "not a failure").
      errorFilter: (err: unknown) => !isOutage(err),
    });
  }

  // ---- the pipeline and its hooks ----

  /** Hook: the HTTP request a call becomes (credentials, envelope, headers). */
  protected willSendRequest(call: Call): UpstreamRequest {
    return call;
  }

  /** Hook: the body of an answer, JSON by default. A success that cannot be read is UPSTREAM_ERROR; a failure's unreadable body is undefined. */
  protected parseBody(res: UpstreamResponse, call: Call): Body | undefined {
    try {
      return JSON.parse(res.body) as Body;
    } catch {
      if (isSuccess(res)) throw this.unreadable(res, call.operation, 'not JSON');
      return undefined;
    }
  }

  /** Hook: the provider's error table. By default any status but 2xx fails by its HTTP meaning. */
  protected errorFromResponse(res: UpstreamResponse, _body: Body | undefined, _call: Call): BusinessError | GatewayError | undefined {
    return isSuccess(res) ? undefined : statusFailure(this.opts.provider, res);
  }

  /** Hook: what an answer carries for the caller (an envelope's payload); the body by default. */
  protected payloadOf(body: Body | undefined, _res: UpstreamResponse, _call: Call): unknown {
    return body;
  }

  /** One call through the hooks: sent, read, failed by the error table, or its payload with the answer it came in. */
  protected async exchange(call: Call): Promise<{ res: UpstreamResponse; payload: unknown }> {
    const res = await this.request(this.willSendRequest(call));
    const body = this.parseBody(res, call);
    const failure = this.errorFromResponse(res, body, call);
    if (failure) throw failure;
    const payload = this.payloadOf(body, res, call);
    // An answer the store cannot keep (a NUL, a lone surrogate) is one the gateway cannot read, not an INTERNAL failure once stored.
    const unkept = unstorable(payload);
    if (unkept) throw this.unreadable(res, call.operation, unkept);
    return { res, payload };
  }

  /** One call's payload, checked against the shape the mapping relies on (else UPSTREAM_ERROR). */
  protected async fetch<T>(call: Call, shape?: ShapeOf): Promise<T> {
    const { res, payload } = await this.exchange(call);
    const wanted = typeof shape === 'function' ? shape(payload) : shape;
    return (wanted === undefined ? payload : this.read(payload, wanted, res, call.operation)) as T;
  }

  // ---- the transport ----

  async request(req: UpstreamRequest): Promise<UpstreamResponse> {
    try {
      return await this.breaker.fire(req);
    } catch (err) {
      // Counted as a failure; the caller still reads the answer through its error table.
      if (err instanceof OutageAnswer) return err.response;
      if (err instanceof GatewayError) throw err;
      if ((err as { code?: string }).code === 'EOPENBREAKER') {
        throw new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `${this.opts.provider} is failing; calls are paused for a few seconds`, { provider: this.opts.provider, nothingDone: true });
      }
      throw err;
    }
  }

  private async send(req: UpstreamRequest): Promise<UpstreamResponse> {
    const { provider, log } = this.opts;
    const idempotent = req.idempotent ?? IDEMPOTENT.has(req.method.toUpperCase());
    const started = performance.now();
    let outcome = 'error';
    try {
      const res = await (idempotent ? this.clients.retrying : this.clients.once)(this.opts.baseUrl + (req.path ?? ''), {
        method: req.method,
        searchParams: req.searchParams,
        json: req.json,
        form: req.form,
        body: req.body,
        headers: req.headers,
        // One deadline for the call with all its retries and backoff.
        context: { deadline: Date.now() + this.opts.timeoutMs },
      });
      outcome = String(res.statusCode);
      const response: UpstreamResponse = {
        status: res.statusCode,
        headers: res.headers,
        body: res.body,
        retryAfterSeconds: retryAfterSeconds(res.headers['retry-after']),
      };
      if (res.statusCode >= 500) log.warn({ provider, operation: req.operation, status: res.statusCode }, 'upstream server error');
      return response;
    } catch (err) {
      if (err instanceof TimeoutError) {
        outcome = 'timeout';
        log.warn({ provider, operation: req.operation }, 'upstream timeout');
        throw new GatewayError(ErrorCode.UPSTREAM_TIMEOUT, `${provider} did not answer in time`, { provider, cause: err });
      }
      if (err instanceof RequestError) {
        log.warn({ provider, operation: req.operation, code: err.code }, 'upstream unreachable');
        throw new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `${provider} could not be reached`, { provider, cause: err, nothingDone: NOT_SENT.has(err.code) });
      }
      throw err;
    } finally {
      upstreamDuration.observe({ provider, operation: req.operation, outcome }, (performance.now() - started) / 1000);
    }
  }

  /** `value` (read from `res`) if it has the shape the mapping relies on, else an upstream error. */
  protected read<T>(value: unknown, shape: Shape, res: UpstreamResponse, operation: string): T {
    const problem = shapeProblem(value, shape);
    if (problem) throw this.unreadable(res, operation, problem);
    return value as T;
  }

  /** UPSTREAM_ERROR for an answer the gateway cannot read; the body goes to the logs (cut short, tokens out), never to the client. */
  protected unreadable(res: UpstreamResponse, operation: string, problem: string): GatewayError {
    const { provider, log } = this.opts;
    log.warn({ provider, operation, status: res.status, problem, body: withoutSecretValues(res.body.slice(0, LOGGED_BODY_CHARS)) }, 'upstream answer unreadable');
    return new GatewayError(ErrorCode.UPSTREAM_ERROR, `${provider} answered something the gateway could not read`, { provider });
  }
}

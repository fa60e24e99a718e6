/**
 * `/webhooks/<provider>/<event>`: the framework around each provider's WebhookRoute.
 * Order matters: token (constant time, nothing stored when wrong) → read, and check that the
 * store can keep it (a bad payload is kept as `rejected` and answered 4xx in the provider's
 * format) → raw receipt stored and the event key claimed in one statement (a duplicate is
 * answered OK and changes nothing) → apply → reply.
 * Applying failed: the claim is released so the provider's retry can apply it.
 * A crash between claim and mark leaves the receipt `received`: past the store's claim lease,
 * the provider's retry takes the claim over, and a sweep (every lease) applies such receipts
 * again from their stored bytes; applying twice is harmless (effects are idempotent).
 * Every failure on these routes, ours or Fastify's, is answered in the route's reply format by
 * this plugin's own error handler; the detail goes to the log, never to the provider.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { ProviderName } from '../domain/model.js';
import { webhookReceived } from '../observability/metrics.js';
import { isDataError } from '../store/db.js';
import type { ReceiptStore, WebhookReceipt } from '../store/receipts.js';
import { WebhookPayloadError, type WebhookEffects, type WebhookRequest, type WebhookResult, type WebhookRoute } from './route.js';
import { bodyBytes, storableBody, storableText, unstorable } from './storable.js';

export const WEBHOOK_BODY_LIMIT = 256 * 1024;

export interface WebhookRouterDeps {
  token: string;
  receipts: ReceiptStore;
  effects: WebhookEffects;
  log: Logger;
  /** slug → provider and its routes */
  providers: Array<{ slug: string; provider: ProviderName; routes: WebhookRoute<any, any>[] }>;
  /** Tests only (SWITCHBOARD_TEST_WEBHOOK_PAUSE): hang every webhook after this step, for a `kill -9` there. */
  pauseAfter?: 'claimed' | 'applied';
}

type Params = { provider: string; event: string };
type Found = { provider: ProviderName; route: WebhookRoute<any, any> };

const UNAVAILABLE = 'temporarily unable to process; retry later';
const UNSTORABLE = 'the payload holds data the gateway cannot store';

/** A refusal of the router's own, answered in the route's format with this status. */
class Refusal extends Error {
  readonly headers: Record<string, string>;

  constructor(
    readonly status: number,
    reason: string,
    opts: { cause?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(reason, { cause: opts.cause });
    this.headers = opts.headers ?? {};
  }
}

/** What Fastify's own refusals on a webhook route mean, in our words. */
const FASTIFY_REASONS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: `the body is larger than ${WEBHOOK_BODY_LIMIT / 1024} KB`,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'the content type is not accepted',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'the body does not match its Content-Length',
};

function refusalOf(err: unknown): Refusal {
  if (err instanceof Refusal) return err;
  const { statusCode, code } = err as Partial<FastifyError>;
  if (statusCode && statusCode >= 400 && statusCode < 500) return new Refusal(statusCode, FASTIFY_REASONS[code ?? ''] ?? 'the request could not be read', { cause: err });
  return new Refusal(500, 'internal error', { cause: err });
}

/** For the log: what went wrong, without a stack (paths) or the request (its URL has the token). */
function detail(err: unknown): Record<string, unknown> {
  const e = (err ?? {}) as { name?: string; code?: string; message?: string };
  return { type: e.name, code: e.code, message: e.message };
}

/** A store call: a data error is the payload's fault (the caller's to answer); any other failure is an outage. */
async function guarded<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    throw isDataError(err) ? err : new Refusal(503, UNAVAILABLE, { cause: err });
  }
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** The body as routes receive it (exported for route tests). */
export function readBody(raw: string, contentType: string | undefined): unknown {
  if (raw.trim() === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function flatQuery(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (k === 'token') continue;
    out[k] = Array.isArray(v) ? String(v[v.length - 1]) : String(v);
  }
  return out;
}

/** The request as routes read it; the receipt keeps its bytes. */
function requestOf(req: FastifyRequest, contentType: string | undefined): { request: WebhookRequest; bytes: Buffer } {
  const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  return { request: webhookRequest(req.method, flatQuery(req.query), contentType, bytes), bytes };
}

function webhookRequest(method: string, query: Record<string, string>, contentType: string | undefined, bytes: Buffer): WebhookRequest {
  const rawBody = bytes.toString('utf8');
  return { method: method as 'GET' | 'POST', query, body: readBody(rawBody, contentType), rawBody, contentType };
}

export async function webhookRouter(app: FastifyInstance, deps: WebhookRouterDeps): Promise<void> {
  const expected = digest(deps.token);
  const routes = new Map<string, Found>();
  /** By provider name and event, as receipts name them (for the sweep). */
  const byProvider = new Map<string, Found>();
  /** Each provider's first route gives its reply format where no route matched. */
  const formats = new Map<string, WebhookRoute<any, any>>();
  for (const p of deps.providers) {
    for (const r of p.routes) {
      routes.set(`${p.slug}/${r.event}`, { provider: p.provider, route: r });
      byProvider.set(`${p.provider}/${r.event}`, { provider: p.provider, route: r });
    }
    if (p.routes[0]) formats.set(p.slug, p.routes[0]);
  }
  const { receipts, log } = deps;

  // Routes read payloads themselves (leniently), so every body arrives as bytes, whatever its
  // type. Fastify never sees the Content-Type: it would refuse a malformed one (415) before
  // the handler could keep a receipt. The handler reads it from `contentTypes`.
  const contentTypes = new WeakMap<FastifyRequest, string>();
  app.addHook('onRequest', async (req) => {
    const contentType = req.headers['content-type'];
    if (contentType === undefined) return;
    contentTypes.set(req, contentType);
    delete req.headers['content-type'];
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.setErrorHandler(async (err, req, reply) => {
    const refusal = refusalOf(err);
    const { provider: slug, event } = (req.params ?? {}) as Partial<Params>;
    const where = { provider: slug, event, status: refusal.status, reason: refusal.message };
    if (refusal.status >= 500) log.error({ ...where, error: detail(refusal.cause) }, 'webhook failed');
    else log.warn({ ...where, ...(refusal.cause ? { error: detail(refusal.cause) } : {}) }, 'webhook refused');
    reply.headers(refusal.headers);
    const route = routes.get(`${slug}/${event}`)?.route ?? formats.get(slug ?? '');
    if (!route) return reply.code(refusal.status).send({ error: refusal.message });
    const request = Buffer.isBuffer(req.body) ? requestOf(req, contentTypes.get(req)).request : undefined;
    const r = route.reply({ ok: false, status: refusal.status, reason: refusal.message, request });
    return reply.code(r.status).send(r.body);
  });

  /** A payload the store cannot keep or the route cannot read: kept as `rejected`, answered 400. */
  async function reject(found: Found, request: WebhookRequest, receipt: WebhookReceipt, reason: string, payload?: unknown): Promise<WebhookResult<any, any>> {
    const receiptId = await guarded(receipts.save({ ...receipt, status: 'rejected', reason: storableText(reason) }));
    webhookReceived.inc({ provider: found.provider, event: found.route.event, result: 'rejected' });
    log.warn({ provider: found.provider, event: found.route.event, receiptId, reason }, 'webhook payload rejected');
    return { ok: false, status: 400, reason, request, payload };
  }

  /** The test-only fault hook: never returns when armed for this step. */
  async function pause(step: 'claimed' | 'applied', receiptId: number): Promise<void> {
    if (deps.pauseAfter !== step) return;
    log.warn({ step, receiptId }, 'webhook paused (SWITCHBOARD_TEST_WEBHOOK_PAUSE)');
    await new Promise(() => undefined);
  }

  /** Apply a claimed event and mark its receipt with the outcome. */
  async function settle(found: Found, request: WebhookRequest, payload: unknown, receiptId: number): Promise<WebhookResult<any, any>> {
    const labels = { provider: found.provider, event: found.route.event };
    let result: unknown;
    try {
      await pause('claimed', receiptId);
      result = await found.route.apply(payload, deps.effects);
    } catch (err) {
      const bad = isDataError(err);
      await guarded(receipts.mark(receiptId, bad ? 'rejected' : 'failed', { reason: bad ? UNSTORABLE : 'could not apply', release: true }));
      webhookReceived.inc({ ...labels, result: bad ? 'rejected' : 'failed' });
      if (!bad) throw new Refusal(503, UNAVAILABLE, { cause: err });
      log.warn({ ...labels, receiptId, error: detail(err) }, 'webhook payload rejected by the store');
      return { ok: false, status: 400, reason: UNSTORABLE, request, payload };
    }
    await pause('applied', receiptId);
    const status = result === null ? 'unmatched' : 'applied';
    await guarded(receipts.mark(receiptId, status, { release: result === null }));
    webhookReceived.inc({ ...labels, result: status });
    return { ok: true, payload, result, duplicate: false };
  }

  async function receive(found: Found, request: WebhookRequest, bytes: Buffer): Promise<WebhookResult<any, any>> {
    const { provider, route } = found;
    const query = Object.fromEntries(Object.entries(request.query).map(([k, v]) => [storableText(k), storableText(v)]));
    const { body, encoding } = storableBody(bytes);
    const receipt: WebhookReceipt = { provider, event: route.event, method: request.method, query, contentType: request.contentType, body, bodyEncoding: encoding };

    let payload: unknown;
    let key: string;
    try {
      // Before the route reads it (absurd nesting must not reach a recursive String()), and after
      // (a route may parse the raw text itself).
      const badRequest = unstorable([request.body, request.query]);
      if (badRequest) throw new WebhookPayloadError(badRequest);
      payload = route.read(request);
      key = route.eventKey(payload);
      const bad = unstorable([payload, key]);
      if (bad) throw new WebhookPayloadError(bad);
    } catch (err) {
      if (err instanceof WebhookPayloadError) return reject(found, request, receipt, err.message);
      // A fault of ours: kept as `failed` for inspection.
      await guarded(receipts.save({ ...receipt, status: 'failed', reason: 'could not read' }));
      throw err;
    }

    let claim: { receiptId: number; claimed: boolean };
    try {
      claim = await guarded(receipts.receive(receipt, key));
    } catch (err) {
      if (err instanceof Refusal) throw err;
      log.warn({ provider, event: route.event, error: detail(err) }, 'webhook receipt refused by the store');
      return reject(found, request, receipt, UNSTORABLE, payload);
    }
    if (!claim.claimed) {
      webhookReceived.inc({ provider, event: route.event, result: 'duplicate' });
      return { ok: true, payload, result: undefined, duplicate: true };
    }
    return settle(found, request, payload, claim.receiptId);
  }

  /** Finish receipts left `received` past the lease (their process died): apply them again from their bytes. */
  async function sweep(): Promise<void> {
    for (const receipt of await receipts.unfinished()) {
      const found = byProvider.get(`${receipt.provider}/${receipt.event}`);
      if (!found || (await receipts.resumeClaim(receipt.id)) !== 'resumed') continue;
      const request = webhookRequest(receipt.method, receipt.query, receipt.content_type ?? undefined, bodyBytes(receipt));
      let payload: unknown;
      try {
        payload = found.route.read(request);
      } catch (err) {
        log.error({ provider: found.provider, event: found.route.event, receiptId: receipt.id, error: detail(err) }, 'unfinished webhook could not be read again');
        await receipts.mark(receipt.id, 'failed', { reason: 'could not read', release: true });
        continue;
      }
      const where = { provider: found.provider, event: found.route.event, receiptId: receipt.id };
      // A failure is marked on the receipt (released for the provider's retry); the others go on.
      const outcome = await settle(found, request, payload, receipt.id).catch((err: unknown) => log.error({ ...where, error: detail(err) }, 'unfinished webhook failed again'));
      if (outcome) log.info({ ...where, ok: outcome.ok }, 'unfinished webhook finished by the sweep');
    }
  }
  let sweeping: Promise<void> | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    sweeper = setInterval(() => {
      sweeping ??= sweep()
        .catch((err: unknown) => log.error({ error: detail(err) }, 'webhook sweep failed'))
        .finally(() => (sweeping = undefined));
    }, receipts.claimLeaseSeconds * 1000);
    sweeper.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    await sweeping;
  });

  const handler = async (req: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const found = routes.get(`${req.params.provider}/${req.params.event}`);
    if (!found) throw new Refusal(404, 'no such webhook');
    const token = (req.query as Record<string, unknown>)?.token;
    if (typeof token !== 'string' || !timingSafeEqual(digest(token), expected)) {
      webhookReceived.inc({ provider: found.provider, event: found.route.event, result: 'unauthorized' });
      throw new Refusal(401, 'missing or wrong token');
    }
    if (!found.route.methods.includes(req.method as 'GET' | 'POST')) {
      throw new Refusal(405, `${req.method} is not accepted here`, { headers: { allow: found.route.methods.join(', ') } });
    }
    const { request, bytes } = requestOf(req, contentTypes.get(req));
    const r = found.route.reply(await receive(found, request, bytes));
    return reply.code(r.status).send(r.body);
  };

  app.route({ method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'], url: '/webhooks/:provider/:event', bodyLimit: WEBHOOK_BODY_LIMIT, handler });
}

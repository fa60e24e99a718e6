/**
 * `/webhooks/<provider>/<event>`: the HTTP side of each provider's WebhookRoute.
 * Order matters: token (constant time, nothing stored when wrong) → method → the delivery
 * (deliveries.ts: read, receipt and claim, apply, mark) → reply in the route's format.
 * The sweep (every claim lease) finishes receipts a process that died left `received`.
 * Every failure on these routes, ours or Fastify's, is answered in the route's reply format by
 * this plugin's own error handler; the detail goes to the log, never to the provider.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { webhookReceived } from '../observability/metrics.js';
import { detail, Refusal, webhookRequest, type Found, type WebhookDeliveries } from './deliveries.js';
import type { WebhookRequest, WebhookRoute } from './route.js';

export const WEBHOOK_BODY_LIMIT = 256 * 1024;

export interface WebhookRouterDeps {
  token: string;
  deliveries: WebhookDeliveries;
}

type Params = { provider: string; event: string };

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

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
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

export async function webhookRouter(app: FastifyInstance, { token, deliveries }: WebhookRouterDeps): Promise<void> {
  const expected = digest(token);
  const routes = new Map<string, Found>();
  /** Each provider's first route gives its reply format where no route matched. */
  const formats = new Map<string, WebhookRoute<any, any>>();
  for (const p of deliveries.providers) {
    for (const r of p.routes) routes.set(`${p.slug}/${r.event}`, { provider: p.provider, route: r });
    if (p.routes[0]) formats.set(p.slug, p.routes[0]);
  }
  const log = deliveries.log;

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

  let sweeping: Promise<void> | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    sweeper = setInterval(() => {
      sweeping ??= deliveries
        .sweep()
        .catch((err: unknown) => log.error({ error: detail(err) }, 'webhook sweep failed'))
        .finally(() => (sweeping = undefined));
    }, deliveries.claimLeaseSeconds * 1000);
    sweeper.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    await sweeping;
  });

  const handler = async (req: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const found = routes.get(`${req.params.provider}/${req.params.event}`);
    if (!found) throw new Refusal(404, 'no such webhook');
    const given = (req.query as Record<string, unknown>)?.token;
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
      webhookReceived.inc({ provider: found.provider, event: found.route.event, result: 'unauthorized' });
      throw new Refusal(401, 'missing or wrong token');
    }
    if (!found.route.methods.includes(req.method as 'GET' | 'POST')) {
      throw new Refusal(405, `${req.method} is not accepted here`, { headers: { allow: found.route.methods.join(', ') } });
    }
    const { request, bytes } = requestOf(req, contentTypes.get(req));
    const r = found.route.reply(await deliveries.receive(found, request, bytes));
    return reply.code(r.status).send(r.body);
  };

  app.route({ method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'], url: '/webhooks/:provider/:event', bodyLimit: WEBHOOK_BODY_LIMIT, handler });
}

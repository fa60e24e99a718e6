/**
 * `/webhooks/<provider>/<event>`: the framework around each provider's WebhookRoute.
 * Order matters: token (constant time, nothing stored when wrong) → read (a bad payload is
 * kept as `rejected` and answered 4xx in the provider's format) → raw receipt stored and the
 * event key claimed in one statement (a duplicate is answered OK and changes nothing) → apply → reply.
 * Applying failed: the claim is released so the provider's retry can apply it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { ProviderName } from '../domain/model.js';
import { webhookReceived } from '../observability/metrics.js';
import type { Store } from '../store/store.js';
import { WebhookPayloadError, type WebhookEffects, type WebhookRequest, type WebhookRoute } from './route.js';

export const WEBHOOK_BODY_LIMIT = 256 * 1024;

export interface WebhookRouterDeps {
  token: string;
  store: Store;
  effects: WebhookEffects;
  log: Logger;
  /** slug → provider and its routes */
  providers: Array<{ slug: string; provider: ProviderName; routes: WebhookRoute<any, any>[] }>;
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

export async function webhookRouter(app: FastifyInstance, deps: WebhookRouterDeps): Promise<void> {
  const expected = digest(deps.token);
  const routes = new Map<string, { provider: ProviderName; route: WebhookRoute<any, any> }>();
  for (const p of deps.providers) for (const r of p.routes) routes.set(`${p.slug}/${r.event}`, { provider: p.provider, route: r });

  // Routes read payloads themselves (leniently), so every body arrives as text.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) => done(null, body));

  const handler = async (req: FastifyRequest<{ Params: { provider: string; event: string } }>, reply: FastifyReply) => {
    const { provider: slug, event } = req.params;
    const found = routes.get(`${slug}/${event}`);
    if (!found) return reply.code(404).send({ error: `no webhook ${slug}/${event}` });
    const { provider, route } = found;
    const labels = { provider, event };

    const token = (req.query as Record<string, unknown>)?.token;
    if (typeof token !== 'string' || !timingSafeEqual(digest(token), expected)) {
      webhookReceived.inc({ ...labels, result: 'unauthorized' });
      return reply.code(401).send({ error: 'missing or wrong token' });
    }
    if (!route.methods.includes(req.method as 'GET' | 'POST')) {
      return reply.code(405).header('allow', route.methods.join(', ')).send({ error: `${req.method} is not accepted here` });
    }

    const rawBody = typeof req.body === 'string' ? req.body : '';
    const contentType = req.headers['content-type'];
    const request: WebhookRequest = { method: req.method as 'GET' | 'POST', query: flatQuery(req.query), body: readBody(rawBody, contentType), rawBody, contentType };
    const receipt = { provider, event, method: request.method, query: request.query, contentType, body: rawBody };

    let payload: unknown;
    let key: string;
    try {
      payload = route.read(request);
      key = route.eventKey(payload);
    } catch (err) {
      // Kept either way: a bad payload as `rejected`, a fault of ours as `failed`.
      const bad = err instanceof WebhookPayloadError;
      const receiptId = await deps.store.saveReceipt({ ...receipt, status: bad ? 'rejected' : 'failed', reason: bad ? err.message : 'could not read' });
      if (!bad) throw err;
      webhookReceived.inc({ ...labels, result: 'rejected' });
      deps.log.warn({ provider, event, receiptId, reason: err.message }, 'webhook payload rejected');
      const r = route.reply({ ok: false, reason: err.message });
      return reply.code(r.status).send(r.body);
    }

    const { receiptId, claimed } = await deps.store.receiveEvent(receipt, key);
    if (!claimed) {
      webhookReceived.inc({ ...labels, result: 'duplicate' });
      const r = route.reply({ ok: true, payload, result: undefined, duplicate: true });
      return reply.code(r.status).send(r.body);
    }
    let result: unknown;
    try {
      result = await route.apply(payload, deps.effects);
    } catch (err) {
      await deps.store.markReceipt(receiptId, 'failed', { reason: 'could not apply', release: true });
      webhookReceived.inc({ ...labels, result: 'failed' });
      deps.log.error({ err, provider, event, receiptId }, 'webhook could not be applied');
      return reply.code(503).send({ error: 'temporarily unable to process; retry later' });
    }
    const status = result === null ? 'unmatched' : 'applied';
    await deps.store.markReceipt(receiptId, status, { release: result === null });
    webhookReceived.inc({ ...labels, result: status });
    const r = route.reply({ ok: true, payload, result, duplicate: false });
    return reply.code(r.status).send(r.body);
  };

  app.route({ method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'], url: '/webhooks/:provider/:event', bodyLimit: WEBHOOK_BODY_LIMIT, handler });
}

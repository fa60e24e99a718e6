/**
 * What becomes of a webhook delivery once it reached its route with the right token: read
 * (and checked that the store can keep it) → raw receipt stored and the event key claimed in
 * one statement (a duplicate changes nothing) → apply → receipt marked with the outcome.
 * Applying failed: the claim is released so the provider's retry can apply it.
 *
 * A stored receipt is applied again through the same read and apply, from its stored bytes:
 * by the sweep (a receipt left `received` past the claim lease: its process died between claim
 * and mark) and by an operator's replay (an `unmatched`, `rejected` or `failed` receipt, once
 * its cause is fixed). Applying twice is harmless (effects are idempotent).
 */
import type { Logger } from 'pino';
import type { ProviderName } from '../domain/model.js';
import { BusinessError, ErrorCode } from '../errors.js';
import { webhookReceived, webhookStepDuration } from '../observability/metrics.js';
import { isDataError } from '../store/db.js';
import type { ReceiptRow, ReceiptStore, StoredReceipt, WebhookReceipt } from '../store/receipts.js';
import { WebhookPayloadError, type WebhookEffects, type WebhookRequest, type WebhookResult, type WebhookRoute } from './route.js';
import { unstorable } from '../domain/values.js';
import { bodyBytes, storableBody, storableText } from './storable.js';

export interface WebhookProvider {
  /** Its webhooks' path segment: `/webhooks/<slug>/<event>`. */
  slug: string;
  provider: ProviderName;
  routes: WebhookRoute<any, any>[];
}

export interface WebhookDeliveriesDeps {
  receipts: ReceiptStore;
  effects: WebhookEffects;
  log: Logger;
  providers: WebhookProvider[];
  /** Tests only (SWITCHBOARD_TEST_WEBHOOK_PAUSE): hang every webhook after this step, for a `kill -9` there. */
  pauseAfter?: 'claimed' | 'applied';
}

export type Found = { provider: ProviderName; route: WebhookRoute<any, any> };

/** Receipt statuses an operator may replay: nothing was applied, and the provider will not send it again by itself. */
export const REPLAYABLE = ['unmatched', 'rejected', 'failed'] as const;

const UNAVAILABLE = 'temporarily unable to process; retry later';
const UNSTORABLE = 'the payload holds data the gateway cannot store';

/** A refusal answered with this status (in the route's format, by the router). */
export class Refusal extends Error {
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

/** For the log: what went wrong, without a stack (paths) or the request (its URL has the token). */
export function detail(err: unknown): Record<string, unknown> {
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

/** Runs a step of a delivery, its time kept in switchboard_webhook_step_seconds whether it succeeds or fails. */
async function timed<T>(labels: { provider: ProviderName; event: string }, step: 'claim' | 'apply' | 'mark', run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    webhookStepDuration.observe({ ...labels, step }, (performance.now() - started) / 1000);
  }
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

export function webhookRequest(method: string, query: Record<string, string>, contentType: string | undefined, bytes: Buffer): WebhookRequest {
  const rawBody = bytes.toString('utf8');
  return { method: method as 'GET' | 'POST', query, body: readBody(rawBody, contentType), rawBody, contentType };
}

/** A stored receipt as the request its route reads. */
const storedRequest = (r: StoredReceipt) => webhookRequest(r.method, r.query, r.content_type ?? undefined, bodyBytes(r));

/** The payload and its event key, or a WebhookPayloadError saying why not. */
function readPayload(route: WebhookRoute<any, any>, request: WebhookRequest): { payload: unknown; key: string } {
  // Before the route reads it (absurd nesting must not reach a recursive String()), and after
  // (a route may parse the raw text itself).
  const badRequest = unstorable([request.body, request.query]);
  if (badRequest) throw new WebhookPayloadError(badRequest);
  const payload = route.read(request);
  const key = route.eventKey(payload);
  const bad = unstorable([payload, key]);
  if (bad) throw new WebhookPayloadError(bad);
  return { payload, key };
}

export class WebhookDeliveries {
  /** By provider name and event, as receipts name them. */
  private readonly byProvider = new Map<string, Found>();
  private readonly receipts: ReceiptStore;
  readonly log: Logger;

  constructor(private readonly deps: WebhookDeliveriesDeps) {
    this.receipts = deps.receipts;
    this.log = deps.log;
    for (const p of deps.providers) for (const r of p.routes) this.byProvider.set(`${p.provider}/${r.event}`, { provider: p.provider, route: r });
  }

  get providers(): readonly WebhookProvider[] {
    return this.deps.providers;
  }

  /** How often the sweep runs: a claim is abandoned after this long. */
  get claimLeaseSeconds(): number {
    return this.receipts.claimLeaseSeconds;
  }

  /** A delivery that reached its route: kept, claimed, applied, marked. */
  async receive(found: Found, request: WebhookRequest, bytes: Buffer): Promise<WebhookResult<any, any>> {
    const { provider, route } = found;
    const query = Object.fromEntries(Object.entries(request.query).map(([k, v]) => [storableText(k), storableText(v)]));
    const { body, encoding } = storableBody(bytes);
    const receipt: WebhookReceipt = { provider, event: route.event, method: request.method, query, contentType: request.contentType, body, bodyEncoding: encoding };

    let read: { payload: unknown; key: string };
    try {
      read = readPayload(route, request);
    } catch (err) {
      if (err instanceof WebhookPayloadError) return this.reject(found, request, receipt, err.message);
      // A fault of ours: kept as `failed` for inspection.
      await guarded(this.receipts.save({ ...receipt, status: 'failed', reason: 'could not read' }));
      throw err;
    }

    let claim: { receiptId: number; claimed: boolean };
    try {
      claim = await guarded(timed({ provider, event: route.event }, 'claim', () => this.receipts.receive(receipt, read.key)));
    } catch (err) {
      if (err instanceof Refusal) throw err;
      this.log.warn({ provider, event: route.event, error: detail(err) }, 'webhook receipt refused by the store');
      return this.reject(found, request, receipt, UNSTORABLE, read.payload);
    }
    if (!claim.claimed) {
      webhookReceived.inc({ provider, event: route.event, result: 'duplicate' });
      return { ok: true, payload: read.payload, result: undefined, duplicate: true };
    }
    return this.settle(found, request, read.payload, claim.receiptId);
  }

  /** Finish receipts left `received` past the lease (their process died): apply them again from their bytes. */
  async sweep(): Promise<void> {
    for (const receipt of await this.receipts.unfinished()) {
      const found = this.byProvider.get(`${receipt.provider}/${receipt.event}`);
      if (!found || (await this.receipts.resumeClaim(receipt.id)) !== 'resumed') continue;
      const where = { provider: found.provider, event: found.route.event, receiptId: receipt.id };
      // A failure is marked on the receipt (released for the provider's retry); the others go on.
      const outcome = await this.reapply(found, receipt).catch((err: unknown) => this.log.error({ ...where, error: detail(err) }, 'unfinished webhook failed again'));
      if (outcome) this.log.info({ ...where, ok: outcome.ok }, 'unfinished webhook finished by the sweep');
    }
  }

  /**
   * An operator's replay of an unmatched, rejected or failed receipt: its event is claimed for
   * it, then applied as if it had just arrived. Refused (NOT_PERMITTED) for a receipt whose event
   * was applied, or is being applied, by this or another delivery; so a replay never applies an
   * event twice. Returns the receipt as it stands after the replay.
   */
  async replay(id: number): Promise<ReceiptRow> {
    const receipt = await this.receipts.one(id);
    if (!receipt) throw new BusinessError(ErrorCode.NOT_FOUND, 'no such webhook receipt', ['id']);
    if (!(REPLAYABLE as readonly string[]).includes(receipt.status)) throw new BusinessError(ErrorCode.NOT_PERMITTED, NOT_REPLAYABLE[receipt.status] ?? `a ${receipt.status} receipt cannot be replayed`, ['id']);
    const found = this.byProvider.get(`${receipt.provider}/${receipt.event}`);
    if (!found) throw new BusinessError(ErrorCode.NOT_PERMITTED, `this gateway has no route for ${receipt.provider} ${receipt.event} webhooks`, ['id']);
    let key: string;
    try {
      key = readPayload(found.route, storedRequest(receipt)).key;
    } catch (err) {
      if (!(err instanceof WebhookPayloadError)) throw err;
      throw new BusinessError(ErrorCode.VALIDATION_FAILED, `the payload still cannot be read: ${err.message}`, ['id']);
    }
    const claim = await this.receipts.claimForReplay(id, key);
    if (claim !== 'claimed') throw new BusinessError(ErrorCode.NOT_PERMITTED, claim === 'applied' ? 'its event was applied already (by another delivery)' : 'it is being applied right now', ['id']);
    this.log.info({ provider: found.provider, event: found.route.event, receiptId: id, was: receipt.status }, 'webhook receipt replayed');
    await this.reapply(found, receipt).catch((err: unknown) => {
      // Marked `failed` on the receipt, which the answer shows; the detail goes to the log.
      this.log.error({ provider: found.provider, event: found.route.event, receiptId: id, error: detail(err) }, 'replayed webhook failed');
    });
    return (await this.receipts.one(id))!;
  }

  /** A stored, claimed receipt applied again from its bytes. */
  private async reapply(found: Found, receipt: StoredReceipt & { id: number }): Promise<WebhookResult<any, any>> {
    const request = storedRequest(receipt);
    let payload: unknown;
    try {
      payload = readPayload(found.route, request).payload;
    } catch (err) {
      this.log.error({ provider: found.provider, event: found.route.event, receiptId: receipt.id, error: detail(err) }, 'stored webhook could not be read again');
      await this.receipts.mark(receipt.id, 'failed', { reason: 'could not read', release: true });
      return { ok: false, status: 500, reason: 'could not read', request };
    }
    return this.settle(found, request, payload, receipt.id);
  }

  /** A payload the store cannot keep or the route cannot read: kept as `rejected`, answered 400. */
  private async reject(found: Found, request: WebhookRequest, receipt: WebhookReceipt, reason: string, payload?: unknown): Promise<WebhookResult<any, any>> {
    const receiptId = await guarded(this.receipts.save({ ...receipt, status: 'rejected', reason: storableText(reason) }));
    webhookReceived.inc({ provider: found.provider, event: found.route.event, result: 'rejected' });
    this.log.warn({ provider: found.provider, event: found.route.event, receiptId, reason }, 'webhook payload rejected');
    return { ok: false, status: 400, reason, request, payload };
  }

  /** The test-only fault hook: never returns when armed for this step. */
  private async pause(step: 'claimed' | 'applied', receiptId: number): Promise<void> {
    if (this.deps.pauseAfter !== step) return;
    this.log.warn({ step, receiptId }, 'webhook paused (SWITCHBOARD_TEST_WEBHOOK_PAUSE)');
    await new Promise(() => undefined);
  }

  /** Apply a claimed event and mark its receipt with the outcome. */
  private async settle(found: Found, request: WebhookRequest, payload: unknown, receiptId: number): Promise<WebhookResult<any, any>> {
    const labels = { provider: found.provider, event: found.route.event };
    let result: unknown;
    try {
      await this.pause('claimed', receiptId);
      result = await timed(labels, 'apply', () => found.route.apply(payload, this.deps.effects));
    } catch (err) {
      const bad = isDataError(err);
      await guarded(timed(labels, 'mark', () => this.receipts.mark(receiptId, bad ? 'rejected' : 'failed', { reason: bad ? UNSTORABLE : 'could not apply', release: true })));
      webhookReceived.inc({ ...labels, result: bad ? 'rejected' : 'failed' });
      if (!bad) throw new Refusal(503, UNAVAILABLE, { cause: err });
      this.log.warn({ ...labels, receiptId, error: detail(err) }, 'webhook payload rejected by the store');
      return { ok: false, status: 400, reason: UNSTORABLE, request, payload };
    }
    await this.pause('applied', receiptId);
    const status = result === null ? 'unmatched' : 'applied';
    await guarded(timed(labels, 'mark', () => this.receipts.mark(receiptId, status, { release: result === null })));
    webhookReceived.inc({ ...labels, result: status });
    return { ok: true, payload, result, duplicate: false };
  }
}

/** Why a receipt in each other status is not replayed. */
const NOT_REPLAYABLE: Record<string, string> = {
  applied: 'it was applied already: there is nothing to replay',
  duplicate: 'it repeats a delivery whose event was applied',
  superseded: 'a later delivery of its event applied it',
  received: 'it is being applied right now',
};

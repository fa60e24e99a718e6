/**
 * Webhook receipts, for operators (the `admin` scope): every delivery as kept, newest first,
 * and replaying one whose event was not applied (unmatched, rejected, failed) once its cause is
 * fixed, through the same read and apply as a live delivery (src/webhooks/deliveries.ts).
 * Nothing shown carries the webhook token, wherever a provider may have echoed it.
 */
import type { ProviderName } from '../domain/model.js';
import { badUserInput } from '../errors.js';
import type { ReceiptFilter, ReceiptRow } from '../store/receipts.js';
import type { Store } from '../store/store.js';
import type { WebhookDeliveries } from '../webhooks/deliveries.js';
import { bodyBytes } from '../webhooks/storable.js';
import type { Page, PageRequest } from './lists.js';

const REDACTED = '[redacted]';

/** A receipt as an operator sees it. */
export interface ReceiptView {
  id: number;
  provider: ProviderName;
  event: string;
  method: string;
  receivedAt: string;
  status: string;
  reason?: string;
  eventKey?: string;
  contentType?: string;
  query: Record<string, string>;
  /** The body as text; a body kept as bytes is decoded leniently (see `bodyBase64`). */
  body: string;
  bodyEncoding: 'TEXT' | 'BASE64';
  /** The bytes, for a body that is not valid UTF-8 or holds NUL. */
  bodyBase64?: string;
}

export class Receipts {
  private readonly secret: Buffer;

  constructor(
    private readonly store: Store,
    private readonly deliveries: WebhookDeliveries,
    /** The webhook token: never shown. */
    private readonly token: string,
  ) {
    this.secret = Buffer.from(token);
  }

  /** Newest first. A range that ends before it starts is refused (BAD_USER_INPUT on `filter.receivedBefore`). */
  async list(filter: ReceiptFilter, req: PageRequest): Promise<Page<ReceiptView>> {
    if (filter.receivedAfter && filter.receivedBefore && filter.receivedBefore <= filter.receivedAfter) {
      throw badUserInput('filter.receivedBefore', `${filter.receivedBefore} is not after filter.receivedAfter (${filter.receivedAfter})`);
    }
    const page = await this.store.receipts.page(filter, req);
    return { ...page, items: page.items.map((i) => ({ ...i, record: this.view(i.record) })) };
  }

  /** Apply an unmatched, rejected or failed receipt again (BusinessError when it cannot be). */
  async replay(id: number): Promise<ReceiptView> {
    return this.view(await this.deliveries.replay(id));
  }

  private view(r: ReceiptRow): ReceiptView {
    const text = (s: string) => s.replaceAll(this.token, REDACTED);
    const bytes = this.redact(bodyBytes(r));
    const base64 = r.body_encoding === 'base64';
    return {
      id: r.id,
      provider: r.provider as ProviderName,
      event: r.event,
      method: r.method,
      receivedAt: r.received_at,
      status: r.status,
      reason: r.reason === null ? undefined : text(r.reason),
      eventKey: r.event_key === null ? undefined : text(r.event_key),
      contentType: r.content_type ?? undefined,
      query: Object.fromEntries(Object.entries(r.query).map(([k, v]) => [text(k), text(v)])),
      // Invalid UTF-8 decodes to U+FFFD; NUL is shown as U+FFFD too.
      body: base64 ? bytes.toString('utf8').replaceAll('\u0000', '\ufffd') : bytes.toString('utf8'),
      bodyEncoding: base64 ? 'BASE64' : 'TEXT',
      bodyBase64: base64 ? bytes.toString('base64') : undefined,
    };
  }

  /** The bytes with every occurrence of the token replaced. */
  private redact(bytes: Buffer): Buffer {
    const parts: Buffer[] = [];
    let from = 0;
    for (let at = bytes.indexOf(this.secret); at >= 0; at = bytes.indexOf(this.secret, from)) {
      parts.push(bytes.subarray(from, at), Buffer.from(REDACTED));
      from = at + this.secret.length;
    }
    return parts.length ? Buffer.concat([...parts, bytes.subarray(from)]) : bytes;
  }
}

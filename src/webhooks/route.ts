/**
 * The contract between the webhook framework (`src/webhooks/router.ts`: token check, size
 * limit, raw receipt stored before the answer, duplicate detection, metrics) and each
 * provider's `webhooks.ts`, which only reads payloads, names events and applies them.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type {
  AllocationEventRecord,
  AllocationRecord,
  CallEventPatch,
  CallEventRecord,
  E164,
  OrderRecord,
  OrderStatus,
  PhoneNumberRecord,
  ProviderName,
  ServiceRecord,
} from '../domain/model.js';

export interface WebhookRequest {
  method: 'GET' | 'POST';
  /** Query parameters other than our `token`. */
  query: Record<string, string>;
  /**
   * The body as the router could read it: a JSON value (application/json), form fields as a
   * string record (application/x-www-form-urlencoded), or undefined (empty, or not valid JSON:
   * a route that wants to be lenient parses `rawBody` itself).
   */
  body: unknown;
  rawBody: string;
  contentType?: string;
}

export interface WebhookReply {
  status: number;
  body: unknown;
}

/** Thrown by `read` when a payload cannot be understood; becomes a 4xx in the provider's format. */
export class WebhookPayloadError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WebhookPayloadError';
  }
}

/** A UUID that is the same for the same provider event (`name`: provider, route and event key). */
export function eventId(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  // Version 8 (custom) and the RFC 4122 variant, so that it is a valid UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A provider id as a route keeps it: no longer than `max` characters. Ids go into indexed
 * columns, whose rows PostgreSQL caps at ~2.7 kB; each provider README says why its caps are
 * far above anything the provider sends.
 */
export function cappedId(value: string, name: string, max: number): string {
  if (value.length > max) throw new WebhookPayloadError(`${name} is longer than ${max} characters`);
  return value;
}

/** What a provider's word about an order carries besides its status. */
export interface Settlement {
  /** The provider's own status word. */
  providerStatus?: string;
  accountId?: string;
  /** The numbers and service a completed order provisioned, read from the stored order (its country). */
  provisioned?: (order: OrderRecord) => { numbers: PhoneNumberRecord[]; service?: ServiceRecord };
}

/** What applying a webhook may do (src/gateway/effects.ts): each stores, then publishes. */
export interface WebhookEffects {
  log: Logger;
  /** Merge a call's facts into its stored CallEvent (by provider + providerCallId), publish it. */
  recordCall(patch: CallEventPatch): Promise<CallEventRecord>;
  /**
   * Settle a pending (or STALE) order found by provider reference, else by service reference.
   * Returns null when no such order is known.
   */
  settleOrder(
    provider: ProviderName,
    match: { providerRef?: string; serviceRef?: string },
    status: Exclude<OrderStatus, 'PENDING'>,
    message?: string,
    settlement?: Settlement,
  ): Promise<OrderRecord | null>;
  /** What the gateway holds, for pushes that name things only in the provider's words (Delacon national numbers). */
  findService(provider: ProviderName, providerRef: string): Promise<ServiceRecord | null>;
  findNumbers(e164s: readonly E164[]): Promise<PhoneNumberRecord[]>;
  findCall(provider: ProviderName, providerCallId: string): Promise<CallEventRecord | null>;
  /** Record a service's new state (AVANSER confirmation). */
  saveService(service: ServiceRecord): Promise<void>;
  findAllocation(provider: ProviderName, match: { providerRef?: string; greenVN?: string; connectionId?: string }): Promise<AllocationRecord | null>;
  /**
   * Store the allocation's new state (if given) and publish the event. Give the event an `id`
   * from `eventId`: applied again (after a crash), it then changes and publishes nothing.
   */
  allocationEvent(
    event: Omit<AllocationEventRecord, 'id' | 'at'> & { id?: string; at?: string },
    update?: AllocationRecord,
  ): Promise<AllocationEventRecord>;
}

export type WebhookResult<P, R> =
  | { ok: true; payload: P; result: R | undefined; duplicate: boolean }
  /**
   * Refused or failed, with the HTTP status to answer: 400 unreadable payload, 401, 404, 405,
   * 413, 415, 503 (the store is down; the provider should retry), 500. `request` is there
   * when the request could be read, `payload` when the route read it.
   */
  | { ok: false; status: number; reason: string; request?: WebhookRequest; payload?: P };

export interface WebhookRoute<P = unknown, R = unknown> {
  /** `/webhooks/<provider>/<event>` */
  event: string;
  methods: ReadonlyArray<'GET' | 'POST'>;
  /** Understand the payload or throw WebhookPayloadError with a reason. Pure. */
  read(request: WebhookRequest): P;
  /** Identity of the provider event: the same delivery twice gives the same key. */
  eventKey(payload: P): string;
  /**
   * Apply the event. Return `null` when it could not be matched yet (e.g. a callback that
   * overtook our own record of the order): the router then forgets the event key so the
   * provider's next attempt is applied, not taken for a duplicate.
   */
  apply(payload: P, effects: WebhookEffects): Promise<R | null>;
  /** The reply in the provider's expected format, for every outcome (a failure keeps its status). */
  reply(result: WebhookResult<P, R>): WebhookReply;
}

/**
 * Orders: provisioning numbers (under the caller's idempotency key), the orders placed
 * through the gateway, and asking pollable providers about orders whose confirmation is late.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { OrderDraft, ProvisionOutcome, ProvisionRequest } from '../datasources/provider.js';
import type { Registry } from '../datasources/registry.js';
import type { E164, NumberOutcome, NumberStatus, OrderRecord, ProviderName } from '../domain/model.js';
import { numberStatusOf } from '../domain/orders.js';
import type { Store } from '../store/store.js';
import type { Attempts, KeyRun } from './attempts.js';
import type { Effects } from './effects.js';
import { byKey, type Page, type PageRequest } from './lists.js';
import type { Services } from './services.js';

export interface ProvisionResult {
  orders: OrderRecord[];
  numbers: NumberOutcome[];
}

/** A uuid that is the same for the same seed (an order recovered twice keeps one id). */
function seededUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An order as the gateway keeps it: the provider's draft with our id and its history begun. */
export function newOrder(provider: ProviderName, kind: OrderRecord['kind'], draft: OrderDraft, id: string = randomUUID()): OrderRecord {
  const at = new Date().toISOString();
  return {
    id,
    provider,
    kind,
    status: draft.status,
    providerRef: draft.providerRef,
    serviceRef: draft.serviceRef,
    numbers: draft.numbers,
    message: draft.message,
    history: [{ at, status: draft.status, message: draft.message }],
    createdAt: at,
    updatedAt: at,
  };
}

export class Orders {
  constructor(
    private readonly registry: Registry,
    private readonly store: Store,
    private readonly effects: Effects,
    private readonly attempts: Attempts,
    private readonly services: Services,
    private readonly log: Logger,
  ) {}

  provision(request: ProvisionRequest, run?: KeyRun): Promise<ProvisionResult> {
    return this.attempts.send(run, request.provider, 'provision', [{ ...request, attemptId: run?.marker }]);
  }

  /**
   * What the gateway records of a provisioning (also of one recovered after its answer was
   * lost): services, numbers and orders. Under an idempotency key (`marker`) the orders' ids
   * are derived from it, so that recording it twice keeps one order.
   */
  async recordProvision(provider: ProviderName, outcome: ProvisionOutcome, marker?: string): Promise<ProvisionResult> {
    const orders = outcome.orders.map((d, i) => newOrder(provider, 'PROVISION', d, marker === undefined ? undefined : seededUuid(`${marker}:${i}`)));
    for (const s of outcome.services) await this.store.services.save(s);
    // A number ordered follows its order: pending until the provider confirms it.
    const orderOf = (e164: E164) => orders.find((o) => o.numbers.includes(e164));
    const follow = <N extends { e164: E164; status?: NumberStatus }>(n: N): N => {
      const order = orderOf(n.e164);
      return { ...n, status: (order && numberStatusOf(order.status)) ?? n.status };
    };
    await this.effects.saveNumbers(outcome.owned.map((n) => follow({ ...n, orderId: n.orderId ?? orderOf(n.e164)?.id })));
    for (const o of orders) await this.effects.saveOrder(o);
    return { orders, numbers: outcome.numbers.map((n) => (n.ok ? follow(n) : n)) };
  }

  /** Orders placed through the gateway, newest first. */
  list(filter: { provider?: ProviderName; status?: string }, req: PageRequest): Promise<Page<OrderRecord>> {
    return this.store.orders.list(filter, req);
  }

  /** One per id asked for (a request's batch), null when unknown. */
  async byIds(ids: readonly string[]): Promise<Array<OrderRecord | null>> {
    return byKey(ids, await this.store.orders.byIds(ids), (k) => k, (o) => o.id);
  }

  /**
   * Ask providers that can be polled about pending orders whose confirmation is late.
   * Runs on a timer; one failing provider does not stop the others.
   */
  async pollPending(olderThanMs: number): Promise<void> {
    const before = new Date(Date.now() - olderThanMs).toISOString();
    for (const entry of this.registry.all()) {
      if (!this.registry.supports(entry.name, 'orderStatus')) continue;
      for (const order of await this.store.orders.pending(entry.name, before)) {
        if (!order.providerRef) continue;
        try {
          const draft = await this.registry.call(entry.name, 'orderStatus', order.providerRef);
          if (draft && draft.status !== 'PENDING') {
            // The callback would have carried the service: read it first, so that orderUpdated
            // subscribers see it active; the order settles even when that read fails.
            const serviceRef = draft.serviceRef ?? order.serviceRef;
            if (draft.status === 'COMPLETED' && serviceRef) {
              await this.services.one(entry.name, serviceRef).catch((err: unknown) => this.log.warn({ err, provider: entry.name, serviceRef }, 'service read after poll failed'));
            }
            await this.effects.settleOrder(entry.name, { providerRef: order.providerRef }, draft.status, draft.message);
          }
        } catch (err) {
          this.log.warn({ err, provider: entry.name, orderId: order.id }, 'order status poll failed');
        }
      }
    }
  }
}

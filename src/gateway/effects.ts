/**
 * What happens when a provider tells us something: store it, then publish it. The webhook
 * routes reach the store and the bus only through this (`WebhookEffects`); the gateway's own
 * mutations use the same functions, so news looks the same whichever way it came.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { Topic, type Bus } from '../pubsub/bus.js';
import type { Store } from '../store/store.js';
import type { WebhookEffects } from '../webhooks/route.js';
import type { AllocationEventRecord, AllocationRecord, OrderRecord, OrderStatus, ProviderName } from '../domain/model.js';

export class Effects implements WebhookEffects {
  constructor(
    private readonly store: Store,
    private readonly bus: Bus,
    readonly log: Logger,
  ) {}

  /** Only a change is published: an event applied again (after a crash) tells subscribers nothing new. */
  async recordCall(patch: Parameters<WebhookEffects['recordCall']>[0]) {
    const { call, changed } = await this.store.calls.merge(patch);
    if (changed) this.bus.publish(Topic.CALL_EVENT, call);
    return call;
  }

  async settleOrder(provider: ProviderName, match: { providerRef?: string; serviceRef?: string }, status: Exclude<OrderStatus, 'PENDING'>, message?: string): Promise<OrderRecord | null> {
    const settled = await this.store.transaction(async (tx) => {
      const order = await this.store.orders.findForUpdate(tx, provider, match);
      if (!order) return null;
      if (match.providerRef && order.providerRef && order.providerRef !== match.providerRef) {
        // Providers' confirmations do not always carry the id they acknowledged (AVANSER).
        this.log.warn({ provider, orderId: order.id, expected: order.providerRef, got: match.providerRef }, 'order settled by service despite a different provider reference');
      }
      if (order.status !== 'PENDING') return { order, changed: false };
      const at = new Date().toISOString();
      const next: OrderRecord = { ...order, status, message: message ?? order.message, updatedAt: at, history: [...order.history, { at, status, message }] };
      await this.store.orders.save(next, tx);
      return { order: next, changed: true };
    });
    if (!settled) return null;
    if (settled.changed) this.bus.publish(Topic.ORDER_UPDATED, settled.order);
    return settled.order;
  }

  /** A new or changed order: store and publish. */
  async saveOrder(order: OrderRecord): Promise<void> {
    await this.store.orders.save(order);
    this.bus.publish(Topic.ORDER_UPDATED, order);
  }

  async saveService(service: Parameters<WebhookEffects['saveService']>[0]): Promise<void> {
    await this.store.services.save(service);
  }

  async findService(provider: ProviderName, providerRef: string) {
    return (await this.store.services.byRefs([{ provider, providerRef }]))[0] ?? null;
  }

  findNumbers(e164s: readonly string[]) {
    return this.store.numbers.byE164(e164s);
  }

  findCall(provider: ProviderName, providerCallId: string) {
    return this.store.calls.byProviderCallId(provider, providerCallId);
  }

  findAllocation(provider: ProviderName, match: { providerRef?: string; greenVN?: string; connectionId?: string }) {
    return this.store.allocations.find(provider, match);
  }

  /** An event with an id that is stored already (the same webhook applied again) changes and publishes nothing. */
  async allocationEvent(event: Omit<AllocationEventRecord, 'id' | 'at'> & { id?: string; at?: string }, update?: AllocationRecord): Promise<AllocationEventRecord> {
    const record: AllocationEventRecord = { ...event, id: event.id ?? randomUUID(), at: event.at ?? new Date().toISOString() };
    const inserted = await this.store.transaction(async (tx) => {
      if (!(await this.store.allocations.saveEvent(record, tx))) return false;
      if (update) await this.store.allocations.save(update, tx);
      return true;
    });
    if (inserted) this.bus.publish(Topic.ALLOCATION_EVENT, record);
    return record;
  }
}

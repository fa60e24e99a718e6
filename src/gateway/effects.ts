/**
 * What happens when a provider tells us something: store it, then publish it. The webhook
 * routes reach the store and the bus only through this (`WebhookEffects`); the gateway's own
 * mutations use the same functions, so news looks the same whichever way it came.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { Topic, type Bus } from '../pubsub/bus.js';
import type { Store } from '../store/store.js';
import type { Settlement, WebhookEffects } from '../webhooks/route.js';
import type { AllocationEventRecord, AllocationRecord, OrderRecord, OrderStatus, PhoneNumberRecord, ProviderName } from '../domain/model.js';
import { numberStatusOf } from '../domain/orders.js';

export class Effects implements WebhookEffects {
  constructor(
    private readonly store: Store,
    readonly bus: Bus,
    readonly log: Logger,
  ) {}

  /** Only a change is published: an event applied again (after a crash) tells subscribers nothing new. */
  async recordCall(patch: Parameters<WebhookEffects['recordCall']>[0]) {
    const merged = await this.store.calls.merge(patch);
    if (merged.changed) {
      this.bus.publish(Topic.CALL_EVENT, merged.call);
      this.bus.publish(Topic.CALL_CHANGED, merged);
    }
    return merged.call;
  }

  /**
   * Settle a pending order (or a STALE one, when the provider's word comes after all); its
   * numbers follow it (src/domain/orders.ts) in the same transaction, and are published before
   * it, so that an orderUpdated subscriber reads them settled.
   */
  async settleOrder(
    provider: ProviderName,
    match: { id?: string; providerRef?: string; serviceRef?: string },
    status: Exclude<OrderStatus, 'PENDING'>,
    message?: string,
    settlement: Settlement = {},
  ): Promise<OrderRecord | null> {
    const settled = await this.store.transaction(async (tx) => {
      const order = await this.store.orders.findForUpdate(tx, provider, match);
      if (!order) return null;
      if (match.providerRef && order.providerRef && order.providerRef !== match.providerRef) {
        // Providers' confirmations do not always carry the id they acknowledged (AVANSER).
        this.log.warn({ provider, orderId: order.id, expected: order.providerRef, got: match.providerRef }, 'order settled by service despite a different provider reference');
      }
      const waiting = order.status === 'PENDING' || (order.status === 'STALE' && status !== 'STALE');
      if (!waiting) return { order, numbers: [], changed: false };
      const at = new Date().toISOString();
      const made = status === 'COMPLETED' ? settlement.provisioned?.(order) : undefined;
      const next: OrderRecord = {
        ...order,
        status,
        message: message ?? order.message,
        providerStatus: settlement.providerStatus ?? order.providerStatus,
        accountId: settlement.accountId ?? order.accountId,
        serviceRef: order.serviceRef ?? made?.service?.providerRef,
        numbers: made ? [...new Set([...order.numbers, ...made.numbers.map((n) => n.e164)])] : order.numbers,
        updatedAt: at,
        history: [...order.history, { at, status, message }],
      };
      await this.store.orders.save(next, tx);
      const follows = numberStatusOf(status);
      const numbers = follows ? await this.store.numbers.followOrder(tx, provider, order.id, order.numbers, follows) : [];
      // Numbers the provider named only now (a Delacon WAIT order), in the same transaction as the order.
      const named = made ? await this.store.numbers.save(made.numbers.map((n) => ({ ...n, orderId: order.id })), tx) : [];
      return { order: next, numbers: [...numbers, ...named.map((c) => c.number)], changed: true, service: made?.service };
    });
    if (!settled) return null;
    for (const n of settled.numbers) this.bus.publish(Topic.NUMBER_UPDATED, n);
    if (settled.service) await this.store.services.save(settled.service);
    if (settled.changed) this.bus.publish(Topic.ORDER_UPDATED, settled.order);
    return settled.order;
  }

  /** Numbers as a provider or the gateway now knows them: stored, and those that changed published. */
  async saveNumbers(numbers: PhoneNumberRecord[]): Promise<Array<{ number: PhoneNumberRecord; inserted: boolean }>> {
    const changed = await this.store.numbers.save(numbers);
    for (const c of changed) this.bus.publish(Topic.NUMBER_UPDATED, c.number);
    return changed;
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

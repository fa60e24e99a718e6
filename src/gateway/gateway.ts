/**
 * The gateway's use cases, the one door for resolvers and loaders: one capability per module,
 * each combining the provider adapters (through the registry), the store (what only the
 * gateway knows) and the effects of what it learns (effects.ts: store, then publish).
 */
import type { Logger } from 'pino';
import type { Registry } from '../datasources/registry.js';
import type { Store } from '../store/store.js';
import { Allocations } from './allocations.js';
import { Attempts } from './attempts.js';
import { CallStats } from './call-stats.js';
import { Calls } from './calls.js';
import type { Effects } from './effects.js';
import { Idempotency } from './idempotency.js';
import { Numbers } from './numbers.js';
import { Orders } from './orders.js';
import { Providers } from './providers.js';
import { Reconciliation, type ReconciliationOptions } from './reconciliation.js';
import { Receipts } from './receipts.js';
import { Services } from './services.js';
import type { WebhookDeliveries } from '../webhooks/deliveries.js';

export class Gateway {
  readonly numbers: Numbers;
  readonly orders: Orders;
  readonly services: Services;
  readonly allocations: Allocations;
  readonly calls: Calls;
  readonly callStats: CallStats;
  readonly providers: Providers;
  readonly idempotency: Idempotency;
  readonly reconciliation: Reconciliation;
  readonly receipts: Receipts;

  /** `deliveries`: what applies webhooks (replays go through it); `webhookToken`: never shown in receipts. */
  constructor(registry: Registry, store: Store, effects: Effects, log: Logger, opts: { upstreamTimeoutMs: number; reconciliation: ReconciliationOptions; deliveries: WebhookDeliveries; webhookToken: string }) {
    // What is recorded of each call that changes something, also when it is found out after its answer was lost.
    const attempts = new Attempts(
      registry,
      store.idempotencyKeys,
      {
        provision: (provider, outcome, marker) => this.orders.recordProvision(provider, outcome, marker),
        allocate: (_provider, allocation) => this.allocations.recordAllocation(allocation),
        reserveNumbers: (provider, outcomes) => this.numbers.recordReservation(provider, outcomes),
      },
      log,
      opts.upstreamTimeoutMs,
    );
    this.numbers = new Numbers(registry, store, effects, attempts);
    this.services = new Services(registry, store, effects);
    this.orders = new Orders(registry, store, effects, attempts, this.services, log);
    this.allocations = new Allocations(registry, store, effects, attempts, log);
    this.calls = new Calls(registry, store);
    this.callStats = new CallStats(store, effects.bus);
    this.providers = new Providers(registry);
    this.idempotency = new Idempotency(attempts, store.idempotencyKeys);
    this.reconciliation = new Reconciliation(registry, store, effects, this.allocations, log.child({ component: 'reconciliation' }), opts.reconciliation);
    this.receipts = new Receipts(store, opts.deliveries, opts.webhookToken);
  }
}

/**
 * Reconciliation: the store kept in step with what the providers hold. Orders left PENDING past
 * their provider's window become STALE; numbers and services are compared with the provider's
 * own list where it has one, allocations re-read one by one where it has none. What differs is
 * corrected through the effects (stored, then published), counted in /metrics and kept as the
 * run's report. One instance at a time runs it (a lease row in the store, see store/jobs.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ProviderEntry, Registry } from '../datasources/registry.js';
import type { PhoneNumberRecord, ProviderReconciliation, ReconciliationChange, ReconciliationRecord } from '../domain/model.js';
import { ErrorCode, GatewayError } from '../errors.js';
import { reconciliationChanges, reconciliationLastCompleted, reconciliationProviderErrors, reconciliationRuns } from '../observability/metrics.js';
import type { Store } from '../store/store.js';
import type { Allocations } from './allocations.js';
import type { Effects } from './effects.js';

const JOB = 'reconciliation';
/** How many changes of a provider a report lists (all are counted). */
const LISTED_CHANGES = 100;

export interface ReconciliationOptions {
  /** How often a run is due; a run started within most of it (by any instance) is not repeated. */
  intervalSeconds: number;
  /** How long a run may hold the job without renewing its lease: a holder that died lets go after it. */
  leaseSeconds: number;
}

export class Reconciliation {
  /** This instance, as the holder of the job's lease. */
  private readonly holder = randomUUID();

  constructor(
    private readonly registry: Registry,
    private readonly store: Store,
    private readonly effects: Effects,
    private readonly allocations: Allocations,
    private readonly log: Logger,
    private readonly opts: ReconciliationOptions,
  ) {}

  /** The last completed run's report; null before the first. */
  last(): Promise<ReconciliationRecord | null> {
    return this.store.jobs.report<ReconciliationRecord>(JOB);
  }

  /**
   * Run once, unless another instance holds the job or (`due`) a run started within its
   * interval. Returns the report, or null when skipped.
   */
  async run(opts: { due?: boolean } = {}): Promise<ReconciliationRecord | null> {
    const notWithin = opts.due ? this.opts.intervalSeconds * 0.9 : undefined;
    if (!(await this.store.jobs.take(JOB, this.holder, this.opts.leaseSeconds, notWithin))) {
      reconciliationRuns.inc({ result: 'skipped' });
      return null;
    }
    const startedAt = new Date().toISOString();
    try {
      const providers: ProviderReconciliation[] = [];
      for (const entry of this.registry.all()) {
        if (!entry.adapter) continue;
        providers.push(await this.provider(entry));
        // A run slower than its lease would let a second instance in: stop rather than run twice.
        if (!(await this.store.jobs.renew(JOB, this.holder, this.opts.leaseSeconds))) throw new Error('reconciliation lease lost');
      }
      const report: ReconciliationRecord = { startedAt, finishedAt: new Date().toISOString(), providers };
      await this.store.jobs.release(JOB, this.holder, report);
      reconciliationRuns.inc({ result: 'completed' });
      reconciliationLastCompleted.set(Date.now() / 1000);
      this.log.info({ providers: providers.map((p) => ({ provider: p.provider, checked: p.checked, changes: p.changeCount, error: p.error?.code })) }, 'reconciliation completed');
      return report;
    } catch (err) {
      reconciliationRuns.inc({ result: 'failed' });
      this.log.error({ err }, 'reconciliation failed');
      await this.store.jobs.release(JOB, this.holder).catch(() => undefined);
      throw err;
    }
  }

  /** One provider: its stale orders, then its lists. A provider that cannot be read keeps what the store holds of it. */
  private async provider(entry: ProviderEntry): Promise<ProviderReconciliation> {
    const provider = entry.name;
    const staleAfter = entry.settings.orderStaleAfterSeconds;
    const result: ProviderReconciliation = {
      provider,
      numbers: this.registry.supports(provider, 'inventory') ? 'LISTED' : 'NONE',
      services: this.registry.supports(provider, 'inventory') ? 'LISTED' : 'NONE',
      allocations: this.registry.supports(provider, 'getAllocation') ? 'READ_EACH' : 'NONE',
      orderStaleAfterSeconds: staleAfter,
      checked: 0,
      changeCount: 0,
      changes: [],
    };
    const found = (change: ReconciliationChange) => {
      result.changeCount += 1;
      if (result.changes.length < LISTED_CHANGES) result.changes.push(change);
      reconciliationChanges.inc({ provider, record: change.record, drift: change.drift });
      this.log.info({ provider, ...change }, 'reconciliation corrected drift');
    };
    try {
      if (staleAfter !== undefined) await this.staleOrders(entry, staleAfter, result, found);
      if (result.numbers === 'LISTED') await this.inventory(entry, result, found);
      if (result.allocations === 'READ_EACH') await this.allocationsOf(entry, result, found);
    } catch (err) {
      reconciliationProviderErrors.inc({ provider });
      const code = err instanceof GatewayError ? err.code : ErrorCode.INTERNAL;
      // A GatewayError's message is written for callers; anything else may carry internals.
      result.error = { code, message: err instanceof GatewayError ? err.message : `${provider} could not be reconciled` };
      this.log.warn({ err, provider }, 'reconciliation of a provider failed');
    }
    return result;
  }

  private async staleOrders(entry: ProviderEntry, staleAfter: number, result: ProviderReconciliation, found: (c: ReconciliationChange) => void) {
    const before = new Date(Date.now() - staleAfter * 1000).toISOString();
    for (const order of await this.store.orders.pendingSince(entry.name, before)) {
      result.checked += 1;
      const message = `No confirmation from ${entry.name} within ${staleAfter} seconds: the gateway stopped waiting (a late one still settles it)`;
      const settled = await this.effects.settleOrder(entry.name, { id: order.id }, 'STALE', message);
      if (settled?.status === 'STALE') found({ record: 'ORDER', drift: 'STALE', ref: order.id, before: 'PENDING', after: 'STALE' });
    }
  }

  /** Numbers and services as the provider lists them; what the store holds beyond it is gone. */
  private async inventory(entry: ProviderEntry, result: ProviderReconciliation, found: (c: ReconciliationChange) => void) {
    const provider = entry.name;
    const listed = await this.registry.call(provider, 'inventory');
    const stored = new Map((await this.store.numbers.all(provider)).map((n) => [n.e164, n]));
    const listedE164 = new Set(listed.numbers.map((n) => n.e164));
    result.checked += new Set([...stored.keys(), ...listedE164]).size;
    // A number waiting for its order follows the order (src/domain/orders.ts), not the list; once
    // the gateway stopped waiting (STALE), the list says what became of it.
    const waiting = await this.waitingForOrder([...stored.values()]);
    const news = listed.numbers.filter((n) => !waiting.has(n.e164));
    const gone = [...stored.values()]
      .filter((n) => (n.status === 'ACTIVE' || n.status === 'PENDING') && !waiting.has(n.e164) && !listedE164.has(n.e164))
      .map((n): PhoneNumberRecord => ({ ...n, status: 'RELEASED' }));
    for (const { number, inserted } of await this.effects.saveNumbers([...news, ...gone])) {
      const before = stored.get(number.e164)?.status;
      found({ record: 'NUMBER', drift: inserted ? 'ADDED' : listedE164.has(number.e164) ? 'CHANGED' : 'GONE', ref: number.e164, before, after: number.status });
    }

    const services = new Map((await this.store.services.all(provider)).map((s) => [s.providerRef, s]));
    const listedRefs = new Set(listed.services.map((s) => s.providerRef));
    result.checked += new Set([...services.keys(), ...listedRefs]).size;
    for (const { service, changed } of await this.store.services.saveMany(listed.services)) {
      const old = services.get(service.providerRef);
      if (changed) found({ record: 'SERVICE', drift: old && !old.removedAt ? 'CHANGED' : 'ADDED', ref: service.providerRef });
    }
    const now = new Date().toISOString();
    const unlisted = [...services.values()].filter((s) => !s.removedAt && !listedRefs.has(s.providerRef));
    await this.store.services.saveMany(unlisted.map((s) => ({ ...s, removedAt: now, updatedAt: now })));
    for (const s of unlisted) found({ record: 'SERVICE', drift: 'GONE', ref: s.providerRef });
  }

  /** The numbers PENDING with an order still PENDING. */
  private async waitingForOrder(numbers: PhoneNumberRecord[]): Promise<Set<string>> {
    const pending = numbers.filter((n) => n.status === 'PENDING' && n.orderId);
    const orders = await this.store.orders.byIds([...new Set(pending.map((n) => n.orderId!))]);
    const open = new Set(orders.filter((o) => o.status === 'PENDING').map((o) => o.id));
    return new Set(pending.filter((n) => open.has(n.orderId!)).map((n) => n.e164));
  }

  /** Allocations the store holds active, each read again (a provider that cannot list them). */
  private async allocationsOf(entry: ProviderEntry, result: ProviderReconciliation, found: (c: ReconciliationChange) => void) {
    for (const a of await this.store.allocations.active(entry.name)) {
      result.checked += 1;
      const { allocation, changed } = await this.allocations.refresh(a);
      if (changed) found({ record: 'ALLOCATION', drift: allocation.state === 'ACTIVE' ? 'CHANGED' : 'GONE', ref: a.providerRef, before: a.state, after: allocation.state });
    }
  }
}

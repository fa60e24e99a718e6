/**
 * The store: one module per aggregate, plain parameterised SQL over `Db`, records in and out.
 * Records live in each table's `data` column as they are (see migrations.ts).
 */
import { AllocationStore } from './allocations.js';
import { CallStatsStore } from './call-stats.js';
import { CallStore } from './calls.js';
import type { Db, Queryable } from './db.js';
import { IdempotencyKeyStore } from './idempotency-keys.js';
import { JobStore } from './jobs.js';
import { NumberStore } from './numbers.js';
import { OrderStore } from './orders.js';
import { ReceiptStore } from './receipts.js';
import { ServiceStore } from './services.js';

export class Store {
  readonly orders: OrderStore;
  readonly services: ServiceStore;
  readonly numbers: NumberStore;
  readonly allocations: AllocationStore;
  readonly calls: CallStore;
  readonly callStats: CallStatsStore;
  readonly receipts: ReceiptStore;
  readonly idempotencyKeys: IdempotencyKeyStore;
  readonly jobs: JobStore;

  /** `claimLeaseSeconds`: how long a webhook claim may stay unfinished before a retry or the sweep takes it over. */
  constructor(
    private readonly db: Db,
    opts: { claimLeaseSeconds?: number } = {},
  ) {
    this.orders = new OrderStore(db);
    this.services = new ServiceStore(db);
    this.numbers = new NumberStore(db);
    this.allocations = new AllocationStore(db);
    this.calls = new CallStore(db);
    this.callStats = new CallStatsStore(db);
    this.receipts = new ReceiptStore(db, opts.claimLeaseSeconds ?? 60);
    this.idempotencyKeys = new IdempotencyKeyStore(db);
    this.jobs = new JobStore(db);
  }

  /** Writes to several tables that stand or fall together: the modules' `q` parameter takes `tx`. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}

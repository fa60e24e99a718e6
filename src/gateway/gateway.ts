/**
 * The gateway's use cases: what resolvers delegate to. It combines the provider ports
 * (through the registry), the store (what only the gateway knows) and the event bus.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Registry } from '../datasources/registry.js';
import type {
  AllocateRequest,
  Attempt,
  NumberCountGrouping,
  NumberSearchFilter,
  OrderDraft,
  PortResult,
  ProviderAdapter,
  ProvisionOutcome,
  ProvisionRequest,
  Recoverable,
  ReassignRequest,
  ServiceUpdateRequest,
  UpdatePart,
  UpdatePartiesRequest,
} from '../datasources/provider.js';
import { BusinessError, ErrorCode, INFRASTRUCTURE_CODES } from '../errors.js';
import type { Page, PageRequest } from '../store/queries.js';
import type { Store } from '../store/store.js';
import { IdempotencyKeys, unknownOutcome, type AttemptRecord, type KeyRun } from './attempts.js';
import type { Effects } from './effects.js';
import type { AllocationRecord, AllocationState, E164, NumberOutcome, OrderRecord, ProviderName, ServiceRecord } from '../domain/model.js';
import type { SimulatedCallInput } from '../sandbox/simulator.js';

/** An allocation read from the store is refreshed from the provider when older than this. */
const ALLOCATION_STALE_MS = 60_000;

export interface ProvisionResult {
  orders: OrderRecord[];
  numbers: NumberOutcome[];
}

export interface ServiceUpdateResult {
  service?: ServiceRecord;
  order?: OrderRecord;
  parts: UpdatePart[];
  /** The parts the provider refused, as userErrors: they stopped part of the update. */
  refused: Array<{ code: ErrorCode; message: string; field: string[] }>;
}

/** What the gateway makes of each recoverable call's result (also of one recovered later). */
type GatewayResult<K extends Recoverable> = { provision: ProvisionResult; allocate: AllocationRecord; reserveNumbers: NumberOutcome[] }[K];

/** How many open idempotency keys one reconciliation pass looks at. */
const RECONCILE_BATCH = 50;

/** A uuid that is the same for the same seed (an order recovered twice keeps one id). */
function seededUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The input block of each provider, for the field path of a refused part. */
const INPUT_BLOCK: Record<ProviderName, string> = { DELACON: 'delacon', AVANSER: 'avanser', EXOTEL: 'exotel', VOIP_INNOVATIONS: 'voipInnovations' };

export class Gateway {
  readonly keys: IdempotencyKeys;

  constructor(
    readonly registry: Registry,
    readonly store: Store,
    readonly events: Effects,
    private readonly log: Logger,
    opts: { upstreamTimeoutMs: number },
  ) {
    this.keys = new IdempotencyKeys(store.idempotencyKeys, log, opts.upstreamTimeoutMs);
  }

  // ---- numbers ----

  searchNumbers(provider: ProviderName, filter: NumberSearchFilter, limit: number) {
    return this.registry.call(provider, 'searchNumbers', filter, limit);
  }

  countNumbers(provider: ProviderName, filter: NumberSearchFilter, groupBy: NumberCountGrouping) {
    return this.registry.call(provider, 'countNumbers', filter, groupBy);
  }

  numberTypes(provider: ProviderName, region: Parameters<Registry['call']>[2]) {
    return this.registry.call(provider, 'numberTypes', region as never);
  }

  /** Owned numbers: from the provider when it can list them, else the gateway's own records. */
  async ownedNumbers(provider: ProviderName) {
    if (this.registry.supports(provider, 'ownedNumbers')) return this.registry.call(provider, 'ownedNumbers');
    return null;
  }

  async number(provider: ProviderName, e164: E164) {
    if (this.registry.supports(provider, 'getNumber')) return this.registry.call(provider, 'getNumber', e164);
    return (await this.store.numbers.byE164([e164])).find((n) => n.provider === provider) ?? null;
  }

  reserveNumbers(provider: ProviderName, e164s: E164[], run?: KeyRun): Promise<NumberOutcome[]> {
    return this.attempted(run, provider, 'reserveNumbers', [e164s]);
  }

  async releaseNumbers(provider: ProviderName, e164s: E164[]): Promise<NumberOutcome[]> {
    const outcomes = await this.registry.call(provider, 'releaseNumbers', e164s);
    await this.store.numbers.save(outcomes.filter((o) => o.ok).map((o) => ({ provider, e164: o.e164, status: 'RELEASED', capabilities: [] })));
    return outcomes;
  }

  portDetails(provider: ProviderName, portId: number) {
    return this.registry.call(provider, 'portDetails', portId);
  }

  // ---- orders ----

  private newOrder(provider: ProviderName, kind: OrderRecord['kind'], draft: OrderDraft, id: string = randomUUID()): OrderRecord {
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

  provision(request: ProvisionRequest, run?: KeyRun): Promise<ProvisionResult> {
    return this.attempted(run, request.provider, 'provision', [{ ...request, attemptId: run?.marker }]);
  }

  // ---- calls that change something, under an idempotency key ----

  /** What the gateway records of each recoverable call's result. `marker` is set under an idempotency key. */
  private readonly finish: { [K in Recoverable]: (provider: ProviderName, result: PortResult<K>, marker?: string) => Promise<GatewayResult<K>> } = {
    provision: async (provider: ProviderName, outcome: ProvisionOutcome, marker?: string) => {
      const orders = outcome.orders.map((d, i) => this.newOrder(provider, 'PROVISION', d, marker === undefined ? undefined : seededUuid(`${marker}:${i}`)));
      for (const s of outcome.services) await this.store.services.save(s);
      const orderOf = (e164: E164) => orders.find((o) => o.numbers.includes(e164))?.id;
      await this.store.numbers.save(outcome.owned.map((n) => ({ ...n, orderId: n.orderId ?? orderOf(n.e164) })));
      for (const o of orders) await this.events.saveOrder(o);
      return { orders, numbers: outcome.numbers };
    },
    allocate: async (_provider: ProviderName, allocation: AllocationRecord) => {
      await this.store.allocations.save(allocation);
      return allocation;
    },
    reserveNumbers: async (provider: ProviderName, outcomes: NumberOutcome[]) => {
      await this.store.numbers.save(outcomes.filter((o) => o.ok).map((o) => ({ provider, e164: o.e164, status: 'RESERVED', capabilities: [], reservedUntil: o.reservedUntil })));
      return outcomes;
    },
  };

  /**
   * A call that changes something at the provider. Under an idempotency key it is written down
   * before it is sent; when an earlier request with the key lost its answer, the provider is
   * asked what that one did first, and the call is sent only if sending it again does nothing twice.
   */
  private async attempted<K extends Recoverable>(run: KeyRun | undefined, provider: ProviderName, operation: K, args: Parameters<NonNullable<ProviderAdapter[K]>>): Promise<GatewayResult<K>> {
    if (run?.previous) {
      const settled = await this.reconcile(run.previous);
      if (settled === 'unknown') throw unknownOutcome(run.previous, undefined, false);
      if (settled !== 'resend') return settled.result as GatewayResult<K>;
    }
    await run?.record({ provider, operation, args, marker: run.marker, startedAt: new Date().toISOString(), recoverable: this.registry.supports(provider, 'recover') });
    return this.finish[operation](provider, await this.registry.call(provider, operation, ...args), run?.marker);
  }

  /** Settle an attempt whose answer was lost: its result (recorded by the gateway), `resend`, or `unknown`. */
  private async reconcile(attempt: AttemptRecord): Promise<{ result: unknown } | 'resend' | 'unknown'> {
    if (attempt.recovered !== undefined) return { result: attempt.recovered };
    if (!attempt.recoverable) return 'unknown';
    const recovery = await this.registry.call(attempt.provider, 'recover', {
      operation: attempt.operation,
      args: attempt.args,
      startedAt: attempt.startedAt,
      settled: this.keys.settled(attempt),
    } as Attempt);
    if (recovery.state !== 'done') return recovery.state;
    const finish = this.finish[attempt.operation] as (p: ProviderName, r: unknown, m: string) => Promise<unknown>;
    return { result: await finish(attempt.provider, recovery.result, attempt.marker) };
  }

  /**
   * Settle keys left open: a lost answer nobody has asked about again, or a key held by a
   * process that died. Runs at start and on a timer; the next request with such a key replays
   * what was found.
   */
  async reconcileOpenKeys(): Promise<void> {
    for (const { principal, key } of await this.store.idempotencyKeys.open(RECONCILE_BATCH)) {
      const claimed = await this.store.idempotencyKeys.claim(principal, key, this.keys.holdMs);
      if (!claimed) continue;
      if (claimed.attempt === null) {
        // Its request died before sending anything.
        await this.store.idempotencyKeys.abandon(principal, key);
        continue;
      }
      const attempt = this.keys.lost(claimed.attempt as AttemptRecord);
      try {
        const settled = await this.reconcile(attempt);
        if (settled === 'resend') await this.store.idempotencyKeys.abandon(principal, key);
        else await this.store.idempotencyKeys.release(principal, key, settled === 'unknown' ? attempt : { ...attempt, recovered: settled.result });
      } catch (err) {
        this.log.warn({ err, provider: attempt.provider, operation: attempt.operation }, 'reconciling a lost answer failed');
        await this.store.idempotencyKeys.release(principal, key, attempt);
      }
    }
  }

  async updateService(request: ServiceUpdateRequest): Promise<ServiceUpdateResult> {
    const outcome = await this.registry.call(request.provider, 'updateService', request);
    const service = outcome.service ? await this.store.services.save(outcome.service) : undefined;
    let order: OrderRecord | undefined;
    if (outcome.order) {
      order = this.newOrder(request.provider, 'SERVICE_UPDATE', outcome.order);
      await this.events.saveOrder(order);
    }
    const refused = outcome.parts
      .filter((p) => p.code && !p.applied && !INFRASTRUCTURE_CODES.has(p.code))
      .map((p) => ({ code: p.code!, message: p.message ?? 'the provider refused this part', field: [INPUT_BLOCK[request.provider], ...(p.fields.length === 1 ? p.fields : [])] }));
    return { service, order, parts: outcome.parts, refused };
  }

  /**
   * Ask providers that can be polled about pending orders whose confirmation is late.
   * Runs on a timer; one failing provider does not stop the others.
   */
  async pollPendingOrders(olderThanMs: number): Promise<void> {
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
              await this.service(entry.name, serviceRef).catch((err: unknown) => this.log.warn({ err, provider: entry.name, serviceRef }, 'service read after poll failed'));
            }
            await this.events.settleOrder(entry.name, { providerRef: order.providerRef }, draft.status, draft.message);
          }
        } catch (err) {
          this.log.warn({ err, provider: entry.name, orderId: order.id }, 'order status poll failed');
        }
      }
    }
  }

  // ---- services ----

  async services(provider: ProviderName): Promise<ServiceRecord[] | null> {
    if (!this.registry.supports(provider, 'listServices')) return null;
    const services = await this.registry.call(provider, 'listServices');
    for (const s of services) await this.store.services.save(s);
    return services;
  }

  async service(provider: ProviderName, serviceRef: string): Promise<ServiceRecord | null> {
    if (this.registry.supports(provider, 'getService')) {
      const fresh = await this.registry.call(provider, 'getService', serviceRef);
      return fresh ? this.store.services.save(fresh) : null;
    }
    return (await this.store.services.byRefs([{ provider, providerRef: serviceRef }]))[0] ?? null;
  }

  // ---- allocations ----

  /** A connection id the caller leaves out is generated; under an idempotency key it is derived from it, so the allocation can be found again. */
  allocate(provider: ProviderName, request: Omit<AllocateRequest, 'connectionId'> & { connectionId?: string }, run?: KeyRun): Promise<AllocationRecord> {
    return this.attempted(run, provider, 'allocate', [{ ...request, connectionId: request.connectionId ?? `sb-${run?.marker ?? randomUUID()}` }]);
  }

  private async storedAllocation(provider: ProviderName, providerRef: string): Promise<AllocationRecord> {
    const found = await this.store.allocations.find(provider, { providerRef });
    if (!found) throw new BusinessError(ErrorCode.NOT_FOUND, 'no such allocation', ['input', 'allocationId']);
    return found;
  }

  async updateParties(provider: ProviderName, providerRef: string, request: UpdatePartiesRequest): Promise<AllocationRecord> {
    const stored = await this.storedAllocation(provider, providerRef);
    return this.changeAllocation(stored, () => this.registry.call(provider, 'updateParties', providerRef, request));
  }

  async reassign(provider: ProviderName, providerRef: string, request: ReassignRequest): Promise<AllocationRecord> {
    const stored = await this.storedAllocation(provider, providerRef);
    return this.changeAllocation(stored, () => this.registry.call(provider, 'reassign', providerRef, request));
  }

  async deallocate(provider: ProviderName, providerRef: string): Promise<AllocationRecord> {
    const stored = await this.storedAllocation(provider, providerRef);
    if (stored.state === 'DEALLOCATED') throw new BusinessError(ErrorCode.ALREADY_DEALLOCATED, 'the allocation was deallocated already', ['input', 'allocationId']);
    return this.changeAllocation(stored, () => this.registry.call(provider, 'deallocate', providerRef));
  }

  /** A change at the provider; when the provider says the allocation is gone, our record says so too. */
  private async changeAllocation(stored: AllocationRecord, change: () => Promise<AllocationRecord>): Promise<AllocationRecord> {
    let changed: AllocationRecord;
    try {
      changed = await change();
    } catch (err) {
      if (err instanceof BusinessError && err.code === ErrorCode.ALREADY_DEALLOCATED && stored.state !== 'DEALLOCATED') {
        const now = new Date().toISOString();
        await this.afterAllocationChange({ ...stored, state: 'DEALLOCATED', updatedAt: now, refreshedAt: now });
      }
      throw err;
    }
    return this.afterAllocationChange(changed);
  }

  private async afterAllocationChange(allocation: AllocationRecord): Promise<AllocationRecord> {
    await this.events.allocationEvent(
      { provider: allocation.provider, kind: allocation.state === 'DEALLOCATED' ? 'DEALLOCATED' : 'UPDATED', allocationRef: allocation.providerRef, greenVN: allocation.greenVN, raw: {} },
      allocation,
    );
    return allocation;
  }

  /** The stored allocation, refreshed from the provider when stale and still active. */
  async allocation(provider: ProviderName, providerRef: string): Promise<AllocationRecord | null> {
    const stored = await this.store.allocations.find(provider, { providerRef });
    if (!stored) return null;
    return (await this.refreshStale([stored]))[0]!;
  }

  /** Stored allocations, newest first; stale ones refreshed, and left out when the refresh shows they no longer match. */
  async allocations(filter: { provider?: ProviderName; state?: AllocationState }, req: PageRequest): Promise<Page<AllocationRecord>> {
    const page = await this.store.allocations.list(filter, req);
    const fresh = await this.refreshStale(page.items.map((i) => i.record));
    const items = page.items.map((i, n) => ({ ...i, record: fresh[n]! })).filter((i) => !filter.state || i.record.state === filter.state);
    return { ...page, items };
  }

  async refreshStale(allocations: AllocationRecord[]): Promise<AllocationRecord[]> {
    const now = Date.now();
    return Promise.all(
      allocations.map(async (a) => {
        if (a.state !== 'ACTIVE' || now - Date.parse(a.refreshedAt) < ALLOCATION_STALE_MS || !this.registry.supports(a.provider, 'getAllocation')) return a;
        try {
          const fresh = await this.registry.call(a.provider, 'getAllocation', a.providerRef);
          if (!fresh) return a;
          // Exotel's record carries neither when it was made nor when it expires: keep ours.
          const known = Object.fromEntries(Object.entries(fresh).filter(([, v]) => v !== undefined));
          const merged = { ...a, ...known, createdAt: a.createdAt, refreshedAt: new Date().toISOString() };
          await this.store.allocations.save(merged);
          return merged;
        } catch (err) {
          // A stale record beats no answer: the provider being down must not hide our data.
          this.log.warn({ err, provider: a.provider, ref: a.providerRef }, 'allocation refresh failed');
          return a;
        }
      }),
    );
  }

  // ---- sandbox ----

  async simulateIncomingCall(input: SimulatedCallInput) {
    const owner = this.registry.simulatorFor(input.to);
    if (!owner?.simulator) {
      const anySandbox = this.registry.all().some((e) => e.simulator);
      throw anySandbox
        ? new BusinessError(ErrorCode.NOT_FOUND, `no sandbox simulator owns ${input.to}; provision or allocate it in the sandbox first`, ['input', 'to'])
        : new BusinessError(ErrorCode.SANDBOX_ONLY, 'simulateIncomingCall works only with sandbox providers', ['input']);
    }
    return owner.simulator.simulateIncomingCall(input);
  }
}

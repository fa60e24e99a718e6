/**
 * GreenVN allocations (Exotel): made under the caller's idempotency key, changed at the
 * provider, and read from the gateway's records, refreshed from the provider when stale.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Logger } from 'pino';
import type { AllocateRequest } from '../datasources/provider.js';
import type { Registry } from '../datasources/registry.js';
import type { AllocationRecord, AllocationState, ProviderName } from '../domain/model.js';
import { BusinessError, ErrorCode } from '../errors.js';
import type { Store } from '../store/store.js';
import type { Attempts, KeyRun } from './attempts.js';
import type { Effects } from './effects.js';
import { byKey, refKey, type Page, type PageRequest, type RefKey } from './lists.js';

/** An allocation read from the store is refreshed from the provider when older than this. */
const ALLOCATION_STALE_MS = 60_000;

export class Allocations {
  constructor(
    private readonly registry: Registry,
    private readonly store: Store,
    private readonly effects: Effects,
    private readonly attempts: Attempts,
    private readonly log: Logger,
  ) {}

  /** A connection id the caller leaves out is generated; under an idempotency key it is derived from it, so the allocation can be found again. */
  allocate(provider: ProviderName, request: Omit<AllocateRequest, 'connectionId'> & { connectionId?: string }, run?: KeyRun): Promise<AllocationRecord> {
    return this.attempts.send(run, provider, 'allocate', [{ ...request, connectionId: request.connectionId ?? `sb-${run?.marker ?? randomUUID()}` }]);
  }

  /** What the gateway records of an allocation made (also of one recovered after its answer was lost). */
  async recordAllocation(allocation: AllocationRecord): Promise<AllocationRecord> {
    await this.store.allocations.save(allocation);
    return allocation;
  }

  async updateParties(provider: ProviderName, providerRef: string, request: object): Promise<AllocationRecord> {
    const stored = await this.stored(provider, providerRef);
    return this.change(stored, () => this.registry.call(provider, 'updateParties', providerRef, request));
  }

  async reassign(provider: ProviderName, providerRef: string, request: object): Promise<AllocationRecord> {
    const stored = await this.stored(provider, providerRef);
    return this.change(stored, () => this.registry.call(provider, 'reassign', providerRef, request));
  }

  async deallocate(provider: ProviderName, providerRef: string): Promise<AllocationRecord> {
    const stored = await this.stored(provider, providerRef);
    if (stored.state === 'DEALLOCATED') throw new BusinessError(ErrorCode.ALREADY_DEALLOCATED, 'the allocation was deallocated already', ['input', 'allocationId']);
    return this.change(stored, () => this.registry.call(provider, 'deallocate', providerRef));
  }

  /** The stored allocation, refreshed from the provider when stale and still active. */
  async one(provider: ProviderName, providerRef: string): Promise<AllocationRecord | null> {
    const stored = await this.store.allocations.find(provider, { providerRef });
    if (!stored) return null;
    return (await this.refreshStale([stored]))[0]!;
  }

  /** Stored allocations, newest first; stale ones refreshed, and left out when the refresh shows they no longer match. */
  async list(filter: { provider?: ProviderName; state?: AllocationState }, req: PageRequest): Promise<Page<AllocationRecord>> {
    const page = await this.store.allocations.list(filter, req);
    const fresh = await this.refreshStale(page.items.map((i) => i.record));
    const items = page.items.map((i, n) => ({ ...i, record: fresh[n]! })).filter((i) => !filter.state || i.record.state === filter.state);
    return { ...page, items };
  }

  /** The gateway's records of these allocations as stored, one per key asked for (a request's batch). */
  async byRefs(keys: readonly RefKey[]): Promise<Array<AllocationRecord | null>> {
    return byKey(keys, await this.store.allocations.byRefs(keys), refKey, refKey);
  }

  private async stored(provider: ProviderName, providerRef: string): Promise<AllocationRecord> {
    const found = await this.store.allocations.find(provider, { providerRef });
    if (!found) throw new BusinessError(ErrorCode.NOT_FOUND, 'no such allocation', ['input', 'allocationId']);
    return found;
  }

  /** A change at the provider; when the provider says the allocation is gone, our record says so too. */
  private async change(stored: AllocationRecord, change: () => Promise<AllocationRecord>): Promise<AllocationRecord> {
    let changed: AllocationRecord;
    try {
      changed = await change();
    } catch (err) {
      if (err instanceof BusinessError && err.code === ErrorCode.ALREADY_DEALLOCATED && stored.state !== 'DEALLOCATED') {
        const now = new Date().toISOString();
        await this.changed({ ...stored, state: 'DEALLOCATED', updatedAt: now, refreshedAt: now });
      }
      throw err;
    }
    return this.changed(overStored(stored, changed));
  }

  /** Store the allocation's new state and publish what happened to it. */
  private async changed(allocation: AllocationRecord): Promise<AllocationRecord> {
    await this.effects.allocationEvent(
      { provider: allocation.provider, kind: allocation.state === 'DEALLOCATED' ? 'DEALLOCATED' : 'UPDATED', allocationRef: allocation.providerRef, greenVN: allocation.greenVN, raw: {} },
      allocation,
    );
    return allocation;
  }

  /**
   * Read an allocation again at its provider. What changed is stored and published, as any news
   * of it is (DEALLOCATED when Exotel has vaulted it, or no longer knows it; UPDATED for other
   * facts), whether a read or reconciliation found it out.
   */
  async refresh(a: AllocationRecord): Promise<{ allocation: AllocationRecord; changed: boolean }> {
    const fresh = await this.registry.call(a.provider, 'getAllocation', a.providerRef);
    const now = new Date().toISOString();
    const merged: AllocationRecord = { ...overStored(a, fresh ?? { state: 'DEALLOCATED' }), updatedAt: a.updatedAt, refreshedAt: now };
    if (sameAllocation(merged, a)) {
      await this.store.allocations.save(merged);
      return { allocation: merged, changed: false };
    }
    return { allocation: await this.changed({ ...merged, updatedAt: now }), changed: true };
  }

  private async refreshStale(allocations: AllocationRecord[]): Promise<AllocationRecord[]> {
    const now = Date.now();
    return Promise.all(
      allocations.map(async (a) => {
        if (a.state !== 'ACTIVE' || now - Date.parse(a.refreshedAt) < ALLOCATION_STALE_MS || !this.registry.supports(a.provider, 'getAllocation')) return a;
        try {
          return (await this.refresh(a)).allocation;
        } catch (err) {
          // A stale record beats no answer: the provider being down must not hide our data.
          this.log.warn({ err, provider: a.provider, ref: a.providerRef }, 'allocation refresh failed');
          return a;
        }
      }),
    );
  }
}

/**
 * What a provider's record of an allocation (a read, or the answer to a change) says over ours.
 * Exotel's carries neither when the allocation was made nor when it expires: ours are kept, as
 * is anything the record leaves out.
 */
function overStored(stored: AllocationRecord, read: Partial<AllocationRecord>): AllocationRecord {
  const known = Object.fromEntries(Object.entries(read).filter(([, v]) => v !== undefined && v !== ''));
  return { ...stored, ...known, createdAt: stored.createdAt };
}

/** The same facts, whenever they were last read. */
function sameAllocation(a: AllocationRecord, b: AllocationRecord): boolean {
  const facts = (x: AllocationRecord) => JSON.parse(JSON.stringify({ ...x, updatedAt: '', refreshedAt: '' }));
  return isDeepStrictEqual(facts(a), facts(b));
}

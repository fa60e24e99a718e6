/** Calls received through provider webhooks (recorded by effects.ts), and simulated calls in the sandbox. */
import type { Registry } from '../datasources/registry.js';
import type { CallFilter } from '../domain/calls.js';
import type { CallEventRecord } from '../domain/model.js';
import { BusinessError, ErrorCode } from '../errors.js';
import type { SimulatedCall, SimulatedCallInput } from '../sandbox/simulator.js';
import type { Store } from '../store/store.js';
import { byKey, type Page, type PageRequest, type RefKey } from './lists.js';

export class Calls {
  constructor(
    private readonly registry: Registry,
    private readonly store: Store,
  ) {}

  /** Calls newest first; a `null` filter matches nothing (an id of another type). */
  list(filter: CallFilter | null, req: PageRequest): Promise<Page<CallEventRecord>> {
    if (!filter) return Promise.resolve({ items: [], hasNextPage: false, hasPreviousPage: false });
    return this.store.calls.list(filter, req);
  }

  /** One per id asked for, null when unknown. */
  async byIds(ids: readonly string[]): Promise<Array<CallEventRecord | null>> {
    return byKey(ids, await this.store.calls.byIds(ids), (k) => k, (c) => c.id);
  }

  /** The calls through each allocation asked for (a request's batch), newest first. */
  async ofAllocations(keys: readonly RefKey[]): Promise<CallEventRecord[][]> {
    const calls = await this.store.calls.byAllocations(keys);
    return keys.map((k) => calls.filter((c) => c.provider === k.provider && c.allocationRef === k.providerRef));
  }

  /** The sandbox simulator that owns the number places a call: its provider's real webhooks follow. */
  async simulateIncoming(input: SimulatedCallInput): Promise<SimulatedCall> {
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

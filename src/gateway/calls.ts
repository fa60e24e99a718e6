/** Calls received through provider webhooks (recorded by effects.ts), and simulated calls in the sandbox. */
import type { Registry } from '../datasources/registry.js';
import { filterProblem, type CallFilter } from '../domain/calls.js';
import type { CallEventRecord } from '../domain/model.js';
import { BusinessError, ErrorCode, GatewayError } from '../errors.js';
import type { SimulatedCall, SimulatedCallInput } from '../sandbox/simulator.js';
import type { CallOrder } from '../store/calls.js';
import type { Store } from '../store/store.js';
import { byKey, type Page, type PageRequest, type RefKey } from './lists.js';

export class Calls {
  constructor(
    private readonly registry: Registry,
    private readonly store: Store,
  ) {}

  /** Calls in the order asked for; a `null` filter matches nothing (an id of another type). */
  list(filter: CallFilter | null, order: CallOrder, req: PageRequest): Promise<Page<CallEventRecord>> {
    if (filter) checkFilter(filter);
    // A sorted list's cursor carries the sort key: a bare seq comes from another list.
    const [arg, seq, key] = req.backward ? ['before', req.beforeSeq, req.beforeKey] : ['after', req.afterSeq, req.afterKey];
    if (seq !== undefined && key === undefined) throw new GatewayError(ErrorCode.BAD_USER_INPUT, `${arg}: not a cursor from this list`);
    if (!filter) return Promise.resolve({ items: [], hasNextPage: false, hasPreviousPage: false });
    return this.store.calls.list(filter, order, req);
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

/** A filter that cannot be run is refused with BAD_USER_INPUT naming its field. */
export function checkFilter(filter: CallFilter): void {
  const problem = filterProblem(filter);
  if (problem) throw new GatewayError(ErrorCode.BAD_USER_INPUT, `filter.${problem.field} ${problem.message}`);
}

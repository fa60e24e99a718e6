/** The call filter of a CallEventFilter (its GraphQL ids decoded), shared by the callEvents query and subscription. */
import type { CallFilter } from '../domain/calls.js';
import type { CallEventFilter } from '../types/inputs.js';
import { fromGlobalId, splitProviderKey } from '../types/node.js';

/** The store filter for a CallEventFilter; null when an id cannot match anything. */
export function callFilter(f: CallEventFilter): CallFilter | null {
  const { serviceId: _s, allocationId: _a, startedAfter, startedBefore, ...plain } = f;
  const out: CallFilter = { ...plain, startedAfter: startedAfter?.toISOString(), startedBefore: startedBefore?.toISOString() };
  for (const [id, type, field] of [
    [f.serviceId, 'Service', 'serviceRef'],
    [f.allocationId, 'Allocation', 'allocationRef'],
  ] as const) {
    if (!id) continue;
    const decoded = fromGlobalId(id);
    if (decoded?.type !== type) return null;
    const { provider, ref } = splitProviderKey(decoded.key);
    if (out.provider && out.provider !== provider) return null;
    out.provider = provider as CallFilter['provider'];
    out[field] = ref;
  }
  return out;
}

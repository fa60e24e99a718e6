/**
 * The one context factory: every GraphQL request (HTTP or WebSocket) gets the caller and a
 * fresh set of DataLoaders, so a page of 100 calls costs one store query per related type.
 */
import DataLoader from 'dataloader';
import type { Scope } from './config.js';
import type { Gateway } from './gateway/gateway.js';
import type { AllocationRecord, CallEventRecord, OrderRecord, PhoneNumberRecord, PortabilityRecord, ProviderName, ServiceRecord } from './domain/model.js';

export interface Principal {
  /** A digest of the API key: stable id for idempotency keys and rate limits, never the key. */
  id: string;
  scopes: ReadonlySet<Scope>;
}

type RefKey = { provider: ProviderName; providerRef: string };
const refKey = (k: RefKey) => `${k.provider}:${k.providerRef}`;

export interface Loaders {
  order: DataLoader<string, OrderRecord | null>;
  number: DataLoader<string, PhoneNumberRecord | null>;
  service: DataLoader<RefKey, ServiceRecord | null, string>;
  allocation: DataLoader<RefKey, AllocationRecord | null, string>;
  callsOfAllocation: DataLoader<RefKey, CallEventRecord[], string>;
  portability(provider: ProviderName): DataLoader<string, PortabilityRecord>;
}

export interface Context {
  principal: Principal;
  gateway: Gateway;
  loaders: Loaders;
}

function byKey<K, V>(keys: readonly K[], rows: V[], keyOfKey: (k: K) => string, keyOfRow: (v: V) => string): Array<V | null> {
  const map = new Map(rows.map((r) => [keyOfRow(r), r]));
  return keys.map((k) => map.get(keyOfKey(k)) ?? null);
}

export function createLoaders(gateway: Gateway, opts: { cache: boolean } = { cache: true }): Loaders {
  const { store, registry } = gateway;
  const cache = opts.cache;
  const portability = new Map<ProviderName, DataLoader<string, PortabilityRecord>>();
  return {
    order: new DataLoader(async (ids) => byKey(ids, await store.orders.byIds(ids), (k) => k, (o) => o.id), { cache }),
    number: new DataLoader(async (e164s) => byKey(e164s, await store.numbers.byE164(e164s), (k) => k, (n) => n.e164), { cache }),
    service: new DataLoader(async (keys) => byKey(keys, await store.services.byRefs(keys), refKey, refKey), { cacheKeyFn: refKey, cache }),
    allocation: new DataLoader(async (keys) => byKey(keys, await store.allocations.byRefs(keys), refKey, refKey), { cacheKeyFn: refKey, cache }),
    callsOfAllocation: new DataLoader(
      async (keys) => {
        const calls = await store.calls.byAllocations(keys);
        return keys.map((k) => calls.filter((c) => c.provider === k.provider && c.allocationRef === k.providerRef));
      },
      { cacheKeyFn: refKey, cache },
    ),
    portability(provider) {
      let loader = portability.get(provider);
      if (!loader) {
        loader = new DataLoader((e164s) => registry.call(provider, 'checkPortability', e164s), { maxBatchSize: 50, cache });
        portability.set(provider, loader);
      }
      return loader;
    },
  };
}

/** Loaders are made on first use: most requests and every idle subscription need none. */
export function createContext(gateway: Gateway, principal: Principal, opts?: { cache: boolean }): Context {
  let loaders: Loaders | undefined;
  return {
    principal,
    gateway,
    get loaders() {
      return (loaders ??= createLoaders(gateway, opts));
    },
  };
}

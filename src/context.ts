/**
 * The one context factory: every GraphQL request (HTTP or WebSocket) gets the caller and a
 * fresh set of DataLoaders, so a page of 100 calls costs one store query per related type.
 */
import DataLoader from 'dataloader';
import type { Scope } from './config.js';
import type { Gateway } from './gateway/gateway.js';
import { refKey, type RefKey } from './gateway/lists.js';
import type { AllocationRecord, CallEventRecord, OrderRecord, PhoneNumberRecord, PortabilityRecord, ProviderName, ServiceRecord } from './domain/model.js';

export interface Principal {
  /** A digest of the API key: stable id for idempotency keys and rate limits, never the key. */
  id: string;
  scopes: ReadonlySet<Scope>;
}

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

/** Each loader's batch is one gateway read: one store query (or provider call) per type and request. */
export function createLoaders(gateway: Gateway, opts: { cache: boolean } = { cache: true }): Loaders {
  const cache = opts.cache;
  const portability = new Map<ProviderName, DataLoader<string, PortabilityRecord>>();
  return {
    order: new DataLoader((ids) => gateway.orders.byIds(ids), { cache }),
    number: new DataLoader((e164s) => gateway.numbers.byE164(e164s), { cache }),
    service: new DataLoader((keys) => gateway.services.byRefs(keys), { cacheKeyFn: refKey, cache }),
    allocation: new DataLoader((keys) => gateway.allocations.byRefs(keys), { cacheKeyFn: refKey, cache }),
    callsOfAllocation: new DataLoader((keys) => gateway.calls.ofAllocations(keys), { cacheKeyFn: refKey, cache }),
    portability(provider) {
      let loader = portability.get(provider);
      if (!loader) {
        loader = new DataLoader((e164s) => gateway.numbers.checkPortability(provider, e164s), { maxBatchSize: 50, cache });
        portability.set(provider, loader);
      }
      return loader;
    },
  };
}

/**
 * Loaders are made on first use: most requests and every idle subscription need none. A class,
 * not an object literal with a getter: that literal was a dictionary-mode object, ~250 bytes
 * more for each of thousands of idle subscriptions.
 */
class RequestContext implements Context {
  private made?: Loaders;

  constructor(
    readonly gateway: Gateway,
    readonly principal: Principal,
    private readonly opts?: { cache: boolean },
  ) {}

  get loaders(): Loaders {
    return (this.made ??= createLoaders(this.gateway, this.opts));
  }
}

export function createContext(gateway: Gateway, principal: Principal, opts?: { cache: boolean }): Context {
  return new RequestContext(gateway, principal, opts);
}

/**
 * Services (Delacon company, AVANSER service, VoIP Innovations DID): read from the provider
 * where it can list or look them up (and kept), else from the gateway's records; updated part by part.
 */
import type { ServiceUpdateRequest, UpdatePart } from '../datasources/provider.js';
import type { Registry } from '../datasources/registry.js';
import type { OrderRecord, ProviderName, ServiceRecord } from '../domain/model.js';
import { INFRASTRUCTURE_CODES, type ErrorCode } from '../errors.js';
import type { Store } from '../store/store.js';
import type { Effects } from './effects.js';
import { byKey, listPage, refKey, type Page, type PageRequest, type RefKey } from './lists.js';
import { newOrder } from './orders.js';

export interface ServiceUpdateResult {
  service?: ServiceRecord;
  order?: OrderRecord;
  parts: UpdatePart[];
  /** The parts the provider refused, as userErrors: they stopped part of the update. */
  refused: Array<{ code: ErrorCode; message: string; field: string[] }>;
}

export class Services {
  constructor(
    private readonly registry: Registry,
    private readonly store: Store,
    private readonly effects: Effects,
  ) {}

  /** A provider's services from its own list where it has one (and kept), else those the gateway knows (of every provider when none is given). */
  async list(provider: ProviderName | undefined, req: PageRequest): Promise<Page<ServiceRecord>> {
    if (!provider || !this.registry.supports(provider, 'listServices')) return this.store.services.list(provider, req);
    const services = await this.registry.call(provider, 'listServices');
    await this.store.services.saveMany(services);
    return listPage(req, async (limit) => services.slice(0, limit));
  }

  /** One service: from the provider where it can look services up (and kept), else the gateway's record. */
  async one(provider: ProviderName, serviceRef: string): Promise<ServiceRecord | null> {
    if (this.registry.supports(provider, 'getService')) {
      const fresh = await this.registry.call(provider, 'getService', serviceRef);
      return fresh ? (await this.store.services.save(fresh)).service : null;
    }
    return (await this.store.services.byRefs([{ provider, providerRef: serviceRef }]))[0] ?? null;
  }

  /** The gateway's records of these services, one per key asked for (a request's batch). */
  async byRefs(keys: readonly RefKey[]): Promise<Array<ServiceRecord | null>> {
    return byKey(keys, await this.store.services.byRefs(keys), refKey, refKey);
  }

  async update(request: ServiceUpdateRequest): Promise<ServiceUpdateResult> {
    const outcome = await this.registry.call(request.provider, 'updateService', request);
    const service = outcome.service && (await this.store.services.save(outcome.service)).service;
    let order: OrderRecord | undefined;
    if (outcome.order) {
      order = newOrder(request.provider, 'SERVICE_UPDATE', outcome.order);
      await this.effects.saveOrder(order);
    }
    const { block } = this.registry.entry(request.provider).module.inputs;
    const refused = outcome.parts
      .filter((p) => p.code && !p.applied && !INFRASTRUCTURE_CODES.has(p.code))
      .map((p) => ({ code: p.code!, message: p.message ?? 'the provider refused this part', field: [block, ...(p.fields.length === 1 ? p.fields : [])] }));
    return { service, order, parts: outcome.parts, refused };
  }
}

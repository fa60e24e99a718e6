/** Services (Delacon company, AVANSER service, VoIP Innovations DID), merged from what providers say. */
import { isDeepStrictEqual } from 'node:util';
import type { ProviderName, ServiceRecord } from '../domain/model.js';
import type { Db } from './db.js';
import { byRefs, page, type Page, type PageRequest, type RefKey } from './queries.js';

/** The class of the transaction-scoped advisory locks taken per service (see `save`). */
const LOCK_SERVICE = 727003;

export class ServiceStore {
  constructor(private readonly db: Db) {}

  /**
   * Merge what a provider said of a service into what we hold: fields given win, settings
   * merge, numbers accumulate (Delacon reports only the numbers of the latest order). News of
   * a service means it exists: a `removedAt` it had is dropped unless given. Nothing is written
   * when nothing but `updatedAt` would change; `changed` says whether something did.
   */
  async save(service: ServiceRecord): Promise<{ service: ServiceRecord; changed: boolean }> {
    return this.db.transaction(async (tx) => {
      // Read-merge-write of a row that may not exist yet: FOR UPDATE would lock nothing then, and
      // a new company's numbers can be saved by an order's answer and a webhook at once.
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_SERVICE, `${service.provider}:${service.providerRef}`]);
      const rows = await tx.query<{ data: ServiceRecord }>('SELECT data FROM services WHERE provider = $1 AND provider_ref = $2', [service.provider, service.providerRef]);
      const old = rows[0]?.data;
      const defined = Object.fromEntries(Object.entries(service).filter(([, v]) => v !== undefined)) as ServiceRecord;
      const merged: ServiceRecord = old
        ? { ...old, removedAt: undefined, ...defined, settings: { ...old.settings, ...service.settings }, numbers: [...new Set([...old.numbers, ...service.numbers])] }
        : service;
      if (old && sameService(old, merged)) return { service: old, changed: false };
      await tx.query(
        `INSERT INTO services (provider, provider_ref, updated_at, data) VALUES ($1, $2, $3, $4)
         ON CONFLICT (provider, provider_ref) DO UPDATE SET updated_at = $3, data = $4`,
        [merged.provider, merged.providerRef, merged.updatedAt, merged],
      );
      return { service: merged, changed: true };
    });
  }

  /** Every service stored of a provider, for comparing with the provider's own list. */
  async all(provider: ProviderName): Promise<ServiceRecord[]> {
    return (await this.db.query<{ data: ServiceRecord }>('SELECT data FROM services WHERE provider = $1 ORDER BY seq', [provider])).map((r) => r.data);
  }

  byRefs(keys: readonly RefKey[]): Promise<ServiceRecord[]> {
    return byRefs(this.db, 'services', 'provider_ref', keys);
  }

  list(provider: ProviderName | undefined, req: PageRequest): Promise<Page<ServiceRecord>> {
    return page(this.db, 'services', [['provider', provider]], req);
  }
}

/** The same facts, whenever they were last told. */
function sameService(a: ServiceRecord, b: ServiceRecord): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify({ ...a, updatedAt: '' })), JSON.parse(JSON.stringify({ ...b, updatedAt: '' })));
}

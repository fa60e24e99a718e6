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
    return (await this.saveMany([service]))[0]!;
  }

  /**
   * `save` for each service in turn, in one transaction of three statements whatever their
   * number: a provider's list of 5,000 services took 6 s as 5,000 transactions.
   */
  async saveMany(services: readonly ServiceRecord[]): Promise<Array<{ service: ServiceRecord; changed: boolean }>> {
    if (services.length === 0) return [];
    return this.db.transaction(async (tx) => {
      // Read-merge-write of rows that may not exist yet: FOR UPDATE would lock nothing then, and
      // a new company's numbers can be saved by an order's answer and a webhook at once. The
      // locks are taken in key order, so that two writers never wait on each other in a cycle.
      const keys = [...new Set(services.map(keyOf))].sort();
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext(k)) FROM unnest($2::text[]) AS k', [LOCK_SERVICE, keys]);
      const held = new Map((await byRefs<ServiceRecord>(tx, 'services', 'provider_ref', services)).map((s) => [keyOf(s), s]));
      const written = new Map<string, ServiceRecord>();
      const saved = services.map((service) => {
        const key = keyOf(service);
        const old = held.get(key);
        const defined = Object.fromEntries(Object.entries(service).filter(([, v]) => v !== undefined)) as ServiceRecord;
        const merged: ServiceRecord = old
          ? { ...old, removedAt: undefined, ...defined, settings: { ...old.settings, ...service.settings }, numbers: [...new Set([...old.numbers, ...service.numbers])] }
          : service;
        if (old && sameService(old, merged)) return { service: old, changed: false };
        held.set(key, merged);
        written.set(key, merged);
        return { service: merged, changed: true };
      });
      if (written.size > 0) {
        await tx.query(
          `INSERT INTO services (provider, provider_ref, updated_at, data)
           SELECT s->>'provider', s->>'providerRef', (s->>'updatedAt')::timestamptz, s FROM jsonb_array_elements($1::jsonb) AS s
           ON CONFLICT (provider, provider_ref) DO UPDATE SET updated_at = EXCLUDED.updated_at, data = EXCLUDED.data`,
          [JSON.stringify([...written.values()])],
        );
      }
      return saved;
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

const keyOf = (s: ServiceRecord) => `${s.provider}:${s.providerRef}`;

/** The same facts, whenever they were last told. */
function sameService(a: ServiceRecord, b: ServiceRecord): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify({ ...a, updatedAt: '' })), JSON.parse(JSON.stringify({ ...b, updatedAt: '' })));
}

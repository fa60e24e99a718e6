/** The providers themselves: which are live, sandboxed or off, healthy, and what each supports. */
import type { AdapterOperation } from '../datasources/provider.js';
import type { ProviderName } from '../domain/model.js';
import type { ProviderEntry, ProviderStatus, Registry } from '../datasources/registry.js';

/**
 * The root fields of the API that reach each adapter operation: what a client reads in
 * `providers { operations }`. Polling order status, recovering lost calls and listing what the
 * account holds (reconciliation) are the gateway's own.
 */
const FIELDS: Record<AdapterOperation, string[]> = {
  searchNumbers: ['availableNumbers'],
  countNumbers: ['availableNumberCount'],
  numberTypes: ['numberTypes'],
  ownedNumbers: ['numbers'],
  getNumber: ['number'],
  reserveNumbers: ['reserveNumbers'],
  releaseNumbers: ['releaseNumbers'],
  checkPortability: ['portability'],
  portDetails: ['portDetails'],
  provision: ['provisionNumbers'],
  orderStatus: [],
  updateService: ['updateService'],
  listServices: ['services'],
  getService: ['service'],
  allocate: ['allocateGreenVN'],
  getAllocation: ['allocation'],
  updateParties: ['updateAllocationParties'],
  reassign: ['reassignGreenVN'],
  deallocate: ['deallocateGreenVN'],
  recover: [],
  inventory: [],
  account: ['providerAccount'],
};

export class Providers {
  /** A provider's GraphQL fields, by its adapter's operations: fixed once it started (worked out per request, ~5 µs of each `providers` query). */
  private readonly fields = new Map<ProviderName, string[]>();

  constructor(private readonly registry: Registry) {}

  status(): ProviderStatus[] {
    return this.registry.status((e) => this.fieldsOf(e));
  }

  private fieldsOf(e: ProviderEntry): string[] {
    let fields = this.fields.get(e.name);
    if (!fields) this.fields.set(e.name, (fields = [...new Set(e.operations.flatMap((op) => FIELDS[op]))]));
    return fields;
  }

  async account(provider: ProviderName) {
    return { provider, ...(await this.registry.call(provider, 'account')) };
  }
}

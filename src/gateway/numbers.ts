/**
 * Numbers: stock at a provider (search, count, types), the numbers we own (the provider's list
 * where it has one, else the gateway's records), reserving, releasing and porting in.
 */
import type { NumberCountGrouping, NumberSearchFilter, ProviderAdapter } from '../datasources/provider.js';
import type { Registry } from '../datasources/registry.js';
import type { E164, NumberCountRecord, NumberOutcome, PhoneNumberRecord, PortabilityRecord, ProviderName } from '../domain/model.js';
import { badUserInput, BusinessError, ErrorCode, GatewayError } from '../errors.js';
import type { NumberFilter, NumberOrder } from '../store/numbers.js';
import type { Store } from '../store/store.js';
import type { Attempts, KeyRun } from './attempts.js';
import { partsOf } from '../domain/phone.js';
import type { Effects } from './effects.js';
import { byKey, listPage, type Page, type PageRequest } from './lists.js';

/** How many stock numbers a lookup by national digits reads (the number itself, and those that merely start with it). */
const STOCK_LOOKUP = 100;

/** How one provider answered a stock search: the others' answers stand whatever this one did. */
export interface StockSource {
  provider: ProviderName;
  ok: boolean;
  code?: ErrorCode;
  message?: string;
}

/** A provider's refusal or failure as a source (our codes and messages are public); a fault of ours is thrown, to be logged and answered INTERNAL. */
export function failedSource(provider: ProviderName, err: unknown): StockSource {
  if (err instanceof BusinessError) return { provider, ok: false, code: err.code, message: err.message };
  if (err instanceof GatewayError) return { provider, ok: false, code: err.extensions.code as ErrorCode, message: err.message };
  throw err;
}

export class Numbers {
  constructor(
    private readonly registry: Registry,
    private readonly store: Store,
    private readonly effects: Effects,
    private readonly attempts: Attempts,
  ) {}

  search(provider: ProviderName, filter: NumberSearchFilter, req: PageRequest): Promise<Page<PhoneNumberRecord>> {
    return listPage(req, (limit) => this.registry.call(provider, 'searchNumbers', filter, limit));
  }

  /**
   * Stock at every provider that sells in `filter.country`, searched in parallel and merged in
   * provider order (each provider's own order kept, so a page's place is stable while stock is).
   * A provider that fails or times out is reported in `sources` and the others still answer.
   */
  async searchAll(filter: NumberSearchFilter, req: PageRequest): Promise<Page<PhoneNumberRecord> & { sources: StockSource[] }> {
    const country = filter.country?.trim().toUpperCase();
    const sellers = this.registry.sellers(country);
    if (sellers.length === 0) {
      throw badUserInput('filter.country', `${country ? `no provider sells numbers in "${country}"` : 'name a country (or a provider)'}; searchable countries: ${this.registry.stockCountries()}`);
    }
    const sources: StockSource[] = [];
    const page = await listPage(req, async (limit) => {
      const answers = await Promise.all(
        sellers.map(async ({ name }) => {
          try {
            const items = await this.registry.call(name, 'searchNumbers', { ...filter, country }, limit);
            sources.push({ provider: name, ok: true });
            return items;
          } catch (err) {
            sources.push(failedSource(name, err));
            return [];
          }
        }),
      );
      return answers.flat();
    });
    const order = sellers.map((e) => e.name);
    return { ...page, sources: sources.sort((a, b) => order.indexOf(a.provider) - order.indexOf(b.provider)) };
  }

  async count(provider: ProviderName, filter: NumberSearchFilter, groupBy: NumberCountGrouping): Promise<{ total: number; groups: NumberCountRecord[] }> {
    const groups = await this.registry.call(provider, 'countNumbers', filter, groupBy);
    return { total: groups.reduce((sum, g) => sum + g.count, 0), groups };
  }

  types(provider: ProviderName, region: Parameters<NonNullable<ProviderAdapter['numberTypes']>>[0]) {
    return this.registry.call(provider, 'numberTypes', region);
  }

  /** Every number the gateway keeps, across providers (what it provisioned, reserved, released or imported). */
  inventory(filter: NumberFilter, order: NumberOrder, req: PageRequest): Promise<Page<PhoneNumberRecord>> {
    const country = filter.country?.trim().toUpperCase();
    if (country !== undefined && !/^[A-Z]{2}$/.test(country)) throw badUserInput('filter.country', `"${filter.country}" is not an ISO 3166 alpha-2 country code such as AU`);
    return this.store.numbers.inventory({ ...filter, country }, order, req);
  }

  /** Numbers we own: the provider's list where it has one, else the gateway's records (numbers provisioned, reserved or released through it). */
  owned(provider: ProviderName, req: PageRequest): Promise<Page<PhoneNumberRecord>> {
    if (!this.registry.supports(provider, 'ownedNumbers')) return this.store.numbers.list(provider, req);
    return listPage(req, async (limit) => (await this.registry.call(provider, 'ownedNumbers')).slice(0, limit));
  }

  /** One number: from the provider where it can look numbers up, else the gateway's record. */
  async one(provider: ProviderName, e164: E164): Promise<PhoneNumberRecord | null> {
    if (this.registry.supports(provider, 'getNumber')) return this.registry.call(provider, 'getNumber', e164);
    return (await this.store.numbers.byE164([e164])).find((n) => n.provider === provider) ?? null;
  }

  /**
   * A number the API has shown, by its provider and E.164 (a PhoneNumber id): as `one` finds it;
   * else, where the provider cannot look numbers up, in its stock (searched by the national digits).
   */
  async find(provider: ProviderName, e164: E164): Promise<PhoneNumberRecord | null> {
    const known = await this.one(provider, e164);
    if (known || this.registry.supports(provider, 'getNumber') || !this.registry.supports(provider, 'searchNumbers')) return known;
    const { national, country } = partsOf(e164);
    const stock = await this.registry.call(provider, 'searchNumbers', { country, prefix: national }, STOCK_LOOKUP);
    return stock.find((n) => n.e164 === e164) ?? null;
  }

  /** The gateway's records of these numbers, one per number asked for (a request's batch). */
  async byE164(e164s: readonly E164[]): Promise<Array<PhoneNumberRecord | null>> {
    return byKey(e164s, await this.store.numbers.byE164(e164s), (k) => k, (n) => n.e164);
  }

  reserve(provider: ProviderName, e164s: E164[], run?: KeyRun): Promise<NumberOutcome[]> {
    return this.attempts.send(run, provider, 'reserveNumbers', [e164s]);
  }

  /** What the gateway records of a reservation (also of one recovered after its answer was lost). */
  async recordReservation(provider: ProviderName, outcomes: NumberOutcome[]): Promise<NumberOutcome[]> {
    await this.effects.saveNumbers(outcomes.filter((o) => o.ok).map((o) => ({ provider, e164: o.e164, status: 'RESERVED', capabilities: [], reservedUntil: o.reservedUntil })));
    return outcomes;
  }

  async release(provider: ProviderName, e164s: E164[]): Promise<NumberOutcome[]> {
    const outcomes = await this.registry.call(provider, 'releaseNumbers', e164s);
    await this.effects.saveNumbers(outcomes.filter((o) => o.ok).map((o) => ({ provider, e164: o.e164, status: 'RELEASED', capabilities: [] })));
    return outcomes;
  }

  /**
   * Can these numbers be ported in? Asked through the request's loader, which gathers the
   * request's checks into provider calls (`checkPortability`); a provider that cannot check is
   * refused even for no numbers.
   */
  async portability(provider: ProviderName, e164s: E164[], loader: { loadMany(e164s: E164[]): Promise<Array<PortabilityRecord | Error>> }): Promise<PortabilityRecord[]> {
    this.registry.require(provider, 'checkPortability');
    return (await loader.loadMany(e164s)).map((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
  }

  /** One provider call for a batch of portability checks: one result per number, in order. */
  checkPortability(provider: ProviderName, e164s: readonly E164[]): Promise<PortabilityRecord[]> {
    return this.registry.call(provider, 'checkPortability', e164s);
  }

  portDetails(provider: ProviderName, portId: number) {
    return this.registry.call(provider, 'portDetails', portId);
  }
}

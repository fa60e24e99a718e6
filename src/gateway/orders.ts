/**
 * Orders: provisioning numbers (under the caller's idempotency key), the orders placed
 * through the gateway, and asking pollable providers about orders whose confirmation is late.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { NumberSearchFilter, OrderDraft, ProvisionOutcome, ProvisionRequest } from '../datasources/provider.js';
import type { Registry } from '../datasources/registry.js';
import type { E164, NumberKind, NumberOutcome, NumberStatus, OrderRecord, ProviderName } from '../domain/model.js';
import { numberStatusOf } from '../domain/orders.js';
import { badUserInput, BusinessError, ErrorCode } from '../errors.js';
import type { ProvisionProvider, RoutingOutcome } from '../types/enums.js';
import type { Store } from '../store/store.js';
import type { Attempts, KeyRun } from './attempts.js';
import type { Effects } from './effects.js';
import { byKey, type Page, type PageRequest } from './lists.js';
import { failedSource } from './numbers.js';
import type { Services } from './services.js';

export interface ProvisionResult {
  orders: OrderRecord[];
  numbers: NumberOutcome[];
}

/** One provider considered for a provisioning, and what became of it. */
export interface RoutingStep {
  provider: ProviderName;
  outcome: RoutingOutcome;
  code?: ErrorCode;
  reason: string;
}

/** A provisioning and how its provider was chosen; `refused`: the business error that stopped it (then no result). */
export interface RoutedProvision {
  provider?: ProviderName;
  routing: RoutingStep[];
  result?: ProvisionResult;
  refused?: BusinessError;
}

/** What `provider: AUTO` is given besides the provider blocks. */
export interface AutoProvisionRequest {
  country?: string;
  kind?: NumberKind;
  count?: number;
  /** More stock criteria; its country and kind are the request's. */
  stock?: NumberSearchFilter;
  [block: string]: unknown;
}

/** AVANSER sends one request per number: a cap keeps one mutation within a sane time (as its own). */
const MAX_AUTO_COUNT = 20;

/** A uuid that is the same for the same seed (an order recovered twice keeps one id). */
function seededUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An order as the gateway keeps it: the provider's draft with our id and its history begun. */
export function newOrder(provider: ProviderName, kind: OrderRecord['kind'], draft: OrderDraft, id: string = randomUUID()): OrderRecord {
  const at = new Date().toISOString();
  return {
    id,
    provider,
    kind,
    status: draft.status,
    providerRef: draft.providerRef,
    serviceRef: draft.serviceRef,
    numbers: draft.numbers,
    message: draft.message,
    providerStatus: draft.providerStatus,
    country: draft.country,
    history: [{ at, status: draft.status, message: draft.message }],
    createdAt: at,
    updatedAt: at,
  };
}

export class Orders {
  constructor(
    private readonly registry: Registry,
    private readonly store: Store,
    private readonly effects: Effects,
    private readonly attempts: Attempts,
    private readonly services: Services,
    private readonly log: Logger,
  ) {}

  provision(request: ProvisionRequest, run?: KeyRun): Promise<ProvisionResult> {
    return this.attempts.send(run, request.provider, 'provision', [{ ...request, attemptId: run?.marker }]);
  }

  /** A provisioning at the provider named, or routed (`AUTO`); a business refusal comes back as `refused`. */
  async route(request: AutoProvisionRequest & { provider: ProvisionProvider }, run?: KeyRun): Promise<RoutedProvision> {
    if (request.provider === 'AUTO') return this.provisionAuto(request, run);
    const { country, kind, count, stock, ...named } = request;
    const stray = Object.entries({ country, kind, count, stock }).find(([, v]) => v !== undefined && v !== null);
    if (stray) throw badUserInput(`input.${stray[0]}`, 'goes with provider AUTO only');
    const provider = request.provider;
    const routing: RoutingStep[] = [{ provider, outcome: 'USED', reason: 'named by the request' }];
    try {
      return { provider, routing, result: await this.provision({ ...named, provider }, run) };
    } catch (err) {
      if (!(err instanceof BusinessError)) throw err;
      return { provider, routing, refused: err };
    }
  }

  /**
   * `provider: AUTO`: the providers selling in the country, in order. Each is asked for `count`
   * numbers of the kind from its stock (a read); one that has them gets the provisioning, with
   * those numbers in its block. Only a NO_NUMBER_AVAILABLE answer (nothing done) moves on to the
   * next; any other outcome, a lost answer above all, ends the routing there. Under an
   * idempotency key the provider is written down before the request is sent (attempts.ts), and a
   * retry after a lost answer goes back to that provider only: never two providers for one request.
   */
  async provisionAuto(request: AutoProvisionRequest, run?: KeyRun): Promise<RoutedProvision> {
    const { country, kind, count, sellers } = this.autoTargets(request);
    const criteria = { ...request.stock, country, kind };
    if (run?.previous?.operation === 'provision') {
      const { provider, args } = run.previous;
      const step = { provider, outcome: 'USED' as const, reason: `the earlier request with this idempotencyKey went to ${provider}: resumed there only` };
      return { provider, routing: [step], result: await this.attempts.send(run, provider, 'provision', args as [ProvisionRequest]) };
    }
    const routing: RoutingStep[] = [];
    for (const { name, module } of sellers) {
      const block = module.inputs.block;
      const given = request[block] as object | undefined;
      if (!given) {
        routing.push({ provider: name, outcome: 'SKIPPED', reason: `no ${block} input given (its settings for a new number)` });
        continue;
      }
      let stock: E164[];
      try {
        stock = (await this.registry.call(name, 'searchNumbers', criteria, count)).map((n) => n.e164);
      } catch (err) {
        const { code, message } = failedSource(name, err);
        routing.push({ provider: name, outcome: 'SKIPPED', code, reason: `its stock search failed: ${message}` });
        continue;
      }
      if (stock.length < count) {
        routing.push({ provider: name, outcome: 'SKIPPED', code: ErrorCode.NO_NUMBER_AVAILABLE, reason: `${stock.length} ${kind ?? ''} number(s) in stock in ${country}, ${count} asked for`.replace('  ', ' ') });
        continue;
      }
      try {
        const result = await this.attempts.send(run, name, 'provision', [{ provider: name, [block]: { ...given, numbers: stock.slice(0, count) }, attemptId: run?.marker }]);
        routing.push({ provider: name, outcome: 'USED', reason: `${count} number(s) in stock in ${country}` });
        return { provider: name, routing, result };
      } catch (err) {
        if (!(err instanceof BusinessError)) throw err;
        if (err.code !== ErrorCode.NO_NUMBER_AVAILABLE) return { provider: name, routing: [...routing, { provider: name, outcome: 'USED', code: err.code, reason: err.message }], refused: err };
        routing.push({ provider: name, outcome: 'REFUSED', code: err.code, reason: err.message });
      }
    }
    const why = new BusinessError(ErrorCode.NO_NUMBER_AVAILABLE, `no provider selling in ${country} could provision ${count} ${kind ?? ''} number(s): see routing`.replace('  ', ' '), ['input', 'country']);
    return { routing, refused: why };
  }

  /** The checked AUTO request and the providers it may go to; BAD_USER_INPUT naming the field otherwise. */
  private autoTargets(request: AutoProvisionRequest) {
    const country = request.country?.trim().toUpperCase();
    if (!country) throw badUserInput('input.country', 'provider AUTO needs a country (ISO 3166 alpha-2, such as AU)');
    const sellers = this.registry.sellers(country).filter((e) => e.adapter?.provision);
    if (sellers.length === 0) throw badUserInput('input.country', `no provider sells numbers in "${country}"; countries: ${this.registry.stockCountries()}`);
    for (const field of ['country', 'kind'] as const) {
      if (request.stock?.[field] != null) throw badUserInput(`input.stock.${field}`, `give it as input.${field}`);
    }
    const count = request.count ?? 1;
    if (!Number.isInteger(count) || count < 1 || count > MAX_AUTO_COUNT) throw badUserInput('input.count', `count must be 1 to ${MAX_AUTO_COUNT}`);
    for (const { module } of this.registry.all()) {
      const block = module.inputs.block;
      const given = request[block] as Record<string, unknown> | undefined;
      if (!given) continue;
      if (!module.autoFields) throw badUserInput(`input.${block}`, `provider AUTO never picks ${module.name}: leave out its input, or name the provider`);
      // A seller elsewhere is not tried: its block (for another country) is left alone.
      if (!sellers.some((e) => e.module === module)) continue;
      for (const field of module.autoFields) {
        const value = given[field];
        if (value === undefined || value === null || (field === 'country' && String(value).toUpperCase() === country)) continue;
        throw badUserInput(`input.${block}.${field}`, `conflicts with provider AUTO, which picks the numbers from country, kind and count: leave it out`);
      }
    }
    return { country, kind: request.kind, count, sellers };
  }

  /**
   * What the gateway records of a provisioning (also of one recovered after its answer was
   * lost): services, numbers and orders. Under an idempotency key (`marker`) the orders' ids
   * are derived from it, so that recording it twice keeps one order.
   */
  async recordProvision(provider: ProviderName, outcome: ProvisionOutcome, marker?: string): Promise<ProvisionResult> {
    const orders = outcome.orders.map((d, i) => newOrder(provider, 'PROVISION', d, marker === undefined ? undefined : seededUuid(`${marker}:${i}`)));
    await this.store.services.saveMany(outcome.services);
    // A number ordered follows its order: pending until the provider confirms it.
    const orderOf = (e164: E164) => orders.find((o) => o.numbers.includes(e164));
    const follow = <N extends { e164: E164; status?: NumberStatus }>(n: N): N => {
      const order = orderOf(n.e164);
      return { ...n, status: (order && numberStatusOf(order.status)) ?? n.status };
    };
    await this.effects.saveNumbers(outcome.owned.map((n) => follow({ ...n, orderId: n.orderId ?? orderOf(n.e164)?.id })));
    for (const o of orders) await this.effects.saveOrder(o);
    return { orders, numbers: outcome.numbers.map((n) => (n.ok ? follow(n) : n)) };
  }

  /** Orders placed through the gateway, newest first. */
  list(filter: { provider?: ProviderName; status?: string }, req: PageRequest): Promise<Page<OrderRecord>> {
    return this.store.orders.list(filter, req);
  }

  /** One per id asked for (a request's batch), null when unknown. */
  async byIds(ids: readonly string[]): Promise<Array<OrderRecord | null>> {
    return byKey(ids, await this.store.orders.byIds(ids), (k) => k, (o) => o.id);
  }

  /**
   * Ask providers that can be polled about pending orders whose confirmation is late.
   * Runs on a timer; one failing provider does not stop the others.
   */
  async pollPending(olderThanMs: number): Promise<void> {
    const before = new Date(Date.now() - olderThanMs).toISOString();
    for (const entry of this.registry.all()) {
      if (!this.registry.supports(entry.name, 'orderStatus')) continue;
      for (const order of await this.store.orders.pending(entry.name, before)) {
        if (!order.providerRef) continue;
        try {
          const draft = await this.registry.call(entry.name, 'orderStatus', order.providerRef);
          if (draft && draft.status !== 'PENDING') {
            // The callback would have carried the service: read it first, so that orderUpdated
            // subscribers see it active; the order settles even when that read fails.
            const serviceRef = draft.serviceRef ?? order.serviceRef;
            if (draft.status === 'COMPLETED' && serviceRef) {
              await this.services.one(entry.name, serviceRef).catch((err: unknown) => this.log.warn({ err, provider: entry.name, serviceRef }, 'service read after poll failed'));
            }
            await this.effects.settleOrder(entry.name, { providerRef: order.providerRef }, draft.status, draft.message, { providerStatus: draft.providerStatus });
          }
        } catch (err) {
          this.log.warn({ err, provider: entry.name, orderId: order.id }, 'order status poll failed');
        }
      }
    }
  }
}

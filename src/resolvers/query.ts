import { Arg, Args, Ctx, Extensions, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import type { NumberCountGrouping as Grouping } from '../datasources/provider.js';
import { PROVIDERS, type ProviderName } from '../domain/model.js';
import { badUserInput, BusinessError, GatewayError } from '../errors.js';
import { Allocation, AllocationConnection } from '../types/allocation.js';
import { CallEvent, CallEventConnection } from '../types/call-event.js';
import { CallEventOrder } from '../types/call-history.js';
import { PageArgs } from '../types/connection.js';
import { DelaconRegion } from '../datasources/delacon/inputs.js';
import { NumberCountGrouping, Provider } from '../types/enums.js';
import { AllocationFilter, CallEventFilter, NumberFilter, NumberOrder, NumberSearchInput, OrderFilter, WebhookReceiptFilter } from '../types/inputs.js';
import { Node, fromGlobalId, splitProviderKey } from '../types/node.js';
import { Order, OrderConnection } from '../types/order.js';
import { AvailableNumberConnection, NumberCountResult, NumberType, PhoneNumber, PhoneNumberConnection, Portability, PortDetails } from '../types/phone-number.js';
import { presentAllocation, presentCall, presentNumber, presentOrder, presentReceipt, presentService } from '../types/present.js';
import { ProviderAccount, ProviderStatus } from '../types/provider.js';
import { Reconciliation, presentReconciliation } from '../types/reconciliation.js';
import { atMost } from '../types/lists.js';
import { E164Scalar } from '../types/scalars.js';
import { Service, ServiceConnection } from '../types/service.js';
import { tryE164 } from '../domain/phone.js';
import { WebhookReceiptConnection } from '../types/webhook-receipt.js';
import { callFilter } from './filters.js';
import { connection, pageRequest } from './support.js';

/** Queries cannot carry userErrors: a business refusal (e.g. UNSUPPORTED_BY_PROVIDER) becomes a GraphQL error with its code. */
async function query<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof BusinessError) throw new GatewayError(err.code, err.message);
    throw err;
  }
}

/** The provider and reference of a Service id, or BAD_USER_INPUT naming `filter.serviceId`. */
function serviceOf(id: string): { provider: ProviderName; ref: string } {
  const decoded = fromGlobalId(id);
  if (decoded?.type !== 'Service') throw badUserInput('filter.serviceId', `"${id}" is not a Service id`);
  const { provider, ref } = splitProviderKey(decoded.key);
  return { provider: provider as ProviderName, ref };
}

@Resolver()
export class QueryResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id.' })
  async node(@Arg('id', () => ID, { description: 'A global id from any answer of this API.' }) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    const decoded = fromGlobalId(id);
    if (!decoded) return null;
    const { provider, ref } = splitProviderKey(decoded.key);
    const p = provider as ProviderName;
    // Keyed by provider: anything else cannot name one of ours.
    if (decoded.type !== 'Order' && decoded.type !== 'CallEvent' && !PROVIDERS.includes(p)) return null;
    switch (decoded.type) {
      case 'Order':
        return this.order(id, ctx);
      case 'CallEvent':
        return this.callEvent(id, ctx);
      case 'Service': {
        const s = await ctx.loaders.service.load({ provider: p, providerRef: ref });
        return s ? presentService(s) : null;
      }
      case 'Allocation': {
        const a = await ctx.gateway.allocations.one(p, ref);
        return a ? presentAllocation(a) : null;
      }
      case 'PhoneNumber': {
        if (tryE164(ref) !== ref) return null;
        const n = await query(() => ctx.gateway.numbers.find(p, ref));
        return n ? presentNumber(n) : null;
      }
    }
  }

  @Query(() => [ProviderStatus], { description: 'Every provider: configured, sandboxed or off; healthy; what it supports.' })
  providers(@Ctx() ctx: Context): ProviderStatus[] {
    return ctx.gateway.providers.status();
  }

  @Query(() => ProviderAccount, { description: 'Account-wide features at a provider, read from its API (VoIP Innovations: its conference line); UNSUPPORTED_BY_PROVIDER elsewhere.' })
  providerAccount(@Arg('provider', () => Provider, { description: 'The provider.' }) provider: ProviderName, @Ctx() ctx: Context) {
    return query(() => ctx.gateway.providers.account(provider));
  }

  @Query(() => Reconciliation, { nullable: true, description: 'The last completed reconciliation run (what it compared, found and changed); null before the first.' })
  async reconciliation(@Ctx() ctx: Context) {
    const last = await ctx.gateway.reconciliation.last();
    return last && presentReconciliation(last);
  }

  @Query(() => AvailableNumberConnection, {
    description:
      'Numbers in stock: at one provider (AVANSER stock search, VoIP Innovations getDIDs), or, without `provider`, at every provider selling in `filter.country` (AU: AVANSER; US: VoIP Innovations), searched in parallel and merged; `sources` says which answered.',
  })
  availableNumbers(
    @Arg('provider', () => Provider, { nullable: true, description: 'One provider; none: every provider selling in filter.country.' }) provider: ProviderName | undefined,
    @Arg('filter', () => NumberSearchInput, { defaultValue: {}, description: 'Search criteria; each provider takes some of them (others answer UNSUPPORTED_FILTER).' }) filter: NumberSearchInput,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return query(async () => {
      if (!provider) {
        const { sources, ...found } = await ctx.gateway.numbers.searchAll(filter, pageRequest(page));
        return { ...connection(found, presentNumber), sources };
      }
      return { ...connection(await ctx.gateway.numbers.search(provider, filter, pageRequest(page)), presentNumber), sources: [{ provider, ok: true }] };
    });
  }

  @Query(() => NumberCountResult, { description: 'How many numbers are available, grouped (VoIP Innovations getDIDCount).' })
  async availableNumberCount(
    @Arg('provider', () => Provider, { description: 'The provider to count at.' }) provider: ProviderName,
    @Arg('filter', () => NumberSearchInput, { defaultValue: {}, description: 'Search criteria, as for availableNumbers.' }) filter: NumberSearchInput,
    @Arg('groupBy', () => NumberCountGrouping, { defaultValue: 'STATE', description: 'How to group the counts.' }) groupBy: Grouping,
    @Ctx() ctx: Context,
  ): Promise<NumberCountResult> {
    return query(() => ctx.gateway.numbers.count(provider, filter, groupBy));
  }

  @Query(() => [NumberType], { description: 'The number types a Delacon region offers (cached: they rarely change).' })
  numberTypes(
    @Arg('region', () => DelaconRegion, { description: 'The Delacon region.' }) region: string,
    @Arg('provider', () => Provider, { defaultValue: 'DELACON', description: 'The provider (only Delacon has number types).' }) provider: ProviderName,
    @Ctx() ctx: Context,
  ) {
    return query(() => ctx.gateway.numbers.types(provider, region));
  }

  @Query(() => PhoneNumberConnection, {
    description:
      'Numbers we own. With `filter` (no `provider`): every number the gateway keeps, across providers, filtered and ordered. With `provider`: that provider’s own list where it has one (VoIP Innovations auditDIDs), else the gateway’s records.',
  })
  async numbers(
    @Arg('provider', () => Provider, { nullable: true, description: 'One provider’s own list (see above); filter.provider filters the inventory instead.' }) provider: ProviderName | undefined,
    @Arg('filter', () => NumberFilter, { defaultValue: {}, description: 'Which numbers of the inventory (all when empty).' }) filter: NumberFilter,
    @Arg('orderBy', () => NumberOrder, { defaultValue: { field: 'ADDED', direction: 'DESC' }, description: 'Newest first unless told.' }) orderBy: NumberOrder,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return query(async () => {
      if (provider) return connection(await ctx.gateway.numbers.owned(provider, pageRequest(page)), presentNumber);
      const { serviceId, ...rest } = filter;
      const service = serviceId === undefined ? undefined : serviceOf(serviceId);
      if (service && rest.provider && rest.provider !== service.provider) throw badUserInput('filter.serviceId', `the service is at ${service.provider}, not at filter.provider ${rest.provider}`);
      const criteria = { ...rest, provider: service?.provider ?? rest.provider, serviceRef: service?.ref };
      return connection(await ctx.gateway.numbers.inventory(criteria, { ...orderBy }, pageRequest(page)), presentNumber);
    });
  }

  @Query(() => PhoneNumber, { nullable: true, description: 'One number at a provider (VoIP Innovations queryDID; else the gateway’s records).' })
  async number(@Arg('provider', () => Provider, { description: 'The provider.' }) provider: ProviderName, @Arg('e164', () => E164Scalar, { description: 'The number.' }) e164: string, @Ctx() ctx: Context) {
    const n = await query(() => ctx.gateway.numbers.one(provider, e164));
    return n ? presentNumber(n) : null;
  }

  @Query(() => [Portability], { description: 'Can these numbers be ported in? Several numbers are checked in one batch.' })
  portability(@Arg('provider', () => Provider, { description: 'The provider to port to.' }) provider: ProviderName, @Arg('numbers', () => [E164Scalar], { description: atMost('Query.portability(numbers:)', 100) }) numbers: string[], @Ctx() ctx: Context) {
    return query(() => ctx.gateway.numbers.portability(provider, numbers, ctx.loaders.portability(provider)));
  }

  @Query(() => PortDetails, { nullable: true, description: 'A port-in request (VoIP Innovations getPortDetails).' })
  portDetails(@Arg('provider', () => Provider, { description: 'The provider.' }) provider: ProviderName, @Arg('portId', () => Int, { description: 'The port request’s id at the provider.' }) portId: number, @Ctx() ctx: Context) {
    return query(() => ctx.gateway.numbers.portDetails(provider, portId));
  }

  @Query(() => OrderConnection, { description: 'Orders placed through the gateway, newest first.' })
  async orders(@Arg('filter', () => OrderFilter, { defaultValue: {}, description: 'Which orders; none: all.' }) filter: OrderFilter, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return connection(await ctx.gateway.orders.list(filter, pageRequest(page)), presentOrder);
  }

  @Query(() => Order, { nullable: true, description: 'One order by id (null when unknown).' })
  async order(@Arg('id', () => ID, { description: 'The order’s global id.' }) id: string, @Ctx() ctx: Context): Promise<Order | null> {
    const decoded = fromGlobalId(id);
    if (decoded?.type !== 'Order') return null;
    const o = await ctx.loaders.order.load(decoded.key);
    return o ? presentOrder(o) : null;
  }

  @Query(() => ServiceConnection, { description: 'Services at a provider: listed by the provider where it can (AVANSER, VoIP Innovations), else those the gateway knows.' })
  async services(@Arg('provider', () => Provider, { nullable: true, description: 'The provider; none: every service the gateway knows.' }) provider: ProviderName | undefined, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return query(async () => connection(await ctx.gateway.services.list(provider, pageRequest(page)), presentService));
  }

  @Query(() => Service, { nullable: true, description: 'A service by provider and its key (Delacon company id, AVANSER service number, VoIP Innovations DID).' })
  async service(@Arg('provider', () => Provider, { description: 'The provider.' }) provider: ProviderName, @Arg('serviceRef', () => String, { description: 'The provider’s key of the service.' }) serviceRef: string, @Ctx() ctx: Context) {
    const s = await query(() => ctx.gateway.services.one(provider, serviceRef));
    return s ? presentService(s) : null;
  }

  @Query(() => AllocationConnection, { description: 'GreenVN allocations made through the gateway, newest first; active ones are refreshed from Exotel when stale.' })
  async allocations(@Arg('filter', () => AllocationFilter, { defaultValue: {}, description: 'Which allocations; none: all.' }) filter: AllocationFilter, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return connection(await ctx.gateway.allocations.list(filter, pageRequest(page)), presentAllocation);
  }

  @Query(() => Allocation, { nullable: true, description: 'One allocation by id, refreshed from Exotel when stale (null when unknown).' })
  async allocation(@Arg('id', () => ID, { description: 'The allocation’s global id.' }) id: string, @Ctx() ctx: Context) {
    const decoded = fromGlobalId(id);
    if (decoded?.type !== 'Allocation') return null;
    const { provider, ref } = splitProviderKey(decoded.key);
    const a = await ctx.gateway.allocations.one(provider as ProviderName, ref);
    return a ? presentAllocation(a) : null;
  }

  @Query(() => CallEventConnection, { description: 'Calls received through provider webhooks, newest start first unless orderBy says otherwise.' })
  async callEvents(
    @Arg('filter', () => CallEventFilter, { defaultValue: {}, description: 'Which calls; none: all.' }) filter: CallEventFilter,
    @Arg('orderBy', () => CallEventOrder, { defaultValue: { field: 'STARTED_AT', direction: 'DESC' }, description: 'Newest start first unless told.' }) orderBy: CallEventOrder,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return connection(await ctx.gateway.calls.list(callFilter(filter), orderBy, pageRequest(page)), presentCall);
  }

  @Query(() => WebhookReceiptConnection, { description: 'Operators (the `admin` scope): webhook deliveries as the gateway kept them, newest first, with what became of each.' })
  @Extensions({ scope: 'admin' })
  async webhookReceipts(@Arg('filter', () => WebhookReceiptFilter, { defaultValue: {}, description: 'Which receipts (all when empty).' }) filter: WebhookReceiptFilter, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const { provider, status, receivedAfter, receivedBefore } = filter;
    const range = { receivedAfter: receivedAfter?.toISOString(), receivedBefore: receivedBefore?.toISOString() };
    return connection(await ctx.gateway.receipts.list({ provider, status: status?.toLowerCase(), ...range }, pageRequest(page)), presentReceipt);
  }

  @Query(() => CallEvent, { nullable: true, description: 'One call by id (null when unknown).' })
  async callEvent(@Arg('id', () => ID, { description: 'The call’s global id.' }) id: string, @Ctx() ctx: Context): Promise<CallEvent | null> {
    const decoded = fromGlobalId(id);
    if (decoded?.type !== 'CallEvent') return null;
    const [c] = await ctx.gateway.calls.byIds([decoded.key]);
    return c ? presentCall(c) : null;
  }
}

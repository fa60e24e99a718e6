import { Arg, Args, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import type { NumberCountGrouping as Grouping } from '../datasources/provider.js';
import { PROVIDERS, type ProviderName } from '../domain/model.js';
import { BusinessError, GatewayError } from '../errors.js';
import { Allocation, AllocationConnection } from '../types/allocation.js';
import { CallEvent, CallEventConnection } from '../types/call-event.js';
import { PageArgs } from '../types/connection.js';
import { DelaconRegion } from '../datasources/delacon/inputs.js';
import { NumberCountGrouping, Provider } from '../types/enums.js';
import { AllocationFilter, CallEventFilter, NumberSearchInput, OrderFilter } from '../types/inputs.js';
import { Node, fromGlobalId, splitProviderKey } from '../types/node.js';
import { Order, OrderConnection } from '../types/order.js';
import { NumberCountResult, NumberType, PhoneNumber, PhoneNumberConnection, Portability, PortDetails } from '../types/phone-number.js';
import { presentAllocation, presentCall, presentNumber, presentOrder, presentService } from '../types/present.js';
import { ProviderStatus } from '../types/provider.js';
import { atMost } from '../types/lists.js';
import { E164Scalar } from '../types/scalars.js';
import { Service, ServiceConnection } from '../types/service.js';
import { tryE164 } from '../domain/phone.js';
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

  @Query(() => PhoneNumberConnection, { description: 'Numbers in stock at a provider (AVANSER stock search, VoIP Innovations getDIDs).' })
  availableNumbers(
    @Arg('provider', () => Provider, { description: 'The provider to search.' }) provider: ProviderName,
    @Arg('filter', () => NumberSearchInput, { defaultValue: {}, description: 'Search criteria; each provider takes some of them (others answer UNSUPPORTED_FILTER).' }) filter: NumberSearchInput,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return query(async () => connection(await ctx.gateway.numbers.search(provider, filter, pageRequest(page)), presentNumber));
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
    description: 'Numbers we own at a provider: from the provider where it can list them (VoIP Innovations auditDIDs), else those provisioned through the gateway.',
  })
  async numbers(@Arg('provider', () => Provider, { description: 'The provider.' }) provider: ProviderName, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return query(async () => connection(await ctx.gateway.numbers.owned(provider, pageRequest(page)), presentNumber));
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

  @Query(() => CallEventConnection, { description: 'Calls received through provider webhooks, newest first.' })
  async callEvents(@Arg('filter', () => CallEventFilter, { defaultValue: {}, description: 'Which calls; none: all.' }) filter: CallEventFilter, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return connection(await ctx.gateway.calls.list(callFilter(filter), pageRequest(page)), presentCall);
  }

  @Query(() => CallEvent, { nullable: true, description: 'One call by id (null when unknown).' })
  async callEvent(@Arg('id', () => ID, { description: 'The call’s global id.' }) id: string, @Ctx() ctx: Context): Promise<CallEvent | null> {
    const decoded = fromGlobalId(id);
    if (decoded?.type !== 'CallEvent') return null;
    const [c] = await ctx.gateway.calls.byIds([decoded.key]);
    return c ? presentCall(c) : null;
  }
}

/** Links between objects, resolved through the per-request DataLoaders (no N+1). */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import type { PhoneNumberRecord, ProviderName } from '../domain/model.js';
import { Allocation } from '../types/allocation.js';
import { CallEvent } from '../types/call-event.js';
import { Order } from '../types/order.js';
import { PhoneNumber } from '../types/phone-number.js';
import { presentAllocation, presentCall, presentNumber, presentOrder, presentService } from '../types/present.js';
import { Service } from '../types/service.js';

async function serviceOf(ctx: Context, provider: string, serviceRef: string | undefined) {
  if (!serviceRef) return null;
  const s = await ctx.loaders.service.load({ provider: provider as ProviderName, providerRef: serviceRef });
  return s ? presentService(s) : null;
}

@Resolver(() => CallEvent)
export class CallEventRelations {
  @FieldResolver(() => PhoneNumber, { nullable: true, description: 'The dialled number, when the gateway knows it.' })
  async number(@Root() call: CallEvent, @Ctx() ctx: Context) {
    const n = call.to ? await ctx.loaders.number.load(call.to) : null;
    return n ? presentNumber(n) : null;
  }

  @FieldResolver(() => Service, { nullable: true, description: 'The service the call came through, when the gateway knows it.' })
  service(@Root() call: CallEvent, @Ctx() ctx: Context) {
    return serviceOf(ctx, call.provider, call.serviceRef);
  }

  @FieldResolver(() => Allocation, { nullable: true, description: 'The GreenVN allocation the call went through.' })
  async allocation(@Root() call: CallEvent, @Ctx() ctx: Context) {
    if (!call.allocationRef) return null;
    const a = await ctx.loaders.allocation.load({ provider: call.provider as ProviderName, providerRef: call.allocationRef });
    return a ? presentAllocation(a) : null;
  }
}

@Resolver(() => Allocation)
export class AllocationRelations {
  @FieldResolver(() => [CallEvent], { description: 'Calls through this allocation, newest first.' })
  async calls(@Root() a: Allocation, @Ctx() ctx: Context) {
    return (await ctx.loaders.callsOfAllocation.load({ provider: a.provider as ProviderName, providerRef: a.providerRef })).map(presentCall);
  }
}

@Resolver(() => Order)
export class OrderRelations {
  @FieldResolver(() => Service, { nullable: true, description: 'The service (Delacon company, AVANSER service) the order belongs to.' })
  service(@Root() o: Order, @Ctx() ctx: Context) {
    return serviceOf(ctx, o.provider, o.serviceRef);
  }
}

@Resolver(() => PhoneNumber)
export class PhoneNumberRelations {
  @FieldResolver(() => Service, { nullable: true, description: 'The service the number belongs to, when the gateway knows it.' })
  service(@Root() n: PhoneNumberRecord, @Ctx() ctx: Context) {
    return serviceOf(ctx, n.provider, n.serviceRef);
  }

  @FieldResolver(() => Order, { nullable: true, description: 'The order that provisioned it through the gateway.' })
  async order(@Root() n: PhoneNumberRecord, @Ctx() ctx: Context) {
    const o = n.orderId ? await ctx.loaders.order.load(n.orderId) : null;
    return o ? presentOrder(o) : null;
  }
}

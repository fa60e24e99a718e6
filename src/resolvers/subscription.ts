import { Arg, Resolver, Root, Subscription } from 'type-graphql';
import { callMatches } from '../domain/calls.js';
import type { AllocationEventRecord, CallEventRecord, OrderRecord, PhoneNumberRecord } from '../domain/model.js';
import { Topic } from '../pubsub/bus.js';
import { AllocationEvent } from '../types/allocation.js';
import { CallEvent } from '../types/call-event.js';
import { AllocationEventFilter, CallEventFilter, NumberUpdateFilter, OrderFilter } from '../types/inputs.js';
import { fromGlobalId, splitProviderKey } from '../types/node.js';
import { Order } from '../types/order.js';
import { PhoneNumber } from '../types/phone-number.js';
import { presentCall, presentNumber, presentOrder } from '../types/present.js';
import { callFilter } from './filters.js';

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => CallEvent, {
    topics: Topic.CALL_EVENT,
    filter: ({ payload, args }: { payload: CallEventRecord; args: { filter?: CallEventFilter } }) => callMatches(payload, callFilter(args.filter ?? {})),
    description: 'Calls as they happen, from every provider’s webhooks: each update of a call (start, end) arrives as the merged CallEvent.',
  })
  callEvents(@Root() call: CallEventRecord, @Arg('filter', () => CallEventFilter, { nullable: true, description: 'Which calls; none: all.' }) _filter?: CallEventFilter): CallEvent {
    return presentCall(call);
  }

  @Subscription(() => Order, {
    topics: Topic.ORDER_UPDATED,
    filter: ({ payload, args }: { payload: OrderRecord; args: { filter?: OrderFilter } }) => {
      const f = args.filter ?? {};
      const id = f.orderId ? fromGlobalId(f.orderId) : undefined;
      return (!f.provider || payload.provider === f.provider) && (!f.status || payload.status === f.status) && (!f.orderId || (id?.type === 'Order' && id.key === payload.id));
    },
    description: 'Orders as they are placed and settled (e.g. a Delacon WAIT order completed by its Post Provisioning Response).',
  })
  orderUpdated(@Root() order: OrderRecord, @Arg('filter', () => OrderFilter, { nullable: true, description: 'Which orders; none: all.' }) _filter?: OrderFilter): Order {
    return presentOrder(order);
  }

  @Subscription(() => AllocationEvent, {
    topics: Topic.ALLOCATION_EVENT,
    filter: ({ payload, args }: { payload: AllocationEventRecord; args: { filter?: AllocationEventFilter } }) => {
      const f = args.filter ?? {};
      const id = f.allocationId ? fromGlobalId(f.allocationId) : undefined;
      const ref = id?.type === 'Allocation' ? splitProviderKey(id.key) : undefined;
      return (
        (!f.provider || payload.provider === f.provider) &&
        (!f.kinds?.length || f.kinds.includes(payload.kind)) &&
        (!f.allocationId || (ref !== undefined && ref.provider === payload.provider && ref.ref === payload.allocationRef))
      );
    },
    description: 'Things that happen to allocations: deallocated (by policy or by you), callers verified by PIN, failed verifications.',
  })
  allocationEvents(@Root() event: AllocationEventRecord, @Arg('filter', () => AllocationEventFilter, { nullable: true, description: 'Which events; none: all.' }) _filter?: AllocationEventFilter): AllocationEvent {
    return event;
  }

  @Subscription(() => PhoneNumber, {
    topics: Topic.NUMBER_UPDATED,
    filter: ({ payload, args }: { payload: PhoneNumberRecord; args: { filter?: NumberUpdateFilter } }) => {
      const f = args.filter ?? {};
      return (!f.provider || payload.provider === f.provider) && (!f.e164 || payload.e164 === f.e164) && (!f.status || payload.status === f.status);
    },
    description:
      'Numbers whose stored state changed: ordered (PENDING), settled with their order (ACTIVE or RELEASED), reserved, released, or found changed at the provider by reconciliation.',
  })
  numberUpdated(@Root() number: PhoneNumberRecord, @Arg('filter', () => NumberUpdateFilter, { nullable: true, description: 'Which numbers; none: all.' }) _filter?: NumberUpdateFilter): PhoneNumber {
    return presentNumber(number);
  }
}

import { Arg, Ctx, Extensions, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { AllocateGreenVNInput, DeallocateGreenVNInput, ReassignGreenVNInput, UpdateAllocationPartiesInput } from '../datasources/exotel/inputs.js';
import { NumbersInput, ProvisionNumbersInput, ReplayWebhookReceiptInput, SimulateIncomingCallInput, UpdateServiceInput } from '../types/inputs.js';
import { AllocationPayload, NumbersPayload, ProvisionNumbersPayload, ReplayWebhookReceiptPayload, SimulateIncomingCallPayload, UpdateServicePayload } from '../types/payloads.js';
import { presentAllocation, presentOrder, presentReceipt, presentService } from '../types/present.js';
import { receiptNumber } from '../types/webhook-receipt.js';
import { BusinessError, ErrorCode } from '../errors.js';
import { mutation, providerRefOf, toUserErrors } from './support.js';

/** Mutations need the `write` scope: checked before execution (src/server/auth.ts). */
@Resolver()
export class MutationResolver {
  @Mutation(() => ProvisionNumbersPayload, {
    description:
      'Provision numbers at a provider, or with provider AUTO at one that sells in `country` and has the stock, falling back to the next on NO_NUMBER_AVAILABLE (`provider` and `routing` say which and why). Delacon: a new customer or more numbers for a company (OK → COMPLETED, WAIT → PENDING until confirmed). AVANSER: one request per number, PENDING until confirmed. VoIP Innovations: reserve then assign each number, reported per number.',
  })
  provisionNumbers(@Arg('input', () => ProvisionNumbersInput, { description: 'What to provision, with the provider’s own block.' }) input: ProvisionNumbersInput, @Ctx() ctx: Context) {
    return mutation<ProvisionNumbersPayload>(ctx, 'provisionNumbers', input, { orders: [], numbers: [], routing: [] }, async (key) => {
      const { idempotencyKey: _k, ...request } = input;
      const r = await ctx.gateway.orders.route(request, key);
      return { provider: r.provider, routing: r.routing, orders: r.result?.orders.map(presentOrder) ?? [], numbers: r.result?.numbers ?? [], userErrors: (r.refused && toUserErrors(r.refused)) ?? [] };
    });
  }

  @Mutation(() => NumbersPayload, { description: 'Hold numbers for a while (VoIP Innovations: 30 minutes); the expiry is shown per number.' })
  reserveNumbers(@Arg('input', () => NumbersInput, { description: 'The numbers to hold.' }) input: NumbersInput, @Ctx() ctx: Context) {
    return mutation<NumbersPayload>(ctx, 'reserveNumbers', input, { numbers: [] }, async (key) => ({ numbers: await ctx.gateway.numbers.reserve(input.provider, input.numbers, key) }));
  }

  @Mutation(() => NumbersPayload, { description: 'Give numbers back to the provider.' })
  releaseNumbers(@Arg('input', () => NumbersInput, { description: 'The numbers to give back.' }) input: NumbersInput, @Ctx() ctx: Context) {
    return mutation<NumbersPayload>(ctx, 'releaseNumbers', input, { numbers: [] }, async () => ({ numbers: await ctx.gateway.numbers.release(input.provider, input.numbers) }));
  }

  @Mutation(() => UpdateServicePayload, {
    description: 'Change a service. The gateway splits the update into the upstream calls it needs and reports each part; asynchronous providers return a PENDING order.',
  })
  updateService(@Arg('input', () => UpdateServiceInput, { description: 'The service and what to change, in the provider’s own block.' }) input: UpdateServiceInput, @Ctx() ctx: Context) {
    return mutation<UpdateServicePayload>(ctx, 'updateService', input, { parts: [] }, async () => {
      const r = await ctx.gateway.services.update(input);
      return { service: r.service && presentService(r.service), order: r.order && presentOrder(r.order), parts: r.parts, userErrors: r.refused };
    });
  }

  @Mutation(() => AllocationPayload, { description: 'Bridge a-party and b-party numbers through a masked GreenVN (Exotel).' })
  allocateGreenVN(@Arg('input', () => AllocateGreenVNInput, { description: 'The parties and the allocation’s settings.' }) input: AllocateGreenVNInput, @Ctx() ctx: Context) {
    return mutation<AllocationPayload>(ctx, 'allocateGreenVN', input, {}, async (key) => {
      const { idempotencyKey: _k, ...request } = input;
      return { allocation: presentAllocation(await ctx.gateway.allocations.allocate('EXOTEL', request, key)) };
    });
  }

  @Mutation(() => AllocationPayload, { description: 'Change the parties, PINs or usage of an active allocation.' })
  updateAllocationParties(@Arg('input', () => UpdateAllocationPartiesInput, { description: 'The allocation and its new parties.' }) input: UpdateAllocationPartiesInput, @Ctx() ctx: Context) {
    return mutation<AllocationPayload>(ctx, 'updateAllocationParties', input, {}, async () => {
      const { allocationId, idempotencyKey: _k, ...request } = input;
      const { provider, ref } = providerRefOf(allocationId, 'Allocation', 'allocationId');
      return { allocation: presentAllocation(await ctx.gateway.allocations.updateParties(provider, ref, request)) };
    });
  }

  @Mutation(() => AllocationPayload, { description: 'Move an active allocation to another GreenVN.' })
  reassignGreenVN(@Arg('input', () => ReassignGreenVNInput, { description: 'The allocation and the GreenVN wanted.' }) input: ReassignGreenVNInput, @Ctx() ctx: Context) {
    return mutation<AllocationPayload>(ctx, 'reassignGreenVN', input, {}, async () => {
      const { allocationId, idempotencyKey: _k, ...request } = input;
      const { provider, ref } = providerRefOf(allocationId, 'Allocation', 'allocationId');
      return { allocation: presentAllocation(await ctx.gateway.allocations.reassign(provider, ref, request)) };
    });
  }

  @Mutation(() => AllocationPayload, { description: 'End an allocation now (Exotel sends no deallocation callback for this).' })
  deallocateGreenVN(@Arg('input', () => DeallocateGreenVNInput, { description: 'The allocation to end.' }) input: DeallocateGreenVNInput, @Ctx() ctx: Context) {
    return mutation<AllocationPayload>(ctx, 'deallocateGreenVN', input, {}, async () => {
      const { provider, ref } = providerRefOf(input.allocationId, 'Allocation', 'allocationId');
      return { allocation: presentAllocation(await ctx.gateway.allocations.deallocate(provider, ref)) };
    });
  }

  @Mutation(() => ReplayWebhookReceiptPayload, {
    description:
      'Operators (the `admin` scope): apply an UNMATCHED, REJECTED or FAILED webhook receipt again from its stored bytes, as if it had just arrived, once its cause is fixed. Refused (NOT_PERMITTED) when its event was applied already, by it or another delivery: an event is never applied twice.',
  })
  @Extensions({ scope: 'admin' })
  replayWebhookReceipt(@Arg('input', () => ReplayWebhookReceiptInput, { description: 'The receipt to apply again.' }) input: ReplayWebhookReceiptInput, @Ctx() ctx: Context) {
    return mutation<ReplayWebhookReceiptPayload>(ctx, 'replayWebhookReceipt', input, {}, async () => {
      const n = receiptNumber(input.id);
      if (n === null) throw new BusinessError(ErrorCode.VALIDATION_FAILED, `"${input.id}" is not a WebhookReceipt id`, ['input', 'id']);
      return { receipt: presentReceipt(await ctx.gateway.receipts.replay(n)) };
    });
  }

  @Mutation(() => SimulateIncomingCallPayload, {
    description: 'Sandbox only: the simulator that owns `to` places a call and sends its provider’s real webhooks; the CallEvent arrives on callEvents.',
  })
  simulateIncomingCall(@Arg('input', () => SimulateIncomingCallInput, { description: 'The call to place.' }) input: SimulateIncomingCallInput, @Ctx() ctx: Context) {
    return mutation<SimulateIncomingCallPayload>(ctx, 'simulateIncomingCall', {}, {}, async () => {
      const call = await ctx.gateway.calls.simulateIncoming(input);
      return { provider: call.provider, providerCallId: call.providerCallId };
    });
  }
}

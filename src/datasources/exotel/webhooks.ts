/**
 * Exotel Lead Assist callbacks (README: Documented and inferred). Their URLs are account
 * settings at Exotel: `greencall_complete_event_endpoint` → /calls,
 * `deallocation_callback_event_endpoint` → /deallocations, `verified_caller_event_endpoint`
 * and `failed_verification_event_endpoint` → /verifications (the two shapes are told apart by
 * their fields).
 */
import type { AllocationEventRecord, CallEventPatch, CallEventRecord, E164, IsoDateTime } from '../../domain/model.js';
import { cappedId, eventId, WebhookPayloadError, type WebhookRequest, type WebhookResult, type WebhookReply, type WebhookRoute } from '../../webhooks/route.js';
import { e164Of, exotelTime, isObject, joinParty, toCallPatch } from './mapping.js';
import type { ExotelSettings } from './module.js';

/** Exotel documents no reply format; any 2xx is taken as accepted. */
function reply(result: WebhookResult<unknown, unknown>): WebhookReply {
  return result.ok ? { status: 200, body: { status: 'ok' } } : { status: result.status, body: { status: 'error', reason: result.reason } };
}

/**
 * Longest ids kept: Exotel's `call_sid` is 32 hex digits and `greenvn_id` a UUID; a
 * `connection_id` is whatever the allocation was made with (ours: `sb-<uuid>`); PINs are 4 digits.
 */
export const MAX_LENGTH = { call_sid: 64, greenvn_id: 64, connection_id: 255, pin: 16 } as const;

function objectBody(req: WebhookRequest): Record<string, unknown> {
  const body = isObject(req.body) ? req.body : undefined;
  if (!body) throw new WebhookPayloadError('expected a JSON object');
  return body;
}

function text(body: Record<string, unknown>, field: keyof typeof MAX_LENGTH): string {
  const v = optionalText(body, field);
  if (v === undefined || v.trim() === '') throw new WebhookPayloadError(`${field} is missing`);
  return v;
}

function optionalText(body: Record<string, unknown>, field: keyof typeof MAX_LENGTH): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' && typeof v !== 'number') throw new WebhookPayloadError(`${field} must be a string`);
  return cappedId(String(v), field, MAX_LENGTH[field]);
}

export interface DeallocationPayload {
  allocationRef: string;
  greenVN?: E164;
  raw: Record<string, unknown>;
}

export type VerificationPayload =
  | { kind: 'CALLER_VERIFIED'; allocationRef: string; connectionId?: string; greenVN?: E164; caller: E164; pin: string; raw: Record<string, unknown> }
  | { kind: 'VERIFICATION_FAILED'; callSid: string; greenVN?: E164; caller?: E164; pin?: string; at?: IsoDateTime; raw: Record<string, unknown> };

const deallocationKey = (p: DeallocationPayload) => `deallocated:${p.allocationRef}`;
const verificationKey = (p: VerificationPayload) => (p.kind === 'CALLER_VERIFIED' ? `verified:${p.allocationRef}:${p.caller}:${p.pin}` : `failed:${p.callSid}`);

/**
 * Deallocations and verifications of an allocation the gateway does not hold return null
 * (unmatched): nothing is published, and a redelivery is applied rather than taken for a
 * duplicate. Calls are stored whatever their allocation: a call happened either way.
 */
export function webhookRoutes({ timezone }: Pick<ExotelSettings, 'timezone'>): WebhookRoute<any, any>[] {
  const calls: WebhookRoute<CallEventPatch, CallEventRecord> = {
    event: 'calls',
    methods: ['POST'],
    read(req) {
      const body = objectBody(req);
      text(body, 'call_sid');
      optionalText(body, 'greenvn_id');
      return toCallPatch(body, timezone);
    },
    eventKey: (patch) => patch.providerCallId,
    apply: (patch, effects) => effects.recordCall(patch),
    reply,
  };

  const deallocations: WebhookRoute<DeallocationPayload, AllocationEventRecord> = {
    event: 'deallocations',
    methods: ['POST'],
    read(req) {
      const raw = objectBody(req);
      return { allocationRef: text(raw, 'greenvn_id'), greenVN: e164Of(raw.greenvn ?? raw.green_vn), raw };
    },
    eventKey: deallocationKey,
    async apply(p, effects) {
      const stored = await effects.findAllocation('EXOTEL', { providerRef: p.allocationRef });
      if (!stored) return null;
      const now = new Date().toISOString();
      return effects.allocationEvent(
        { id: eventId(`EXOTEL/deallocations/${deallocationKey(p)}`), provider: 'EXOTEL', kind: 'DEALLOCATED', allocationRef: p.allocationRef, greenVN: p.greenVN, raw: p.raw },
        { ...stored, state: 'DEALLOCATED', updatedAt: now, refreshedAt: now },
      );
    },
    reply,
  };

  const verifications: WebhookRoute<VerificationPayload, AllocationEventRecord> = {
    event: 'verifications',
    methods: ['POST'],
    read(req) {
      const raw = objectBody(req);
      const greenVN = e164Of(raw.greenvn);
      // Only the success event names the allocation; the failure names the call.
      if (raw.greenvn_id !== undefined || raw.connection_id !== undefined) {
        const caller = e164Of(raw.caller);
        if (!caller) throw new WebhookPayloadError('caller is not a phone number');
        const connectionId = optionalText(raw, 'connection_id');
        return { kind: 'CALLER_VERIFIED', allocationRef: text(raw, 'greenvn_id'), connectionId, greenVN, caller, pin: text(raw, 'pin'), raw };
      }
      const pin = optionalText(raw, 'pin');
      return { kind: 'VERIFICATION_FAILED', callSid: text(raw, 'call_sid'), greenVN, caller: e164Of(raw.caller), pin, at: exotelTime(raw.start_time, timezone), raw };
    },
    eventKey: verificationKey,
    async apply(p, effects) {
      const id = eventId(`EXOTEL/verifications/${verificationKey(p)}`);
      if (p.kind === 'VERIFICATION_FAILED') {
        // The failure names no allocation: the active one holding the GreenVN is it.
        const allocation = p.greenVN ? await effects.findAllocation('EXOTEL', { greenVN: p.greenVN }) : null;
        if (!allocation) return null;
        return effects.allocationEvent({
          id,
          provider: 'EXOTEL',
          kind: p.kind,
          allocationRef: allocation.providerRef,
          greenVN: p.greenVN,
          caller: p.caller,
          pin: p.pin,
          providerCallId: p.callSid,
          at: p.at,
          raw: p.raw,
        });
      }
      const stored = await effects.findAllocation('EXOTEL', { providerRef: p.allocationRef, connectionId: p.connectionId });
      if (!stored) return null;
      const update = joinParty(stored, p.caller, Number(p.pin), new Date().toISOString());
      return effects.allocationEvent({ id, provider: 'EXOTEL', kind: p.kind, allocationRef: p.allocationRef, greenVN: p.greenVN, caller: p.caller, pin: p.pin, raw: p.raw }, update);
    },
    reply,
  };

  return [calls, deallocations, verifications];
}

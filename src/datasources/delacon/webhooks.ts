/**
 * Delacon's two pushes: Live Call Data Push (call start and call end on one route) and the
 * Post Provisioning Response that settles orders Delacon answered WAIT.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import type { CallEventRecord, OrderRecord } from '../../domain/model.js';
import { tryE164 } from '../../domain/phone.js';
import { cappedId, WebhookPayloadError, type WebhookEffects, type WebhookRequest, type WebhookResult, type WebhookRoute } from '../../webhooks/route.js';
import { callPatch, callPhase, countryOf, provisionedBy, REGIONS, waitOrderResult, type CallContext, type CallPhase } from './mapping.js';

export interface CallPush {
  phase: CallPhase;
  callId: string;
  /** Trimmed string values. */
  fields: Record<string, string>;
  /** The payload as received. */
  raw: Record<string, unknown>;
}

export interface ProvisioningResponse {
  orderId: string;
  result: 'OK' | 'FAIL';
  message?: string;
  /** The company and the national numbers the response names (fields or `Message`), when it names them. */
  cid?: string;
  numbers?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON, leniently: the vendor's own sample ends its object with a trailing comma. */
function lenientJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(/,(\s*[}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

/** The body as an object: what the router parsed, else our own reading of the raw text. */
function bodyOf(request: WebhookRequest, formAllowed: boolean): Record<string, unknown> {
  if (isRecord(request.body)) return request.body;
  const text = request.rawBody.trim();
  if (!text) throw new WebhookPayloadError('the body is empty');
  const looksJson = /^[[{]/.test(text);
  const json = looksJson ? lenientJson(text) : undefined;
  if (isRecord(json)) return json;
  if (formAllowed && !looksJson) return Object.fromEntries(new URLSearchParams(text));
  throw new WebhookPayloadError('the body is not a JSON object');
}

/** All Delacon values are strings; numbers and booleans are tolerated. */
function stringFields(body: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = String(value).trim();
  }
  return fields;
}

/** Longest id kept (`PLA_Call_Id`, `PLA_CID`, `OrderID`): Delacon's are short numbers ("1122334", "999", "53"). */
export const MAX_ID_LENGTH = 64;

/** The call id of a push, when it is there and within the cap. */
function callIdOf(fields: Record<string, string>): string | undefined {
  const id = fields.PLA_Call_Id;
  return id && id.length <= MAX_ID_LENGTH ? id : undefined;
}

/** Field names case-insensitively: the response says `OrderID`, Create Customer says `OrderId`. */
function pick(body: Record<string, unknown>, name: string): string | undefined {
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : body[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
}

/** Delacon is an Australian company: a push the gateway can place nowhere is read as Australian. */
const FALLBACK_COUNTRY: CountryCode = 'AU';
const COUNTRIES = [...new Set(Object.values(REGIONS).map((r) => r.country))];

/**
 * Where a push belongs, by whichever record matches: PLA_CID as the id of a stored company
 * (whether the Delacon Service ID is the company id is not documented), else the tracking
 * number dialled as a stored Delacon number of any region, else the call's other push.
 */
async function contextOf(push: CallPush, effects: WebhookEffects): Promise<CallContext> {
  const { PLA_CID: cid, PLA_Number_Dialed: dialled } = push.fields;
  const [company, earlier] = await Promise.all([cid ? effects.findService('DELACON', cid) : null, effects.findCall('DELACON', push.callId)]);
  let country = (company?.country as CountryCode | undefined) ?? countryOf(earlier?.to);
  let serviceRef = company?.providerRef;
  if (!serviceRef && dialled) {
    const candidates = [...new Set(COUNTRIES.map((c) => tryE164(dialled, c)).filter((e): e is string => e !== undefined))];
    const number = (await effects.findNumbers(candidates)).find((n) => n.provider === 'DELACON');
    if (number) {
      serviceRef = number.serviceRef;
      country = countryOf(number.e164) ?? country;
    }
  }
  return { country: country ?? FALLBACK_COUNTRY, serviceRef, earlier: earlier ?? undefined };
}

/** Live Call Data Push (`calls`: start and end) and the Post Provisioning Response (`orders`). */
export function webhookRoutes(): WebhookRoute<any, any>[] {
  const calls: WebhookRoute<CallPush, CallEventRecord> = {
    event: 'calls',
    methods: ['POST'],
    read(request) {
      const raw = bodyOf(request, false);
      const fields = stringFields(raw);
      const callId = fields.PLA_Call_Id;
      if (!callId) throw new WebhookPayloadError('PLA_Call_Id is missing');
      cappedId(callId, 'PLA_Call_Id', MAX_ID_LENGTH);
      if (fields.PLA_CID) cappedId(fields.PLA_CID, 'PLA_CID', MAX_ID_LENGTH);
      const phase = callPhase(fields);
      if (!phase) throw new WebhookPayloadError('the payload is neither a call start nor a call end');
      return { phase, callId, fields, raw };
    },
    eventKey: (push) => `${push.callId}:${push.phase}`,
    apply: async (push, effects) => effects.recordCall(callPatch(push.phase, push.fields, push.raw, await contextOf(push, effects))),
    reply(result: WebhookResult<CallPush, CallEventRecord>) {
      if (result.ok) return { status: 200, body: { PLA_Call_Id: result.payload.callId, success: 'true', error: '' } };
      // Echo the call id whenever it could be read, even on a 503 (Delacon's receivers key on it).
      let callId = result.payload?.callId;
      if (!callId && result.request) {
        try {
          callId = callIdOf(stringFields(bodyOf(result.request, false)));
        } catch {
          // no readable body: no id to echo
        }
      }
      return { status: result.status, body: { PLA_Call_Id: callId ?? '', success: 'false', error: result.reason } };
    },
  };

  const orders: WebhookRoute<ProvisioningResponse, OrderRecord | null> = {
    event: 'orders',
    methods: ['POST'],
    read(request) {
      const body = bodyOf(request, true);
      const orderId = pick(body, 'OrderID');
      if (!orderId) throw new WebhookPayloadError('OrderID is missing');
      cappedId(orderId, 'OrderID', MAX_ID_LENGTH);
      const result = pick(body, 'Result')?.toUpperCase();
      if (result !== 'OK' && result !== 'FAIL') throw new WebhookPayloadError('Result must be OK or FAIL');
      const message = pick(body, 'Message') || undefined;
      const { cid, list } = provisionedBy({ CID: pick(body, 'CID'), Numbers: pick(body, 'Numbers'), Message: message });
      if (cid) cappedId(cid, 'CID', MAX_ID_LENGTH);
      return { orderId, result, message, cid, numbers: list };
    },
    eventKey: (response) => `${response.orderId}:${response.result}`,
    async apply(response, effects) {
      const { cid, numbers: list } = response;
      // An order for an existing company may not know its region: the stored company does.
      const company = cid ? await effects.findService('DELACON', cid) : null;
      const provisioned =
        cid && list
          ? (order: OrderRecord) => {
              const country = (order.country ?? company?.country ?? FALLBACK_COUNTRY) as CountryCode;
              const made = waitOrderResult(cid, list, country, response.orderId, new Date().toISOString());
              if (made.unreadable.length) effects.log.warn({ orderId: order.id, unreadable: made.unreadable, country }, 'Delacon numbers not readable in the order country');
              return made;
            }
          : undefined;
      return effects.settleOrder('DELACON', { providerRef: response.orderId }, response.result === 'OK' ? 'COMPLETED' : 'FAILED', response.message, {
        providerStatus: response.result,
        provisioned,
      });
    },
    reply(result) {
      if (!result.ok) return { status: result.status, body: { RESULT: 'FAIL', MESSAGE: result.reason } };
      // Not ACCEPTED, so Delacon tries again: the order may not be stored yet when its WAIT answer is still on its way.
      if (result.result === null && !result.duplicate) {
        return { status: 200, body: { RESULT: 'FAIL', MESSAGE: `order ${result.payload.orderId} is not known to this gateway` } };
      }
      return { status: 200, body: { RESULT: 'ACCEPTED' } };
    },
  };

  return [calls, orders];
}

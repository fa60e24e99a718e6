/**
 * AVANSER's two callbacks:
 * - `requests`: the confirmation of a service request or update. The vendor page shows a POST
 *   with a JSON body but also speaks of "HTTP GET callbacks", so both are read.
 * - `calls`: the Call-URI report, a GET whose query carries the call (appended to our URL).
 * AVANSER's expected reply is not documented: any 200 is taken as accepted.
 */
import type { CallEventPatch, CallEventRecord, E164, OrderRecord, OrderStatus } from '../../domain/model.js';
import { cappedId, WebhookPayloadError, type WebhookReply, type WebhookRequest, type WebhookResult, type WebhookRoute } from '../../webhooks/route.js';
import { callEventPatch, callStatusOf, orderStatusOf, serviceRecord, tryFromAvanser } from './mapping.js';

export interface AvanserConfirmation {
  requestId?: string;
  serviceNumber?: E164;
  status: OrderStatus;
  /** AVANSER's own word, part of the event's identity. */
  rawStatus: string;
  message?: string;
  answerPoint?: string;
  customId?: string;
  customGroup?: string;
  /** `account_id`: the AVANSER account the request was made on. */
  accountId?: string;
}

export interface AvanserCallReport {
  patch: CallEventPatch;
  /** False when neither `callstatus` nor `callcode` was recognised (the call is then FAILED). */
  statusKnown: boolean;
}

function reply(result: WebhookResult<unknown, unknown>): WebhookReply {
  return result.ok ? { status: 200, body: { ok: true } } : { status: result.status, body: { ok: false, error: result.reason } };
}

/** Longest id or status word kept: AVANSER's are short (`callid` 36012012, `uniqueid` ECS1-1497163757.20486, 40-hex `request_id`). */
export const MAX_ID_LENGTH = 64;

/** Query and body fields as strings; a body the router could not type is read as JSON, else as a form. */
function fieldsOf(req: WebhookRequest): Record<string, string> {
  let body = req.body;
  if (body === undefined && req.rawBody.trim()) {
    try {
      body = JSON.parse(req.rawBody);
    } catch {
      body = Object.fromEntries(new URLSearchParams(req.rawBody));
    }
  }
  const fields: Record<string, string> = { ...req.query };
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    for (const [k, v] of Object.entries(body)) if (v !== null && typeof v !== 'object') fields[k] = String(v);
  }
  return fields;
}

/** Request confirmations (`requests`) and Call-URI reports (`calls`). */
export function webhookRoutes(): WebhookRoute<any, any>[] {
  const requests: WebhookRoute<AvanserConfirmation, OrderRecord | undefined> = {
    event: 'requests',
    methods: ['POST', 'GET'],
    read(req) {
      const f = fieldsOf(req);
      if (!f.status) throw new WebhookPayloadError('status is missing');
      cappedId(f.status, 'status', MAX_ID_LENGTH);
      if (f.account_id) cappedId(f.account_id, 'account_id', MAX_ID_LENGTH);
      if (f.request_id) cappedId(f.request_id, 'request_id', MAX_ID_LENGTH);
      const status = orderStatusOf(f.status);
      if (!status) throw new WebhookPayloadError('status is not one AVANSER is known to send');
      const serviceNumber = tryFromAvanser(f.service_number);
      if (f.service_number && !serviceNumber) throw new WebhookPayloadError('service_number is not a phone number');
      if (!f.request_id && !serviceNumber) throw new WebhookPayloadError('request_id and service_number are both missing');
      return {
        requestId: f.request_id || undefined,
        serviceNumber,
        status,
        rawStatus: f.status,
        message: f.message || undefined,
        answerPoint: f.answer_point || undefined,
        customId: f.custom_id || undefined,
        customGroup: f.custom_group || undefined,
        accountId: f.account_id || undefined,
      };
    },
    eventKey: (p) => `request:${p.requestId ?? '-'}:${p.rawStatus}:${p.serviceNumber ?? '-'}`,
    async apply(p, effects) {
      // An interim status settles nothing.
      if (p.status === 'PENDING') return undefined;
      // The service first, so that orderUpdated subscribers read it as it now is.
      if (p.status === 'COMPLETED' && p.serviceNumber) {
        // Empty custom_id/custom_group mean "not resent" on updates, not "cleared": serviceRecord drops them.
        await effects.saveService(
          serviceRecord(p.serviceNumber, { custom_id: p.customId, custom_group: p.customGroup, service: { answer_point: p.answerPoint }, status: 'active' }, new Date().toISOString()),
        );
      }
      // The vendor's own examples confirm with a request_id other than the acknowledged one: the
      // gateway then settles the pending order of the service number (and logs the mismatch).
      const order = await effects.settleOrder('AVANSER', { providerRef: p.requestId, serviceRef: p.serviceNumber }, p.status, p.message, { providerStatus: p.rawStatus, accountId: p.accountId });
      // null: not matched (yet), so a redelivery is applied instead of taken for a duplicate.
      if (!order) effects.log.warn({ requestId: p.requestId, serviceNumber: p.serviceNumber }, 'AVANSER confirmation matches no order');
      return order;
    },
    reply,
  };

  const calls: WebhookRoute<AvanserCallReport, CallEventRecord> = {
    event: 'calls',
    methods: ['GET'],
    read(req) {
      const q = req.query;
      const id = q.callid || q.uniqueid;
      if (!id) throw new WebhookPayloadError('callid and uniqueid are both missing');
      cappedId(id, q.callid ? 'callid' : 'uniqueid', MAX_ID_LENGTH);
      return { patch: callEventPatch(q, id), statusKnown: callStatusOf(q.callstatus, q.callcode) !== undefined };
    },
    eventKey: (p) => `call:${p.patch.providerCallId}`,
    async apply(p, effects) {
      if (!p.statusKnown) effects.log.warn({ callId: p.patch.providerCallId, callstatus: p.patch.raw.report?.callstatus }, 'AVANSER call status unknown; recorded as FAILED');
      return effects.recordCall(p.patch);
    },
    reply,
  };

  return [requests, calls];
}

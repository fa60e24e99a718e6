/**
 * AVANSER payloads <-> domain records, pure. The Telco API writes numbers as international
 * digits (`61280740802`), call reports as `+61-0280740801`; inside the gateway everything is
 * E.164. Field names marked [I] are inferred (README: Documented and inferred).
 */
import type { CallEventPatch, CallStatus, E164, NumberKind, OrderStatus, PhoneNumberRecord, ServiceRecord } from '../../domain/model.js';
import { callSeconds, endAfter } from '../../domain/calls.js';
import { digitsOf, toE164 } from '../../domain/phone.js';
import { isoInstant } from '../../domain/values.js';
import { lookupTable } from '../validate.js';
import type {
  AvanserCriteria,
  AvanserNumberClass,
  AvanserRequestBody,
  AvanserRequestEntry,
  AvanserServiceFields,
  AvanserServiceSettings,
  AvanserStockNumber,
} from './wire.js';
import type { NumberSearchFilter, OrderDraft } from '../provider.js';
import type { AvanserNotificationsInput, AvanserNumberSearchInput, AvanserSearchType, AvanserServiceType, AvanserServiceUpdateInput } from './inputs.js';

// ---- Numbers ----

/** `61280740802`, `+61280740802` or a call report's `+61-0280740801` -> E.164 (throws InvalidPhoneNumber). */
export function fromAvanserNumber(value: string): E164 {
  const v = value.trim();
  // Call reports write `+<cc>-<national with trunk 0>`: drop the dash and the trunk prefix.
  const split = /^\+?(\d{1,3})-0?(\d+)$/.exec(v);
  return toE164(`+${split ? split[1]! + split[2]! : v.replace(/^\+/, '')}`);
}

/** Lenient form for webhook fields: undefined when absent or unreadable. */
export function tryFromAvanser(value: string | undefined): E164 | undefined {
  if (!value) return undefined;
  try {
    return fromAvanserNumber(value);
  } catch {
    return undefined;
  }
}

export const toAvanserNumber = digitsOf;

/**
 * "Number Classes": TOLLFREE numbers "provide the same rate for the calling party independent
 * from the area" (13/1300: local rate), FREECALL numbers are "free of charge … for the calling
 * party" (1800: toll-free as everywhere else).
 */
const KIND_OF_CLASS = lookupTable<AvanserNumberClass, NumberKind>({ GEO: 'GEOGRAPHIC', TOLLFREE: 'LOCAL_RATE', FREECALL: 'TOLL_FREE', MOBILE: 'MOBILE' });

function isNumberClass(value: string): value is AvanserNumberClass {
  return value in KIND_OF_CLASS;
}

export function classOfKind(kind: NumberKind): AvanserNumberClass {
  return (Object.keys(KIND_OF_CLASS) as AvanserNumberClass[]).find((c) => KIND_OF_CLASS[c] === kind)!;
}

/** A stock entry as a PhoneNumberRecord; null when its number cannot be read. */
export function stockNumberRecord(n: AvanserStockNumber): PhoneNumberRecord | null {
  const e164 = tryFromAvanser(n.number);
  if (!e164) return null;
  const numberClass = n.type?.toUpperCase() ?? '';
  const kind = isNumberClass(numberClass) ? KIND_OF_CLASS[numberClass] : undefined;
  return {
    provider: 'AVANSER',
    e164,
    kind,
    status: 'AVAILABLE',
    region: n.region,
    // SMS forwarding exists for mobile numbers only.
    capabilities: kind === 'MOBILE' ? ['VOICE', 'SMS'] : ['VOICE'],
    // The literal for public stock is not documented: anything but `private` is public.
    pool: n.pool?.toLowerCase() === 'private' ? 'PRIVATE' : 'PUBLIC',
    details: compact({ national: n.national, numberClass: n.type }),
  };
}

// ---- Search criteria ----

/** Search type literals: `number` and `szu` are documented, the others [I]. */
const SEARCH_TYPES: Record<AvanserSearchType, string> = {
  NUMBER: 'number',
  SZU: 'szu',
  LOCATION: 'location',
  COORDINATES: 'coordinates',
  PREFIX: 'prefix',
  NUMBER_TYPE: 'number_type',
};

/** The criteria both the stock search and a request's `service_number` carry. */
export function criteria(c: Pick<NumberSearchFilter, 'country' | 'szu' | 'location' | 'latitude' | 'longitude' | 'prefix' | 'kind'> & { number?: E164 }): AvanserCriteria {
  return compact({
    country: c.country,
    number: c.number && toAvanserNumber(c.number),
    szu: c.szu,
    location: c.location,
    latitude: c.latitude,
    longitude: c.longitude,
    prefix: c.prefix,
    type: c.kind && classOfKind(c.kind),
  });
}

/** `GET /v1/numbers` query parameters. */
export function stockQuery(filter: NumberSearchFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(criteria(filter)).map(([k, v]) => [k, String(v)]));
}

// ---- Services ----

type ServiceInput = AvanserServiceUpdateInput & { serviceType?: AvanserServiceType };

function notifications(n: AvanserNotificationsInput | undefined): AvanserServiceSettings['missed_call_notification'] {
  return n && compact({ email: n.emails, sms: n.smsNumbers?.map(toAvanserNumber) });
}

/** Service settings in AVANSER's shape; only what the input sets. */
export function serviceFields(input: ServiceInput): AvanserServiceFields {
  return compact({
    name: input.name,
    custom_id: input.customId,
    custom_group: input.customGroup,
    service: compact({
      type: input.serviceType?.toLowerCase(),
      answer_point: input.answerPoint && toAvanserNumber(input.answerPoint),
      answer_point_name: input.answerPointName,
      record_call: input.recordCalls,
      missed_call_notification: notifications(input.missedCallNotifications),
    }),
  });
}

/** The body of `POST /v1/requests`: one service on one number found by `search`. */
export function requestBody(
  input: ServiceInput & { name: string },
  search: { type: AvanserSearchType; country: string } & Omit<AvanserNumberSearchInput, 'type'>,
  uris: { call_uri: string; callback_uri: string },
): AvanserRequestBody {
  const fields = serviceFields(input);
  return {
    ...fields,
    name: input.name,
    service_number: { search_type: SEARCH_TYPES[search.type], ...criteria(search), country: search.country },
    service: fields.service ?? {},
    ...uris,
  };
}

/** A number that may be an answer point in AVANSER digits; kept verbatim when it is not a valid number. */
function destination(digits: string | undefined): string | undefined {
  return digits && (tryFromAvanser(digits) ?? digits);
}

/**
 * A service as the gateway shows it. `call_uri`/`callback_uri` are left out on purpose: they
 * hold our webhook token.
 */
export function serviceRecord(e164: E164, s: AvanserServiceFields & { status?: string; updated?: string }, now: string): ServiceRecord {
  const notify = s.service?.missed_call_notification;
  return {
    provider: 'AVANSER',
    providerRef: e164,
    name: s.name,
    numbers: [e164],
    destination: destination(s.service?.answer_point),
    destinationName: s.service?.answer_point_name,
    recording: s.service?.record_call,
    settings: compact({
      type: s.service?.type,
      status: s.status,
      missedCallEmails: notify?.email?.join(','),
      missedCallSms: notify?.sms?.map((n) => tryFromAvanser(n) ?? n).join(','),
    }),
    customId: s.custom_id || undefined,
    customGroup: s.custom_group || undefined,
    updatedAt: isoTime(s.updated) ?? now,
  };
}

// ---- Requests ----

const ORDER_STATUS = lookupTable<string, OrderStatus>({
  completed: 'COMPLETED',
  complete: 'COMPLETED',
  success: 'COMPLETED',
  failed: 'FAILED',
  failure: 'FAILED',
  error: 'FAILED',
  rejected: 'FAILED',
  cancelled: 'FAILED',
  pending: 'PENDING',
  processing: 'PENDING',
  queued: 'PENDING',
});

/** `completed` is documented; the other literals are guesses [I]. Undefined when unknown. */
export function orderStatusOf(status: string | undefined): OrderStatus | undefined {
  return status === undefined ? undefined : ORDER_STATUS[status.trim().toLowerCase()];
}

/** An ack (PENDING) or a polled request as an OrderDraft. An unknown status stays PENDING (poll again). */
export function orderDraft(r: AvanserRequestEntry): OrderDraft {
  const e164 = tryFromAvanser(r.service_number);
  return {
    status: orderStatusOf(r.status) ?? 'PENDING',
    providerRef: r.request_id,
    serviceRef: e164,
    numbers: e164 ? [e164] : [],
    message: r.message,
    providerStatus: r.status,
  };
}

// ---- Call reports ----

type FinalStatus = Exclude<CallStatus, 'RINGING'>;

/**
 * Call outcomes. Only `avanser_answered_call`/`1` is documented; the rest are guesses [I].
 * Readers match `words` (MISSED before ANSWERED: `unanswered` contains `answered`), then
 * `callcode`; the simulator emits `callstatus`/`callcode`.
 */
export const CALL_STATUSES: ReadonlyArray<{ status: FinalStatus; callstatus: string; callcode: string; words: RegExp }> = [
  { status: 'MISSED', callstatus: 'avanser_missed_call', callcode: '2', words: /missed|unanswered|no_?answer|abandon/ },
  { status: 'ANSWERED', callstatus: 'avanser_answered_call', callcode: '1', words: /answered/ },
  { status: 'BUSY', callstatus: 'avanser_busy_call', callcode: '3', words: /busy/ },
  { status: 'VOICEMAIL', callstatus: 'avanser_voicemail_call', callcode: '4', words: /voice_?mail/ },
  { status: 'FAILED', callstatus: 'avanser_failed_call', callcode: '5', words: /fail|congest|error|cancel/ },
];

/** The unified status of a report; undefined when neither `callstatus` nor `callcode` is known. */
export function callStatusOf(callstatus: string | undefined, callcode: string | undefined): FinalStatus | undefined {
  const text = callstatus?.toLowerCase() ?? '';
  return (CALL_STATUSES.find((s) => text && s.words.test(text)) ?? CALL_STATUSES.find((s) => s.callcode === callcode?.trim()))?.status;
}

/**
 * A Call-URI report (query parameters) as a CallEvent patch. Unknown outcomes become FAILED
 * (the raw `callstatus` stays in `raw.report`). `tzdate` is when the call started [I].
 */
export function callEventPatch(q: Record<string, string>, providerCallId: string): CallEventPatch {
  const status = callStatusOf(q.callstatus, q.callcode) ?? 'FAILED';
  const to = tryFromAvanser(q.bnum);
  const duration = /^\d+$/.test(q.duration ?? '') ? callSeconds(Number(q.duration)) : undefined;
  const startedAt = isoTime(q.tzdate);
  const target = tryFromAvanser(q.target);
  return {
    provider: 'AVANSER',
    providerCallId,
    status,
    from: tryFromAvanser(q.ani),
    to,
    // `target` is where the service sends calls, on every report; it answered only when the call was answered.
    forwardedTo: target,
    forwardedToName: q.targetname || undefined,
    answeredBy: status === 'ANSWERED' ? target : undefined,
    answeredByName: status === 'ANSWERED' ? q.targetname || undefined : undefined,
    startedAt,
    // AVANSER reports no end: the start plus the duration.
    endedAt: endAfter(startedAt, duration),
    durationSeconds: duration,
    voicemailLeft: status === 'VOICEMAIL' || undefined,
    callerLocation: q.clocation || q.cstate || q.ccountry ? compact({ description: q.clocation || undefined, state: q.cstate || undefined, country: q.ccountry || undefined }) : undefined,
    serviceRef: to,
    serviceName: q.adname || undefined,
    customId: q.custom_id || undefined,
    customGroup: q.custom_group || undefined,
    switchCallId: q.uniqueid || undefined,
    providerAccount: q.clientid || undefined,
    raw: { report: { ...q } },
  };
}

// ---- helpers ----

function isoTime(value: string | undefined): string | undefined {
  return value ? isoInstant(Date.parse(value)) : undefined;
}

/** Drop undefined values (and empty nested objects) so bodies and records carry only what is set. */
function compact<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)),
  ) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

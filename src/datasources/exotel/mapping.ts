/**
 * Exotel Lead Assist payloads <-> domain records. Pure functions. Exotel's JSON is loose
 * (README: Documented and inferred): `greenvn` or `green_vn`, envelopes sometimes wrapped in
 * a one-element array, `strictness` as string or boolean, pins `[null]`, durations as strings
 * or numbers, timestamps with bogus offsets (`+50:30`) or no zone at all, `"null"` recording
 * URLs.
 */
import type {
  AllocationRecord,
  AllocationState,
  AllocationUsage,
  CallEventPatch,
  CallStatus,
  E164,
  IsoDateTime,
} from '../../domain/model.js';
import { callSeconds, endAfter } from '../../domain/calls.js';
import { tryE164 } from '../../domain/phone.js';
import { isoInstant } from '../../domain/values.js';
import { lookupTable, wholeNumber } from '../validate.js';
import type { AllocateRequest, GreenVNPreferencesInput, ReassignRequest, UpdatePartiesRequest } from './inputs.js';
import type { CreateBody, GreenVnData, PreferencesBody, UpdatePartiesBody, UpdateVnBody } from './wire.js';

/** The official page shows error envelopes as `[ {...} ]`. */
export function unwrapOne(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `true`/`"true"` and `false`/`"false"`; anything else is undefined. */
export function boolish(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `"600s"`, `"10m"`, `"2h"`, `"1d"`, `"600"` or 600 → seconds; undefined when unreadable. */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  const m = typeof value === 'string' ? /^(\d+)\s*([smhd]?)$/i.exec(value.trim()) : null;
  return m ? Number(m[1]) * UNIT_SECONDS[(m[2] || 's').toLowerCase()]! : undefined;
}

function validOffset(zone: string): boolean {
  const m = /^[+-](\d{2}):?(\d{2})$/.exec(zone);
  return zone === 'Z' || (!!m && Number(m[1]) <= 14 && Number(m[2]) <= 59);
}

/**
 * Exotel timestamps, leniently: `2021-09-24 07:05:28` (account timezone), `…T…+05:30`, and
 * `…+50:30`, an impossible offset seen in Exotel's samples (read as the account timezone).
 */
export function exotelTime(value: unknown, timezone: string): IsoDateTime | undefined {
  const m = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim()) : null;
  if (!m) return undefined;
  const zone = m[3] && validOffset(m[3]) ? m[3] : timezone;
  return isoInstant(Date.parse(`${m[1]}T${m[2]}${zone}`));
}

/** `YYYY-MM-DD HH:mm:ss` in the given ±HH:MM offset, as Exotel writes times. */
export function formatExotelTime(date: Date, timezone: string): string {
  const [, sign, hh, mm] = /^([+-])(\d{2}):(\d{2})$/.exec(timezone)!;
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm)) * 60_000;
  return new Date(date.getTime() + offsetMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** Exotel numbers are E.164; national `0…` forms are read as Indian. Unreadable (masked) ones are dropped. */
export function e164Of(value: unknown): E164 | undefined {
  return typeof value === 'string' ? tryE164(value, 'IN') : undefined;
}

function numbersOf(value: unknown): E164[] {
  return (Array.isArray(value) ? value : []).map(e164Of).filter((n): n is E164 => n !== undefined);
}

/** Pins come as numbers, strings, or `[null]` when unset; a pin is a positive whole number. */
function pinsOf(value: unknown): number[] {
  return (Array.isArray(value) ? value : []).map((p) => wholeNumber(p, 1)).filter((p): p is number => p !== undefined);
}

const USAGE_OUT: Record<AllocationUsage, CreateBody['usage']> = { ONE_WAY: 'oneway', TWO_WAY: 'twoway' };
const STATE_IN = lookupTable<string, AllocationState>({ active: 'ACTIVE', vault: 'DEALLOCATED' });

export function toAllocation(data: GreenVnData, at: { now: IsoDateTime; expiresAt?: IsoDateTime }): AllocationRecord {
  return {
    provider: 'EXOTEL',
    providerRef: String(data.greenvn_id ?? ''),
    connectionId: String(data.connection_id ?? ''),
    greenVN: e164Of(unwrapOne(data.greenvn ?? data.green_vn)),
    aPartyNumbers: numbersOf(data.aparty_numbers),
    bPartyNumbers: numbersOf(data.bparty_numbers),
    aPartyPins: pinsOf(data.aparty_pins),
    bPartyPins: pinsOf(data.bparty_pins),
    usage: String(data.usage).toLowerCase() === 'oneway' ? 'ONE_WAY' : 'TWO_WAY',
    state: STATE_IN[String(data.state).toLowerCase()] ?? 'ACTIVE',
    flowId: data.flow_id === undefined || data.flow_id === null ? undefined : String(data.flow_id),
    expiresAt: at.expiresAt,
    createdAt: at.now,
    updatedAt: at.now,
    refreshedAt: at.now,
  };
}

function preferencesBody(p: GreenVNPreferencesInput | undefined, typeField: 'type' | 'number_type'): PreferencesBody | undefined {
  if (!p || (!p.greenVN && !p.region && !p.pinCode && !p.type)) return undefined;
  return {
    ...(p.greenVN ? { greenvn: p.greenVN } : {}),
    ...(p.region ? { region: p.region } : {}),
    ...(p.pinCode ? { pin_code: p.pinCode } : {}),
    ...(p.type ? { [typeField]: p.type.toLowerCase() } : {}),
  };
}

function strictness(strict: boolean | undefined): CreateBody['strictness'] {
  return strict === undefined ? undefined : strict ? 'true' : 'false';
}

/** Expects numbers already normalised to E.164 by the adapter. */
export function toCreateBody(r: AllocateRequest): CreateBody {
  return {
    connection_id: r.connectionId,
    aparty_numbers: r.aPartyNumbers,
    bparty_numbers: r.bPartyNumbers,
    ...(r.aPartyPins?.length ? { aparty_pins: r.aPartyPins } : {}),
    ...(r.bPartyPins?.length ? { bparty_pins: r.bPartyPins } : {}),
    usage: USAGE_OUT[r.usage],
    strictness: strictness(r.strict),
    preferences: preferencesBody(r.preferences, 'type'),
    deallocation_policy: r.deallocateAfterSeconds === undefined ? undefined : { duration: `${r.deallocateAfterSeconds}s` },
    flow_id: r.flowId,
  };
}

export function toUpdatePartiesBody(r: UpdatePartiesRequest): UpdatePartiesBody {
  return {
    aparty_numbers: r.aPartyNumbers,
    bparty_numbers: r.bPartyNumbers,
    aparty_pins: r.aPartyPins,
    bparty_pins: r.bPartyPins,
    usage: r.usage && USAGE_OUT[r.usage],
  };
}

/** The update-VN page's own example spells the type preference `number_type`. */
export function toUpdateVnBody(r: ReassignRequest): UpdateVnBody {
  return { strictness: strictness(r.strict), preferences: preferencesBody(r.preferences, 'number_type') };
}

/** Second-leg status wins over the call type, except that a voicemail is a voicemail. */
const CALL_STATUS = lookupTable<string, CallStatus>({
  completed: 'ANSWERED',
  busy: 'BUSY',
  'no-answer': 'MISSED',
  incomplete: 'MISSED',
  'client-hangup': 'MISSED',
  'call-attempt': 'MISSED',
  voicemail: 'VOICEMAIL',
  failed: 'FAILED',
  canceled: 'FAILED',
});

export function callStatus(callType: unknown, dialCallStatus: unknown): CallStatus {
  const type = String(callType ?? '').toLowerCase();
  const dial = String(dialCallStatus ?? '').toLowerCase();
  if (type === 'voicemail') return 'VOICEMAIL';
  return CALL_STATUS[dial] ?? CALL_STATUS[type] ?? 'MISSED';
}

/** A non-negative number Exotel wrote as a string or a number (`"32"`, `4`, `"4.58"`). */
function amount(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function seconds(value: unknown): number | undefined {
  const n = amount(value);
  return n === undefined ? undefined : callSeconds(n);
}

function words(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Exotel reports no end: `current_time` is when it built the event. The forwarded leg
 * (`dial_call_duration`) is the last part of the call, so the call ends with it [I]; never
 * after the event was built.
 */
function endOf(startedAt: IsoDateTime | undefined, dialSeconds: number | undefined, reportedAt: IsoDateTime | undefined): IsoDateTime | undefined {
  const end = endAfter(startedAt, dialSeconds);
  return end && reportedAt && Date.parse(reportedAt) < Date.parse(end) ? reportedAt : end;
}

/** A call event (with or without `insights`) as what it tells about the call. */
export function toCallPatch(p: Record<string, unknown>, timezone: string): CallEventPatch {
  const status = callStatus(p.call_type, p.dial_call_status);
  const recording = typeof p.recording_url === 'string' && p.recording_url !== 'null' && p.recording_url.trim() !== '' ? p.recording_url : undefined;
  const insights = isObject(p.insights) ? p.insights : {};
  const startedAt = exotelTime(p.start_time, timezone);
  const reportedAt = exotelTime(p.current_time, timezone);
  const dialSeconds = seconds(p.dial_call_duration);
  return {
    provider: 'EXOTEL',
    providerCallId: String(p.call_sid),
    status,
    from: e164Of(p.from),
    to: e164Of(p.greenvn),
    // `to` is the party the VN dialled out to; it only answered the call if the call was answered.
    forwardedTo: e164Of(p.to),
    answeredBy: status === 'ANSWERED' ? e164Of(p.to) : undefined,
    startedAt,
    endedAt: endOf(startedAt, dialSeconds, reportedAt),
    reportedAt,
    // Talk time is `on_call_duration` (in both samples, not in the field table); the dial duration includes the ringing.
    durationSeconds: seconds(p.on_call_duration),
    dialSeconds,
    ringingSeconds: amount(insights.RingingDuration),
    direction: words(p.direction),
    platform: words(p.source),
    disconnectedBy: words(insights.DisconnectedBy),
    detailedStatus: words(insights.DetailedStatus),
    recordingUrl: recording,
    allocationRef: p.greenvn_id === undefined || p.greenvn_id === null ? undefined : String(p.greenvn_id),
    raw: { call: p },
  };
}

/** A verified caller joins the party whose pins hold the pin; undefined when nothing changes. */
export function joinParty(a: AllocationRecord, caller: E164, pin: number, now: IsoDateTime): AllocationRecord | undefined {
  if (a.aPartyNumbers.includes(caller) || a.bPartyNumbers.includes(caller)) return undefined;
  if (a.aPartyPins.includes(pin)) return { ...a, aPartyNumbers: [...a.aPartyNumbers, caller], updatedAt: now };
  if (a.bPartyPins.includes(pin)) return { ...a, bPartyNumbers: [...a.bPartyNumbers, caller], updatedAt: now };
  return undefined;
}

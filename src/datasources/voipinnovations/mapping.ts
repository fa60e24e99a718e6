/**
 * VoIP Innovations payloads <-> domain records. TNs are ten NANP digits without `+1`;
 * booleans arrive as `true`/`false` strings; "no records" arrive as dummy rows.
 */
import type {
  E164,
  IsoDateTime,
  NumberCapability,
  NumberCountRecord,
  NumberOutcome,
  NumberStatus,
  PhoneNumberRecord,
  PortDetailsRecord,
  PortNumberRecord,
  ProviderAccountRecord,
  ServiceRecord,
} from '../../domain/model.js';
import { tryE164 } from '../../domain/phone.js';
import { calendarDay, isoInstant, MAX_INT } from '../../domain/values.js';
import { ErrorCode } from '../../errors.js';
import { lookupTable, refuse, wholeNumber } from '../validate.js';
import type { NumberCountGrouping, NumberSearchFilter, OrderDraft } from '../provider.js';
import type { DID, DIDCount, DIDLocator, DIDResponse, OrderBy, PortDetail, PortDID, SearchCriteria } from './wire.js';
import { statusRow } from './errors.js';

const PROVIDER = 'VOIP_INNOVATIONS';
/** A reservation holds for at most 30 minutes. */
const RESERVATION_MS = 30 * 60_000;
const TOLL_FREE_NPAS = new Set(['800', '833', '844', '855', '866', '877', '888']);
/** VoIP Innovations' "no tier" marker (dummy rows, unassigned numbers). */
const NO_TIER = '-99999';

/** E.164 -> 10-digit TN, or INVALID_NUMBER: VoIP Innovations deals in NANP numbers only. */
export function tnOf(e164: E164, field: string[]): string {
  if (!/^\+1\d{10}$/.test(e164) || !tryE164(e164)) {
    refuse(field, `${e164} is not a North American (+1) number; VoIP Innovations handles NANP numbers only`, ErrorCode.INVALID_NUMBER);
  }
  return e164.slice(2);
}

/** 10-digit TN -> E.164; undefined for empty (dummy) or malformed TNs. */
export function e164Of(tn: string | undefined): E164 | undefined {
  return tn && /^\d{10}$/.test(tn) ? tryE164(`+1${tn}`) : undefined;
}

const flag = (v: string | undefined): boolean => v === 'true' || v === '1';
const present = (v: string | undefined): string | undefined => (v && v !== NO_TIER ? v : undefined);

const DOTNET_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}:\d{2}(?:\.\d+)?))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A zone-less .NET dateTime; `1900-01-01T00:00:00` (and nil) mean unset. Zone-less is read as
 * UTC [inferred]. Anything else is no date: V8 reads "1" as 2001 and 30 February as 1 March.
 */
export function dateOf(v: string | undefined): IsoDateTime | undefined {
  const m = v ? DOTNET_DATE.exec(v) : null;
  if (!m || v!.startsWith('1900-') || v!.startsWith('0001-')) return undefined;
  const [, y, mo, d, time = '00:00:00', zone = 'Z'] = m;
  const day = calendarDay(Number(y), Number(mo), Number(d));
  if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return undefined;
  return isoInstant(Date.parse(`${y}-${mo}-${d}T${time}${zone}`));
}

/**
 * `cnam` names two things: a DIDLocator's `outboundCNAM` (the number can send a caller name)
 * and an owned DID's `cnam` (the inbound caller-name lookup is on). Each has its own capability.
 */
function capabilities(f: { t38?: string; sms?: string }, cnam: { outbound?: string; lookup?: string }): NumberCapability[] {
  const caps: NumberCapability[] = ['VOICE'];
  if (flag(f.t38)) caps.push('T38');
  if (flag(cnam.outbound)) caps.push('OUTBOUND_CNAM');
  if (flag(cnam.lookup)) caps.push('CNAM_LOOKUP');
  if (flag(f.sms)) caps.push('SMS');
  return caps;
}

const kindOf = (state: string | undefined, tn: string) => (state === 'TF' || TOLL_FREE_NPAS.has(tn.slice(0, 3)) ? 'TOLL_FREE' : 'GEOGRAPHIC');

/** Only the facts that are there. */
function compact(entries: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter((e): e is [string, string] => !!e[1]));
}

/** A "no records found" dummy row: empty tn, statusCode 101200 / 102420, tier -99999. */
export function isDummy(did: DID): boolean {
  return !did.tn || statusRow(did.statusCode ?? '').empty === true;
}

/** `endpointId`, or the group named in the status text (assign/config answers carry endpointId 0). */
export function endpointGroupOf(did: DID): number | undefined {
  const id = Number(did.endpointId);
  if (Number.isInteger(id) && id > 0) return id;
  const named = /endpoint '(\d+)'/.exec(did.status ?? '');
  return named ? Number(named[1]) : undefined;
}

const AVAILABILITY = lookupTable<string, NumberStatus>({ assigned: 'ACTIVE', reserved: 'RESERVED', available: 'AVAILABLE', unavailable: 'UNAVAILABLE' });

/** A DID from auditDIDs/queryDID; `fallback` is its status when neither `availability` nor the status code says. */
export function didToNumber(did: DID, fallback: NumberStatus = 'ACTIVE'): PhoneNumberRecord | undefined {
  const e164 = e164Of(did.tn);
  if (!e164 || isDummy(did)) return undefined;
  const status = AVAILABILITY[(did.availability ?? '').toLowerCase()] ?? statusRow(did.statusCode ?? '').status ?? fallback;
  const group = endpointGroupOf(did);
  return {
    provider: PROVIDER,
    e164,
    kind: kindOf(did.state, did.tn!),
    status,
    region: did.state && did.state !== 'TF' ? did.state : undefined,
    capabilities: capabilities(did, { lookup: did.cnam }),
    rateCenter: present(did.rateCenter),
    tier: present(did.tier),
    reservedUntil: status === 'RESERVED' ? dateOf(did.expireDate) : undefined,
    serviceRef: status === 'ACTIVE' ? e164 : undefined,
    details: compact({
      statusText: did.status,
      endpointGroup: status === 'ACTIVE' && group ? String(group) : undefined,
      refId: did.refId,
      cnamName: did.cnamName,
      network: did.Network,
    }),
  };
}

/** A DIDLocator from getDIDs: a number in stock. */
export function locatorToNumber(loc: DIDLocator): PhoneNumberRecord | undefined {
  const e164 = e164Of(loc.tn);
  if (!e164) return undefined;
  return {
    provider: PROVIDER,
    e164,
    kind: kindOf(loc.state, loc.tn!),
    status: 'AVAILABLE',
    region: loc.state && loc.state !== 'TF' ? loc.state : undefined,
    capabilities: capabilities(loc, { outbound: loc.outboundCNAM }),
    rateCenter: present(loc.rateCenter),
    lata: present(loc.lataId),
    tier: present(loc.tier),
  };
}

/** What a DID is configured to: endpoint group, inbound CNAM, customer reference. */
export interface DIDConfig {
  endpointGroup?: number;
  cnam?: boolean;
  refId?: string;
}

/** A DID's configuration as a Service: providerRef is the DID, destination its endpoint group. */
export function configuredService(e164: E164, config: DIDConfig, updatedAt: IsoDateTime): ServiceRecord {
  return {
    provider: PROVIDER,
    providerRef: e164,
    numbers: [e164],
    destination: config.endpointGroup === undefined ? undefined : String(config.endpointGroup),
    settings: compact({ cnam: config.cnam === undefined ? undefined : String(config.cnam) }),
    customId: config.refId || undefined,
    updatedAt,
  };
}

/** The configuration a DID row reports. */
export function configOf(did: DID): DIDConfig {
  return { endpointGroup: endpointGroupOf(did), cnam: flag(did.cnam), refId: did.refId };
}

/** An owned DID (auditDIDs/queryDID) as a Service. */
export function didToService(did: DID, updatedAt: IsoDateTime): ServiceRecord | undefined {
  const e164 = e164Of(did.tn);
  if (!e164 || isDummy(did)) return undefined;
  const service = configuredService(e164, configOf(did), updatedAt);
  return { ...service, settings: { ...service.settings, ...compact({ cnamName: did.cnamName, t38: String(flag(did.t38)), tier: present(did.tier) }) } };
}

/** A number just assigned through the gateway. */
export function assignedNumber(e164: E164, endpointGroup: number): PhoneNumberRecord {
  return {
    provider: PROVIDER,
    e164,
    kind: kindOf(undefined, e164.slice(2)),
    status: 'ACTIVE',
    capabilities: ['VOICE'],
    serviceRef: e164,
    details: { endpointGroup: String(endpointGroup) },
  };
}

const GROUP_KEYS: Record<NumberCountGrouping, (keyof NumberCountRecord)[]> = {
  STATE: ['state'],
  RATE_CENTER: ['state', 'rateCenter', 'lata'],
  LATA: ['lata'],
  TIER: ['tier'],
};
export const ORDER_BY: Record<NumberCountGrouping, OrderBy> = { STATE: 'state', RATE_CENTER: 'rc', LATA: 'lata', TIER: 'tier' };

/** getDIDCount rows come per rate center, tier and feature set; sum them by the grouping. */
export function aggregateCounts(rows: DIDCount[], groupBy: NumberCountGrouping): NumberCountRecord[] {
  const groups = new Map<string, NumberCountRecord>();
  for (const row of rows) {
    const all: NumberCountRecord = { count: 0, state: present(row.state), rateCenter: present(row.rateCenter), lata: present(row.lataId), tier: present(row.tier) };
    const record: NumberCountRecord = { count: 0 };
    for (const k of GROUP_KEYS[groupBy]) (record as unknown as Record<string, unknown>)[k] = all[k];
    const key = JSON.stringify(record);
    const sum = groups.get(key) ?? record;
    // More than GraphQL's Int is no count of numbers.
    sum.count = Math.min(sum.count + (wholeNumber(row.didCount) ?? 0), MAX_INT);
    groups.set(key, sum);
  }
  return [...groups.values()];
}

const CRITERIA = ['state', 'lata', 'rateCenter', 'npa', 'nxx', 'tier', 't38', 'cnam', 'sms'] as const;
const FORMATS: Partial<Record<(typeof CRITERIA)[number], [RegExp, string]>> = {
  state: [/^[A-Z]{2}$/, 'a two-letter state code (TF for toll-free)'],
  lata: [/^\d{3,5}$/, 'a LATA number such as 660'],
  rateCenter: [/^[A-Z0-9 .'-]{1,40}$/, 'a rate center name such as BRIGHAM CY'],
  npa: [/^[2-9]\d{2}$/, 'a three-digit area code'],
  nxx: [/^[2-9]\d{2}$/, 'a three-digit exchange'],
  tier: [/^\d{1,4}$/, 'a tier number such as 1'],
};
const UNSUPPORTED = ['szu', 'location', 'latitude', 'longitude', 'prefix'] as const;

/** Search filter -> getDIDs/getDIDCount criteria, refusing what VoIP Innovations cannot search on. */
export function criteriaOf(filter: NumberSearchFilter): SearchCriteria {
  const field = (name: string) => ['filter', name];
  for (const name of UNSUPPORTED) {
    if (filter[name] !== undefined) refuse(field(name), `VoIP Innovations cannot search by ${name}; use state, lata, rateCenter, npa or nxx`, ErrorCode.UNSUPPORTED_FILTER);
  }
  if (filter.country !== undefined && filter.country.toUpperCase() !== 'US') {
    refuse(field('country'), 'VoIP Innovations sells US numbers only', ErrorCode.REGION_NOT_SUPPORTED);
  }
  if (filter.kind !== undefined && filter.kind !== 'TOLL_FREE' && filter.kind !== 'GEOGRAPHIC') {
    refuse(field('kind'), 'VoIP Innovations sells GEOGRAPHIC and TOLL_FREE numbers only', ErrorCode.UNSUPPORTED_FILTER);
  }
  let state = filter.state?.trim().toUpperCase() || undefined;
  if (filter.kind === 'TOLL_FREE') state ??= 'TF';
  if ((filter.kind === 'TOLL_FREE') !== (state === 'TF') && filter.kind !== undefined) {
    refuse(field('state'), 'Toll-free numbers are searched with state TF and only with it');
  }
  const values = { ...filter, state, rateCenter: filter.rateCenter?.trim().toUpperCase() };
  const criteria = {} as SearchCriteria;
  for (const name of CRITERIA) {
    const v = values[name];
    if (typeof v !== 'string' || v === '') {
      // Booleans narrow the search when true; false means "don't care" [inferred literal "1"].
      criteria[name] = v === true ? '1' : '';
      continue;
    }
    const [format, example] = FORMATS[name]!;
    if (!format.test(v)) refuse(field(name), `${name} must be ${example}`);
    criteria[name] = v;
  }
  if (CRITERIA.every((name) => criteria[name] === '')) {
    refuse(['filter'], `Give at least one search criterion: ${CRITERIA.join(', ')} (or kind TOLL_FREE)`);
  }
  return criteria;
}

/** One number's outcome from its DID row; `success` is where a plain 100 leaves it. A reservation holds 30 minutes from `now`. */
export function outcomeOf(e164: E164, did: DID | undefined, success: NumberStatus, now: Date): NumberOutcome {
  if (!did) return { e164, ok: false, code: ErrorCode.PROVIDER_REJECTED, message: 'VoIP Innovations gave no answer for this number' };
  const row = statusRow(did.statusCode ?? '');
  const provider = { providerCode: did.statusCode || undefined, providerMessage: did.status || undefined };
  if (row.code) return { e164, ok: false, code: row.code, message: row.meaning, ...provider };
  const status = row.status ?? success;
  const reservedUntil = status === 'RESERVED' ? new Date(now.getTime() + RESERVATION_MS).toISOString() : undefined;
  return { e164, ok: true, status, reservedUntil, message: did.status || row.meaning, ...provider };
}

/** The DID rows of a multi-number answer, matched to the request by TN (one DID per DIDParam, in order). */
export function outcomesOf(e164s: E164[], dids: DID[], success: NumberStatus, now: Date): NumberOutcome[] {
  return e164s.map((e164, i) => outcomeOf(e164, dids.find((d) => d.tn === e164.slice(2)) ?? dids[i], success, now));
}

const describe = (o: NumberOutcome) => `${o.e164} (${o.message ?? o.code})`;

/** Reserve + assign is one synchronous order: COMPLETED when any number was assigned, FAILED when none. */
export function provisionOrder(outcomes: NumberOutcome[], endpointGroup: number): OrderDraft {
  const assigned = outcomes.filter((o) => o.ok).map((o) => o.e164);
  const failed = outcomes.filter((o) => !o.ok);
  if (assigned.length === 0) return { status: 'FAILED', numbers: [], message: `No number was assigned: ${failed.map(describe).join('; ')}` };
  const done = `${assigned.length} of ${outcomes.length} numbers assigned to endpoint group ${endpointGroup}`;
  return {
    status: 'COMPLETED',
    numbers: assigned,
    serviceRef: assigned.length === 1 ? assigned[0] : undefined,
    message: failed.length === 0 ? done : `${done}; not assigned: ${failed.map(describe).join('; ')}`,
  };
}

/** The account-wide conference line every DIDResponse carries: whether it is on, never its PIN. */
export function accountOf(res: DIDResponse): ProviderAccountRecord {
  const enabled = res.ConferenceLine?.Enabled;
  return { conferenceLine: enabled === undefined ? null : { enabled: flag(enabled) } };
}

/** A port order; id 0 (isPortable's placeholder, or no record) means none. */
export function portDetailsOf(pd: PortDetail | undefined): PortDetailsRecord | null {
  const portId = wholeNumber(pd?.id, 1);
  if (!pd || portId === undefined) return null;
  const numberDetails = pd.dids.map(portNumber).filter((n): n is PortNumberRecord => n !== undefined);
  return {
    portId,
    status: pd.status ?? '',
    endUser: pd.endUser?.replace(/\s+/g, ' ').trim() || undefined,
    billingNumber: e164Of(pd.billingTN),
    portingFrom: pd.portingFrom || undefined,
    submittedAt: dateOf(pd.submittedDate),
    focAt: dateOf(pd.focDate),
    requestedFocAt: dateOf(pd.requestedFocDate),
    numbers: numberDetails.map((d) => d.e164),
    salesRep: pd.salesRep?.trim() || undefined,
    defaultEndpointGroup: group(pd.defaultEndpointGroup),
    numberDetails,
  };
}

/** A positive endpoint group id; 0, nil or anything else is none. */
function group(v: string | undefined): number | undefined {
  return wholeNumber(v, 1);
}

function portNumber(d: PortDID): PortNumberRecord | undefined {
  const e164 = e164Of(d.tn);
  if (!e164) return undefined;
  return {
    e164,
    tier: present(d.tier),
    rateCenter: d.rateCenter || undefined,
    state: d.state || undefined,
    lata: d.lata || undefined,
    endpointGroup: group(d.endpointGroup),
    cnamLookup: d.cnam === undefined || d.cnam === '' ? undefined : flag(d.cnam),
    e911: d.e911 === undefined || d.e911 === '' ? undefined : flag(d.e911),
  };
}

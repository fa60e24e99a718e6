/**
 * Delacon payloads <-> domain records, pure. Delacon speaks national numbers of the order's
 * region, `Y`/`N` flags, digits for enums and strings for every value.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import type { CallEventPatch, CallStatus, Conversion, E164, IsoDateTime, NumberTypeRecord, PhoneNumberRecord, ServiceRecord } from '../../domain/model.js';
import { callSeconds, endAfter } from '../../domain/calls.js';
import { kindOfNumber, partsOf, tryE164 } from '../../domain/phone.js';
import { isoInstant } from '../../domain/values.js';
import { lookupTable } from '../validate.js';
import type { ProvisionOutcome } from '../provider.js';
import type { DelaconCallTracking, DelaconFeature, DelaconProvisionInput, DelaconRegion, DelaconServiceUpdateInput, DelaconTransferType } from './inputs.js';
import type { NumberTypesReply, ProvisionReply } from './wire.js';

export const REGIONS: Record<DelaconRegion, { name: string; country: CountryCode }> = {
  AUSTRALIA: { name: 'Australia', country: 'AU' },
  CHINA: { name: 'China', country: 'CN' },
  HONG_KONG: { name: 'Hong Kong', country: 'HK' },
  JAPAN: { name: 'Japan', country: 'JP' },
  NEW_ZEALAND: { name: 'New Zealand', country: 'NZ' },
  SINGAPORE: { name: 'Singapore', country: 'SG' },
  UNITED_KINGDOM: { name: 'United Kingdom', country: 'GB' },
  UNITED_STATES: { name: 'United States', country: 'US' },
};

/** Orders for an existing company name no region; Delacon is an Australian company. */
const DEFAULT_REGION: DelaconRegion = 'AUSTRALIA';

const FEATURES: Record<DelaconFeature, string> = {
  CALL_RECORDING: 'CallRecording',
  CALL_FEEDBACK_SURVEY: 'CallFeedbackSurvey',
};

const TRANSFER_TYPES: Record<DelaconTransferType, string> = { EMAIL_ONLY: '1', TRANSFER_ONLY: '2', TRANSFER_AND_EMAIL: '3' };

const CALL_TRACKING: Record<DelaconCallTracking, string> = {
  GOOGLE_PAID: 'GooglePaid',
  ALL_PAID_ONLY: 'AllPaidOnly',
  ALL: 'All',
  SELECTED: 'Selected',
  ALL_UTM_MEDIUM_CPC: 'AllUtmMediumCpc',
};

/** Delacon takes numbers in national form (`0288889999`). */
export function national(e164: E164): string {
  return partsOf(e164).national;
}

const yn = (value: boolean): string => (value ? 'Y' : 'N');

// ---- Create Customer ----

/** Create Customer parameter -> our input field, for INVALID messages that name a parameter. */
export const PROVISION_PARAMS: Record<string, string[]> = Object.fromEntries(
  Object.entries({
    BusinessName: 'businessName',
    BusCat: 'businessCategory',
    EmailAddress: 'email',
    TerminationNumber: 'terminationNumber',
    BusID: 'businessId',
    features: 'features',
    region: 'region',
    numberType: 'numberType',
    companyID: 'companyId',
    numbers: 'count',
    orderSummaryEmail: 'orderSummaryEmail',
    termsCheck: 'acceptTerms',
  }).map(([param, field]) => [param, ['delacon', field]]),
);

function compact(form: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(form).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The Create Customer form. With `companyId` Delacon ignores the new-customer fields, so none are sent. */
export function provisionForm(input: DelaconProvisionInput): Record<string, string> {
  const common = { numbers: String(input.count), orderSummaryEmail: input.orderSummaryEmail };
  if (input.companyId) {
    return compact({ companyID: input.companyId, ...common, region: input.region && REGIONS[input.region].name, numberType: input.numberType });
  }
  return compact({
    BusinessName: input.businessName,
    BusCat: input.businessCategory,
    EmailAddress: input.email,
    TerminationNumber: input.terminationNumber && national(input.terminationNumber),
    BusID: input.businessId,
    features: input.features?.length ? [...new Set(input.features)].map((f) => FEATURES[f]).join(',') : undefined,
    region: input.region && REGIONS[input.region].name,
    numberType: input.numberType,
    ...common,
    termsCheck: input.acceptTerms ? 'on' : 'off',
  });
}

/** `"1234, 3456, 5678"` -> E.164, each once; what cannot be read is set aside, not guessed. */
export function parseNumbers(list: string | undefined, country: CountryCode): { numbers: E164[]; unreadable: string[] } {
  const numbers: E164[] = [];
  const unreadable: string[] = [];
  for (const item of (list ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const e164 = tryE164(item, country);
    if (!e164) unreadable.push(item);
    else if (!numbers.includes(e164)) numbers.push(e164);
  }
  return { numbers, unreadable };
}

/** A Create Customer answer as an order, plus the company and numbers it created. */
export function provisionOutcome(input: DelaconProvisionInput, reply: ProvisionReply, at: IsoDateTime): ProvisionOutcome {
  const none: ProvisionOutcome = { orders: [], numbers: [], services: [], owned: [] };
  const providerRef = reply.OrderId;
  if (reply.RESULT === 'WAIT') {
    // The Post Provisioning Response writes the numbers nationally: the order keeps the country to read them in
    // (unknown for an existing company ordered without a region: its stored company's is used then).
    const country = input.region ? REGIONS[input.region].country : input.companyId ? undefined : REGIONS[DEFAULT_REGION].country;
    return { ...none, orders: [{ status: 'PENDING', providerRef, serviceRef: input.companyId, numbers: [], message: reply.MESSAGE, providerStatus: 'WAIT', country }] };
  }
  if (reply.RESULT === 'FAIL') {
    return { ...none, orders: [{ status: 'FAILED', providerRef, serviceRef: input.companyId, numbers: [], message: reply.MESSAGE, providerStatus: 'FAIL' }] };
  }
  const region = input.region ?? DEFAULT_REGION;
  const cid = reply.CID ?? input.companyId;
  const { numbers, unreadable } = parseNumbers(reply.Numbers, REGIONS[region].country);
  const message =
    `Delacon provisioned ${numbers.length + unreadable.length} number(s)${cid ? ` for company ${cid}` : ''}` +
    (unreadable.length ? `; not readable as ${REGIONS[region].name} numbers: ${unreadable.join(', ')}` : '');
  const owned = numbers.map((e164) => ownedNumber(e164, region, cid, providerRef, input.numberType));
  const services: ServiceRecord[] = cid ? [companyRecord(cid, input, numbers, at)] : [];
  return { orders: [{ status: 'COMPLETED', providerRef, serviceRef: cid, numbers, message, providerStatus: 'OK' }], numbers: [], services, owned };
}

function ownedNumber(e164: E164, region: DelaconRegion, cid: string | undefined, orderId: string | undefined, numberType?: string): PhoneNumberRecord {
  return {
    provider: 'DELACON',
    e164,
    // Delacon's number types are its own keys (`1300`, `0120`): the kind is the country's numbering plan's.
    kind: kindOfNumber(e164),
    status: 'ACTIVE',
    region: REGIONS[region].name,
    capabilities: ['VOICE'],
    serviceRef: cid,
    details: compact({ numberType, delaconOrderId: orderId }),
  };
}

/**
 * The company and numbers a Post Provisioning Response names (`CID` and `Numbers` fields as in
 * Create Customer's answer, else written in `Message`: the page documents only `Message=<value>`).
 */
export function provisionedBy(fields: { CID?: string; Numbers?: string; Message?: string }): { cid?: string; list?: string } {
  const message = fields.Message ?? '';
  const cid = fields.CID || /\bcompany(?:\s+id)?\s*:?\s*(\d+)/i.exec(message)?.[1];
  const list = fields.Numbers || /\bnumbers?\s*:?\s*(\+?\d[\d ,+()-]*\d)/i.exec(message)?.[1];
  return { cid, list };
}

/** What a WAIT order turned out to provision, its national numbers read in `country`. */
export function waitOrderResult(cid: string, list: string, country: CountryCode, orderId: string, at: IsoDateTime): { numbers: PhoneNumberRecord[]; service: ServiceRecord; unreadable: string[] } {
  const region = (Object.keys(REGIONS) as DelaconRegion[]).find((r) => REGIONS[r].country === country) ?? DEFAULT_REGION;
  const { numbers, unreadable } = parseNumbers(list, country);
  return {
    numbers: numbers.map((e164) => ownedNumber(e164, region, cid, orderId)),
    service: { provider: 'DELACON', providerRef: cid, region, country, numbers, settings: {}, updatedAt: at },
    unreadable,
  };
}

/**
 * The company as the order describes it. For more numbers on an existing company only the
 * new numbers are known: the gateway merges them into the company it holds.
 */
function companyRecord(cid: string, input: DelaconProvisionInput, numbers: E164[], at: IsoDateTime): ServiceRecord {
  // The region, stored with the company, is the country its call pushes' national numbers are read in.
  const region = input.region ?? (input.companyId ? undefined : DEFAULT_REGION);
  const place = region && { region, country: REGIONS[region].country };
  if (input.companyId) return { provider: 'DELACON', providerRef: cid, numbers, settings: {}, updatedAt: at, ...place };
  return {
    provider: 'DELACON',
    providerRef: cid,
    ...place,
    name: input.businessName,
    numbers,
    destination: input.terminationNumber,
    recording: input.features?.includes('CALL_RECORDING') ?? false,
    settings: compact({
      businessCategory: input.businessCategory,
      email: input.email,
      businessId: input.businessId,
      region: input.region,
      numberType: input.numberType,
      features: input.features?.join(','),
    }),
    updatedAt: at,
  };
}

export function numberTypesOf(reply: NumberTypesReply): NumberTypeRecord[] {
  const region = typeof reply.Region === 'string' && reply.Region.trim() ? reply.Region.trim() : undefined;
  return reply.NumberTypes.map((t) => ({ key: String(t.key), description: String(t.desc ?? t.key), region }));
}

// ---- Update Customer ----

type UpdateField = keyof DelaconServiceUpdateInput;
type Encoders = { [K in UpdateField]-?: { param: string; encode(value: NonNullable<DelaconServiceUpdateInput[K]>): string; billing?: true } };

const text = (value: string): string => value;

/** Every Update Customer parameter, in the vendor's spelling (typos included). */
const UPDATE: Encoders = {
  businessName: { param: 'BusinessName', encode: text },
  businessCategory: { param: 'BusCat', encode: text },
  email: { param: 'EmailAddress', encode: text },
  oneThreeHundredNumber: { param: 'OneThreeHundredNumber', encode: (v) => v.replace(/\s+/g, '') },
  terminationNumber: { param: 'TerminationNumber', encode: national },
  businessId: { param: 'BusID', encode: text },
  whisper: { param: 'whisper', encode: yn },
  dnis: { param: 'DNIS', encode: yn },
  transferType: { param: 'xfertype', encode: (v) => TRANSFER_TYPES[v] },
  voicemail: { param: 'voicemal', encode: yn },
  transferTimeSeconds: { param: 'xfertime', encode: String },
  musicOnHold: { param: 'moh', encode: yn },
  smsMessage: { param: 'SMSmessage', encode: text },
  callTracking: { param: 'CallTrack', encode: (v) => CALL_TRACKING[v] },
  callRecording: { param: 'CallRecording', encode: yn, billing: true },
  callFeedbackSurvey: { param: 'CallFeedbackSurevy', encode: yn, billing: true },
  ivr: { param: 'IVR', encode: yn, billing: true },
};

export const UPDATE_PARAMS: Record<string, string[]> = Object.fromEntries(Object.entries(UPDATE).map(([field, rule]) => [rule.param, ['delacon', field]]));

/** One Update Customer request and the fields it carries. */
export interface UpdateStep {
  fields: UpdateField[];
  form: Record<string, string>;
}

/** The fields the caller set (null and undefined mean "leave as is"). */
export function updateFields(update: DelaconServiceUpdateInput): UpdateField[] {
  return (Object.keys(UPDATE) as UpdateField[]).filter((field) => update[field] !== undefined && update[field] !== null);
}

/**
 * Delacon refuses a billing flag (CallRecording, CallFeedbackSurevy, IVR) that travels with
 * anything else: the ordinary settings go in one request, then each billing flag alone.
 */
export function updateSteps(update: DelaconServiceUpdateInput): UpdateStep[] {
  const plain: UpdateStep = { fields: [], form: {} };
  const steps: UpdateStep[] = [plain];
  for (const field of updateFields(update)) {
    const rule = UPDATE[field] as { param: string; encode(value: unknown): string; billing?: true };
    const step = rule.billing ? { fields: [], form: {} } : plain;
    step.fields.push(field);
    step.form[rule.param] = rule.encode(update[field]);
    if (step !== plain) steps.push(step);
  }
  return steps.filter((step) => step.fields.length > 0);
}

/** Readable settings (GraphQL field names and values) for the fields Delacon applied. */
export function updatedService(companyId: string, update: DelaconServiceUpdateInput, applied: UpdateField[], at: IsoDateTime): ServiceRecord {
  const has = (field: UpdateField): boolean => applied.includes(field);
  return {
    provider: 'DELACON',
    providerRef: companyId,
    name: has('businessName') ? update.businessName : undefined,
    numbers: [],
    destination: has('terminationNumber') ? update.terminationNumber : undefined,
    recording: has('callRecording') ? update.callRecording : undefined,
    settings: Object.fromEntries(applied.map((field) => [field, String(update[field])])),
    updatedAt: at,
  };
}

// ---- Live Call Data Push ----

export type CallPhase = 'start' | 'end';

const END_FIELDS = ['PLA_CallResult', 'PLA_Duration', 'PLA_Answering_Point', 'PLA_VoicemailLeft', 'PLA_RecordingFile', 'PLA_Converted', 'PLA_SurveyOutcome'];
const START_FIELDS = ['PLA_CallStartTime', 'PLA_Caller_Phone_Number', 'PLA_Number_Dialed'];

/** Start and end share a route: the end is the one that reports an outcome. */
export function callPhase(fields: Record<string, string>): CallPhase | undefined {
  if (END_FIELDS.some((f) => f in fields)) return 'end';
  if (START_FIELDS.some((f) => f in fields)) return 'start';
  return undefined;
}

/** `"00000001556755937003"`: zero-padded epoch milliseconds [I]. */
export function startTime(value: string | undefined): IsoDateTime | undefined {
  return value && /^\d{1,20}$/.test(value) ? isoInstant(Number(value)) : undefined;
}

/** `"50s"` (also tolerates `"1m 5s"` and bare seconds). */
export function durationSeconds(value: string | undefined): number | undefined {
  const m = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s?)?$/i.exec(value?.trim() ?? '');
  if (!m || !value?.trim()) return undefined;
  return callSeconds(Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0));
}

const yes = (value: string | undefined): boolean | undefined => (value === undefined ? undefined : /^(y|yes|true|1)$/i.test(value));

/**
 * Delacon says answered / unanswered / busy. A voicemail only exists for calls nobody
 * answered, so an answered call stays ANSWERED whatever PLA_VoicemailLeft says.
 */
export function callStatus(result: string | undefined, voicemailLeft: boolean | undefined, seconds: number | undefined): CallStatus {
  const r = (result ?? '').toLowerCase();
  const unanswered = /(un|not|no)[\s-]*answer|missed|abandon/.test(r);
  if (!unanswered && (/answer/.test(r) || (!r && (seconds ?? 0) > 0))) return 'ANSWERED';
  if (voicemailLeft) return 'VOICEMAIL';
  if (/busy/.test(r)) return 'BUSY';
  if (/fail|error/.test(r)) return 'FAILED';
  return 'MISSED';
}

const CONVERSIONS = lookupTable<string, Conversion>({ Y: 'ONLINE', R: 'REPEAT', '': 'OFFLINE' });

function defined<T extends object>(record: T): T | undefined {
  const kept = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== ''));
  return Object.keys(kept).length ? (kept as T) : undefined;
}

/** `&mode=direct` turns the browser player link into a raw audio stream. */
export function streamUrl(recording: string): string {
  return `${recording}${recording.includes('?') ? '&' : '?'}mode=direct`;
}

/** What the gateway knows around a push: Delacon names numbers nationally and the call's two halves come apart. */
export interface CallContext {
  /** The country the push's national numbers are read in (the company's region). */
  country: CountryCode;
  /** The stored company the call belongs to, when one matches. */
  serviceRef?: string;
  /** The call as stored from its other push, when that came first. */
  earlier?: Pick<CallEventPatch, 'startedAt' | 'durationSeconds'>;
}

/** The country of a stored number (E.164), for reading the other numbers of its call. */
export function countryOf(e164: E164 | undefined): CountryCode | undefined {
  return e164 ? (partsOf(e164).country as CountryCode | undefined) : undefined;
}

/**
 * One push as a patch of the call. `fields` are the trimmed string values; `raw` is the
 * payload as received (unknown `PLA_*` fields included).
 */
export function callPatch(phase: CallPhase, fields: Record<string, string>, raw: Record<string, unknown>, context: CallContext): CallEventPatch {
  const f = (name: string): string | undefined => fields[name] || undefined;
  const { country, earlier } = context;
  // PLA_CID is "the Delacon Service ID": kept as such; serviceRef only when a stored company matches.
  const common = { provider: 'DELACON' as const, providerCallId: fields.PLA_Call_Id!, providerServiceId: f('PLA_CID'), serviceRef: context.serviceRef, raw: { [phase]: raw } };
  if (phase === 'start') {
    const startedAt = startTime(f('PLA_CallStartTime'));
    return defined({
      ...common,
      status: 'RINGING' as const,
      from: tryE164(f('PLA_Caller_Phone_Number'), country),
      to: tryE164(f('PLA_Number_Dialed'), country),
      startedAt,
      endedAt: endAfter(startedAt, earlier?.durationSeconds),
      serviceName: f('PLA_Dealer_Name'),
      serviceCategory: f('PLA_Dealer_Category'),
      websiteNumber: tryE164(f('PLA_Dealer_ID'), country),
      callerLocation: defined({ exchange: f('PLA_Exchange'), city: f('PLA_City'), state: f('PLA_State') }),
      attribution: defined({
        searchEngine: f('PLA_Search_Engine_Used'),
        searchType: f('PLA_Search_Type'),
        keywords: f('PLA_Keywords_Searched'),
        referrer: f('PLA_URL'),
        landingPage: f('PLA_Landing_Page'),
        pageCalledFrom: f('PLA_Page_Called_From'),
        sessionId: f('PLA_SESSID'),
        gaClientId: f('PLA_UAID'),
        extraTracking: f('PLA_ExtraTracking'),
      }),
    })!;
  }
  const seconds = durationSeconds(f('PLA_Duration'));
  const voicemailLeft = yes(f('PLA_VoicemailLeft'));
  const answeringPoint = f('PLA_Answering_Point');
  const answeredBy = tryE164(answeringPoint, country);
  const recording = f('PLA_RecordingFile');
  return defined({
    ...common,
    status: callStatus(f('PLA_CallResult'), voicemailLeft, seconds),
    answeredBy,
    // An answering point that is not a number (a name, or a short internal extension) is shown as it came.
    answeredByName: answeredBy ? undefined : answeringPoint,
    durationSeconds: seconds,
    endedAt: endAfter(earlier?.startedAt, seconds),
    voicemailLeft,
    surveyOutcome: f('PLA_SurveyOutcome'),
    saleAmount: f('PLA_SurveySaleAmount'),
    conversion: 'PLA_Converted' in fields ? CONVERSIONS[fields.PLA_Converted!.toUpperCase()] : undefined,
    ivrChoice: f('PLA_dtmf'),
    recordingUrl: recording,
    recordingStreamUrl: recording && streamUrl(recording),
  })!;
}

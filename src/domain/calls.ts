/**
 * Rules about calls: how the facts providers send about one call add up (each webhook knows
 * part of it, in any order), what a call's facets are (what filters, orders and statistics
 * read of it), and which calls a filter selects.
 */
import type { CallEventPatch, CallEventRecord, CallStatus, E164, IsoDateTime, MarketingAttribution, ProviderName } from './model.js';
import { isoInstant, MAX_INT } from './values.js';

/** Whole seconds of a call; undefined for what no call lasts (negative, not a number, past MAX_INT: 68 years). */
export function callSeconds(seconds: number): number | undefined {
  const whole = Math.round(seconds);
  return whole >= 0 && whole <= MAX_INT ? whole : undefined;
}

/** The moment `seconds` after `startedAt`; undefined when either is unknown or the sum is past the instants kept. */
export function endAfter(startedAt: IsoDateTime | undefined, seconds: number | undefined): IsoDateTime | undefined {
  return startedAt && seconds !== undefined ? isoInstant(Date.parse(startedAt) + seconds * 1000) : undefined;
}

/** A final status wins over RINGING whichever arrives first: a late start never undoes an end. */
function mergedStatus(current: CallStatus, incoming: CallStatus | undefined): CallStatus {
  return incoming && incoming !== 'RINGING' ? incoming : current;
}

/** Merge what a webhook knows of a call into what we had: later facts win, but a final status is never undone by a late start. */
export function mergeCall(existing: CallEventRecord, patch: CallEventPatch, now: string): CallEventRecord {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as CallEventPatch;
  // Object.assign, not `{ ...existing, ...defined, id, … }`: on Node 20 (V8 11) a spread followed
  // by properties the first object lacks builds a new hidden class per call (~40 µs per new call).
  return Object.assign({}, existing, defined, {
    id: existing.id,
    status: mergedStatus(existing.status, patch.status),
    callerLocation: existing.callerLocation || patch.callerLocation ? { ...existing.callerLocation, ...patch.callerLocation } : undefined,
    attribution: existing.attribution || patch.attribution ? { ...existing.attribution, ...patch.attribution } : undefined,
    raw: { ...existing.raw, ...patch.raw },
    createdAt: existing.createdAt,
    updatedAt: now,
  });
}

/** The first facts of a call: what it is before any other webhook about it. */
export function newCall(patch: CallEventPatch, id: string, now: string): CallEventRecord {
  return mergeCall({ id, provider: patch.provider, providerCallId: patch.providerCallId, status: 'RINGING', raw: {}, createdAt: now, updatedAt: now }, patch, now);
}

/** The same call but for `updatedAt` (key order and undefined fields do not count): a merge that added nothing. */
export function sameFacts(a: CallEventRecord, b: CallEventRecord): boolean {
  const canonical = (r: CallEventRecord) =>
    JSON.stringify({ ...r, updatedAt: undefined }, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v));
  return canonical(a) === canonical(b);
}

/**
 * A stored change of a call, as live statistics count it: the call as it was out of its row,
 * as it is into its row. Its caller's first call (firstTimeCallers) is the store's word, from
 * the statement that wrote the change.
 */
export interface CallChange {
  call: CallEventRecord;
  previous?: CallEventRecord;
  /** The store transaction that wrote it (a PostgreSQL xid8): whether a count includes it. */
  txid: string;
  /** Whether the call as it was, and as it is, is its caller's first. */
  first: { was: boolean; is: boolean };
  /** Other calls whose first-call mark the change moved: one it displaced (-1), or the caller's next first when this one left (+1). */
  marks: Array<{ call: CallEventRecord; sign: 1 | -1 }>;
}

/** Ended without anyone answering: what `missedCalls` counts and `answered: false` selects. */
export const UNANSWERED: readonly CallStatus[] = ['MISSED', 'BUSY', 'VOICEMAIL', 'FAILED'];

/**
 * What filters, orders and statistics read of a call, derived from the merged record at each
 * merge and stored beside it (the store's `call_facets`), so that the same values answer the
 * store's queries and the live subscriptions.
 */
export interface CallFacets {
  provider: ProviderName;
  status: CallStatus;
  /** When the call started; when its provider has not said (yet), when the gateway first heard of it. */
  startedAt: IsoDateTime;
  from?: E164;
  to?: E164;
  serviceRef?: string;
  serviceName?: string;
  allocationRef?: string;
  /** Talk time so far; 0 while not known. */
  durationSeconds: number;
  source?: string;
  campaign?: string;
  keywords?: string;
  landingPage?: string;
  customId?: string;
  customGroup?: string;
  /** Delacon's caller survey recorded a sale: the outcome "Sale" (or "Sales"), or a sale amount. */
  sale: boolean;
}

const text = (v: string | undefined | null): string | undefined => v?.trim() || undefined;

function url(value: string | undefined): URL | undefined {
  try {
    return value ? new URL(value.trim()) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a call came from, in the words call-tracking dashboards use, from Delacon's attribution:
 * - `source`: the landing page's `utm_source`; else the search engine (PLA_Search_Engine_Used);
 *   else the referrer's host name (PLA_URL);
 * - `campaign`: the landing page's `utm_campaign`; else the kind of visit (PLA_Search_Type:
 *   paid, organic, direct …);
 * - `landingPage`: the landing page without its query and fragment (a gclid would make every
 *   visit a page of its own).
 */
export function attributionFacets(a: MarketingAttribution | undefined): Pick<CallFacets, 'source' | 'campaign' | 'landingPage'> {
  if (!a) return {};
  const landing = url(a.landingPage);
  const utm = (name: string) => text(landing?.searchParams.get(name));
  return {
    source: utm('utm_source') ?? text(a.searchEngine) ?? text(url(a.referrer)?.hostname),
    campaign: utm('utm_campaign') ?? text(a.searchType),
    landingPage: landing ? `${landing.origin}${landing.pathname}` : text(a.landingPage?.split(/[?#]/)[0]),
  };
}

export function callFacets(call: CallEventRecord): CallFacets {
  return {
    provider: call.provider,
    status: call.status,
    startedAt: call.startedAt ?? call.createdAt,
    from: call.from,
    to: call.to,
    serviceRef: call.serviceRef,
    serviceName: call.serviceName,
    allocationRef: call.allocationRef,
    durationSeconds: call.durationSeconds ?? 0,
    ...attributionFacets(call.attribution),
    keywords: text(call.attribution?.keywords),
    customId: call.customId,
    customGroup: call.customGroup,
    sale: /^sales?$/i.test(call.surveyOutcome?.trim() ?? '') || Boolean(text(call.saleAmount)),
  };
}

/** Which calls: every field given must match. */
export interface CallFilter {
  provider?: ProviderName;
  /** The number dialled (`to`). */
  number?: string;
  serviceRef?: string;
  allocationRef?: string;
  status?: CallStatus;
  /** Started at or after. */
  startedAfter?: IsoDateTime;
  /** Started before. */
  startedBefore?: IsoDateTime;
  /** The caller. */
  from?: E164;
  /** true: ANSWERED; false: ended unanswered (UNANSWERED). A ringing call is neither. */
  answered?: boolean;
  /** See searchTerms. */
  search?: string;
  source?: string;
  campaign?: string;
  keywords?: string;
  customId?: string;
  customGroup?: string;
}

export const FILTER_LIMITS = { search: 100, text: 256 } as const;

/** Why a filter cannot be run, naming its field; undefined when it can. */
export function filterProblem(f: CallFilter): { field: string; message: string } | undefined {
  if (f.startedAfter && f.startedBefore && Date.parse(f.startedBefore) < Date.parse(f.startedAfter)) {
    return { field: 'startedBefore', message: `ends (${f.startedBefore}) before it starts (startedAfter ${f.startedAfter})` };
  }
  if ((f.search?.length ?? 0) > FILTER_LIMITS.search) return { field: 'search', message: `is longer than ${FILTER_LIMITS.search} characters` };
  for (const field of ['source', 'campaign', 'keywords', 'customId', 'customGroup'] as const) {
    if ((f[field]?.length ?? 0) > FILTER_LIMITS.text) return { field, message: `is longer than ${FILTER_LIMITS.text} characters` };
  }
  return undefined;
}

/**
 * What `search` looks for: the text in the service name (case-insensitive); and, when it is
 * written like a phone number (digits, spaces, + - . ( )), its digits in the caller's or the
 * dialled number, a national number's leading 0 left out (`02 8074 0801` finds +61280740801).
 */
export function searchTerms(search: string | undefined): { text: string; digits?: string } | undefined {
  const trimmed = search?.trim().toLowerCase();
  if (!trimmed) return undefined;
  const digits = /^[\d\s+().-]+$/.test(trimmed) ? trimmed.replace(/\D/g, '').replace(/^0/, '') : '';
  return { text: trimmed, digits: digits || undefined };
}

function searchMatches(c: CallFacets, terms: { text: string; digits?: string }): boolean {
  if (c.serviceName?.toLowerCase().includes(terms.text)) return true;
  const digits = terms.digits;
  return digits !== undefined && [c.from, c.to].some((n) => n?.includes(digits));
}

/** Does a call with these facets match the filter? `null` is a filter nothing matches (an id of another type). */
export function facetsMatch(c: CallFacets, f: CallFilter | null): boolean {
  if (!f) return false;
  const same = (want: unknown, have: unknown) => want === undefined || want === null || want === have;
  const terms = searchTerms(f.search);
  return (
    same(f.provider, c.provider) &&
    same(f.number, c.to) &&
    same(f.serviceRef, c.serviceRef) &&
    same(f.allocationRef, c.allocationRef) &&
    same(f.status, c.status) &&
    same(f.from, c.from) &&
    same(f.source, c.source) &&
    same(f.campaign, c.campaign) &&
    same(f.keywords, c.keywords) &&
    same(f.customId, c.customId) &&
    same(f.customGroup, c.customGroup) &&
    (!f.startedAfter || Date.parse(c.startedAt) >= Date.parse(f.startedAfter)) &&
    (!f.startedBefore || Date.parse(c.startedAt) < Date.parse(f.startedBefore)) &&
    (f.answered === undefined || f.answered === null || (f.answered ? c.status === 'ANSWERED' : UNANSWERED.includes(c.status))) &&
    (!terms || searchMatches(c, terms))
  );
}

export function callMatches(call: CallEventRecord, f: CallFilter | null): boolean {
  return facetsMatch(callFacets(call), f);
}

/**
 * Rules about calls: how the facts providers send about one call add up (each webhook knows
 * part of it, in any order), and which calls a filter selects.
 */
import type { CallEventPatch, CallEventRecord, CallStatus, ProviderName } from './model.js';

/** A final status wins over RINGING whichever arrives first: a late start never undoes an end. */
function mergedStatus(current: CallStatus, incoming: CallStatus | undefined): CallStatus {
  return incoming && incoming !== 'RINGING' ? incoming : current;
}

/** Merge what a webhook knows of a call into what we had: later facts win, but a final status is never undone by a late start. */
export function mergeCall(existing: CallEventRecord, patch: CallEventPatch, now: string): CallEventRecord {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as CallEventPatch;
  return {
    ...existing,
    ...defined,
    id: existing.id,
    status: mergedStatus(existing.status, patch.status),
    callerLocation: existing.callerLocation || patch.callerLocation ? { ...existing.callerLocation, ...patch.callerLocation } : undefined,
    attribution: existing.attribution || patch.attribution ? { ...existing.attribution, ...patch.attribution } : undefined,
    raw: { ...existing.raw, ...patch.raw },
    createdAt: existing.createdAt,
    updatedAt: now,
  };
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

/** Which calls: every field given must match. */
export interface CallFilter {
  provider?: ProviderName;
  /** The number dialled (`to`). */
  number?: string;
  serviceRef?: string;
  allocationRef?: string;
  status?: CallStatus;
}

/** Does the call match the filter? `null` is a filter nothing matches (an id of another type). */
export function callMatches(call: CallEventRecord, f: CallFilter | null): boolean {
  if (!f) return false;
  return (
    (!f.provider || call.provider === f.provider) &&
    (!f.number || call.to === f.number) &&
    (!f.serviceRef || call.serviceRef === f.serviceRef) &&
    (!f.allocationRef || call.allocationRef === f.allocationRef) &&
    (!f.status || call.status === f.status)
  );
}

/**
 * Exotel Lead Assist (GreenVN) as a ProviderAdapter: masked-number allocations. It checks what Exotel would
 * reject (numbers, same number on both sides, pins, region) before any upstream call, then
 * calls the client and maps.
 */
import type { AllocationRecord, E164 } from '../../domain/model.js';
import { BusinessError, ErrorCode } from '../../errors.js';
import type { Attempt, ProviderAdapter, Recovery } from '../provider.js';
import { phoneNumber, refuse } from '../validate.js';
import { ExotelClient } from './client.js';
import type { AllocateRequest, GreenVNPreferencesInput, ReassignRequest, UpdatePartiesRequest } from './inputs.js';
import { toAllocation, toCreateBody, toUpdatePartiesBody, toUpdateVnBody } from './mapping.js';
import { MAX_LENGTH } from './webhooks.js';
import { REGIONS, type CreateBody, type GreenVnData } from './wire.js';

/** E.164 numbers of one party, each checked, none twice. */
function party(numbers: E164[] | undefined, field: string, required: boolean): E164[] | undefined {
  if (numbers === undefined || numbers.length === 0) {
    if (required) refuse([field], 'At least one number is required');
    return undefined;
  }
  const out: E164[] = [];
  numbers.forEach((n, i) => {
    const number = phoneNumber(n, [field, String(i)]);
    if (out.includes(number)) refuse([field, String(i)], `${number} appears twice`, ErrorCode.DUPLICATE_NUMBERS);
    out.push(number);
  });
  return out;
}

function pins(values: number[] | undefined, field: string): void {
  values?.forEach((p, i) => {
    if (!Number.isSafeInteger(p) || p <= 0) refuse([field, String(i)], 'A pin is a positive whole number');
  });
}

function preferences(p: GreenVNPreferencesInput | undefined): GreenVNPreferencesInput | undefined {
  if (!p) return undefined;
  if (p.region && !(REGIONS as readonly string[]).includes(p.region)) {
    refuse(['preferences', 'region'], `Region must be one of ${REGIONS.join(', ')}`, ErrorCode.REGION_NOT_SUPPORTED);
  }
  if (p.pinCode && !/^\d{6}$/.test(p.pinCode)) refuse(['preferences', 'pinCode'], 'A pin code has six digits');
  return { ...p, greenVN: p.greenVN === undefined ? undefined : phoneNumber(p.greenVN, ['preferences', 'greenVN']) };
}

function sameNumberCheck(a: E164[] | undefined, b: E164[] | undefined): void {
  const i = b?.findIndex((n) => a?.includes(n)) ?? -1;
  if (i >= 0) refuse(['bPartyNumbers', String(i)], `${b![i]} cannot be on both parties`, ErrorCode.SAME_NUMBER_BOTH_PARTIES);
}

/** The create body for a request, checked the way Exotel would check it. */
function createBody(r: AllocateRequest): CreateBody {
  if (!r.connectionId?.trim()) refuse(['connectionId'], 'A connection id is required');
  // Exotel's callbacks carry it back, and the store keeps ids up to this long.
  if (r.connectionId.length > MAX_LENGTH.connection_id) refuse(['connectionId'], `A connection id has at most ${MAX_LENGTH.connection_id} characters`);
  const aPartyNumbers = party(r.aPartyNumbers, 'aPartyNumbers', true)!;
  const bPartyNumbers = party(r.bPartyNumbers, 'bPartyNumbers', true)!;
  sameNumberCheck(aPartyNumbers, bPartyNumbers);
  pins(r.aPartyPins, 'aPartyPins');
  pins(r.bPartyPins, 'bPartyPins');
  if (r.deallocateAfterSeconds !== undefined && (!Number.isSafeInteger(r.deallocateAfterSeconds) || r.deallocateAfterSeconds <= 0)) {
    refuse(['deallocateAfterSeconds'], 'Deallocation needs a positive number of seconds');
  }
  return toCreateBody({ ...r, aPartyNumbers, bPartyNumbers, preferences: preferences(r.preferences) });
}

/** A new allocation; its policy runs from when it was requested (`startedMs`). */
function allocation(data: GreenVnData, r: AllocateRequest, startedMs: number): AllocationRecord {
  const expiresAt = r.deallocateAfterSeconds === undefined ? undefined : new Date(startedMs + r.deallocateAfterSeconds * 1000).toISOString();
  // The connection id is the one sent, should the answer leave it out.
  return toAllocation({ ...data, connection_id: data.connection_id ?? r.connectionId }, { now: new Date().toISOString(), expiresAt });
}

export class ExotelAdapter implements ProviderAdapter {
  readonly name = 'EXOTEL' as const;
  constructor(private readonly client: ExotelClient) {}

  async allocate(r: AllocateRequest): Promise<AllocationRecord> {
    const started = Date.now();
    return allocation(await this.client.create(createBody(r)), r, started);
  }

  /**
   * An allocation whose answer was lost, read back by its connection id. Exotel refuses a
   * second allocation under an active connection id, so sending it again is safe whenever
   * Exotel says it holds none.
   */
  async recover(attempt: Attempt): Promise<Recovery> {
    if (attempt.operation !== 'allocate') return { state: 'unknown' };
    // The gateway recorded the request it sent this adapter.
    const request = attempt.args[0] as AllocateRequest;
    const found = await this.client.lookup(createBody(request));
    if (found === null) return { state: 'resend' };
    return found ? { state: 'done', result: allocation(found, request, Date.parse(attempt.startedAt)) } : { state: 'unknown' };
  }

  async getAllocation(providerRef: string): Promise<AllocationRecord | null> {
    try {
      return record(await this.client.get(providerRef));
    } catch (err) {
      if (err instanceof BusinessError && err.code === ErrorCode.NOT_FOUND) return null;
      throw err;
    }
  }

  async updateParties(providerRef: string, r: UpdatePartiesRequest): Promise<AllocationRecord> {
    const aPartyNumbers = party(r.aPartyNumbers, 'aPartyNumbers', false);
    const bPartyNumbers = party(r.bPartyNumbers, 'bPartyNumbers', false);
    if (!aPartyNumbers && !bPartyNumbers) refuse(['aPartyNumbers'], 'Give a-party numbers, b-party numbers or both');
    sameNumberCheck(aPartyNumbers, bPartyNumbers);
    pins(r.aPartyPins, 'aPartyPins');
    pins(r.bPartyPins, 'bPartyPins');
    return record(await this.client.updateParties(providerRef, toUpdatePartiesBody({ ...r, aPartyNumbers, bPartyNumbers })));
  }

  async reassign(providerRef: string, r: ReassignRequest): Promise<AllocationRecord> {
    return record(await this.client.updateVn(providerRef, toUpdateVnBody({ ...r, preferences: preferences(r.preferences) })));
  }

  async deallocate(providerRef: string): Promise<AllocationRecord> {
    return record(await this.client.delete(providerRef));
  }
}

/** Exotel does not say when an allocation was made or expires: the gateway's own record knows. */
function record(data: GreenVnData): AllocationRecord {
  return toAllocation(data, { now: new Date().toISOString() });
}

/**
 * VoIP Innovations as a ProviderAdapter: number search and counts, owned DIDs,
 * reservations, reserve-then-assign provisioning, DID configuration, release, portability.
 */
import type { E164, NumberOutcome, PortabilityRecord, ServiceRecord } from '../../domain/model.js';
import { BusinessError, ErrorCode } from '../../errors.js';
import type {
  Attempt,
  Inventory,
  NumberCountGrouping,
  NumberSearchFilter,
  ProviderAdapter,
  ProvisionOutcome,
  ProvisionRequest,
  Recovery,
  ServiceUpdateOutcome,
  ServiceUpdateRequest,
} from '../provider.js';
import { refuse } from '../validate.js';
import { VoipInnovationsClient } from './client.js';
import type { VoipInnovationsProvisionInput, VoipInnovationsServiceUpdateInput } from './inputs.js';
import type { DID } from './wire.js';
import { codeFailure, statusRow } from './errors.js';
import {
  ORDER_BY,
  accountOf,
  aggregateCounts,
  assignedNumber,
  configOf,
  configuredService,
  criteriaOf,
  didToNumber,
  didToService,
  e164Of,
  isDummy,
  locatorToNumber,
  outcomesOf,
  portDetailsOf,
  provisionOrder,
  tnOf,
} from './mapping.js';

/** What VoIP Innovations reads of a provision and an update: its `voipInnovations` block. */
type Provision = ProvisionRequest & { voipInnovations?: VoipInnovationsProvisionInput };
type Update = ServiceUpdateRequest & { voipInnovations?: VoipInnovationsServiceUpdateInput };

/** DIDParams per call: VoIP Innovations publishes no limit, so stay modest. */
const MAX_NUMBERS = 50;
/** isPortable takes one TN; this many calls run at once. */
const PORTABILITY_WIDTH = 4;

const defined = <T>(v: T | undefined): v is T => v !== undefined;

/** Throw the error a top-level responseCode stands for (101 "no records" is not one). */
function requireSuccess(res: { responseCode: string }): void {
  const failure = codeFailure(res.responseCode, { topLevel: true });
  if (failure) throw failure;
}

/** Map with at most `width` calls in flight, results in input order. */
async function inOrder<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

function validGroup(value: number, field: string[]): number {
  if (!Number.isInteger(value) || value < 1 || value > 2_147_483_647) {
    refuse(field, 'endpointGroup must be the positive id of one of your endpoint groups');
  }
  return value;
}

/** The order, services and numbers of a provision, from its per-number outcomes. */
function provisioned(outcomes: NumberOutcome[], input: VoipInnovationsProvisionInput, at: Date): ProvisionOutcome {
  const config = { endpointGroup: input.endpointGroup, cnam: input.cnam, refId: input.refId };
  const done = outcomes.filter((o) => o.ok).map((o) => o.e164);
  return {
    orders: [provisionOrder(outcomes, input.endpointGroup)],
    numbers: outcomes,
    services: done.map((e164) => configuredService(e164, config, at.toISOString())),
    owned: done.map((e164) => assignedNumber(e164, input.endpointGroup)),
  };
}

export class VoipInnovationsAdapter implements ProviderAdapter {
  readonly name = 'VOIP_INNOVATIONS' as const;

  constructor(private readonly client: VoipInnovationsClient) {}

  async searchNumbers(filter: NumberSearchFilter, limit: number) {
    const res = await this.client.getDIDs(criteriaOf(filter));
    requireSuccess(res);
    return res.DIDLocators.map(locatorToNumber).filter(defined).slice(0, Math.max(0, limit));
  }

  async countNumbers(filter: NumberSearchFilter, groupBy: NumberCountGrouping) {
    const res = await this.client.getDIDCount(criteriaOf(filter), ORDER_BY[groupBy]);
    requireSuccess(res);
    return aggregateCounts(res.DIDCounts, groupBy);
  }

  async ownedNumbers() {
    return (await this.inventory()).numbers;
  }

  /** auditDIDs: "all DIDs that the client currently owns", each a number and its configuration (a service). */
  async inventory(): Promise<Inventory> {
    const res = await this.client.auditDIDs();
    requireSuccess(res);
    const now = new Date().toISOString();
    return { numbers: res.DIDs.map((did) => didToNumber(did, 'ACTIVE')).filter(defined), services: res.DIDs.map((did) => didToService(did, now)).filter(defined) };
  }

  async getNumber(e164: E164) {
    const did = await this.query(e164, ['e164']);
    return (did && didToNumber(did, 'AVAILABLE')) ?? null;
  }

  async reserveNumbers(e164s: E164[]): Promise<NumberOutcome[]> {
    const res = await this.client.reserveDID(this.tns(e164s, ['numbers']).map((tn) => ({ tn })));
    requireSuccess(res);
    return outcomesOf(e164s, res.DIDs, 'RESERVED', new Date());
  }

  async releaseNumbers(e164s: E164[]): Promise<NumberOutcome[]> {
    const res = await this.client.releaseDID(this.tns(e164s, ['numbers']).map((tn) => ({ tn })));
    requireSuccess(res);
    return outcomesOf(e164s, res.DIDs, 'RELEASED', new Date());
  }

  /** One isPortable call per number; a non-NANP number simply is not portable here. */
  async checkPortability(e164s: readonly E164[]): Promise<PortabilityRecord[]> {
    return inOrder(e164s, PORTABILITY_WIDTH, async (e164) => {
      let tn: string;
      try {
        tn = tnOf(e164, []);
      } catch (err) {
        return { e164, portable: false, message: (err as Error).message };
      }
      const res = await this.client.isPortable(tn);
      const row = statusRow(res.responseCode, true);
      return row.code ? { e164, portable: false, message: row.meaning } : { e164, portable: res.IsPortable };
    });
  }

  /** auditDIDs is the account's own read; the conference line rides on it as on every answer. */
  async account() {
    const res = await this.client.auditDIDs();
    requireSuccess(res);
    return accountOf(res);
  }

  async portDetails(portId: number) {
    if (!Number.isInteger(portId) || portId < 1 || portId > 2_147_483_647) {
      refuse(['portId'], 'portId must be a positive whole number');
    }
    const res = await this.client.getPortDetails(portId);
    requireSuccess(res);
    return portDetailsOf(res.PortDetails);
  }

  /** Reserve, then assign what was reserved to the endpoint group: one outcome per number. */
  async provision(request: Provision): Promise<ProvisionOutcome> {
    const input = request.voipInnovations;
    if (!input) refuse(['voipInnovations'], 'VoIP Innovations provisioning needs its voipInnovations input');
    const group = validGroup(input.endpointGroup, ['voipInnovations', 'endpointGroup']);
    const config = { endpointGroup: group, cnam: input.cnam, refId: input.refId };
    const reserved = await this.client.reserveDID(this.tns(input.numbers, ['voipInnovations', 'numbers']).map((tn) => ({ tn, cnam: input.cnam, refId: input.refId })));
    requireSuccess(reserved);
    const outcomes = outcomesOf(input.numbers!, reserved.DIDs, 'RESERVED', new Date());

    const held = outcomes.filter((o) => o.ok);
    if (held.length > 0) {
      const assigned = await this.client.assignDID(held.map((o) => ({ tn: o.e164.slice(2), ...config })));
      // A top-level refusal (948: not our endpoint group) leaves each number reserved.
      const refusal = codeFailure(assigned.responseCode, { topLevel: true });
      const results = refusal
        ? held.map((o) => ({ e164: o.e164, ok: false, code: refusal.code, message: refusal.message, providerCode: assigned.responseCode, providerMessage: assigned.responseMessage || undefined }))
        : outcomesOf(held.map((o) => o.e164), assigned.DIDs, 'ACTIVE', new Date());
      for (const result of results) {
        const i = outcomes.findIndex((o) => o.e164 === result.e164);
        outcomes[i] = result.ok ? result : { ...outcomes[i]!, ...result };
      }
    }

    return provisioned(outcomes, input, new Date());
  }

  /**
   * A provision or reservation whose answer was lost, read back with queryDID per number. Done
   * when every number is where the call puts it (assigned to the endpoint group, or held);
   * otherwise it is sent again, which does nothing twice: VoIP Innovations answers a repeat with
   * "already reserved for you" (103220) and "already assigned to you" (103225/104225).
   */
  async recover(attempt: Attempt): Promise<Recovery> {
    const now = new Date();
    if (attempt.operation === 'reserveNumbers') {
      const found = await this.lookUp(attempt.args[0]);
      if (!found.every((n) => n?.status === 'RESERVED' || n?.status === 'ACTIVE')) return { state: 'resend' };
      return { state: 'done', result: found.map((n) => ({ e164: n!.e164, ok: true, status: n!.status, reservedUntil: n!.reservedUntil })) };
    }
    // The gateway recorded the request it sent this adapter.
    const input = attempt.operation === 'provision' ? (attempt.args[0] as Provision).voipInnovations : undefined;
    if (!input) return { state: 'unknown' };
    const found = await this.lookUp(input.numbers ?? []);
    if (!found.every((n) => n?.status === 'ACTIVE' && n.details?.endpointGroup === String(input.endpointGroup))) return { state: 'resend' };
    return { state: 'done', result: provisioned(found.map((n) => ({ e164: n!.e164, ok: true, status: 'ACTIVE' })), input, now) };
  }

  /** Each number as queryDID shows it; null when it is not there or is another company's. */
  private lookUp(e164s: E164[]) {
    return inOrder(e164s, PORTABILITY_WIDTH, async (e164) => {
      try {
        const did = await this.query(e164, []);
        return did && didToNumber(did, 'AVAILABLE');
      } catch (err) {
        if (err instanceof BusinessError) return null;
        throw err;
      }
    });
  }

  /**
   * configDID on one DID. It takes a whole configuration (the endpoint group is a required
   * int), so settings the caller leaves out are filled in from queryDID.
   */
  async updateService(request: Update): Promise<ServiceUpdateOutcome> {
    const input = request.voipInnovations;
    const fields = (['endpointGroup', 'cnam', 'refId'] as const).filter((k) => input?.[k] !== undefined);
    if (!input || fields.length === 0) {
      refuse(['voipInnovations'], 'Give at least one of endpointGroup, cnam, refId');
    }
    if (input.endpointGroup !== undefined) validGroup(input.endpointGroup, ['voipInnovations', 'endpointGroup']);
    const e164 = request.serviceRef;
    const did = await this.owned(e164);
    const config = { ...configOf(did), ...Object.fromEntries(fields.map((k) => [k, input[k]])) };

    const res = await this.client.configDID([{ tn: e164.slice(2), ...config }]);
    const refusal = codeFailure(res.responseCode, { topLevel: true });
    const [outcome] = refusal ? [{ ok: false, code: refusal.code, message: refusal.message }] : outcomesOf([e164], res.DIDs, 'ACTIVE', new Date());
    const now = new Date().toISOString();
    return {
      service: outcome!.ok ? configuredService(e164, config, now) : didToService(did, now),
      parts: [{ fields, applied: outcome!.ok, pending: false, message: outcome!.message, code: outcome!.code }],
    };
  }

  async getService(serviceRef: string): Promise<ServiceRecord | null> {
    const did = await this.query(serviceRef, ['serviceRef']);
    return did && didToNumber(did)?.status === 'ACTIVE' ? (didToService(did, new Date().toISOString()) ?? null) : null;
  }

  async listServices(): Promise<ServiceRecord[]> {
    return (await this.inventory()).services;
  }

  /** queryDID: the DID row (another company's too: status UNAVAILABLE), null for "no records". */
  private async query(e164: E164, field: string[]): Promise<DID | null> {
    const res = await this.client.queryDID(tnOf(e164, field));
    requireSuccess(res);
    // Only a row of the number asked for says anything about it.
    const did = res.DIDs.find((d) => e164Of(d.tn) === e164);
    if (!did || isDummy(did)) return null;
    const failure = codeFailure(did.statusCode ?? '', { field });
    if (failure) throw failure;
    return did;
  }

  /** A DID assigned to this account, or the reason it is not. */
  private async owned(e164: E164): Promise<DID> {
    const field = ['serviceRef'];
    const did = await this.query(e164, field);
    if (!did) refuse(field, `VoIP Innovations has no number ${e164}`, ErrorCode.NOT_FOUND);
    const status = didToNumber(did, 'AVAILABLE')?.status;
    if (status !== 'ACTIVE') {
      const why = status === 'RESERVED' ? 'is only reserved; provision it first' : 'is not assigned to this account';
      refuse(field, `${e164} ${why}`, ErrorCode.NUMBER_NOT_OWNED);
    }
    return did;
  }

  /** Validate a multi-number input: 1..MAX distinct NANP numbers, as TNs. */
  private tns(e164s: E164[] | undefined, field: string[]): string[] {
    if (!e164s?.length) refuse(field, 'Give at least one number');
    if (e164s.length > MAX_NUMBERS) refuse(field, `At most ${MAX_NUMBERS} numbers per request`, ErrorCode.TOO_MANY_NUMBERS);
    if (new Set(e164s).size !== e164s.length) refuse(field, 'A number appears more than once', ErrorCode.DUPLICATE_NUMBERS);
    return e164s.map((e164, i) => tnOf(e164, [...field, String(i)]));
  }
}

/**
 * Delacon's Provisioning API on the wire: form-encoded POSTs carrying the API key in a
 * header literally named `Auth`, JSON answers whose `RESULT` is the verdict.
 */
import type { DelaconConfig } from '../../config.js';
import type { ProviderDeps } from '../provider.js';
import { Upstream, statusFailure } from '../upstream.js';
import type { Shape } from '../shape.js';
import { delaconFailure, type DelaconVerdict } from './errors.js';

export interface ProvisionReply extends DelaconVerdict {
  RESULT: 'OK' | 'WAIT' | 'FAIL';
  OrderId?: string;
  /** New or existing company id (OK only). */
  CID?: string;
  /** `"1234, 3456, 5678"`: national numbers, comma separated (OK only). */
  Numbers?: string;
}

export interface UpdateReply extends DelaconVerdict {
  RESULT: 'OK';
}

export interface NumberTypesReply {
  Region?: string;
  NumberTypes: { key: string; desc: string }[];
}

type Form = Record<string, string>;

/** Every answer is an object; a verdict, when there is one, a string. */
const VERDICT: Shape = { RESULT: 'string?', MESSAGE: 'string?' };
/** What each outcome of Create Customer must carry for the order to be kept and settled. */
const PROVISION: Record<ProvisionReply['RESULT'], Shape> = {
  OK: { OrderId: 'string?', CID: 'text', Numbers: 'string' },
  // A WAIT is settled later by a callback naming its OrderId.
  WAIT: { OrderId: 'text', MESSAGE: 'string?' },
  FAIL: { OrderId: 'string?', MESSAGE: 'string?' },
};
const NUMBER_TYPES: Shape = { NumberTypes: [{ key: 'id', desc: 'string?' }] };

export class DelaconClient {
  private readonly upstream: Upstream;

  constructor(live: DelaconConfig, deps: Pick<ProviderDeps, 'log' | 'timeoutMs'>) {
    this.upstream = new Upstream({
      provider: 'DELACON',
      baseUrl: live.baseUrl,
      timeoutMs: deps.timeoutMs,
      log: deps.log,
      headers: { Auth: live.authToken },
    });
  }

  /**
   * Create Customer, or more numbers for `companyID`. OK, WAIT and FAIL are order outcomes
   * and come back; anything else is thrown. Never retried: a repeat would order twice.
   */
  async provision(form: Form, fields?: Record<string, string[]>): Promise<ProvisionReply> {
    const reply = await this.post<ProvisionReply>('provision', '/rest/config/provision', form, false, (r) => PROVISION[r.RESULT as ProvisionReply['RESULT']]);
    if (Object.hasOwn(PROVISION, reply.RESULT)) return reply;
    throw delaconFailure(reply, fields);
  }

  /** Update Customer: OK comes back, every other verdict is thrown. Not retried (it may bill). */
  async updateCustomer(companyId: string, form: Form, fields?: Record<string, string[]>): Promise<UpdateReply> {
    const reply = await this.post<UpdateReply>('updateCustomer', `/rest/config/updatecustomer/${encodeURIComponent(companyId)}`, form, false);
    if (reply.RESULT === 'OK') return reply;
    throw delaconFailure(reply, fields);
  }

  /** Get Region Number Types. A read, so safe to retry; success carries no RESULT. */
  async numberTypes(location: string): Promise<NumberTypesReply> {
    const reply = await this.post<Partial<NumberTypesReply> & DelaconVerdict>('getNumberTypes', `/rest/config/getnumbertypes/${encodeURIComponent(location)}`, undefined, true, (r) =>
      r.RESULT === undefined ? NUMBER_TYPES : undefined,
    );
    if (Array.isArray(reply.NumberTypes)) return reply as NumberTypesReply;
    throw delaconFailure(reply);
  }

  /** `shapeOf` names what the answer must carry beyond a verdict, given the verdict. */
  private async post<T extends object>(operation: string, path: string, form: Form | undefined, idempotent: boolean, shapeOf: (verdict: DelaconVerdict) => Shape | undefined = () => undefined): Promise<T> {
    const res = await this.upstream.request({ operation, method: 'POST', path, form, idempotent });
    if (res.status < 200 || res.status >= 300) throw statusFailure('DELACON', res);
    const verdict = this.upstream.read<DelaconVerdict>(this.upstream.json(res, operation), VERDICT, res, operation);
    const shape = shapeOf(verdict);
    return (shape ? this.upstream.read<T>(verdict, shape, res, operation) : verdict) as T;
  }
}

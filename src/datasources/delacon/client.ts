/**
 * Delacon's Provisioning API on the wire: form-encoded POSTs carrying the API key in a
 * header literally named `Auth`, JSON answers whose `RESULT` is the verdict.
 */
import type { DelaconConfig } from '../../config.js';
import type { ProviderDeps } from '../port.js';
import { Upstream, statusFailure } from '../http.js';
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
    const reply = await this.post<ProvisionReply>('provision', '/rest/config/provision', form, false);
    if (reply.RESULT === 'OK' || reply.RESULT === 'WAIT' || reply.RESULT === 'FAIL') return reply;
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
    const reply = await this.post<Partial<NumberTypesReply> & DelaconVerdict>('getNumberTypes', `/rest/config/getnumbertypes/${encodeURIComponent(location)}`, undefined, true);
    if (Array.isArray(reply.NumberTypes)) return reply as NumberTypesReply;
    throw delaconFailure(reply);
  }

  private async post<T extends object>(operation: string, path: string, form: Form | undefined, idempotent: boolean): Promise<T> {
    const res = await this.upstream.request({ operation, method: 'POST', path, form, idempotent });
    if (res.status < 200 || res.status >= 300) throw statusFailure('DELACON', res);
    const body = this.upstream.json<unknown>(res, operation);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw delaconFailure({});
    return body as T;
  }
}

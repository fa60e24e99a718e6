/**
 * Delacon's Provisioning API on the wire: form-encoded POSTs carrying the API key in a
 * header literally named `Auth`, JSON answers whose `RESULT` is the verdict.
 */
import type { ProviderDeps } from '../provider.js';
import type { Shape } from '../shape.js';
import { Upstream, isSuccess, type UpstreamRequest, type UpstreamResponse } from '../upstream.js';
import { errorFromResponse } from './errors.js';
import { PROVISION_PARAMS, UPDATE_PARAMS } from './mapping.js';
import type { DelaconConfig } from './module.js';
import type { DelaconVerdict, Form, NumberTypesReply, ProvisionReply, UpdateReply } from './wire.js';

/** One Delacon call: which verdicts are its answers (any other is a failure) and, for INVALID, which input field each parameter is. */
export interface DelaconCall extends UpstreamRequest {
  answers: readonly (string | undefined)[];
  fields?: Record<string, string[]>;
}

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

export class DelaconClient extends Upstream<DelaconCall, DelaconVerdict> {
  constructor(live: DelaconConfig, deps: Pick<ProviderDeps, 'log' | 'timeoutMs'>) {
    super({ provider: 'DELACON', baseUrl: live.baseUrl, timeoutMs: deps.timeoutMs, log: deps.log, headers: { Auth: live.authToken } });
  }

  /** Create Customer, or more numbers for `companyID`. OK, WAIT and FAIL are order outcomes. Never retried: a repeat would order twice. */
  provision(form: Form): Promise<ProvisionReply> {
    const call = { operation: 'provision', method: 'POST', path: '/rest/config/provision', form, idempotent: false, answers: ['OK', 'WAIT', 'FAIL'], fields: PROVISION_PARAMS } as const;
    return this.fetch(call, (reply: ProvisionReply) => PROVISION[reply.RESULT]);
  }

  /** Update Customer: only OK is an answer. Not retried (it may bill). */
  updateCustomer(companyId: string, form: Form): Promise<UpdateReply> {
    return this.fetch({ operation: 'updateCustomer', method: 'POST', path: `/rest/config/updatecustomer/${encodeURIComponent(companyId)}`, form, idempotent: false, answers: ['OK'], fields: UPDATE_PARAMS });
  }

  /** Get Region Number Types. A read, so safe to retry; success carries no RESULT. */
  numberTypes(location: string): Promise<NumberTypesReply> {
    return this.fetch({ operation: 'getNumberTypes', method: 'POST', path: `/rest/config/getnumbertypes/${encodeURIComponent(location)}`, idempotent: true, answers: [undefined] }, NUMBER_TYPES);
  }

  /** A success's verdict must be readable before the error table reads it. */
  protected override parseBody(res: UpstreamResponse, call: DelaconCall): DelaconVerdict | undefined {
    const body = super.parseBody(res, call);
    return isSuccess(res) ? this.read<DelaconVerdict>(body, VERDICT, res, call.operation) : body;
  }

  protected override errorFromResponse(res: UpstreamResponse, verdict: DelaconVerdict | undefined, call: DelaconCall) {
    return errorFromResponse(res, verdict, call);
  }
}

/**
 * Delacon reports every verdict in the JSON field `RESULT` (HTTP 200 throughout [I]); this
 * is the one place where those verdicts become ErrorCodes.
 */
import { BusinessError, ErrorCode, GatewayError, providerFailure } from '../../errors.js';
import { isSuccess, statusFailure, type ErrorFromResponse } from '../upstream.js';
import type { DelaconCall } from './client.js';
import type { DelaconVerdict } from './wire.js';

/**
 * Every Delacon code that is not a success (OK, WAIT, or Get Region Number Types' bare
 * `NumberTypes`). A FAIL whose MESSAGE says `<Feature> Provisioned:No` is its own row. An
 * unknown RESULT is UPSTREAM_ERROR; a non-2xx status falls back on `statusFailure`.
 */
export const DELACON_ERRORS = {
  INVALID: ErrorCode.VALIDATION_FAILED,
  FAIL: ErrorCode.PROVIDER_REJECTED,
  'Provisioned:No': ErrorCode.FEATURE_NOT_PROVISIONED,
  LOGIN_FAILED: ErrorCode.UPSTREAM_AUTH_FAILED,
} as const satisfies Record<string, ErrorCode>;

/** Delacon's MESSAGE is written for people; keep it short and on one line. */
function said(message: string | undefined): string {
  const text = (message ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text || 'no reason given';
}

/**
 * The failure a Delacon answer stands for: a status other than 2xx by its HTTP meaning, a
 * verdict that is not one of the call's answers by the table. The call's `fields` map Delacon
 * parameter names to our input paths, so an INVALID whose message names a parameter points at
 * the field the caller sent.
 */
export const errorFromResponse: ErrorFromResponse<DelaconVerdict, DelaconCall> = (res, verdict, call) => {
  if (!isSuccess(res)) return statusFailure('DELACON', res);
  return call.answers.includes(verdict?.RESULT) ? undefined : failure(verdict ?? {}, call.fields);
};

function failure(verdict: DelaconVerdict, fields: Record<string, string[]> = {}): BusinessError | GatewayError {
  const message = said(verdict.MESSAGE);
  switch (verdict.RESULT) {
    case 'INVALID': {
      const param = message.split(/[^\w]+/).find((word) => Object.hasOwn(fields, word));
      return providerFailure('DELACON', DELACON_ERRORS.INVALID, `Delacon rejected the request: ${message}`, { field: param ? fields[param] : undefined });
    }
    case 'FAIL': {
      const feature = /(\w+)\s+Provisioned\s*:\s*No/i.exec(message)?.[1];
      if (feature) {
        return providerFailure('DELACON', DELACON_ERRORS['Provisioned:No'], `${feature} is not provisioned for this company at Delacon: ask Delacon to provision it first`);
      }
      return providerFailure('DELACON', DELACON_ERRORS.FAIL, `Delacon could not process the request: ${message}`);
    }
    case 'LOGIN_FAILED':
      return providerFailure('DELACON', DELACON_ERRORS.LOGIN_FAILED, "Delacon rejected the gateway's Auth token", { detail: verdict.MESSAGE });
    default:
      return new GatewayError(ErrorCode.UPSTREAM_ERROR, 'Delacon answered with a result the gateway does not know', { provider: 'DELACON', detail: verdict });
  }
}

/**
 * VoIP Innovations' codes onto ErrorCode. Business errors arrive as HTTP 200: a top-level
 * `responseCode` and, per DID, a `statusCode` of the form 10 M RRR (M: 1 audit, 2 query,
 * 3 reserve, 4 assign, 5 config, 6 release). Top-level and per-DID codes never collide, so
 * one table holds both. SOAP faults arrive as HTTP 500.
 */
import type { NumberStatus } from '../../domain/model.js';
import { BusinessError, ErrorCode, GatewayError, providerFailure } from '../../errors.js';
import { lookupTable } from '../validate.js';
import { statusFailure, type ErrorFromResponse, type UpstreamResponse } from '../upstream.js';
import type { SoapCall, SoapReply } from './client.js';

const PROVIDER = 'VOIP_INNOVATIONS';

export interface StatusRow {
  meaning: string;
  /** Absent: the code is an outcome (the number is where the caller wanted it), not an error. */
  code?: ErrorCode;
  /** "No records found": an empty result, never a number. */
  empty?: true;
  /** Where the number stands after a success-like code other than 100. */
  status?: NumberStatus;
}

export const STATUS_CODES = lookupTable<string, StatusRow>({
  // Top-level responseCode (100 is also every DID's plain success).
  '100': { meaning: 'Success' },
  '101': { meaning: 'No records found', empty: true },
  '900': { meaning: 'VoIP Innovations hit an internal exception', code: ErrorCode.UPSTREAM_ERROR },
  '901': { meaning: "VoIP Innovations does not know the gateway's client IP", code: ErrorCode.UPSTREAM_AUTH_FAILED },
  '902': { meaning: "VoIP Innovations rejected the gateway's login, secret or IP", code: ErrorCode.UPSTREAM_AUTH_FAILED },
  '944': { meaning: 'Invalid number', code: ErrorCode.INVALID_NUMBER },
  '948': { meaning: 'The account does not own this endpoint group', code: ErrorCode.ENDPOINT_GROUP_INVALID },
  '302490': { meaning: 'No search criteria defined', code: ErrorCode.VALIDATION_FAILED },
  // auditDIDs
  '101200': { meaning: 'No records found', empty: true },
  // queryDID
  // queryDID of another company's number "will return such information": the number, held elsewhere.
  '102230': { meaning: 'Number is reserved for another company', status: 'UNAVAILABLE' },
  '102235': { meaning: 'Number is assigned to another company', status: 'UNAVAILABLE' },
  '102420': { meaning: 'No records found', empty: true },
  // reserveDID
  '103220': { meaning: 'Number is already reserved for you', status: 'RESERVED' },
  '103221': { meaning: 'Unknown error reserving number', code: ErrorCode.PROVIDER_REJECTED },
  '103225': { meaning: 'Number is already assigned to you', status: 'ACTIVE' },
  '103230': { meaning: 'Number is reserved for another company', code: ErrorCode.NUMBER_NOT_AVAILABLE },
  '103235': { meaning: 'Number is assigned to another company', code: ErrorCode.NUMBER_NOT_AVAILABLE },
  '103250': { meaning: 'The account does not buy 800 (toll-free) origination', code: ErrorCode.ACCOUNT_NOT_ENABLED },
  '103259': { meaning: 'Tier not available to the account', code: ErrorCode.TIER_NOT_AVAILABLE },
  '103420': { meaning: 'Could not find number', code: ErrorCode.NOT_FOUND },
  // assignDID
  '104220': { meaning: 'Number is reserved for you but was not assigned', code: ErrorCode.PROVIDER_REJECTED },
  '104221': { meaning: 'Unknown error assigning number', code: ErrorCode.PROVIDER_REJECTED },
  '104225': { meaning: 'Number is already assigned to you', status: 'ACTIVE' },
  '104230': { meaning: 'Number is reserved for another company', code: ErrorCode.NUMBER_NOT_AVAILABLE },
  '104235': { meaning: 'Number is assigned to another company', code: ErrorCode.NUMBER_NOT_AVAILABLE },
  '104250': { meaning: 'The account does not buy 800 (toll-free) origination', code: ErrorCode.ACCOUNT_NOT_ENABLED },
  '104251': { meaning: 'The account does not buy standard origination', code: ErrorCode.ACCOUNT_NOT_ENABLED },
  '104258': { meaning: 'This endpoint group cannot serve this number', code: ErrorCode.ENDPOINT_GROUP_INVALID },
  '104259': { meaning: 'Tier not available to the account', code: ErrorCode.TIER_NOT_AVAILABLE },
  '104420': { meaning: 'Could not find number', code: ErrorCode.NOT_FOUND },
  // configDID: someone else's number is not ours to configure, hence NOT_OWNED for 230/235.
  '105221': { meaning: 'Number is not currently assigned to you', code: ErrorCode.NUMBER_NOT_OWNED },
  '105225': { meaning: 'Number is assigned to you', status: 'ACTIVE' },
  '105230': { meaning: 'Number is reserved for another company', code: ErrorCode.NUMBER_NOT_OWNED },
  '105235': { meaning: 'Number is assigned to another company', code: ErrorCode.NUMBER_NOT_OWNED },
  '105250': { meaning: 'The account does not buy 800 (toll-free) origination', code: ErrorCode.ACCOUNT_NOT_ENABLED },
  '105251': { meaning: 'The account does not buy standard origination', code: ErrorCode.ACCOUNT_NOT_ENABLED },
  '105258': { meaning: 'This endpoint group cannot serve this number', code: ErrorCode.ENDPOINT_GROUP_INVALID },
  '105420': { meaning: 'Could not find number', code: ErrorCode.NOT_FOUND },
  // releaseDID: 106231 ("currently available") is how a successful release reads.
  '106220': { meaning: 'Number is still reserved for you; a reservation lapses by itself after 30 minutes', code: ErrorCode.NOT_PERMITTED },
  '106225': { meaning: 'Number is still assigned to you', code: ErrorCode.PROVIDER_REJECTED },
  '106230': { meaning: 'Number is reserved for another company', code: ErrorCode.NUMBER_NOT_OWNED },
  '106231': { meaning: 'Number released: currently available', status: 'RELEASED' },
  '106235': { meaning: 'Number is assigned to another company', code: ErrorCode.NUMBER_NOT_OWNED },
  '106241': { meaning: 'Number was released before and is no longer available', code: ErrorCode.ALREADY_RELEASED },
  '106420': { meaning: 'Could not find number', code: ErrorCode.NOT_FOUND },
});

/** The row for a code; unknown codes read as a refusal (per DID) or an upstream error (top level). */
export function statusRow(code: string, topLevel = false): StatusRow {
  return (
    STATUS_CODES[code.trim()] ?? {
      meaning: `VoIP Innovations answered code ${code.trim() || '(none)'}`,
      code: topLevel ? ErrorCode.UPSTREAM_ERROR : ErrorCode.PROVIDER_REJECTED,
    }
  );
}

/** The error a code stands for, or undefined when the code is a success or an empty result. */
export function codeFailure(code: string, opts: { topLevel?: boolean; field?: string[] } = {}): BusinessError | GatewayError | undefined {
  const row = statusRow(code, opts.topLevel);
  return row.code ? providerFailure(PROVIDER, row.code, row.meaning, { field: opts.field }) : undefined;
}

/**
 * The failure a SOAP answer stands for: any status but 200 (see `httpFailure`), or a
 * top-level `responseCode` that is an infrastructure failure (900/901/902). Business codes
 * are outcomes the adapter reads (`codeFailure`), per call and per DID.
 */
export const errorFromResponse: ErrorFromResponse<SoapReply, SoapCall> = (res, reply) => {
  if (res.status !== 200) return httpFailure(res, reply?.faultCode);
  const failure = codeFailure(String(reply?.result?.responseCode ?? ''), { topLevel: true });
  return failure instanceof GatewayError ? failure : undefined;
};

/**
 * A non-200 answer: ASP.NET sends SOAP faults over HTTP 500. `soap:Client` means our
 * envelope was refused (a gateway bug, not the caller's), `soap:Server` that the service failed.
 */
function httpFailure(res: UpstreamResponse, faultCode: string | undefined): GatewayError {
  if (faultCode?.endsWith('Client')) {
    return new GatewayError(ErrorCode.UPSTREAM_ERROR, 'VoIP Innovations refused the request envelope', { provider: PROVIDER, detail: res.body, nothingDone: true });
  }
  if (faultCode) {
    return new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, 'VoIP Innovations failed to process the request', { provider: PROVIDER, detail: res.body });
  }
  return statusFailure(PROVIDER, res);
}

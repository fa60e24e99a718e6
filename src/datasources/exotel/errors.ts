/**
 * Exotel Lead Assist error table: every body `code` of the vendor's Appendix 1 and the extra
 * HTTP statuses of its response-field table (402, 429, 452, 499) onto one ErrorCode each.
 * Messages are ours: Exotel's `message` and body go to the logs only.
 */
import { ErrorCode, providerFailure, type BusinessError, type GatewayError } from '../../errors.js';
import { isSuccess, statusFailure, type ErrorFromResponse, type UpstreamResponse } from '../upstream.js';
import type { Envelope } from './wire.js';

export interface ExotelErrorRow {
  code: ErrorCode;
  message: string;
  /** Input field the verdict is about, when the code names one. */
  field?: string[];
}

/** Body `code` → outcome (the HTTP status Exotel pairs with it is in the comment). */
export const EXOTEL_CODES: Readonly<Record<number, ExotelErrorRow>> = {
  0: { code: ErrorCode.UPSTREAM_UNAVAILABLE, message: 'Exotel had an internal error' }, // 500
  1: { code: ErrorCode.NOT_FOUND, message: 'Exotel knows no such GreenVN allocation' }, // 404
  2: { code: ErrorCode.UNSUPPORTED_FILTER, message: 'Exotel does not support one of the search filters' }, // 400
  3: { code: ErrorCode.VALIDATION_FAILED, message: 'Exotel is missing a mandatory parameter' }, // 400
  4: { code: ErrorCode.NO_NUMBER_AVAILABLE, message: 'No free GreenVN matches the request' }, // 452
  5: { code: ErrorCode.VALIDATION_FAILED, message: 'Exotel found bad or missing parameters in the request' }, // 400
  7: { code: ErrorCode.UPSTREAM_AUTH_FAILED, message: "Exotel rejected the gateway's credentials" }, // 401
  8: { code: ErrorCode.NOT_PERMITTED, message: 'Exotel does not permit this operation on this account' }, // 403
  9: { code: ErrorCode.UPSTREAM_ERROR, message: 'Exotel refused the API version the gateway speaks' }, // 400
  13: { code: ErrorCode.DUPLICATE_NUMBERS, message: 'The numbers of a party are duplicates' }, // 409
  14: { code: ErrorCode.SAME_NUMBER_BOTH_PARTIES, message: 'A number cannot be on both the a-party and the b-party', field: ['bPartyNumbers'] }, // 409
  15: { code: ErrorCode.REGION_NOT_SUPPORTED, message: 'Exotel does not support this region', field: ['preferences', 'region'] }, // 403
  16: { code: ErrorCode.INVALID_NUMBER, message: 'Exotel rejected a number as invalid' }, // 400
  17: { code: ErrorCode.TOO_MANY_NUMBERS, message: 'Too many allocation requests or numbers in one request' }, // 413
  18: { code: ErrorCode.DUPLICATE_CONNECTION_ID, message: 'An allocation with this connection id already exists', field: ['connectionId'] }, // 409
  19: { code: ErrorCode.PIN_CONFLICT, message: 'A number or pin is already registered with another pin' }, // 409
  20: { code: ErrorCode.NOT_FOUND, message: 'Exotel knows no such group and number mapping' }, // 404
  22: { code: ErrorCode.ALREADY_DEALLOCATED, message: 'This GreenVN allocation is already deallocated' }, // 410
  23: { code: ErrorCode.VALIDATION_FAILED, message: 'Exotel rejected the date range' }, // 400
  50: { code: ErrorCode.INVALID_CALL_FLOW, message: 'The call flow is not valid for this account', field: ['flowId'] }, // 422
};

/**
 * HTTP statuses that mean more than the body says. They win over the body code: a 429 may
 * carry code 17, but the gateway must back off, not blame the input.
 */
export const EXOTEL_STATUSES: Readonly<Record<number, ExotelErrorRow>> = {
  402: { code: ErrorCode.UPSTREAM_AUTH_FAILED, message: 'Exotel refused the request as unauthorized' },
  429: { code: ErrorCode.RATE_LIMITED, message: 'Exotel is throttling the gateway' },
  452: { code: ErrorCode.NO_NUMBER_AVAILABLE, message: 'No free GreenVN matches the request' },
  499: { code: ErrorCode.UPSTREAM_TIMEOUT, message: 'Exotel timed out answering' },
};

/** The failure an Exotel answer stands for: any status but 2xx, or an envelope that says `success: false`. */
export const errorFromResponse: ErrorFromResponse<Envelope> = (res, envelope) =>
  isSuccess(res) && envelope?.success !== false && envelope?.success !== 'false' ? undefined : failure(res, envelope);

/** The body's `status` mirrors the HTTP status; it is read too in case an error ever arrives under HTTP 200. */
function failure(res: UpstreamResponse, envelope: Envelope | undefined): BusinessError | GatewayError {
  const status = res.status < 300 && typeof envelope?.status === 'number' ? envelope.status : res.status;
  const code = envelope?.code === null || envelope?.code === undefined ? undefined : Number(envelope.code);
  const row = EXOTEL_STATUSES[status] ?? (code === undefined ? undefined : EXOTEL_CODES[code]);
  if (!row) return statusFailure('EXOTEL', { ...res, status });
  return providerFailure('EXOTEL', row.code, row.message, { field: row.field, retryAfterSeconds: res.retryAfterSeconds, detail: res.body });
}

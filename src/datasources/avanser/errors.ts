/**
 * AVANSER failures -> ErrorCode. The error format is not documented: the inferred shape is the
 * usual envelope whose `response` carries a 4xx/5xx `code` and a `message` (the ack carries
 * `code: 200, message: "Success"`), with the same status on HTTP. Rows match the code and,
 * where one code means several things, the message. Client messages are ours, never AVANSER's.
 */
import { ErrorCode, providerFailure, type BusinessError, type GatewayError } from '../../errors.js';
import { statusFailure, type ErrorFromResponse, type UpstreamResponse } from '../upstream.js';

export interface AvanserErrorRow {
  code: number;
  /** Tested against AVANSER's `message` when one code covers several outcomes. */
  message?: RegExp;
  error: ErrorCode;
  text: string;
}

/** First matching row wins. */
export const AVANSER_ERRORS: readonly AvanserErrorRow[] = [
  { code: 400, message: /invalid (?:phone |service |answer point )?number|number is (?:not valid|invalid)/i, error: ErrorCode.INVALID_NUMBER, text: 'AVANSER rejected a phone number as invalid' },
  { code: 400, error: ErrorCode.VALIDATION_FAILED, text: 'AVANSER rejected the request as invalid' },
  { code: 401, error: ErrorCode.UPSTREAM_AUTH_FAILED, text: "AVANSER rejected the gateway's credentials" },
  { code: 403, error: ErrorCode.UPSTREAM_AUTH_FAILED, text: "The gateway's AVANSER user may not do this on the account" },
  { code: 404, error: ErrorCode.NOT_FOUND, text: 'AVANSER knows no such service or request' },
  { code: 409, message: /no .*numbers? .*available|out of stock|stock (?:is )?(?:empty|exhausted)/i, error: ErrorCode.NO_NUMBER_AVAILABLE, text: 'AVANSER has no number in stock matching the search' },
  { code: 409, error: ErrorCode.NUMBER_NOT_AVAILABLE, text: 'The requested number is not available at AVANSER' },
  { code: 422, error: ErrorCode.VALIDATION_FAILED, text: 'AVANSER rejected the request as invalid' },
  { code: 429, error: ErrorCode.RATE_LIMITED, text: 'AVANSER is rate limiting the gateway' },
  { code: 500, error: ErrorCode.UPSTREAM_UNAVAILABLE, text: 'AVANSER is unavailable' },
  { code: 502, error: ErrorCode.UPSTREAM_UNAVAILABLE, text: 'AVANSER is unavailable' },
  { code: 503, error: ErrorCode.UPSTREAM_UNAVAILABLE, text: 'AVANSER is unavailable' },
  { code: 504, error: ErrorCode.UPSTREAM_TIMEOUT, text: 'AVANSER timed out' },
];

/** `code` and `message` of an error body, inside `response` or at the top level. */
function errorFields(body: unknown): { code?: number; message: string } {
  const outer = (body ?? {}) as Record<string, unknown>;
  const inner = (typeof outer.response === 'object' && outer.response !== null ? outer.response : outer) as Record<string, unknown>;
  const code = Number(inner.code);
  return { code: Number.isInteger(code) && code > 0 ? code : undefined, message: typeof inner.message === 'string' ? inner.message : '' };
}

/**
 * The failure an AVANSER answer stands for: an HTTP status of 400 or more, or an envelope
 * whose `code` is (a 2xx answer can carry one: the body's code wins then).
 */
export const errorFromResponse: ErrorFromResponse = (res, body) => (res.status >= 400 || (errorFields(body).code ?? 0) >= 400 ? failure(res, body) : undefined);

function failure(res: UpstreamResponse, body: unknown): BusinessError | GatewayError {
  const { code, message } = errorFields(body);
  const status = code !== undefined && (code >= 400 || res.status < 400) ? code : res.status;
  const row = AVANSER_ERRORS.find((r) => r.code === status && (!r.message || r.message.test(message)));
  if (!row) return statusFailure('AVANSER', { ...res, status });
  return providerFailure('AVANSER', row.error, row.text, { retryAfterSeconds: res.retryAfterSeconds, detail: message || res.body });
}

import { describe, expect, it } from 'vitest';
import type { UpstreamResponse } from '../../src/datasources/upstream.js';
import { EXOTEL_CODES, EXOTEL_STATUSES, errorFromResponse } from '../../src/datasources/exotel/errors.js';
import { unwrapOne } from '../../src/datasources/exotel/mapping.js';
import type { Envelope } from '../../src/datasources/exotel/wire.js';
import { BusinessError, ErrorCode, GatewayError } from '../../src/errors.js';
import { fixture } from './helpers.js';

/** Appendix 1 and the response-field table: code, HTTP status, what it becomes. */
const TABLE: [number, number, ErrorCode][] = [
  [0, 500, ErrorCode.UPSTREAM_UNAVAILABLE],
  [1, 404, ErrorCode.NOT_FOUND],
  [2, 400, ErrorCode.UNSUPPORTED_FILTER],
  [3, 400, ErrorCode.VALIDATION_FAILED],
  [4, 452, ErrorCode.NO_NUMBER_AVAILABLE],
  [5, 400, ErrorCode.VALIDATION_FAILED],
  [7, 401, ErrorCode.UPSTREAM_AUTH_FAILED],
  [8, 403, ErrorCode.NOT_PERMITTED],
  [9, 400, ErrorCode.UPSTREAM_ERROR],
  [13, 409, ErrorCode.DUPLICATE_NUMBERS],
  [14, 409, ErrorCode.SAME_NUMBER_BOTH_PARTIES],
  [15, 403, ErrorCode.REGION_NOT_SUPPORTED],
  [16, 400, ErrorCode.INVALID_NUMBER],
  [17, 413, ErrorCode.TOO_MANY_NUMBERS],
  [18, 409, ErrorCode.DUPLICATE_CONNECTION_ID],
  [19, 409, ErrorCode.PIN_CONFLICT],
  [20, 404, ErrorCode.NOT_FOUND],
  [22, 410, ErrorCode.ALREADY_DEALLOCATED],
  [23, 400, ErrorCode.VALIDATION_FAILED],
  [50, 422, ErrorCode.INVALID_CALL_FLOW],
];
const STATUSES: [number, ErrorCode][] = [
  [402, ErrorCode.UPSTREAM_AUTH_FAILED],
  [429, ErrorCode.RATE_LIMITED],
  [452, ErrorCode.NO_NUMBER_AVAILABLE],
  [499, ErrorCode.UPSTREAM_TIMEOUT],
];
const INFRASTRUCTURE = new Set([ErrorCode.UPSTREAM_UNAVAILABLE, ErrorCode.UPSTREAM_AUTH_FAILED, ErrorCode.UPSTREAM_ERROR, ErrorCode.RATE_LIMITED, ErrorCode.UPSTREAM_TIMEOUT]);

function answer(status: number, body: unknown, retryAfterSeconds?: number): [UpstreamResponse, Envelope | undefined] {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const env = typeof body === 'string' ? undefined : (unwrapOne(body) as Envelope);
  return [{ status, headers: {}, body: text, retryAfterSeconds }, env];
}

const exotelFailure = (res: UpstreamResponse, envelope: Envelope | undefined) => errorFromResponse(res, envelope, { operation: 'test', method: 'GET' })!;

describe('the Exotel error table', () => {
  it('has one row per documented code and extra status', () => {
    expect(Object.keys(EXOTEL_CODES).map(Number)).toEqual(TABLE.map(([code]) => code));
    expect(Object.keys(EXOTEL_STATUSES).map(Number)).toEqual(STATUSES.map(([s]) => s));
  });

  it.each(TABLE)('code %i (HTTP %i) → %s', (code, status, expected) => {
    const err = exotelFailure(...answer(status, [{ success: false, status, code, message: 'upstream words', data: null }]));
    expect(err.code).toBe(expected);
    expect(err).toBeInstanceOf(INFRASTRUCTURE.has(expected) ? GatewayError : BusinessError);
    expect(err.message).not.toContain('upstream words');
    if (err instanceof GatewayError) expect(err.extensions.provider).toBe('EXOTEL');
  });

  it.each(STATUSES)('HTTP %i without a body code → %s', (status, expected) => {
    expect(exotelFailure(...answer(status, 'not json')).code).toBe(expected);
    expect(exotelFailure(...answer(status, { success: false, status, code: null, message: 'x' })).code).toBe(expected);
  });

  it('429 wins over a body code and carries Retry-After', () => {
    const err = exotelFailure(...answer(429, [{ success: false, status: 429, code: 17, message: 'Too many requests' }], 7));
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).extensions).toEqual({ code: ErrorCode.RATE_LIMITED, provider: 'EXOTEL', retryAfterSeconds: 7 });
  });

  it('the vendor sample (array-wrapped code 18) names the connection id field', () => {
    const err = exotelFailure(...answer(409, fixture('error-duplicate-connection.json')));
    expect(err).toBeInstanceOf(BusinessError);
    expect(err).toMatchObject({ code: ErrorCode.DUPLICATE_CONNECTION_ID, field: ['connectionId'] });
  });

  it('an error under HTTP 200 is read from the body status and code', () => {
    expect(exotelFailure(...answer(200, { success: false, status: 452, code: 4 })).code).toBe(ErrorCode.NO_NUMBER_AVAILABLE);
    expect(exotelFailure(...answer(200, { success: false, status: 200, code: 22 })).code).toBe(ErrorCode.ALREADY_DEALLOCATED);
  });

  it('unknown codes and bare statuses fall back on the HTTP status', () => {
    expect(exotelFailure(...answer(400, { success: false, status: 400, code: 99, message: 'secret' })).code).toBe(ErrorCode.UPSTREAM_ERROR);
    expect(exotelFailure(...answer(503, '<html>down</html>')).code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect(exotelFailure(...answer(504, '')).code).toBe(ErrorCode.UPSTREAM_TIMEOUT);
    expect(exotelFailure(...answer(401, '')).code).toBe(ErrorCode.UPSTREAM_AUTH_FAILED);
  });
});

import { describe, expect, it } from 'vitest';
import { AVANSER_ERRORS, errorFromResponse } from '../../src/datasources/avanser/errors.js';
import type { UpstreamResponse } from '../../src/datasources/upstream.js';
import { BusinessError, ErrorCode, GatewayError, INFRASTRUCTURE_CODES } from '../../src/errors.js';

const CALL = { operation: 'test', method: 'GET' } as const;
const isAvanserFailure = (res: UpstreamResponse, body: unknown) => errorFromResponse(res, body, CALL) !== undefined;
const avanserFailure = (res: UpstreamResponse, body: unknown) => errorFromResponse(res, body, CALL)!;

const SECRET_MESSAGE = 'internal detail tapi_access';

function answer(status: number, code: number, message: string, retryAfterSeconds?: number): [UpstreamResponse, unknown] {
  const body = { '@transaction': { id: 'x', 'account-id': '7xxx' }, response: { code, message } };
  return [{ status, headers: {}, body: JSON.stringify(body), retryAfterSeconds }, body];
}

/** One AVANSER answer per row of the table, with the outcome each must give. */
const CASES: Array<[number, string, ErrorCode]> = [
  [400, `Invalid number: service.answer_point must be international digits ${SECRET_MESSAGE}`, ErrorCode.INVALID_NUMBER],
  [400, `Invalid request: name is required ${SECRET_MESSAGE}`, ErrorCode.VALIDATION_FAILED],
  [400, `Invalid request: service_number is required ${SECRET_MESSAGE}`, ErrorCode.VALIDATION_FAILED],
  [401, `Unauthorized ${SECRET_MESSAGE}`, ErrorCode.UPSTREAM_AUTH_FAILED],
  [403, `Forbidden ${SECRET_MESSAGE}`, ErrorCode.UPSTREAM_AUTH_FAILED],
  [404, `Service 61280740801 not found ${SECRET_MESSAGE}`, ErrorCode.NOT_FOUND],
  [409, `No numbers available matching the search criteria ${SECRET_MESSAGE}`, ErrorCode.NO_NUMBER_AVAILABLE],
  [409, `No numbers available: private stock exhausted ${SECRET_MESSAGE}`, ErrorCode.NO_NUMBER_AVAILABLE],
  [409, `Requested number is not available and nothing close to it is ${SECRET_MESSAGE}`, ErrorCode.NUMBER_NOT_AVAILABLE],
  [422, `Unprocessable ${SECRET_MESSAGE}`, ErrorCode.VALIDATION_FAILED],
  [429, `Too many requests ${SECRET_MESSAGE}`, ErrorCode.RATE_LIMITED],
  [500, `Internal error ${SECRET_MESSAGE}`, ErrorCode.UPSTREAM_UNAVAILABLE],
  [502, `Bad gateway ${SECRET_MESSAGE}`, ErrorCode.UPSTREAM_UNAVAILABLE],
  [503, `Maintenance ${SECRET_MESSAGE}`, ErrorCode.UPSTREAM_UNAVAILABLE],
  [504, `Gateway timeout ${SECRET_MESSAGE}`, ErrorCode.UPSTREAM_TIMEOUT],
];

describe('AVANSER error table', () => {
  it.each(CASES)('HTTP %i "%s" -> %s', (status, message, expected) => {
    const err = avanserFailure(...answer(status, status, message));
    expect(err.code).toBe(expected);
    expect(err).toBeInstanceOf(INFRASTRUCTURE_CODES.has(expected) ? GatewayError : BusinessError);
    expect(err.message).not.toContain(SECRET_MESSAGE);
    if (err instanceof GatewayError) expect(err.extensions.provider).toBe('AVANSER');
  });

  it('has a case for every row', () => {
    const used = new Set(
      CASES.map(([status, message]) => AVANSER_ERRORS.findIndex((r) => r.code === status && (!r.message || r.message.test(message)))),
    );
    expect([...used].sort((a, b) => a - b)).toEqual(AVANSER_ERRORS.map((_, i) => i));
  });

  it('carries Retry-After on rate limiting', () => {
    const err = avanserFailure(...answer(429, 429, 'slow down', 7)) as GatewayError;
    expect(err.extensions.retryAfterSeconds).toBe(7);
  });

  it('believes the body code over a 2xx status', () => {
    const [res, body] = answer(200, 404, 'Request not found');
    expect(isAvanserFailure(res, body)).toBe(true);
    expect(avanserFailure(res, body).code).toBe(ErrorCode.NOT_FOUND);
  });

  it('takes the success ack for what it is', () => {
    const [res, body] = answer(200, 200, 'Success');
    expect(isAvanserFailure(res, body)).toBe(false);
  });

  it('falls back on the HTTP status for unknown codes and bodies that are not the envelope', () => {
    expect(avanserFailure(...answer(418, 418, 'teapot')).code).toBe(ErrorCode.UPSTREAM_ERROR);
    expect(avanserFailure({ status: 599, headers: {}, body: '<html>down</html>' }, undefined).code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect(avanserFailure({ status: 404, headers: {}, body: '' }, { code: 404, message: 'not found' }).code).toBe(ErrorCode.NOT_FOUND);
  });
});

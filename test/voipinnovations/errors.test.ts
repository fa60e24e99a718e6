/** Every VoIP Innovations code onto ErrorCode, written out here so a changed row fails. */
import { describe, expect, it } from 'vitest';
import { STATUS_CODES, codeFailure, errorFromResponse, statusRow } from '../../src/datasources/voipinnovations/errors.js';
import type { UpstreamResponse } from '../../src/datasources/upstream.js';
import { BusinessError, ErrorCode, GatewayError } from '../../src/errors.js';

type Expected = ErrorCode | 'ok' | 'empty' | ['ok', 'RESERVED' | 'ACTIVE' | 'RELEASED' | 'UNAVAILABLE'];
const E = ErrorCode;

const EXPECTED: Record<string, Expected> = {
  '100': 'ok',
  '101': 'empty',
  '900': E.UPSTREAM_ERROR,
  '901': E.UPSTREAM_AUTH_FAILED,
  '902': E.UPSTREAM_AUTH_FAILED,
  '944': E.INVALID_NUMBER,
  '948': E.ENDPOINT_GROUP_INVALID,
  '302490': E.VALIDATION_FAILED,
  '101200': 'empty',
  // queryDID answers another company's number with its information: not an error.
  '102230': ['ok', 'UNAVAILABLE'],
  '102235': ['ok', 'UNAVAILABLE'],
  '102420': 'empty',
  '103220': ['ok', 'RESERVED'],
  '103221': E.PROVIDER_REJECTED,
  '103225': ['ok', 'ACTIVE'],
  '103230': E.NUMBER_NOT_AVAILABLE,
  '103235': E.NUMBER_NOT_AVAILABLE,
  '103250': E.ACCOUNT_NOT_ENABLED,
  '103259': E.TIER_NOT_AVAILABLE,
  '103420': E.NOT_FOUND,
  '104220': E.PROVIDER_REJECTED,
  '104221': E.PROVIDER_REJECTED,
  '104225': ['ok', 'ACTIVE'],
  '104230': E.NUMBER_NOT_AVAILABLE,
  '104235': E.NUMBER_NOT_AVAILABLE,
  '104250': E.ACCOUNT_NOT_ENABLED,
  '104251': E.ACCOUNT_NOT_ENABLED,
  '104258': E.ENDPOINT_GROUP_INVALID,
  '104259': E.TIER_NOT_AVAILABLE,
  '104420': E.NOT_FOUND,
  '105221': E.NUMBER_NOT_OWNED,
  '105225': ['ok', 'ACTIVE'],
  '105230': E.NUMBER_NOT_OWNED,
  '105235': E.NUMBER_NOT_OWNED,
  '105250': E.ACCOUNT_NOT_ENABLED,
  '105251': E.ACCOUNT_NOT_ENABLED,
  '105258': E.ENDPOINT_GROUP_INVALID,
  '105420': E.NOT_FOUND,
  '106220': E.NOT_PERMITTED,
  '106225': E.PROVIDER_REJECTED,
  '106230': E.NUMBER_NOT_OWNED,
  '106231': ['ok', 'RELEASED'],
  '106235': E.NUMBER_NOT_OWNED,
  '106241': E.ALREADY_RELEASED,
  '106420': E.NOT_FOUND,
};

const INFRASTRUCTURE = new Set([E.UPSTREAM_ERROR, E.UPSTREAM_AUTH_FAILED]);

describe('the VoIP Innovations status table', () => {
  it('holds exactly the documented codes', () => {
    expect(Object.keys(STATUS_CODES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('maps %s', (code, expected) => {
    const row = statusRow(code);
    const failure = codeFailure(code, { field: ['numbers', '0'] });
    if (expected === 'ok' || expected === 'empty' || Array.isArray(expected)) {
      expect(row.code).toBeUndefined();
      expect(failure).toBeUndefined();
      expect(row.empty === true).toBe(expected === 'empty');
      expect(row.status).toBe(Array.isArray(expected) ? expected[1] : undefined);
      return;
    }
    expect(row.code).toBe(expected);
    if (INFRASTRUCTURE.has(expected)) {
      expect(failure).toBeInstanceOf(GatewayError);
      expect((failure as GatewayError).extensions).toMatchObject({ code: expected, provider: 'VOIP_INNOVATIONS' });
    } else {
      expect(failure).toBeInstanceOf(BusinessError);
      expect(failure).toMatchObject({ code: expected, field: ['numbers', '0'] });
    }
    expect(failure!.message.length).toBeGreaterThan(5);
  });

  it('reads an unknown per-DID code as a refusal and an unknown top-level code as an upstream error', () => {
    expect(codeFailure('107999')).toMatchObject({ code: E.PROVIDER_REJECTED, message: 'VoIP Innovations answered code 107999' });
    expect(codeFailure('777', { topLevel: true })).toBeInstanceOf(GatewayError);
    expect((codeFailure('777', { topLevel: true }) as GatewayError).code).toBe(E.UPSTREAM_ERROR);
    expect(codeFailure(' 100 ')).toBeUndefined();
  });
});

describe('HTTP failures', () => {
  const res = (status: number) => ({ status, headers: {}, body: '<secret upstream body/>' });
  const httpFailure = (r: UpstreamResponse, faultCode: string | undefined) => errorFromResponse(r, { faultCode }, { operation: 'queryDID', method: 'POST', params: {} })!;

  it('soap:Client fault: our envelope was refused', () => {
    const err = httpFailure(res(500), 'soap:Client');
    expect(err.code).toBe(E.UPSTREAM_ERROR);
    expect(err.message).not.toContain('secret');
  });

  it('soap:Server fault: the service failed', () => {
    expect(httpFailure(res(500), 'soap:Server').code).toBe(E.UPSTREAM_UNAVAILABLE);
  });

  it('falls back on the HTTP status without a fault', () => {
    expect(httpFailure(res(503), undefined).code).toBe(E.UPSTREAM_UNAVAILABLE);
    expect(httpFailure(res(401), undefined).code).toBe(E.UPSTREAM_AUTH_FAILED);
    expect(httpFailure(res(404), undefined).code).toBe(E.UPSTREAM_ERROR);
  });
});

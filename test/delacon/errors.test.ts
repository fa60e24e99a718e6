import { afterEach, describe, expect, it } from 'vitest';
import { DelaconClient } from '../../src/datasources/delacon/client.js';
import { DELACON_ERRORS, errorFromResponse } from '../../src/datasources/delacon/errors.js';
import { PROVISION_PARAMS, UPDATE_PARAMS } from '../../src/datasources/delacon/mapping.js';
import type { DelaconVerdict } from '../../src/datasources/delacon/wire.js';
import { BusinessError, ErrorCode, GatewayError } from '../../src/errors.js';
import { log, responses, startReceiver, type Receiver } from './helpers.js';

/** The table's verdict on an HTTP 200 answer of a call none of whose verdicts are answers. */
const delaconFailure = (verdict: DelaconVerdict, fields?: Record<string, string[]>) =>
  errorFromResponse({ status: 200, headers: {}, body: JSON.stringify(verdict) }, verdict, { operation: 'test', method: 'POST', answers: [], fields })!;

describe('the Delacon error table', () => {
  it('has exactly these rows', () => {
    expect(DELACON_ERRORS).toEqual({
      INVALID: ErrorCode.VALIDATION_FAILED,
      FAIL: ErrorCode.PROVIDER_REJECTED,
      'Provisioned:No': ErrorCode.FEATURE_NOT_PROVISIONED,
      LOGIN_FAILED: ErrorCode.UPSTREAM_AUTH_FAILED,
    });
  });

  it('INVALID: a user error carrying Delacon message, pointing at the parameter it names', () => {
    const err = delaconFailure({ RESULT: 'INVALID', MESSAGE: 'Data validation failed - EmailAddress is not an e-mail address' }, PROVISION_PARAMS);
    expect(err).toBeInstanceOf(BusinessError);
    expect(err).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: ['delacon', 'email'], message: 'Delacon rejected the request: Data validation failed - EmailAddress is not an e-mail address' });
    expect(delaconFailure({ RESULT: 'INVALID', MESSAGE: 'Data validation failed - xfertime must be a number' }, UPDATE_PARAMS)).toMatchObject({ field: ['delacon', 'transferTimeSeconds'] });
    const sample = delaconFailure(responses.update!.invalidCombined!, UPDATE_PARAMS);
    expect(sample).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: undefined, message: 'Delacon rejected the request: Data validation failed – invalid parameters for update' });
  });

  it('FAIL: the provider refused, with its message', () => {
    const err = delaconFailure(responses.update!.fail!);
    expect(err).toBeInstanceOf(BusinessError);
    expect(err).toMatchObject({ code: ErrorCode.PROVIDER_REJECTED, message: 'Delacon could not process the request: something went wrong' });
  });

  it('FAIL with Provisioned:No: the feature is not provisioned', () => {
    const err = delaconFailure(responses.update!.failNotProvisioned!);
    expect(err).toBeInstanceOf(BusinessError);
    expect(err.code).toBe(ErrorCode.FEATURE_NOT_PROVISIONED);
    expect(err.message).toMatch(/^CallRecording is not provisioned for this company/);
  });

  it('LOGIN_FAILED: an upstream auth failure, never the caller fault', () => {
    const err = delaconFailure(responses.provision!.loginFailed!);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).extensions).toEqual({ code: ErrorCode.UPSTREAM_AUTH_FAILED, provider: 'DELACON' });
    expect(err.message).not.toContain('something went wrong');
  });

  it('an unknown RESULT: an upstream error that does not echo the body', () => {
    const err = delaconFailure({ RESULT: 'MAYBE', MESSAGE: 'secret stuff' });
    expect(err).toBeInstanceOf(GatewayError);
    expect(err.code).toBe(ErrorCode.UPSTREAM_ERROR);
    expect(err.message).not.toContain('secret');
  });

  it('keeps a long message short and on one line', () => {
    const err = delaconFailure({ RESULT: 'FAIL', MESSAGE: `line\n${'x'.repeat(500)}` });
    expect(err.message).not.toContain('\n');
    expect(err.message.length).toBeLessThan(400);
  });
});

describe('HTTP failures through the client', () => {
  let stub: Receiver;
  afterEach(() => stub.close());

  const client = (url: string) => new DelaconClient({ authToken: 'k', baseUrl: url }, { log, timeoutMs: 2_000 });

  it.each([
    [401, ErrorCode.UPSTREAM_AUTH_FAILED],
    [429, ErrorCode.RATE_LIMITED],
    [503, ErrorCode.UPSTREAM_UNAVAILABLE],
    [404, ErrorCode.UPSTREAM_ERROR],
  ])('HTTP %i -> %s, provision sent once', async (status, code) => {
    stub = await startReceiver(() => ({ status, body: '<html>oops</html>' }));
    await expect(client(stub.url).provision({ numbers: '1' })).rejects.toMatchObject({ code, message: expect.not.stringContaining('oops') });
    expect(stub.received).toHaveLength(1);
  });

  it('retries the number types read on 503, then gives up', async () => {
    stub = await startReceiver(() => ({ status: 503, body: '' }));
    await expect(client(stub.url).numberTypes('Japan')).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_UNAVAILABLE });
    expect(stub.received.length).toBe(3);
  });

  it('a body that is not JSON, or not an object, is an upstream error', async () => {
    stub = await startReceiver((req) => ({ status: 200, body: req.path.includes('provision') ? 'Welcome!' : '[1]' }));
    await expect(client(stub.url).provision({ numbers: '1' })).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_ERROR });
    await expect(client(stub.url).updateCustomer('1', { moh: 'Y' })).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_ERROR });
  });

  it('an unreachable Delacon is unavailable', async () => {
    stub = await startReceiver(() => ({ status: 200, body: '{}' }));
    await stub.close();
    await expect(client(stub.url).numberTypes('Japan')).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_UNAVAILABLE });
  });
});

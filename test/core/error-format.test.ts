import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ErrorCode, GatewayError } from '../../src/errors.js';
import { errorFormatter } from '../../src/server/errors.js';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  return { lines, log: pino(sink) };
}

describe('errorFormatter', () => {
  it('logs the start of a huge upstream body, and the client sees only the safe message', () => {
    const { lines, log } = capture();
    const body = `<html>${'x'.repeat(1_000_000)}</html>`;
    const error = new GatewayError(ErrorCode.UPSTREAM_ERROR, 'AVANSER answered 502', { provider: 'AVANSER', detail: body });
    const answer = errorFormatter(log)({ message: error.message, extensions: { code: error.code } }, error);
    expect(answer).toEqual({ message: 'AVANSER answered 502', extensions: { code: ErrorCode.UPSTREAM_ERROR } });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThan(3_000);
    expect(lines[0]).toContain('(1000013 chars)');
  });

  it('keeps a short detail whole', () => {
    const { lines, log } = capture();
    const error = new GatewayError(ErrorCode.UPSTREAM_ERROR, 'Exotel answered 500', { provider: 'EXOTEL', detail: { code: 'E1' } });
    errorFormatter(log)({ message: error.message, extensions: { code: error.code } }, error);
    expect(JSON.parse(JSON.parse(lines[0]!).detail)).toEqual({ code: 'E1' });
  });

  it('logs no secret an upstream body carries (a SOAP PIN, a JSON token)', () => {
    const { lines, log } = capture();
    const body = '<ConferenceLine><Enabled>true</Enabled><PIN>48213</PIN></ConferenceLine>{"Token": "tok-9a\\"b", "password":"pw-77"}';
    const error = new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, 'VoIP Innovations failed', { provider: 'VOIP_INNOVATIONS', detail: body });
    errorFormatter(log)({ message: error.message, extensions: { code: error.code } }, error);
    expect(lines[0]).toContain('<PIN>[redacted]</PIN>');
    expect(lines[0]).not.toMatch(/48213|tok-9a|pw-77/);
  });
});

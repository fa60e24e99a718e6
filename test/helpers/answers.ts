/** What a GraphQL answer may contain, on every transport: only public codes, nothing internal. */
import { expect } from 'vitest';
import { ErrorCode } from '../../src/errors.js';

export const CODES = new Set<string>(Object.values(ErrorCode));
/** The codes a hostile input may be answered with: every public code but INTERNAL, which only a bug of ours answers. */
export const REFUSAL_CODES = new Set<string>([...CODES].filter((code) => code !== ErrorCode.INTERNAL));
export const INTERNALS = /Did you mean|node_modules|\/(work|home|tmp|usr|src)\/|\.[jt]s:\d+|\n\s+at |SQLSTATE|\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b|stacktrace|Syntax Error: (Query|Aliases|Directives)/;

/** A GraphQL answer as parsed; `status` where the transport has one (HTTP). */
export interface GraphQLAnswer {
  status?: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

/** The promise every answer keeps, whatever was sent: no 5xx, errors on a refusal, only public refusal codes, nothing internal. */
export function wellFormed(a: GraphQLAnswer): void {
  const text = JSON.stringify(a.body);
  if (a.status !== undefined) {
    expect(a.status, text).toBeLessThan(500);
    if (a.status !== 200) expect(a.body.errors?.length, text).toBeGreaterThan(0);
  }
  expect(text).not.toMatch(INTERNALS);
  for (const e of a.body.errors ?? []) {
    expect(typeof e.message, text).toBe('string');
    expect(REFUSAL_CODES.has(String(e.extensions?.code)), text).toBe(true);
  }
}

/**
 * Accept negotiation is remembered per header value (src/server/lru.ts): what a request gets must
 * be what working it out afresh gives, whatever came before it, evictions included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCEPT_VALUES, jsonPreference, negotiateJson } from '../../src/server/http-rules.js';
import { Lru } from '../../src/server/lru.js';
import { negotiateStream, streamTransport } from '../../src/server/transports/http-streams.js';

const TYPES = ['application/json', 'application/graphql-response+json', 'application/*', '*/*', 'text/event-stream', 'multipart/mixed', 'text/html', 'text/*'];
const PARAMS = ['', ';q=0', ';q=0.5', ';q=0.9', ';q=1', ';subscriptionSpec="1.0"', ';subscriptionSpec=2', ';deferSpec=20220824', ';charset=utf-8'];
const range = fc.tuple(fc.constantFrom(...TYPES), fc.constantFrom(...PARAMS), fc.constantFrom('', ' ')).map(([t, p, sp]) => `${sp}${t}${p}`);
const accept = fc.array(range, { minLength: 1, maxLength: 4 }).map((rs) => rs.join(','));

describe('Accept negotiation', () => {
  it('answers each value as working it out afresh does, over sequences with repeats and more values than it keeps (fuzzed)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(accept, fc.constantFrom('application/json', 'application/graphql-response+json,application/json;q=0.9')), { minLength: 1, maxLength: ACCEPT_VALUES * 3 }), (values) => {
        for (const value of values) {
          expect(jsonPreference(value)).toEqual(negotiateJson(value));
          expect(streamTransport(value)).toBe(negotiateStream(value));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('hands out answers nobody can change for the next request', () => {
    const first = jsonPreference('application/json')!;
    expect(() => Object.assign(first, { offer: 'text/html' })).toThrow(TypeError);
    expect(jsonPreference('application/json')).toEqual({ offer: 'application/json', q: 1, order: 0 });
    expect(() => Object.assign(jsonPreference(undefined)!, { q: 0 })).toThrow(TypeError);
  });
});

describe('Lru', () => {
  it('works a key out once while it is kept, undefined included, and keeps the last `capacity` keys it worked out (fuzzed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 200 }), (capacity, keys) => {
        const lru = new Lru<number | undefined>(capacity);
        let made = 0;
        // The model: the keys kept, from the one remembered longest ago.
        let order: string[] = [];
        for (const k of keys) {
          const key = String(k);
          const kept = order.includes(key);
          const before = made;
          expect(lru.through(key, () => (made++, k % 3 === 0 ? undefined : k))).toBe(k % 3 === 0 ? undefined : k);
          expect(made - before).toBe(kept ? 0 : 1);
          if (!kept) order = [...order, key].slice(-capacity);
          expect([...lru.keys()]).toEqual(order);
        }
      }),
      { numRuns: 100 },
    );
  });
});

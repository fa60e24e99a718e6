/**
 * The shape an upstream answer must have before it is mapped (src/datasources/shape.ts): an
 * answer that fits passes, and one that does not is named by the path to its first departure
 * (the text the logs carry with UPSTREAM_ERROR).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optional, shapeProblem, type Shape } from '../../src/datasources/shape.js';

const STOCK: Shape = { response: { items: [{ id: 'id', name: 'text', note: 'string?', flags: optional({ on: 'boolean?' }) }], total: 'number' } };

const item = fc.record(
  {
    id: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''), fc.integer()),
    name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
    note: fc.option(fc.string(), { nil: undefined }),
    flags: fc.option(fc.record({ on: fc.boolean() }), { nil: null }),
    extra: fc.anything(),
  },
  { requiredKeys: ['id', 'name'] },
);
const answer = fc.record({ response: fc.record({ items: fc.array(item, { maxLength: 6 }), total: fc.integer() }) });

/** A place to break in a fitting answer: its path, what it expects, and how to put a value there. */
type Break = { at: string; expected: string; put: (a: { response: { items: Record<string, unknown>[]; total: unknown } }, v: unknown) => void };

/** Which of the wrong values still fit what a place expects: 0 is an id and a number, '' a string, {} an object, [] a list. */
const stillFits = (expected: string, v: unknown): boolean =>
  ({ id: v === 0, number: v === 0, string: v === '', 'an object': typeof v === 'object' && v !== null && !Array.isArray(v), 'a list': Array.isArray(v), boolean: v === true })[expected] ?? false;

describe('shapeProblem', () => {
  it('passes answers that fit, whatever else they carry (fuzzed)', () => {
    fc.assert(
      fc.property(answer, (a) => {
        expect(shapeProblem(a, STOCK)).toBeUndefined();
      }),
    );
  });

  it('names the one place an answer departs from its shape, in order from the root (fuzzed)', () => {
    const EXPECTED: Record<string, string> = { id: 'id', name: 'text', note: 'string', flags: 'an object' };
    fc.assert(
      fc.property(answer, fc.nat(), fc.constantFrom('id', 'name', 'note', 'flags', 'on'), fc.constantFrom<unknown>({}, [], true, 0, ''), (generated, pick, field, wrong) => {
        // Broken in a copy: fast-check runs the generated value again while shrinking.
        const a = structuredClone(generated);
        const breaks: Break[] = [
          { at: '$.response.items', expected: 'a list', put: (x, v) => void (x.response.items = v as never) },
          { at: '$.response.total', expected: 'number', put: (x, v) => void (x.response.total = v) },
        ];
        const items = a.response.items;
        if (items.length > 0) {
          const i = pick % items.length;
          breaks.push(
            field === 'on'
              ? { at: `$.response.items[${i}].flags.on`, expected: 'boolean', put: (x, v) => void (x.response.items[i]!.flags = { on: v }) }
              : { at: `$.response.items[${i}].${field}`, expected: EXPECTED[field]!, put: (x, v) => void (x.response.items[i]![field] = v) },
          );
        }
        const broken = breaks[pick % breaks.length]!;
        broken.put(a, wrong);
        expect(shapeProblem(a, STOCK)).toBe(stillFits(broken.expected, wrong) ? undefined : `${broken.at}: expected ${broken.expected}`);
      }),
    );
  });

  it('takes absent and null optional values, and refuses text past 255 characters or blank', () => {
    expect(shapeProblem({ a: null, b: undefined }, { a: 'string?', b: optional(['number']) })).toBeUndefined();
    expect(shapeProblem({ a: 'x'.repeat(256) }, { a: 'text' })).toBe('$.a: expected text');
    expect(shapeProblem({ a: '  ' }, { a: 'id' })).toBe('$.a: expected id');
    expect(shapeProblem([[1, 2], [3, 'four']], [['number']])).toBe('$[1][1]: expected number');
    expect(shapeProblem('not an object', { a: 'string' })).toBe('$: expected an object');
  });
});

/**
 * Scenario 1's budget line gives the per-round ratios' median with a 95% interval
 * (bench/lib.ts `medianInterval`): the ranks of the textbook's table, and a coverage of at
 * least 95% whatever the noise's shape.
 */
import { describe, expect, it } from 'vitest';
import { medianInterval } from '../../bench/lib.js';

const ranks = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** A seeded generator (mulberry32): the same draws every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('bench: the median and its interval', () => {
  it('takes the order statistics of the distribution-free table', () => {
    // n: [low rank, high rank] for a 95% interval of the median.
    const table: Record<number, [number, number]> = { 6: [1, 6], 10: [2, 9], 15: [4, 12], 20: [6, 15], 25: [8, 18], 30: [10, 21] };
    for (const [n, [low, high]] of Object.entries(table)) {
      expect(medianInterval(ranks(Number(n)).reverse()), `n = ${n}`).toMatchObject({ low, high });
    }
    expect(medianInterval([3, 1, 2, 5, 4])).toEqual({ median: 3 });
  });

  it('covers the true median at least 95% of the time, for skewed noise too', () => {
    const random = seeded(17);
    // Exponential noise (skewed, as a machine's slow phases are) around a true median of 1.
    const draw = () => 1 + 0.1 * (-Math.log(1 - random()) - Math.LN2);
    for (const n of [6, 15, 24]) {
      let covered = 0;
      const trials = 4_000;
      for (let t = 0; t < trials; t++) {
        const { low, high } = medianInterval(Array.from({ length: n }, draw));
        if (low! <= 1 && 1 <= high!) covered++;
      }
      expect(covered / trials, `n = ${n}`).toBeGreaterThanOrEqual(0.95);
    }
  });
});

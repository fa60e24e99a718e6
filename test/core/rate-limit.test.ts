/**
 * The in-memory rate limiter counts synchronously (src/server/rate-limit.ts `memoryLimiter`) what
 * rate-limiter-flexible's memory limiter counts with a promise: the same verdict, operation for
 * operation, over any sequence of buckets and pauses, windows ending and starting included.
 */
import fc from 'fast-check';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter, libraryLimiter, memoryLimiter } from '../../src/server/rate-limit.js';
import { closedPort } from '../helpers/closed-port.js';

const step = fc.record({
  bucket: fc.constantFrom('key:a', 'key:b', 'ip:127.0.0.1'),
  // Mostly within a window, sometimes across its end (60 s) or right onto it.
  pauseMs: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 55_000, max: 125_000 }), fc.constant(60_000)),
});

describe('memoryLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the verdict rate-limiter-flexible gives, operation for operation (fuzzed)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(step, { minLength: 1, maxLength: 60 }), async (points, steps) => {
        vi.setSystemTime(Date.UTC(2026, 11, 3));
        const ours = memoryLimiter(points);
        // Read as the gateway reads the library over Redis.
        const library = libraryLimiter(new RateLimiterMemory({ points, duration: 60 }), points);
        for (const { bucket, pauseMs } of steps) {
          vi.advanceTimersByTime(pauseMs);
          expect(ours(bucket)).toEqual(await library(bucket));
        }
      }),
    );
  });

  it('forgets a bucket once its window is over (a client address is kept a minute)', () => {
    const take = memoryLimiter(2);
    expect([take('ip:a'), take('ip:a'), take('ip:a')].map((v) => v.allowed)).toEqual([true, true, false]);
    vi.advanceTimersByTime(59_999);
    expect(take('ip:a')).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 1 });
    vi.advanceTimersByTime(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(take('ip:a')).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 60 });
  });
});

describe('createRateLimiter with REDIS_URL', () => {
  it('counts in memory while Redis cannot be reached, and refuses over the limit', async () => {
    const limiter = await createRateLimiter(2, `redis://127.0.0.1:${await closedPort()}`);
    try {
      const verdicts = [];
      for (let i = 0; i < 3; i++) verdicts.push(await limiter.take('key:a'));
      expect(verdicts.map((v) => [v.allowed, v.remaining])).toEqual([
        [true, 1],
        [true, 0],
        [false, 0],
      ]);
    } finally {
      await limiter.close();
    }
  });
});

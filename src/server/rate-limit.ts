/**
 * One limiter for GraphQL over HTTP and over WebSocket: RATE_LIMIT_PER_MINUTE operations per
 * API key, or per client address for a request without a valid key. A key's bucket is named
 * by its digest (the principal id), so `Bearer k`, `bearer k` and `Bearer  k` are one bucket
 * and no key is ever kept. With REDIS_URL the buckets live in Redis and every instance counts
 * against the same ones (in memory again while Redis cannot be reached). Webhooks are never
 * limited: a provider's events must not be dropped.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Principal } from '../context.js';
import { ErrorCode } from '../errors.js';
import type { ApiKeys } from './auth.js';

const WINDOW_SECONDS = 60;

export interface RateVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket refills. */
  resetSeconds: number;
}

export interface RateLimiter {
  /** Counts one operation against `bucket`. */
  take(bucket: string): Promise<RateVerdict>;
  close(): Promise<void>;
}

export async function createRateLimiter(perMinute: number, redisUrl?: string): Promise<RateLimiter> {
  const options = { points: perMinute, duration: WINDOW_SECONDS, keyPrefix: 'switchboard:rate' };
  let redis: Redis | undefined;
  let limiter: RateLimiterMemory | RateLimiterRedis = new RateLimiterMemory(options);
  if (redisUrl) {
    const { Redis } = await import('ioredis');
    // No offline queue: while Redis is away a request falls back to the in-memory limiter
    // at once instead of waiting for the reconnection.
    redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    // Connected (or failed once) before the first request, so that instances share buckets
    // from the start.
    await new Promise((resolve) => {
      redis!.once('ready', resolve);
      redis!.once('error', resolve);
    });
    limiter = new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: limiter });
  }
  const verdict = (res: RateLimiterRes, allowed: boolean): RateVerdict => ({
    allowed,
    limit: perMinute,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  });
  return {
    async take(bucket) {
      try {
        return verdict(await limiter.consume(bucket), true);
      } catch (err) {
        if (err instanceof RateLimiterRes) return verdict(err, false);
        throw err;
      }
    },
    async close() {
      redis?.disconnect();
    },
  };
}

/** The standard `RateLimit-*` headers, and `Retry-After` once refused. */
export function rateLimitHeaders(v: RateVerdict): Record<string, string> {
  const headers: Record<string, string> = { 'ratelimit-limit': String(v.limit), 'ratelimit-remaining': String(v.remaining), 'ratelimit-reset': String(v.resetSeconds) };
  if (!v.allowed) headers['retry-after'] = String(v.resetSeconds);
  return headers;
}

export function rateLimitedError(v: RateVerdict): GraphQLError {
  return new GraphQLError(`Rate limit exceeded: ${v.limit} operations per minute; retry in ${v.resetSeconds} s`, {
    extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: v.resetSeconds },
  });
}

/** The 429 answer's body on HTTP, in the GraphQL errors shape. */
export function rateLimitedBody(v: RateVerdict): string {
  const { message, extensions } = rateLimitedError(v).toJSON();
  return JSON.stringify({ errors: [{ message, extensions }] });
}

export const keyBucket = (principal: Principal) => `key:${principal.id}`;

/** Fastify `onRequest` hook for GraphQL over HTTP: a valid key's bucket, else the client address's. */
export function httpRateLimit(limiter: RateLimiter, keys: ApiKeys) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method === 'OPTIONS') return;
    let bucket: string;
    try {
      bucket = keyBucket(keys.ofRequest(req.raw));
    } catch {
      bucket = `ip:${req.ip}`;
    }
    const verdict = await limiter.take(bucket);
    void reply.headers(rateLimitHeaders(verdict));
    if (!verdict.allowed) return reply.code(429).type('application/json; charset=utf-8').send(rateLimitedBody(verdict));
  };
}

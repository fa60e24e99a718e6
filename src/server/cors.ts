/**
 * CORS for GraphQL (`/graphql`, `/schema.graphql`), from CORS_ORIGINS. An allowed origin gets
 * itself back with `Access-Control-Allow-Credentials` (so `credentials: 'include'` works); `*`
 * gets `*` and no credentials, as the Fetch spec requires. Preflights are answered 204 whatever
 * they ask (a refused origin simply gets no `Access-Control-Allow-*`), are never rate limited,
 * and allow the headers the mainstream clients send. Simple requests stay covered by Apollo's
 * CSRF prevention: CORS only decides who may read an answer, not what runs.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { Lru } from './lru.js';

/** Always allowed, whatever the preflight lists: what Apollo Client, urql, Relay and the SSE/WS clients send. */
const ALLOWED_HEADERS = [
  'accept', // the multipart and SSE Accept values are not CORS-safelisted
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
];
/** What a browser script may read of an answer besides the safelisted headers. */
const EXPOSED_HEADERS = 'ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after, www-authenticate';
const METHODS = 'GET, POST';
/** Seconds a browser may reuse a preflight: a changed CORS_ORIGINS applies within this. */
const MAX_AGE = '600';
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLocalOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && LOCAL_HOSTS.has(u.hostname) && u.origin === origin;
  } catch {
    return false;
  }
}

/** How many `Origin` values the CORS table remembers: a page's origin comes with every request. */
const ORIGINS_KEPT = 64;

export function cors(origins: Config['corsOrigins']) {
  const allowed = (origin: string) => origins === '*' || (origins === 'loopback' ? isLocalOrigin(origin) : origins.includes(origin));

  /** What every answer carries, an `Origin` sent or not: the answer varies with it unless all are allowed. */
  const withoutOrigin: Record<string, string> = Object.freeze<Record<string, string>>(origins === '*' ? {} : { vary: 'Origin' });

  /** The Access-Control-Allow-Origin/-Credentials an origin gets, or none. */
  const grantOf = (origin: string | undefined): Record<string, string> | undefined => {
    if (origin === undefined || !allowed(origin)) return undefined;
    return origins === '*' ? { 'access-control-allow-origin': '*' } : { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' };
  };

  /** The same headers as an object (Fastify's `reply.headers`) and as node's flat list (the fast path's `writeHead`). */
  type Answer = { headers: Record<string, string>; pairs: readonly string[] };
  const answerOf = (headers: Record<string, string>): Answer => ({ headers, pairs: Object.freeze(Object.entries(headers).flat()) });
  const noGrant = answerOf(withoutOrigin);
  const answers = new Lru<Answer>(ORIGINS_KEPT);
  /** The CORS headers of every answer (refusals included) to a GraphQL request from `origin`. */
  const answerFor = (origin: string | undefined): Answer =>
    origin === undefined
      ? noGrant
      : answers.through(origin, (o) => {
          const grant = grantOf(o);
          return grant ? answerOf(Object.freeze({ ...withoutOrigin, ...grant, 'access-control-expose-headers': EXPOSED_HEADERS })) : noGrant;
        });

  return {
    answerPairs: (origin: string | undefined) => answerFor(origin).pairs,

    /** `onRequest` for the GraphQL routes. */
    async onRequest(req: FastifyRequest, reply: FastifyReply) {
      if (req.method !== 'OPTIONS') void reply.headers(answerFor(req.headers.origin).headers);
    },

    /** `OPTIONS` on the GraphQL routes: a preflight, or a plain question about the methods. */
    async preflight(req: FastifyRequest, reply: FastifyReply) {
      void reply.code(204).header('allow', `${METHODS}, OPTIONS`);
      const method = req.headers['access-control-request-method'];
      if (typeof method !== 'string') return reply.send();
      const grant = grantOf(req.headers.origin);
      void reply.headers({ ...withoutOrigin, ...grant }).header('vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
      if (!grant) return reply.send();
      const requested = String(req.headers['access-control-request-headers'] ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => HEADER_NAME.test(h) && !ALLOWED_HEADERS.includes(h));
      // Headers name no authority (the key does): any the page asks for, like a tracing header, is fine.
      return reply
        .header('access-control-allow-methods', METHODS)
        .header('access-control-allow-headers', [...ALLOWED_HEADERS, ...requested].join(', '))
        .header('access-control-max-age', MAX_AGE)
        .send();
    },
  };
}

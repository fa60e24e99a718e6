/**
 * What Apollo checks on GraphQL over HTTP once the operation is known and before anything
 * runs: the answer's media type can be sent (else 406), it is not a subscription (streamed by
 * transports/http-streams.ts, or over WebSocket), the key's scopes cover it (403), and its
 * lists and cost are within limits. Operations are counted for the metrics. The Accept
 * helpers here also choose between JSON and the streams.
 */
import type { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Context } from '../context.js';
import { ErrorCode } from '../errors.js';
import { countOperation } from '../observability/metrics.js';
import { authorize } from './auth.js';
import { checkOperation } from './limits.js';
import { Lru } from './lru.js';

const OFFERS = ['application/json', 'application/graphql-response+json'] as const;

/** One media range of an Accept header: its type, parameters (names lower-cased), quality and position. */
export interface AcceptRange {
  range: string;
  params: Map<string, string>;
  q: number;
  order: number;
}

export function acceptRanges(accept: string | undefined): AcceptRange[] {
  // Commas inside quoted parameter values (none in the types we offer) are not worth a parser.
  return (accept ?? '').split(',').map((part, order) => {
    const [range = '', ...rest] = part.split(';').map((s) => s.trim());
    const params = new Map(rest.map((p) => [p.slice(0, Math.max(0, p.indexOf('='))).trim().toLowerCase(), p.slice(p.indexOf('=') + 1).trim().replace(/^"(.*)"$/, '$1')]));
    const q = params.get('q');
    return { range: range.toLowerCase(), params, q: q === undefined ? 1 : Number(q), order };
  });
}

/**
 * How much the client wants `type`: the quality and position of the most specific range naming
 * it (`type/*` and `*\/*` only when `wildcards`; ranges whose parameters do not `fit` skipped).
 * Undefined when no range takes it (q = 0 included).
 */
export function preference(ranges: AcceptRange[], type: string, opts: { wildcards?: boolean; fits?: (params: Map<string, string>) => boolean } = {}): { q: number; order: number } | undefined {
  const [major] = type.split('/');
  const match = ranges
    .filter((r) => opts.fits?.(r.params) ?? true)
    .map((r) => ({ ...r, specificity: r.range === type ? 2 : opts.wildcards === false ? -1 : r.range === `${major}/*` ? 1 : r.range === '*/*' ? 0 : -1 }))
    .filter((r) => r.specificity >= 0)
    .sort((a, b) => b.specificity - a.specificity || b.q - a.q)[0];
  return match && match.q > 0 ? { q: match.q, order: match.order } : undefined;
}

/** Whether preference `a` beats `b` (higher quality, or the same and listed first). */
export function prefers(a: { q: number; order: number } | undefined, b: { q: number; order: number } | undefined): boolean {
  return a !== undefined && (b === undefined || a.q > b.q || (a.q === b.q && a.order < b.order));
}

type JsonPreference = Readonly<{ offer: (typeof OFFERS)[number]; q: number; order: number }>;

const NO_ACCEPT: JsonPreference = Object.freeze({ offer: OFFERS[0], q: 1, order: 0 });

/**
 * How many Accept values the negotiations remember. The fast path's two questions (JSON, and no
 * stream before it) took 11 µs for `application/json`, 20 for Apollo Client 4's value and 40 for
 * urql's (warm loops), as much as the rest of a request, and a client sends the same value every
 * time; a client that varies it only churns this small cache.
 */
export const ACCEPT_VALUES = 64;

const jsonPreferences = new Lru<JsonPreference | undefined>(ACCEPT_VALUES);

/** The JSON type an Accept value asks for and how much, worked out afresh (`jsonPreference` remembers it). */
export function negotiateJson(accept: string): JsonPreference | undefined {
  const ranges = acceptRanges(accept);
  let best: JsonPreference | undefined;
  for (const offer of OFFERS) {
    const p = preference(ranges, offer);
    if (p && prefers(p, best)) best = Object.freeze({ offer, ...p });
  }
  return best;
}

/** The JSON type to answer in and how much it is wanted; without `Accept`, application/json. */
export function jsonPreference(accept: string | undefined): JsonPreference | undefined {
  return accept?.trim() ? jsonPreferences.through(accept, negotiateJson) : NO_ACCEPT;
}

/**
 * A subscription reaches Apollo only when the client takes no stream (transports/http-streams.ts
 * serves those that do): the answer names every way to subscribe.
 */
function subscriptionOverHttp(headers: HeaderMap | undefined): GraphQLError {
  const secure = headers?.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  const url = `${secure ? 'wss' : 'ws'}://${headers?.get('host') ?? 'localhost'}/graphql`;
  return new GraphQLError(
    `A subscription over HTTP needs a stream: send Accept: multipart/mixed;subscriptionSpec="1.0" (Apollo's multipart subscriptions) or text/event-stream (GraphQL over SSE); or use the WebSocket at ${url} (graphql-transport-ws, or the legacy graphql-ws)`,
    { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } } },
  );
}

export function httpOperationRules(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request, response }) {
      const mediaType = jsonPreference(request.http?.headers.get('accept'))?.offer;
      // Chosen now, so that Apollo does not negotiate again after executing.
      if (mediaType) response.http.headers.set('content-type', `${mediaType}; charset=utf-8`);
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (!operation) return; // Apollo has refused it already
          if (!mediaType) {
            throw new GraphQLError('The Accept header takes neither application/json nor application/graphql-response+json', {
              extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 406 } },
            });
          }
          if (operation.operation === 'subscription') throw subscriptionOverHttp(request.http?.headers);
          authorize(contextValue.principal, schema, document, operation);
          checkOperation(schema, document, operation, request.variables);
        },
        async willSendResponse({ operation, errors }) {
          countOperation(operation?.operation ?? 'unknown', Boolean(errors?.length));
        },
      };
    },
  };
}

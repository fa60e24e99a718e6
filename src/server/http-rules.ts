/**
 * What Apollo checks on GraphQL over HTTP once the operation is known and before anything
 * runs: the answer's media type can be sent (else 406), it is not a subscription (served on
 * the WebSocket), the key's scopes cover it (403), and its lists and cost are within limits.
 * Operations are counted for the metrics.
 */
import type { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Context } from '../context.js';
import { ErrorCode } from '../errors.js';
import { graphqlOperations } from '../observability/metrics.js';
import { authorize } from './auth.js';
import { checkOperation } from './limits.js';

const OFFERS = ['application/json', 'application/graphql-response+json'] as const;

/**
 * The media type to answer in, from `Accept` (q-values, `type/*`, `*\/*`), or null when the
 * client takes neither JSON type. Without `Accept`, application/json.
 */
function responseMediaType(accept: string | undefined): (typeof OFFERS)[number] | null {
  if (!accept?.trim()) return OFFERS[0];
  const ranges = accept.split(',').map((part, order) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return { range, q: q === undefined ? 1 : Number(q.slice(2)), order };
  });
  let best: { offer: (typeof OFFERS)[number]; q: number; order: number } | null = null;
  for (const offer of OFFERS) {
    const [type] = offer.split('/');
    // The most specific range that names this offer decides its quality.
    const match = ranges
      .map((r) => ({ ...r, specificity: r.range === offer ? 2 : r.range === `${type}/*` ? 1 : r.range === '*/*' ? 0 : -1 }))
      .filter((r) => r.specificity >= 0)
      .sort((a, b) => b.specificity - a.specificity || b.q - a.q)[0];
    if (!match || !(match.q > 0)) continue;
    if (!best || match.q > best.q || (match.q === best.q && match.order < best.order)) best = { offer, q: match.q, order: match.order };
  }
  return best?.offer ?? null;
}

/**
 * Subscriptions are served on the WebSocket only. (Serving them over HTTP too, e.g. as
 * multipart or SSE, replaces this refusal.)
 */
function subscriptionOverHttp(headers: HeaderMap | undefined): GraphQLError {
  const secure = headers?.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  const url = `${secure ? 'wss' : 'ws'}://${headers?.get('host') ?? 'localhost'}/graphql`;
  return new GraphQLError(`Subscriptions are served over WebSocket (graphql-transport-ws) at ${url}, not over HTTP`, {
    extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
  });
}

export function httpOperationRules(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request, response }) {
      const mediaType = responseMediaType(request.http?.headers.get('accept'));
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
          graphqlOperations.inc({ type: operation?.operation ?? 'unknown', result: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}

/**
 * What clients see of errors, on HTTP and WebSocket alike: our codes and safe messages pass;
 * anything unexpected becomes INTERNAL with a generic message, its detail going to the log.
 * Fastify's own refusals (bad JSON, 413, 415, 404, 405) are answered here too: in the GraphQL
 * `errors` shape on /graphql, as a small JSON error elsewhere; never with the URL, a path or a stack.
 */
import { STATUS_CODES } from 'node:http';
import { unwrapResolverError } from '@apollo/server/errors';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode, GatewayError } from '../errors.js';

const PUBLIC_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/**
 * graphql-js suggests names in validation and coercion errors ("Did you mean "callEvents"?",
 * "Did you mean the enum value "AVANSER"?"): a map of the schema for whoever guesses.
 */
function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

export function errorFormatter(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GatewayError && original.detail !== undefined) {
      log.warn({ code: original.code, provider: original.extensions.provider, detail: original.detail }, 'upstream failure');
    }
    const code = formatted.extensions?.code;
    if (original instanceof GatewayError || (typeof code === 'string' && PUBLIC_CODES.has(code))) {
      const { http: _http, stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message: withoutSuggestions(formatted.message), extensions };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: 'Internal error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL } };
  };
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
};

/** Our own words for Fastify's refusals: theirs may quote the URL (and so a token). */
const MESSAGE_BY_FASTIFY_CODE: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is empty',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported content-type: send application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The content-length does not match the body',
  FST_ERR_BAD_URL: 'The URL is malformed',
};

const isGraphQLPath = (req: FastifyRequest) => req.url === '/graphql' || req.url.startsWith('/graphql?');

/** One refusal in the route's shape. */
function sendHttpError(req: FastifyRequest, reply: FastifyReply, status: number, message: string, headers: Record<string, string> = {}): FastifyReply {
  const code = status >= 500 ? ErrorCode.INTERNAL : (CODE_BY_STATUS[status] ?? ErrorCode.BAD_REQUEST);
  void reply.code(status).headers(headers).type('application/json; charset=utf-8');
  return reply.send(isGraphQLPath(req) ? { errors: [{ message, extensions: { code } }] } : { error: message, code });
}

/** Fastify's root error, not-found and framework-error handlers. */
export function httpErrorHandlers(log: Logger) {
  const onError = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) {
      log.error({ err, method: req.method, route: req.routeOptions.url }, 'request failed');
      return sendHttpError(req, reply, status, 'Internal error');
    }
    return sendHttpError(req, reply, status, MESSAGE_BY_FASTIFY_CODE[err.code] ?? STATUS_CODES[status] ?? 'Bad request');
  };
  const onNotFound = (req: FastifyRequest, reply: FastifyReply) =>
    isGraphQLPath(req) ? sendHttpError(req, reply, 405, `${req.method} is not served on /graphql: use GET or POST`, { allow: 'GET, POST' }) : sendHttpError(req, reply, 404, 'Not found');
  return { onError, onNotFound };
}

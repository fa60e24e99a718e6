/**
 * What clients see of errors, on HTTP and WebSocket alike: our codes and safe messages pass;
 * anything unexpected becomes INTERNAL with a generic message, its detail going to the log.
 * Fastify's own refusals (bad JSON, 413, 415, 404, 405) are answered here too: in the GraphQL
 * `errors` shape on /graphql, as a small JSON error elsewhere; never with the URL, a path or a stack.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode, GatewayError } from '../errors.js';
import { withoutSecretValues } from '../observability/logger.js';

const PUBLIC_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/**
 * graphql-js suggests names in validation and coercion errors ("Did you mean "callEvents"?",
 * "Did you mean the enum value "AVANSER"?"): a map of the schema for whoever guesses.
 */
function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

/** Apollo's own refusals of a request that carry no code (they would read INTERNAL), known by their words. */
const APOLLO_UNCODED: Record<string, ErrorCode> = {
  'provided sha does not match query': ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
  'Unsupported persisted query version': ErrorCode.BAD_REQUEST,
};

/**
 * graphql-js' own refusals of an argument while executing: a variable given as null, or not given,
 * where the argument is non-null (one with a default takes null only when given). The caller's
 * input, in the words of the schema: not an internal error.
 */
const ARGUMENT_REFUSAL = /^Argument "\w+" (of (non-null|required) type "[\w[\]!]+" (must not be null|was not provided|was provided the variable "\$\w+" which was not provided a runtime value)|has invalid value )/;

/** An upstream body can be megabytes (an HTML error page): the log keeps its start, secrets out. */
function clipped(detail: unknown): string {
  const text = typeof detail === 'string' ? detail : JSON.stringify(detail) ?? '';
  return withoutSecretValues(text.length > 2_000 ? `${text.slice(0, 2_000)}… (${text.length} chars)` : text);
}

export function errorFormatter(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GatewayError && original.detail !== undefined) {
      log.warn({ code: original.code, provider: original.extensions.provider, detail: clipped(original.detail) }, 'upstream failure');
    }
    // Only a refusal before execution (no path) is Apollo's.
    const apollos = formatted.path === undefined ? APOLLO_UNCODED[formatted.message] : undefined;
    if (apollos) return { message: formatted.message, extensions: { code: apollos } };
    if (original instanceof GraphQLError && original.originalError === undefined && ARGUMENT_REFUSAL.test(original.message)) {
      return { message: withoutSuggestions(formatted.message), locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
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
  431: ErrorCode.PAYLOAD_TOO_LARGE,
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

const isGraphQLUrl = (url: string) => url === '/graphql' || url.startsWith('/graphql?');

/** A refusal's body: the GraphQL `errors` shape on /graphql, a small JSON error elsewhere. */
export function errorBody(graphql: boolean, status: number, message: string): string {
  const code = status >= 500 ? ErrorCode.INTERNAL : (CODE_BY_STATUS[status] ?? ErrorCode.BAD_REQUEST);
  return JSON.stringify(graphql ? { errors: [{ message, extensions: { code } }] } : { error: message, code });
}

/** One refusal in the route's shape. */
export function sendHttpError(req: FastifyRequest, reply: FastifyReply, status: number, message: string, headers: Record<string, string> = {}): FastifyReply {
  void reply.code(status).headers(headers).type('application/json; charset=utf-8');
  return reply.send(errorBody(isGraphQLUrl(req.url), status, message));
}

const CLIENT_ERRORS: Record<string, [status: number, message: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'The URL and headers are over 16 KB: send the query in a POST body'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request took too long to arrive'],
};

/**
 * Fastify's `clientErrorHandler`: what Node cannot parse (a URL or headers over 16 KB, a
 * garbled request line) is answered in our shape too, without echoing the request. Node keeps
 * the bytes it read, so a long GET /graphql is still answered in the GraphQL shape.
 */
export function clientErrorHandler(err: ConnectionError, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] = CLIENT_ERRORS[err.code] ?? [400, 'The request is malformed'];
  // A Buffer, whatever Fastify's type says.
  const raw = err.rawPacket as unknown as Buffer | undefined;
  const target = /^[A-Z]+ (\S+)/.exec(Buffer.isBuffer(raw) ? raw.subarray(0, 64).toString('latin1') : '')?.[1] ?? '';
  const body = errorBody(isGraphQLUrl(target), status, message);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
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
    isGraphQLUrl(req.url) ? sendHttpError(req, reply, 405, `${req.method} is not served on /graphql: use GET or POST`, { allow: 'GET, POST' }) : sendHttpError(req, reply, 404, 'Not found');
  return { onError, onNotFound };
}

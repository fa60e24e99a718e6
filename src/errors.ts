/**
 * The public error vocabulary. Each provider keeps one table from its own codes onto
 * ErrorCode (`src/datasources/<provider>/errors.ts`); nothing else invents codes.
 *
 * Business outcomes travel as data (`userErrors` in mutation payloads, built from
 * BusinessError); infrastructure failures are GraphQL errors carrying `extensions.code`
 * (built from GatewayError). Neither ever carries a raw upstream body or a stack.
 */
import { GraphQLError } from 'graphql';
import type { ProviderName } from './domain/model.js';

export enum ErrorCode {
  // Infrastructure: GraphQL errors.
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  RATE_LIMITED = 'RATE_LIMITED',
  UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_TIMEOUT = 'UPSTREAM_TIMEOUT',
  UPSTREAM_AUTH_FAILED = 'UPSTREAM_AUTH_FAILED',
  UPSTREAM_ERROR = 'UPSTREAM_ERROR',
  PROVIDER_NOT_CONFIGURED = 'PROVIDER_NOT_CONFIGURED',
  /** A provider call whose answer was lost: it may have been carried out; the gateway is finding out. */
  OUTCOME_UNKNOWN = 'OUTCOME_UNKNOWN',
  INTERNAL = 'INTERNAL',
  // The request itself, refused before anything runs: GraphQL errors (HTTP 4xx).
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  PERSISTED_QUERY_HASH_MISMATCH = 'PERSISTED_QUERY_HASH_MISMATCH',
  BAD_REQUEST = 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS',
  // Business outcomes: userErrors.
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  INVALID_NUMBER = 'INVALID_NUMBER',
  NOT_FOUND = 'NOT_FOUND',
  UNSUPPORTED_BY_PROVIDER = 'UNSUPPORTED_BY_PROVIDER',
  SANDBOX_ONLY = 'SANDBOX_ONLY',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  NO_NUMBER_AVAILABLE = 'NO_NUMBER_AVAILABLE',
  NUMBER_NOT_AVAILABLE = 'NUMBER_NOT_AVAILABLE',
  NUMBER_NOT_OWNED = 'NUMBER_NOT_OWNED',
  ALREADY_RELEASED = 'ALREADY_RELEASED',
  ALREADY_DEALLOCATED = 'ALREADY_DEALLOCATED',
  DUPLICATE_CONNECTION_ID = 'DUPLICATE_CONNECTION_ID',
  SAME_NUMBER_BOTH_PARTIES = 'SAME_NUMBER_BOTH_PARTIES',
  DUPLICATE_NUMBERS = 'DUPLICATE_NUMBERS',
  PIN_CONFLICT = 'PIN_CONFLICT',
  REGION_NOT_SUPPORTED = 'REGION_NOT_SUPPORTED',
  UNSUPPORTED_FILTER = 'UNSUPPORTED_FILTER',
  TOO_MANY_NUMBERS = 'TOO_MANY_NUMBERS',
  NOT_PERMITTED = 'NOT_PERMITTED',
  ENDPOINT_GROUP_INVALID = 'ENDPOINT_GROUP_INVALID',
  TIER_NOT_AVAILABLE = 'TIER_NOT_AVAILABLE',
  ACCOUNT_NOT_ENABLED = 'ACCOUNT_NOT_ENABLED',
  FEATURE_NOT_PROVISIONED = 'FEATURE_NOT_PROVISIONED',
  INVALID_CALL_FLOW = 'INVALID_CALL_FLOW',
  PROVIDER_REJECTED = 'PROVIDER_REJECTED',
}

/**
 * What each code means to a client: the schema's descriptions of ErrorCode's values (and the
 * README's table is checked against it). A Record, so a new code does not compile without one.
 */
export const ERROR_DESCRIPTIONS: Record<ErrorCode, string> = {
  UNAUTHENTICATED: 'No API key, or one the gateway does not know (HTTP 401; a WebSocket closes with 4403).',
  FORBIDDEN: 'The API key lacks the scope the operation needs: read for queries and subscriptions, write for mutations (HTTP 403).',
  BAD_USER_INPUT: 'An argument or variable the operation cannot take: a value that does not fit its type, a list over its cap, page arguments out of range or mixed, a cursor the list never gave.',
  RATE_LIMITED: 'Over RATE_LIMIT_PER_MINUTE operations for this key (HTTP 429); extensions.retryAfterSeconds says when to try again. Also a provider refusing for its own rate limit.',
  UPSTREAM_UNAVAILABLE: 'The provider could not be reached, answered 5xx, or its circuit is open after repeated failures. Safe to retry later.',
  UPSTREAM_TIMEOUT: 'The provider did not answer in time. For a call that changes something, see OUTCOME_UNKNOWN.',
  UPSTREAM_AUTH_FAILED: 'The provider refused the gateway’s credentials: an operator must fix the configuration.',
  UPSTREAM_ERROR: 'The provider answered something the gateway cannot read or did not expect; the detail is in the gateway’s log.',
  PROVIDER_NOT_CONFIGURED: 'The provider has neither credentials nor a sandbox (its mode is OFF).',
  OUTCOME_UNKNOWN:
    'A provider call that changes something lost its answer, so it may have been carried out. The gateway is finding out from the provider: retry with the same idempotencyKey for the result (never with a new key meanwhile).',
  INTERNAL: 'A failure inside the gateway; the detail is in its log. Report it.',
  GRAPHQL_PARSE_FAILED: 'The document is not GraphQL: a syntax error, more than 2,000 tokens, an invalid character (HTTP 400).',
  GRAPHQL_VALIDATION_FAILED: 'The document does not fit the schema or the limits: an unknown field or argument, depth, aliases, directives or cost over the limit (HTTP 400).',
  OPERATION_RESOLUTION_FAILURE: 'Apollo’s code: the document has several operations and operationName names none of them, or is missing (HTTP 400).',
  PERSISTED_QUERY_NOT_FOUND: 'Apollo’s code (automatic persisted queries): the hash is not known yet; send it again with the query text.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Apollo’s code: persisted queries are not served on this path.',
  PERSISTED_QUERY_HASH_MISMATCH: 'Apollo’s code (as the Apollo Router names it): the sha256Hash sent is not the hash of the query sent with it (HTTP 400).',
  BAD_REQUEST:
    'The HTTP request is not a GraphQL request: a body that is not JSON, an empty body or query, a subscription over plain HTTP, Apollo’s CSRF check, a persisted-query version other than 1, or an Accept no answer fits (HTTP 400 or 406).',
  PAYLOAD_TOO_LARGE: 'A body over 100 kB, or a URL and headers over 16 KB (HTTP 413 or 431).',
  UNSUPPORTED_MEDIA_TYPE: 'A content-type other than JSON (HTTP 415).',
  METHOD_NOT_ALLOWED: 'A method other than GET and POST on /graphql (HTTP 405).',
  TOO_MANY_SUBSCRIPTIONS: 'Over 100 operations at once on one WebSocket; the socket stays open.',
  VALIDATION_FAILED: 'An input field the provider cannot take (missing, malformed, out of range); UserError.field names it. Every bad field of an input is reported at once.',
  INVALID_NUMBER: 'Not a valid phone number (or not one for that country); UserError.field names it.',
  NOT_FOUND: 'No such object at the provider or in the gateway (a service, an allocation, a number). Also the code of a route that does not exist.',
  UNSUPPORTED_BY_PROVIDER: 'The provider cannot do this (see providers { operations }).',
  SANDBOX_ONLY: 'Only a sandboxed provider can do this (simulateIncomingCall).',
  IDEMPOTENCY_KEY_REUSED: 'The idempotencyKey was used with another input, or its first request is still running.',
  NO_NUMBER_AVAILABLE: 'The provider has no number in stock matching the request.',
  NUMBER_NOT_AVAILABLE: 'That number is no longer in stock (taken or reserved by someone else).',
  NUMBER_NOT_OWNED: 'The number is not ours at the provider (not assigned to the account, or reserved for another).',
  ALREADY_RELEASED: 'The number was already released.',
  ALREADY_DEALLOCATED: 'The allocation was already deallocated.',
  DUPLICATE_CONNECTION_ID: 'Exotel already holds an allocation with this connection id.',
  SAME_NUMBER_BOTH_PARTIES: 'A number appears in both the a-party and the b-party.',
  DUPLICATE_NUMBERS: 'A number appears more than once in one list.',
  PIN_CONFLICT: 'A number or PIN is already registered with another PIN (Exotel).',
  REGION_NOT_SUPPORTED: 'The provider does not serve that region or country.',
  UNSUPPORTED_FILTER: 'The provider cannot search by that filter field; UserError.field (or the message) names it.',
  TOO_MANY_NUMBERS: 'More numbers in one request than the provider takes.',
  NOT_PERMITTED: 'The provider does not permit this on the account, or not now (e.g. a number still reserved).',
  ENDPOINT_GROUP_INVALID: 'The VoIP Innovations endpoint group is not the account’s, or cannot serve this number.',
  TIER_NOT_AVAILABLE: 'The VoIP Innovations pricing tier is not available to the account.',
  ACCOUNT_NOT_ENABLED: 'The account is not enabled for this product at the provider (e.g. toll-free origination).',
  FEATURE_NOT_PROVISIONED: 'The feature is not provisioned on the Delacon account.',
  INVALID_CALL_FLOW: 'The Exotel call flow (flowId) is not valid for the account.',
  PROVIDER_REJECTED: 'The provider refused the request for a reason of its own; the message gives its words.',
};

/** Codes that are infrastructure failures or refused requests, never userErrors. */
export const INFRASTRUCTURE_CODES: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.RATE_LIMITED,
  ErrorCode.UPSTREAM_UNAVAILABLE,
  ErrorCode.UPSTREAM_TIMEOUT,
  ErrorCode.UPSTREAM_AUTH_FAILED,
  ErrorCode.UPSTREAM_ERROR,
  ErrorCode.PROVIDER_NOT_CONFIGURED,
  ErrorCode.OUTCOME_UNKNOWN,
  ErrorCode.INTERNAL,
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.OPERATION_RESOLUTION_FAILURE,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
  ErrorCode.BAD_REQUEST,
  ErrorCode.PAYLOAD_TOO_LARGE,
  ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  ErrorCode.METHOD_NOT_ALLOWED,
  ErrorCode.TOO_MANY_SUBSCRIPTIONS,
]);

/** Refusals: the provider (or the gateway, before calling it) did nothing. */
const REFUSALS: ReadonlySet<ErrorCode> = new Set([ErrorCode.UPSTREAM_AUTH_FAILED, ErrorCode.RATE_LIMITED, ErrorCode.PROVIDER_NOT_CONFIGURED]);

/** A business outcome: the caller can act on it. Becomes a `UserError` in the payload. */
export class BusinessError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string[],
  ) {
    super(message);
    this.name = 'BusinessError';
  }
}

/** Several business refusals at once, one per input field (src/datasources/validate.ts): each is a userError of its own. */
export class Refusals extends BusinessError {
  constructor(readonly all: BusinessError[]) {
    super(all[0]!.code, all.map((r) => r.message).join('; '), all[0]!.field);
    this.name = 'Refusals';
  }
}

/**
 * An infrastructure failure. `message` is safe for clients; `detail` (upstream body,
 * cause) goes to the logs only. `nothingDone` says the failure proves the provider did
 * nothing (the request never left, or was refused); otherwise a call that changes something
 * may have been carried out.
 */
export class GatewayError extends GraphQLError {
  constructor(
    code: ErrorCode,
    message: string,
    opts: { provider?: ProviderName; retryAfterSeconds?: number; detail?: unknown; cause?: unknown; nothingDone?: boolean; argument?: string } = {},
  ) {
    super(message, {
      extensions: {
        code,
        ...(opts.provider ? { provider: opts.provider } : {}),
        ...(opts.argument ? { argument: opts.argument } : {}),
        ...(opts.retryAfterSeconds !== undefined ? { retryAfterSeconds: opts.retryAfterSeconds } : {}),
      },
      originalError: opts.cause instanceof Error ? opts.cause : undefined,
    });
    this.detail = opts.detail;
    this.nothingDone = opts.nothingDone ?? REFUSALS.has(code);
  }
  readonly detail: unknown;
  readonly nothingDone: boolean;
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

/** An argument a query cannot take: BAD_USER_INPUT naming it (`filter.country`), in the message and as `extensions.argument`. */
export function badUserInput(argument: string, message: string): GatewayError {
  return new GatewayError(ErrorCode.BAD_USER_INPUT, `${argument}: ${message}`, { argument });
}

/**
 * One outcome from a provider error table: either a business error (user's fault or
 * provider verdict on the request) or an infrastructure failure.
 */
export function providerFailure(
  provider: ProviderName,
  code: ErrorCode,
  message: string,
  opts: { field?: string[]; retryAfterSeconds?: number; detail?: unknown } = {},
): BusinessError | GatewayError {
  return INFRASTRUCTURE_CODES.has(code)
    ? new GatewayError(code, message, { provider, retryAfterSeconds: opts.retryAfterSeconds, detail: opts.detail })
    : new BusinessError(code, message, opts.field);
}

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

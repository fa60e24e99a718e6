/**
 * The one path of a GraphQL operation on every transport Apollo's HTTP handler does not serve
 * (graphql-transport-ws, the legacy graphql-ws subprotocol, multipart HTTP, SSE). As in
 * graphql-ws, where one server is adapted to each WebSocket library, each transport is a thin
 * adapter that only speaks its protocol and calls, in this order:
 *
 *   authenticate → admit (rate limit; HTTP transports are counted by the HTTP hook) →
 *   prepare (persisted query, parse and validate with the document limits, the operation,
 *   scope, list and cost limits) → run (subscriptions on the shared source streams) → format.
 *
 * Apollo plugins run on none of these, so every rule of the HTTP path is applied here.
 */
import { createHash } from 'node:crypto';
import { execute, getVariableValues, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode, type OperationTypeNode } from 'graphql';
import type { Logger } from 'pino';
import { createContext, type Principal } from '../../context.js';
import { ErrorCode } from '../../errors.js';
import type { Gateway } from '../../gateway/gateway.js';
import { authorize, operationOf, type ApiKeys } from '../auth.js';
import { errorFormatter } from '../errors.js';
import { checkOperation, parseOptions, validationRules } from '../limits.js';
import { Lru } from '../lru.js';
import { keyBucket, rateLimitedError, type RateLimiter } from '../rate-limit.js';
import { perResult, sharedSubscriptions, type Sink } from '../shared-subscriptions.js';

/** Distinct documents (and persisted-query hashes) kept: clients resubscribe with the same few. */
const DOCUMENT_CACHE_SIZE = 200;

/** What a client sends for one operation, whatever the transport, not yet checked. */
export interface OperationPayload {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

export interface Prepared {
  args: ExecutionArgs;
  operation: OperationTypeNode;
}

/** Refused before anything ran: the errors, and the HTTP status an HTTP transport answers with. */
export interface Refusal {
  errors: readonly GraphQLError[];
  status: number;
}

export type Resolved = { document: DocumentNode; definition: OperationDefinitionNode; operationName?: string; variables?: Record<string, unknown> } | Refusal;

export interface TransportCore {
  keepAliveMs: number;
  /** The caller of an `Authorization` value (`Bearer <key>`), or why not (UNAUTHENTICATED, 401). */
  authenticate(authorization: unknown): Principal | Refusal;
  /** Counts one operation against the caller's rate limit. */
  admit(principal: Principal): Promise<Refusal | undefined>;
  /** The document and operation a payload names: persisted query, parse, validation with the limits. */
  resolve(payload: OperationPayload): Resolved;
  /** Everything checked, ready to run; or refused. */
  prepare(principal: Principal, payload: OperationPayload): Prepared | Refusal;
  /**
   * One result (queries, mutations, a subscription refused by its resolver), or a subscription's
   * iterator: its events go to the sink, the iterator only ends (`return()` leaves the stream).
   */
  run(prepared: Prepared, sink: Sink): Promise<ExecutionResult | AsyncIterableIterator<ExecutionResult>>;
  /** graphql-js `subscribe` on the shared source streams, each event written to the sink (see `run`). */
  subscribe(args: ExecutionArgs, sink: Sink): Promise<ExecutionResult | AsyncIterableIterator<ExecutionResult>>;
  /** What a client may see of errors: the HTTP path's formatter. */
  formatErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[];
  /**
   * The result as JSON, its errors formatted, once per result object: a shared stream delivers the same
   * object to every subscriber, so 1,000 subscribers cost one JSON.stringify, not 1,000.
   */
  serialise(result: ExecutionResult): string;
  /** `serialise` as UTF-8, once per result object: what a WebSocket frame carries. */
  encoded(result: ExecutionResult): Buffer;
}

export interface CoreDeps {
  schema: GraphQLSchema;
  gateway: Gateway;
  keys: ApiKeys;
  limiter: RateLimiter;
  log: Logger;
  keepAliveMs: number;
}

const refusal = (status: number, ...errors: GraphQLError[]): Refusal => ({ errors, status });
export const isRefusal = (value: object): value is Refusal => 'errors' in value;

/** The same GraphQLError with `code`, keeping its locations. */
function coded(err: GraphQLError, code: ErrorCode): GraphQLError {
  return new GraphQLError(err.message, { nodes: err.nodes, source: err.source, positions: err.positions, extensions: { ...err.extensions, code } });
}

function badRequest(message: string, code = ErrorCode.BAD_REQUEST): Refusal {
  return refusal(400, new GraphQLError(message, { extensions: { code } }));
}

/** The status an error thrown by auth or the limits carries for HTTP (`extensions.http.status`). */
function statusOf(err: GraphQLError): number {
  return (err.extensions.http as { status?: number } | undefined)?.status ?? 400;
}

export function createTransportCore({ schema, gateway, keys, limiter, log, keepAliveMs }: CoreDeps): TransportCore {
  const format = errorFormatter(log);
  const rules = [...specifiedRules, ...validationRules];
  const subscribe = sharedSubscriptions();
  // Parsing and validating the same subscription for each of thousands of clients was most of
  // a connection's cost; the result depends only on the text (schema and rules are fixed).
  // One DocumentNode per text also lets the shared streams group subscribers across transports.
  const documents = new Lru<{ document: DocumentNode } | Refusal>(DOCUMENT_CACHE_SIZE);
  /** Automatic persisted queries (Apollo's protocol): sha256 → query text, for the streams Apollo does not see. */
  const persisted = new Lru<string>(DOCUMENT_CACHE_SIZE);

  function parsed(query: string): { document: DocumentNode } | Refusal {
    let document: DocumentNode;
    try {
      document = parse(query, parseOptions);
    } catch (err) {
      return refusal(400, coded(err instanceof GraphQLError ? err : new GraphQLError('Could not parse the query'), ErrorCode.GRAPHQL_PARSE_FAILED));
    }
    const errors = validate(schema, document, rules);
    return errors.length > 0 ? refusal(400, ...errors.map((e) => coded(e, ErrorCode.GRAPHQL_VALIDATION_FAILED))) : { document };
  }

  const check = (query: string) => documents.through(query, parsed);

  const serialise = perResult((result) => JSON.stringify(formatResult(result)));

  /** The query text: given, or known by its persisted-query hash. */
  function queryOf(payload: OperationPayload): string | Refusal {
    const pq = (payload.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
    if (pq === undefined || pq === null) {
      return typeof payload.query === 'string' && payload.query.trim() !== '' ? payload.query : badRequest('Send the operation as a non-empty "query" string');
    }
    if (pq.version !== 1 || typeof pq.sha256Hash !== 'string') return badRequest('Unsupported persisted query version');
    if (typeof payload.query !== 'string') return persisted.get(pq.sha256Hash) ?? badRequest('PersistedQueryNotFound', ErrorCode.PERSISTED_QUERY_NOT_FOUND);
    if (createHash('sha256').update(payload.query).digest('hex') !== pq.sha256Hash) return badRequest('provided sha does not match query', ErrorCode.PERSISTED_QUERY_HASH_MISMATCH);
    persisted.remember(pq.sha256Hash, payload.query);
    return payload.query;
  }

  function resolve(payload: OperationPayload): Resolved {
    const { operationName, variables } = payload;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return badRequest('"operationName" must be a string');
    if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return badRequest('"variables" must be an object');
    const query = queryOf(payload);
    if (typeof query !== 'string') return query;
    const checked = check(query);
    if (isRefusal(checked)) return checked;
    const operation = operationOf(checked.document, operationName);
    if (!operation) return badRequest('Name the operation to run (operationName)', ErrorCode.OPERATION_RESOLUTION_FAILURE);
    return { document: checked.document, definition: operation, operationName: operationName ?? undefined, variables: (variables ?? undefined) as Record<string, unknown> | undefined };
  }

  function formatResult(result: ExecutionResult): FormattedExecutionResult {
    if (!result.errors?.length) return result as FormattedExecutionResult;
    // Without data, a request error (a variable that does not fit its type) comes uncoded; Apollo codes it on HTTP.
    // An uncoded error from a subscribe resolver (a crash: not a GraphQLError) stays one.
    const request = (e: GraphQLError) => result.data === undefined && !e.extensions.code && (!e.originalError || e.originalError instanceof GraphQLError);
    return { ...result, errors: result.errors.map((e) => (request(e) ? coded(e, ErrorCode.BAD_USER_INPUT) : e)).map((e) => format(e.toJSON(), e)) };
  }

  return {
    keepAliveMs,

    authenticate(authorization) {
      try {
        return keys.authenticate(typeof authorization === 'string' ? authorization : undefined);
      } catch (err) {
        return refusal(401, err as GraphQLError);
      }
    },

    async admit(principal) {
      const rate = await limiter.take(keyBucket(principal));
      return rate.allowed ? undefined : refusal(429, rateLimitedError(rate));
    },

    resolve,

    prepare(principal, payload) {
      const resolved = resolve(payload);
      if (isRefusal(resolved)) return resolved;
      const { document, definition, operationName, variables } = resolved;
      const { operation } = definition;
      try {
        authorize(principal, schema, document, definition);
        checkOperation(schema, document, definition, variables);
      } catch (err) {
        // Anything else is a bug of ours: thrown on, to be answered INTERNAL.
        if (!(err instanceof GraphQLError)) throw err;
        return refusal(statusOf(err), err);
      }
      // Variables that do not fit their types are the client's error, as on the HTTP path (not INTERNAL).
      // With none declared there is nothing to coerce (graphql-js ignores variables not declared).
      const coerced = definition.variableDefinitions?.length ? getVariableValues(schema, definition.variableDefinitions, variables ?? {}, { maxErrors: 1 }) : undefined;
      if (coerced?.errors) return refusal(400, new GraphQLError(coerced.errors[0]!.message, { extensions: { code: ErrorCode.BAD_USER_INPUT } }));
      const args: ExecutionArgs = {
        schema,
        document,
        operationName,
        variableValues: variables,
        // Subscriptions live long: loaders batch per event but must not cache stale records.
        contextValue: createContext(gateway, principal, { cache: operation !== 'subscription' }),
      };
      return { args, operation };
    },

    async run({ args, operation }, sink) {
      return operation === 'subscription' ? subscribe(args, sink) : execute(args);
    },

    subscribe,

    formatErrors(errors) {
      return errors.map((e) => format(e.toJSON(), e));
    },

    serialise,
    encoded: perResult((result) => Buffer.from(serialise(result))),
  };
}

/**
 * Subscriptions (and any operation) over graphql-ws on `/graphql`. Apollo plugins do not run
 * here, so this path authenticates from `connection_init`, counts each operation against the
 * caller's rate limit, caps subscriptions per socket, checks scopes, applies the same parse,
 * validation and operation limits, and formats errors with the same formatter.
 */
import type http from 'node:http';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { createContext, type Principal } from '../context.js';
import type { Gateway } from '../gateway/gateway.js';
import { ErrorCode } from '../errors.js';
import { activeSubscriptions } from '../observability/metrics.js';
import { authorize, operationOf, type ApiKeys } from './auth.js';
import { errorFormatter } from './errors.js';
import { checkOperation, LIMITS, parseOptions, validationRules } from './limits.js';
import { keyBucket, rateLimitedError, type RateLimiter } from './rate-limit.js';
import { sharedSubscriptions } from './shared-subscriptions.js';

export const WS_MAX_MESSAGE_BYTES = 64 * 1024;
/** Distinct documents kept parsed and validated: clients resubscribe with the same few. */
const DOCUMENT_CACHE_SIZE = 200;

type Extra = { principal?: Principal };

export interface WebSocketDeps {
  schema: GraphQLSchema;
  gateway: Gateway;
  keys: ApiKeys;
  limiter: RateLimiter;
  log: Logger;
}

/** `authorization` in connection_init, whatever its case (Sandbox sends headers as typed). */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const entry = Object.entries(params ?? {}).find(([k]) => k.toLowerCase() === 'authorization');
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}

const withCode = (err: GraphQLError, code: ErrorCode) => new GraphQLError(err.message, { nodes: err.nodes, source: err.source, positions: err.positions, extensions: { ...err.extensions, code } });

export function attachWebSockets(server: http.Server, { schema, gateway, keys, limiter, log }: WebSocketDeps) {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: WS_MAX_MESSAGE_BYTES });
  const format = errorFormatter(log);
  const rules = [...specifiedRules, ...validationRules];
  // Parsing and validating the same subscription for each of thousands of sockets was most of
  // a connection's cost; the result depends only on the text (schema and rules are fixed).
  const documents = new Map<string, { document: DocumentNode } | { errors: readonly GraphQLError[] }>();
  const check = (query: string) => {
    let checked = documents.get(query);
    if (!checked) {
      let document: DocumentNode | undefined;
      try {
        document = parse(query, parseOptions);
      } catch (err) {
        checked = { errors: [withCode(err instanceof GraphQLError ? err : new GraphQLError('Could not parse the query'), ErrorCode.GRAPHQL_PARSE_FAILED)] };
      }
      if (document) {
        const errors = validate(schema, document, rules);
        checked = errors.length > 0 ? { errors: errors.map((e) => withCode(e, ErrorCode.GRAPHQL_VALIDATION_FAILED)) } : { document };
      }
      if (documents.size >= DOCUMENT_CACHE_SIZE) documents.delete(documents.keys().next().value!);
      documents.set(query, checked!);
    }
    return checked!;
  };
  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      subscribe: sharedSubscriptions(),
      onConnect(ctx) {
        try {
          (ctx.extra as Extra).principal = keys.authenticate(authorizationOf(ctx.connectionParams));
          activeSubscriptions.inc();
          return true;
        } catch {
          // graphql-ws closes with 4403 Forbidden.
          return false;
        }
      },
      onClose(ctx) {
        if ((ctx.extra as Extra).principal) activeSubscriptions.dec();
      },
      async onSubscribe(ctx, _id, payload) {
        const principal = (ctx.extra as Extra).principal!;
        // This operation is already in ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > LIMITS.subscriptionsPerSocket) {
          return [new GraphQLError(`At most ${LIMITS.subscriptionsPerSocket} operations at once on one WebSocket: complete some first`, { extensions: { code: ErrorCode.TOO_MANY_SUBSCRIPTIONS } })];
        }
        const rate = await limiter.take(keyBucket(principal));
        if (!rate.allowed) return [rateLimitedError(rate)];
        const checked = check(payload.query);
        if ('errors' in checked) return [...checked.errors];
        const { document } = checked;
        const operation = operationOf(document, payload.operationName);
        if (!operation) return [new GraphQLError('Name the operation to run (operationName)', { extensions: { code: ErrorCode.OPERATION_RESOLUTION_FAILURE } })];
        try {
          authorize(principal, schema, document, operation);
          checkOperation(schema, document, operation, payload.variables);
        } catch (err) {
          return [err as GraphQLError];
        }
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          // Subscriptions live long: loaders batch per event but must not cache stale records.
          contextValue: createContext(gateway, principal, { cache: false }),
        };
        return args;
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((e) => format(e.toJSON(), e));
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!('errors' in result) || !result.errors) return;
        return { ...result, errors: result.errors.map((e) => format(e.toJSON(), e)) } as unknown as typeof result;
      },
    },
    wss,
  );
  return {
    wss,
    /** Close every socket (1001 Going away) and stop accepting. */
    async close() {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

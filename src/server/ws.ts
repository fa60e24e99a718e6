/**
 * Subscriptions (and any operation) over graphql-ws on `/graphql`. Apollo plugins do not run
 * here, so this path authenticates from `connection_init`, checks scopes, and applies the
 * same parse and validation limits itself.
 */
import type http from 'node:http';
import { GraphQLError, parse, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { createContext, type Principal } from '../context.js';
import type { Gateway } from '../domain/gateway.js';
import { activeSubscriptions } from '../observability/metrics.js';
import { assertScope, operationOf, type ApiKeys } from './auth.js';
import { errorFormatter } from './errors.js';
import { LIMITS, wsValidationRules } from './limits.js';
import { sharedSubscriptions } from './shared-subscriptions.js';

export const WS_MAX_MESSAGE_BYTES = 64 * 1024;
/** Distinct documents kept parsed and validated: clients resubscribe with the same few. */
const DOCUMENT_CACHE_SIZE = 200;

type Extra = { principal?: Principal };

/** `authorization` in connection_init, whatever its case (Sandbox sends headers as typed). */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const entry = Object.entries(params ?? {}).find(([k]) => k.toLowerCase() === 'authorization');
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}

export function attachWebSockets(server: http.Server, schema: GraphQLSchema, gateway: Gateway, keys: ApiKeys, log: Logger) {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: WS_MAX_MESSAGE_BYTES });
  const format = errorFormatter(log);
  // Parsing and validating the same subscription for each of thousands of sockets was most of
  // a connection's cost; the result depends only on the text (schema and rules are fixed).
  const documents = new Map<string, { document: DocumentNode } | { errors: readonly GraphQLError[] }>();
  const check = (query: string) => {
    let checked = documents.get(query);
    if (!checked) {
      try {
        const document = parse(query, { maxTokens: LIMITS.tokens });
        const errors = validate(schema, document, wsValidationRules);
        checked = errors.length > 0 ? { errors } : { document };
      } catch (err) {
        checked = { errors: [err instanceof GraphQLError ? err : new GraphQLError('Could not parse the query')] };
      }
      if (documents.size >= DOCUMENT_CACHE_SIZE) documents.delete(documents.keys().next().value!);
      documents.set(query, checked);
    }
    return checked;
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
      onSubscribe(ctx, _id, payload) {
        const principal = (ctx.extra as Extra).principal!;
        const checked = check(payload.query);
        if ('errors' in checked) return [...checked.errors];
        const { document } = checked;
        const operation = operationOf(document, payload.operationName);
        if (!operation) return [new GraphQLError('Name the operation to run (operationName)')];
        try {
          assertScope(principal, operation.operation);
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

/**
 * Subscriptions (and any operation) over graphql-ws on `/graphql`. Apollo plugins do not run
 * here, so this path authenticates from `connection_init`, checks scopes, and applies the
 * same parse and validation limits itself.
 */
import type http from 'node:http';
import { GraphQLError, parse, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { createContext, type Principal } from '../context.js';
import type { Gateway } from '../domain/gateway.js';
import { activeSubscriptions } from '../observability/metrics.js';
import { assertScope, operationOf, type ApiKeys } from './auth.js';
import { errorFormatter } from './errors.js';
import { LIMITS, wsValidationRules } from './limits.js';

export const WS_MAX_MESSAGE_BYTES = 64 * 1024;

type Extra = { principal?: Principal };

/** `authorization` in connection_init, whatever its case (Sandbox sends headers as typed). */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const entry = Object.entries(params ?? {}).find(([k]) => k.toLowerCase() === 'authorization');
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}

export function attachWebSockets(server: http.Server, schema: GraphQLSchema, gateway: Gateway, keys: ApiKeys, log: Logger) {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: WS_MAX_MESSAGE_BYTES });
  const format = errorFormatter(log);
  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema,
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
        let document;
        try {
          document = parse(payload.query, { maxTokens: LIMITS.tokens });
        } catch (err) {
          return [err instanceof GraphQLError ? err : new GraphQLError('Could not parse the query')];
        }
        const errors = validate(schema, document, wsValidationRules);
        if (errors.length > 0) return errors;
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

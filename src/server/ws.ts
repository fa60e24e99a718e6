/**
 * Subscriptions (and any operation) over graphql-ws on `/graphql`. Apollo plugins do not run
 * here, so this path authenticates from `connection_init`, checks scopes, and applies the
 * same parse and validation limits itself.
 */
import type http from 'node:http';
import { createSourceEventStream, execute, GraphQLError, parse, validate, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
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
/** Distinct documents kept parsed and validated: clients resubscribe with the same few. */
const DOCUMENT_CACHE_SIZE = 200;

type Extra = { principal?: Principal };

/**
 * graphql-js `subscribe`, except that subscribers running the same document with the same
 * variables share one execution per event: the bus hands every subscriber the same payload
 * object, and the result depends only on it (scopes were checked at subscribe time, loaders
 * do not cache on WebSockets). 1,000 subscribers cost one execution per event, not 1,000.
 */
const executions = new WeakMap<object, WeakMap<DocumentNode, Map<string, Promise<ExecutionResult> | ExecutionResult>>>();

function executeShared(args: ExecutionArgs, payload: unknown): Promise<ExecutionResult> | ExecutionResult {
  const run = () => execute({ ...args, rootValue: payload });
  if (typeof payload !== 'object' || payload === null) return run();
  let byDocument = executions.get(payload);
  if (!byDocument) executions.set(payload, (byDocument = new WeakMap()));
  let byVariables = byDocument.get(args.document);
  if (!byVariables) byDocument.set(args.document, (byVariables = new Map()));
  const key = `${args.operationName ?? ''}:${JSON.stringify(args.variableValues ?? {})}`;
  let result = byVariables.get(key);
  if (!result) byVariables.set(key, (result = run()));
  return result;
}

async function subscribeShared(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const source = stream[Symbol.asyncIterator]();
  // An iterator, not an async generator: return() must reach the source at once, even while
  // a next() is waiting for an event, or closed sockets would linger until the next event.
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const r = await source.next();
      return r.done ? { done: true, value: undefined } : { done: false, value: await executeShared(args, r.value) };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(err: unknown) {
      await source.return?.();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

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
      subscribe: subscribeShared,
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

/**
 * The fast path of GraphQL over HTTP: a `preHandler` in front of Apollo for POSTed queries and
 * mutations answered in JSON. Apollo's request pipeline (hashing, plugins, negotiation, each
 * hook a promise) cost several times the execution itself; here the transport core's checks
 * run instead (the document parsed, validated and limited once per text; authentication,
 * scope, list and cost limits per request; the rate limit was counted by the HTTP hook) and the
 * document runs compiled by graphql-jit, compiled once per document and operation (from its
 * second run).
 *
 * Whatever it does not answer exactly as Apollo would goes on to Apollo untouched: any refusal
 * (authentication, scope, limits, a broken document or variables), a persisted query or other
 * extensions, a subscription, a batch, an `Accept` that wants a stream or no JSON.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import { execute } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import type { Principal } from '../context.js';
import { graphqlOperations } from '../observability/metrics.js';
import type { ApiKeys } from './auth.js';
import { jsonPreference } from './http-rules.js';
import { isRefusal, type OperationPayload, type Prepared, type TransportCore } from './transports/core.js';
import { streamTransport } from './transports/http-streams.js';

type Runner = (args: Prepared['args']) => ExecutionResult | Promise<ExecutionResult>;

/** graphql-js itself, for the rare document graphql-jit cannot compile. */
const interpreted: Runner = (args) => execute(args);

/** What errors ask of the HTTP answer (`extensions.http`), merged as Apollo merges them. */
function httpOf(errors: readonly GraphQLError[]): { status: number; headers: Map<string, string> } {
  const head = { status: 200, headers: new Map<string, string>() };
  for (const err of errors) {
    const http = err.extensions?.http as { status?: number; headers?: Map<string, string> } | undefined;
    if (http?.status) head.status = http.status;
    for (const [name, value] of http?.headers ?? []) head.headers.set(name, value);
  }
  return head;
}

export function httpFastPath(core: TransportCore, keys: ApiKeys, schema: GraphQLSchema) {
  // Per document (the core keeps one DocumentNode per query text) and operation name. A
  // document is compiled when it comes again (as Mercurius' `jit: 1`): compiling costs more
  // than a run, and one-off documents would make every request pay it.
  const runners = new WeakMap<DocumentNode, Map<string, Runner | 'seen once'>>();
  let jit: typeof import('graphql-jit') | undefined;
  let loading: Promise<void> | undefined;

  function runnerFor({ document, operationName }: Prepared['args']): Runner {
    let byName = runners.get(document);
    if (!byName) runners.set(document, (byName = new Map()));
    const key = operationName ?? '';
    const known = byName.get(key);
    if (known === undefined) {
      byName.set(key, 'seen once');
      return interpreted;
    }
    if (known !== 'seen once') return known;
    if (!jit) {
      // Loaded on the first repeat, not at boot: it brings fast-json-stringify and ajv (~0.1 s).
      loading ??= import('graphql-jit').then((m) => void (jit = m), () => undefined);
      return interpreted;
    }
    const compiled = jit.compileQuery(schema, document, operationName ?? undefined);
    const runner = jit.isCompiledQuery(compiled) ? jitRunner(compiled) : interpreted;
    byName.set(key, runner);
    return runner;
  }

  return async function fastPath(req: FastifyRequest, reply: FastifyReply) {
    if (req.method !== 'POST' || req.routeOptions.url !== '/graphql' || reply.sent) return;
    const payload = req.body as OperationPayload | null;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || payload.extensions !== undefined) return;
    const accept = req.headers.accept;
    const media = jsonPreference(accept);
    if (!media || streamTransport(accept)) return;
    let principal: Principal;
    try {
      principal = keys.ofRequest(req.raw);
    } catch {
      return;
    }
    const prepared = core.prepare(principal, payload);
    if (isRefusal(prepared) || prepared.operation === 'subscription') return;
    const result = await runnerFor(prepared.args)(prepared.args);
    // No data: refused before anything ran (the variables); Apollo words that refusal.
    if (result.data === undefined) return;
    const errors = result.errors;
    graphqlOperations.inc({ type: prepared.operation, result: errors?.length ? 'error' : 'ok' });
    const head = errors?.length ? httpOf(errors) : undefined;
    void reply
      .code(head?.status ?? 200)
      .headers(Object.fromEntries(head?.headers ?? []))
      .header('content-type', `${media.offer}; charset=utf-8`);
    // As Apollo writes it: errors first, then data, and a final newline.
    return reply.send(`${JSON.stringify(errors?.length ? { errors: core.formatErrors(errors), data: result.data } : { data: result.data })}\n`);
  };
}

function jitRunner(compiled: CompiledQuery): Runner {
  return (args) => compiled.query(args.rootValue, args.contextValue, args.variableValues) as ExecutionResult | Promise<ExecutionResult>;
}

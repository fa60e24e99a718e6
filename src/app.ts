/**
 * Wires the gateway: store → bus → providers (live or sandbox) → schema → HTTP (Fastify +
 * Apollo), streamed HTTP (multipart, SSE) and WebSocket (graphql-transport-ws, graphql-ws) on
 * one port. `close()` drains in reverse order.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { ConfigError, isLoopbackHost, type Config } from './config.js';
import { createContext, type Context } from './context.js';
import { Registry } from './datasources/registry.js';
import { Effects } from './gateway/effects.js';
import { Gateway } from './gateway/gateway.js';
import { createBus, type Bus } from './pubsub/bus.js';
import { registry as metrics } from './observability/metrics.js';
import { createSchema } from './schema.js';
import { ApiKeys } from './server/auth.js';
import { cors } from './server/cors.js';
import { clientErrorHandler, errorFormatter, httpErrorHandlers } from './server/errors.js';
import { httpFastPath } from './server/fast-path.js';
import { explorerRoutes, loadExplorer, schemaRoute } from './server/explorer.js';
import { httpOperationRules } from './server/http-rules.js';
import { landingHtml, landingPage } from './server/landing.js';
import { parseOptions, validationRules } from './server/limits.js';
import { createRateLimiter, httpRateLimit } from './server/rate-limit.js';
import { createTransportCore } from './server/transports/core.js';
import { httpStreams } from './server/transports/http-streams.js';
import { attachWebSockets } from './server/transports/websocket.js';
import { openDb, type Db } from './store/db.js';
import { Store } from './store/store.js';
import { WebhookDeliveries } from './webhooks/deliveries.js';
import { webhookRouter } from './webhooks/router.js';

export const HTTP_BODY_LIMIT = 100 * 1024;

/**
 * No route declares a JSON schema (GraphQL and the webhook mappers check their own input), so
 * Fastify need not load ajv and fast-json-stringify to compile them: ~70 ms of every boot.
 */
const noRouteSchemas = () => () => {
  throw new Error('route schemas are not compiled here (see noRouteSchemas in app.ts)');
};

/** A listen failure the configuration explains (the port is taken, the host is not ours), or the error itself. */
function listenFailure(err: unknown, host: string, port: number): unknown {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return new ConfigError('PORT', `${host}:${port} is already in use`, '0'); // any free port
    case 'EACCES':
      return new ConfigError('PORT', `listening on ${port} is not permitted to this user`, '4000');
    case 'EADDRNOTAVAIL':
      return new ConfigError('HOST', `${host} is not an address of this machine`, '127.0.0.1');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConfigError('HOST', `"${host}" does not resolve to an address`, '127.0.0.1');
  }
  return err;
}

const UNREACHABLE: Record<string, string> = { ECONNREFUSED: 'connection refused', ENOTFOUND: 'host not found', EAI_AGAIN: 'host not found', ETIMEDOUT: 'timed out', EHOSTUNREACH: 'host unreachable', ENETUNREACH: 'network unreachable', ECONNRESET: 'connection reset' };

/** A store that cannot be reached or entered (refused, unknown host, bad password, no such database), or the error itself. */
function databaseFailure(err: unknown, databaseUrl: string | undefined): unknown {
  const code = String((err as { code?: unknown }).code ?? '');
  if (!databaseUrl || !(code in UNREACHABLE || /^(08|28)...$|^3D000$/.test(code))) return err;
  const u = new URL(databaseUrl);
  // PostgreSQL's own words (e.g. 'password authentication failed for user "x"') carry no secret.
  const reason = UNREACHABLE[code] ?? (err as Error).message;
  return new ConfigError('DATABASE_URL', `cannot connect to ${u.hostname}:${u.port || 5432}${u.pathname}: ${reason}`, 'postgres://switchboard@localhost:5432/switchboard');
}

/**
 * Fastify's `trustProxy` from TRUST_PROXY. A bare number there now trusts nothing (Fastify
 * fails closed), so a hop count is a function: the nearest `n` addresses are proxies.
 */
function trustProxy(setting: Config['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

export interface Running {
  /** `http://host:port` actually bound. */
  url: string;
  /** The base URL providers are given for our webhooks. */
  publicUrl: string;
  gateway: Gateway;
  /** For tests and tools that look behind the gateway: the providers and the store. */
  registry: Registry;
  store: Store;
  db: Db;
  bus: Bus;
  close(): Promise<void>;
}

export async function startApp(config: Config, log: Logger): Promise<Running> {
  const bus = await createBus(config.redisUrl);
  let boundUrl = `http://localhost:${config.port}`;
  const publicUrl = () => config.publicUrl ?? boundUrl;
  // Independent: the store opens (PGlite's WASM compiles off the main thread) while the
  // simulators start and the schema is built.
  const [db, registry, schema] = await Promise.all([
    openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch((err: unknown) => {
      throw databaseFailure(err, config.databaseUrl);
    }),
    Registry.start(config, log, publicUrl),
    createSchema(bus.pubSub),
  ]);
  const store = new Store(db, { claimLeaseSeconds: config.webhookClaimLeaseSeconds });
  const effects = new Effects(store, bus, log.child({ component: 'effects' }));
  const deliveries = new WebhookDeliveries({
    receipts: store.receipts,
    effects,
    log: log.child({ component: 'webhooks' }),
    pauseAfter: config.testWebhookPause,
    providers: registry.all().map((e) => ({ slug: e.module.slug, provider: e.name, routes: e.webhooks })),
  });
  const gateway = new Gateway(registry, store, effects, log.child({ component: 'gateway' }), {
    upstreamTimeoutMs: config.upstreamTimeoutMs,
    reconciliation: { intervalSeconds: config.reconciliationIntervalSeconds, leaseSeconds: config.reconciliationLeaseSeconds },
    deliveries,
    webhookToken: config.webhookToken,
  });
  const keys = new ApiKeys(config.apiKeys);
  const limiter = await createRateLimiter(config.rateLimitPerMinute, config.redisUrl);

  const httpErrors = httpErrorHandlers(log.child({ component: 'http' }));
  const app = Fastify({
    loggerInstance: log.child({ component: 'http' }),
    bodyLimit: HTTP_BODY_LIMIT,
    trustProxy: trustProxy(config.trustProxy),
    clientErrorHandler,
    schemaController: { compilersFactory: { buildValidator: noRouteSchemas, buildSerializer: noRouteSchemas } },
    frameworkErrors: (err, req, reply) => httpErrors.onError(err, req, reply),
  });
  app.setErrorHandler(httpErrors.onError);
  app.setNotFoundHandler(httpErrors.onNotFound);
  const sharedHeaders: Record<string, string> = config.devKey && isLoopbackHost(config.host) ? { Authorization: `Bearer ${config.devKey.key}` } : {};
  const explorer = loadExplorer();
  const landing = landingHtml(sharedHeaders, explorer?.assets);
  const apollo = new ApolloServer<Context>({
    schema,
    // Sandbox needs introspection in every environment; callers are authenticated anyway.
    introspection: true,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    logger: log.child({ component: 'apollo' }),
    formatError: errorFormatter(log),
    parseOptions,
    validationRules,
    // No HTTP caching of GraphQL answers: the default cache-control plugin only cost a hook
    // on every resolved field.
    plugins: [fastifyApolloDrainPlugin(app), landingPage(landing), httpOperationRules(schema), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  const context = async (req: FastifyRequest) => createContext(gateway, keys.ofRequest(req.raw));
  const graphqlCors = cors(config.corsOrigins);
  // Subscriptions over WebSocket, multipart and SSE: one core, one adapter per transport.
  const transports = createTransportCore({ schema, gateway, keys, limiter, log: log.child({ component: 'transports' }), keepAliveMs: config.keepAliveMs });
  const streams = httpStreams(transports);
  // JSON queries and mutations that pass every check are answered in front of Fastify and Apollo;
  // everything else reaches Fastify's own handler untouched.
  const fastPath = httpFastPath({ core: transports, keys, schema, limiter, log: log.child({ component: 'http' }), bodyLimit: HTTP_BODY_LIMIT, corsPairs: graphqlCors.answerPairs });
  const [fastify] = app.server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  app.server.removeListener('request', fastify!);
  // Node's closeIdleConnections leaves connections that never sent a request (a browser's or
  // undici's spare one): each would hold close() for a minute. They are dropped at close.
  const unused = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  // The only 'request' listener: a second one costs every request an emit over two.
  app.server.prependListener('request', (req, res) => {
    unused.delete(req.socket);
    fastPath(req, res, fastify!);
  });
  await app.register(async (scope) => {
    // CORS first, so that refusals (a 429 included) can be read by a page on another origin.
    scope.addHook('onRequest', graphqlCors.onRequest);
    // Only GraphQL (and the SDL) is rate limited: webhooks never are (a provider's events must not be dropped).
    scope.addHook('onRequest', httpRateLimit(limiter, keys));
    scope.addHook('preHandler', streams.preHandler);
    await scope.register(fastifyApollo(apollo), { path: '/graphql', context, method: ['GET', 'POST'] });
    await scope.register(schemaRoute({ schema, keys }));
    for (const path of ['/graphql', '/schema.graphql']) scope.options(path, graphqlCors.preflight);
  });
  // The page may carry the dev key.
  app.get('/', async (_req, reply) => reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(landing));
  await app.register(explorerRoutes({ headers: sharedHeaders, explorer }));
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const checks = { store: await db.ping(), bus: await bus.ping(), schema: true };
    const ready = Object.values(checks).every(Boolean);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', async (_req, reply) => reply.type(metrics.contentType).send(await metrics.metrics()));
  await app.register(webhookRouter, { token: config.webhookToken, deliveries });

  await app.listen({ port: config.port, host: config.host }).catch((err: unknown) => {
    throw listenFailure(err, config.host, config.port);
  });
  const ws = attachWebSockets(app.server, transports, log.child({ component: 'ws' }));
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  boundUrl = `http://localhost:${port}`;

  // Late confirmations: ask providers that can be polled (AVANSER) about old pending orders.
  const pollEveryMs = registry.all().some((e) => e.mode === 'SANDBOX') ? 1_000 : 60_000;
  const pendingAfterMs = Math.max(500, 15 * 60_000 * config.sandboxTimeScale);
  const poller = setInterval(() => void gateway.orders.pollPending(registry.all().some((e) => e.mode === 'LIVE') ? 15 * 60_000 : pendingAfterMs), pollEveryMs);
  const purge = setInterval(() => void gateway.idempotency.purge(48).catch(() => undefined), 3_600_000);
  // Lost answers and keys left by a process that died: settled now and then on the same beat.
  const reconcile = () => void gateway.idempotency.reconcileOpenKeys().catch((err: unknown) => log.warn({ err }, 'idempotency key reconciliation failed'));
  const reconciler = setInterval(reconcile, pollEveryMs);
  reconcile();
  // The store kept in step with the providers: at start (numbers owned before the gateway), then
  // once per interval across all instances (whichever takes the job's lease).
  let inStepRun: Promise<unknown> = Promise.resolve();
  const keepInStep = () => {
    inStepRun = gateway.reconciliation.run({ due: true }).catch(() => undefined); // logged and counted by the job
  };
  const inStep = config.reconciliationIntervalSeconds > 0 ? setInterval(keepInStep, config.reconciliationIntervalSeconds * 1000) : undefined;
  if (inStep) keepInStep();
  poller.unref();
  purge.unref();
  reconciler.unref();
  inStep?.unref();

  let closing: Promise<void> | undefined;
  return {
    url,
    publicUrl: publicUrl(),
    gateway,
    registry,
    store,
    db,
    bus,
    close() {
      closing ??= (async () => {
        clearInterval(poller);
        clearInterval(purge);
        clearInterval(reconciler);
        clearInterval(inStep);
        fastPath.close(); // from now on Fastify's drain decides every request
        await ws.close();
        streams.close();
        const draining = app.close(); // drains HTTP (Apollo's drain plugin) and stops Apollo
        for (const socket of unused) socket.destroy();
        await draining;
        await inStepRun; // its writes finish before the store closes
        await limiter.close();
        await registry.close();
        await bus.close();
        await db.close();
      })();
      return closing;
    },
  };
}

/**
 * Wires the gateway: store → bus → providers (live or sandbox) → schema → HTTP (Fastify +
 * Apollo) and WebSocket (graphql-ws) on one port. `close()` drains in reverse order.
 */
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import { PROVIDER_SLUG, Registry } from './datasources/registry.js';
import { DomainEvents } from './domain/events.js';
import { Gateway } from './domain/gateway.js';
import { createBus, type Bus } from './events/bus.js';
import { graphqlOperations, registry as metrics } from './observability/metrics.js';
import { createSchema } from './schema.js';
import { ApiKeys, assertScope } from './server/auth.js';
import { errorFormatter } from './server/errors.js';
import { explorerRoutes, loadExplorer } from './server/explorer.js';
import { landingHtml, landingPage } from './server/landing.js';
import { apolloArmor } from './server/limits.js';
import { attachWebSockets } from './server/ws.js';
import { openDb, type Db } from './store/db.js';
import { Store } from './store/store.js';
import { webhookRouter } from './webhooks/router.js';

export const HTTP_BODY_LIMIT = 100 * 1024;

/**
 * No route declares a JSON schema (GraphQL and the webhook mappers check their own input), so
 * Fastify need not load ajv and fast-json-stringify to compile them: ~70 ms of every boot.
 */
const noRouteSchemas = () => () => {
  throw new Error('route schemas are not compiled here (see noRouteSchemas in app.ts)');
};

export interface Running {
  /** `http://host:port` actually bound. */
  url: string;
  /** The base URL providers are given for our webhooks. */
  publicUrl: string;
  gateway: Gateway;
  db: Db;
  bus: Bus;
  close(): Promise<void>;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** Refuse operations outside the key's scopes before they run (403); count operations. */
const scopesAndMetrics: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        if (operation) assertScope(contextValue.principal, operation.operation);
      },
      async willSendResponse({ operation, errors }) {
        graphqlOperations.inc({ type: operation?.operation ?? 'unknown', result: errors?.length ? 'error' : 'ok' });
      },
    };
  },
};

export async function startApp(config: Config, log: Logger): Promise<Running> {
  const bus = await createBus(config.redisUrl);
  let boundUrl = `http://localhost:${config.port}`;
  const publicUrl = () => config.publicUrl ?? boundUrl;
  // Independent: the store opens (PGlite's WASM compiles off the main thread) while the
  // simulators start and the schema is built.
  const [db, registry, schema] = await Promise.all([
    openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }),
    Registry.start(config, log, publicUrl),
    createSchema(bus.pubSub),
  ]);
  const store = new Store(db);
  const events = new DomainEvents(store, bus, log.child({ component: 'events' }));
  const gateway = new Gateway(registry, store, events, log.child({ component: 'gateway' }));
  const keys = new ApiKeys(config.apiKeys);

  const app = Fastify({
    loggerInstance: log.child({ component: 'http' }),
    bodyLimit: HTTP_BODY_LIMIT,
    trustProxy: true,
    schemaController: { compilersFactory: { buildValidator: noRouteSchemas, buildSerializer: noRouteSchemas } },
  });
  const armor = apolloArmor();
  const sharedHeaders: Record<string, string> = config.devKey && isLoopback(config.host) ? { Authorization: `Bearer ${config.devKey.key}` } : {};
  const explorer = loadExplorer();
  const landing = landingHtml(sharedHeaders, explorer?.assets);
  const apollo = new ApolloServer<Context>({
    schema,
    // Sandbox needs introspection in every environment; callers are authenticated anyway.
    introspection: true,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    formatError: errorFormatter(log),
    validationRules: armor.validationRules,
    // No HTTP caching of GraphQL answers: the default cache-control plugin only cost a hook
    // on every resolved field.
    plugins: [...(armor.plugins as ApolloServerPlugin<Context>[]), fastifyApolloDrainPlugin(app), landingPage(landing), scopesAndMetrics, ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  await app.register(rateLimit, {
    global: false,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // Per API key when one is sent, else per client address.
    keyGenerator: (req) => (typeof req.headers.authorization === 'string' ? `key:${req.headers.authorization}` : `ip:${req.ip}`),
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      errors: [{ message: `Rate limit exceeded: ${ctx.max} requests per minute; retry in ${Math.ceil(ctx.ttl / 1000)} s`, extensions: { code: 'RATE_LIMITED' } }],
    }),
  });

  const context = async (req: { headers: Record<string, string | string[] | undefined> }) => {
    const auth = req.headers.authorization;
    return createContext(gateway, keys.authenticate(Array.isArray(auth) ? auth[0] : auth));
  };
  await app.register(async (scope) => {
    await scope.register(fastifyApollo(apollo), { path: '/graphql', context, method: ['GET', 'POST', 'OPTIONS'] });
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), rateLimit: {} };
    });
  });
  // The page may carry the dev key.
  app.get('/', async (_req, reply) => reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(landing));
  await app.register(explorerRoutes({ schema, keys, headers: sharedHeaders, explorer }));
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const checks = { store: await db.ping(), bus: await bus.ping(), schema: true };
    const ready = Object.values(checks).every(Boolean);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', async (_req, reply) => reply.type(metrics.contentType).send(await metrics.metrics()));
  await app.register(webhookRouter, {
    token: config.webhookToken,
    store,
    effects: events,
    log: log.child({ component: 'webhooks' }),
    providers: registry.all().map((e) => ({ slug: PROVIDER_SLUG[e.name], provider: e.name, routes: e.webhooks })),
  });

  await app.listen({ port: config.port, host: config.host });
  const ws = attachWebSockets(app.server, schema, gateway, keys, log.child({ component: 'ws' }));
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  boundUrl = `http://localhost:${port}`;

  // Late confirmations: ask providers that can be polled (AVANSER) about old pending orders.
  const pollEveryMs = registry.all().some((e) => e.mode === 'SANDBOX') ? 1_000 : 60_000;
  const pendingAfterMs = Math.max(500, 15 * 60_000 * config.sandboxTimeScale);
  const poller = setInterval(() => void gateway.pollPendingOrders(registry.all().some((e) => e.mode === 'LIVE') ? 15 * 60_000 : pendingAfterMs), pollEveryMs);
  const purge = setInterval(() => void store.purgeIdempotencyKeys(48).catch(() => undefined), 3_600_000);
  poller.unref();
  purge.unref();

  let closing: Promise<void> | undefined;
  return {
    url,
    publicUrl: publicUrl(),
    gateway,
    db,
    bus,
    close() {
      closing ??= (async () => {
        clearInterval(poller);
        clearInterval(purge);
        await ws.close();
        await app.close(); // drains HTTP (Apollo's drain plugin) and stops Apollo
        await registry.close();
        await bus.close();
        await db.close();
      })();
      return closing;
    },
  };
}

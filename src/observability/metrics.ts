/** Prometheus metrics, one registry for the process. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const upstreamDuration = new Histogram({
  name: 'switchboard_upstream_request_seconds',
  help: 'Upstream provider calls by provider, operation and outcome',
  labelNames: ['provider', 'operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const webhookReceived = new Counter({
  name: 'switchboard_webhooks_total',
  help: 'Webhooks received by provider, event and result (applied, duplicate, rejected, unauthorized, failed)',
  labelNames: ['provider', 'event', 'result'] as const,
  registers: [registry],
});

export const graphqlOperations = new Counter({
  name: 'switchboard_graphql_operations_total',
  help: 'GraphQL operations by type and whether they produced errors',
  labelNames: ['type', 'result'] as const,
  registers: [registry],
});

export const activeSubscriptions = new Gauge({
  name: 'switchboard_websocket_connections',
  help: 'Open graphql-ws connections',
  registers: [registry],
});

export const eventsPublished = new Counter({
  name: 'switchboard_events_published_total',
  help: 'Events published on the bus by topic',
  labelNames: ['topic'] as const,
  registers: [registry],
});

export const storeQueries = new Counter({
  name: 'switchboard_store_queries_total',
  help: 'Store round trips by engine (the bench counts them to prove batching)',
  labelNames: ['engine'] as const,
  registers: [registry],
});

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

/** Where a webhook's time goes in the gateway, step by step, whatever the step's outcome. */
export const webhookStepDuration = new Histogram({
  name: 'switchboard_webhook_step_seconds',
  help: 'Webhook deliveries by provider, event and step: claim (receipt stored and event key claimed, one statement), apply (the event\'s effects and their publication), mark (the receipt\'s outcome)',
  labelNames: ['provider', 'event', 'step'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

type OperationType = 'query' | 'mutation' | 'subscription' | 'unknown';

/**
 * GraphQL operations answered over HTTP, counted in plain numbers where they are answered and
 * handed to prom-client when scraped: its `inc` builds and hashes a key of its labels at every
 * call (~0.3 µs, on every request of the fast path).
 */
const operationCounts: Record<OperationType, { ok: number; error: number }> = {
  query: { ok: 0, error: 0 },
  mutation: { ok: 0, error: 0 },
  subscription: { ok: 0, error: 0 },
  unknown: { ok: 0, error: 0 },
};

export function countOperation(type: OperationType, failed: boolean): void {
  operationCounts[type][failed ? 'error' : 'ok'] += 1;
}

new Counter({
  name: 'switchboard_graphql_operations_total',
  help: 'GraphQL operations by type and whether they produced errors',
  labelNames: ['type', 'result'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const [type, counts] of Object.entries(operationCounts)) {
      for (const [result, n] of Object.entries(counts)) if (n > 0) this.inc({ type, result }, n);
    }
  },
});

export const webSocketConnections = new Gauge({
  name: 'switchboard_websocket_connections',
  help: 'Open WebSocket connections past connection_init, by subprotocol (graphql-transport-ws, graphql-ws)',
  labelNames: ['protocol'] as const,
  registers: [registry],
});

export const httpStreams = new Gauge({
  name: 'switchboard_http_streams',
  help: 'Open streamed HTTP answers, by transport (multipart, sse)',
  labelNames: ['transport'] as const,
  registers: [registry],
});

export const sourceStreams = new Gauge({
  name: 'switchboard_subscription_source_streams',
  help: 'Open subscription source streams, each shared by the subscribers of one document and variables, whatever their transport',
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

export const reconciliationRuns = new Counter({
  name: 'switchboard_reconciliation_runs_total',
  help: 'Reconciliation runs on this instance by result: completed, failed, or skipped (another instance holds it, or it ran within its interval)',
  labelNames: ['result'] as const,
  registers: [registry],
});

export const reconciliationChanges = new Counter({
  name: 'switchboard_reconciliation_changes_total',
  help: 'Differences between the store and a provider found and corrected by reconciliation, by provider, record (NUMBER, SERVICE, ALLOCATION, ORDER) and drift (ADDED, CHANGED, GONE, STALE)',
  labelNames: ['provider', 'record', 'drift'] as const,
  registers: [registry],
});

export const reconciliationProviderErrors = new Counter({
  name: 'switchboard_reconciliation_provider_errors_total',
  help: 'Providers reconciliation could not read (nothing of theirs was changed in that run), by provider',
  labelNames: ['provider'] as const,
  registers: [registry],
});

export const reconciliationLastCompleted = new Gauge({
  name: 'switchboard_reconciliation_last_completed_timestamp_seconds',
  help: 'When a reconciliation run last completed on this instance (Unix time)',
  registers: [registry],
});

export const callStatsComputations = new Counter({
  name: 'switchboard_call_stats_computations_total',
  help: 'Live call statistics computed: one per change of a call and group of callStatsUpdated subscribers with the same arguments',
  registers: [registry],
});

export const callStatsCounts = new Counter({
  name: 'switchboard_call_stats_counts_total',
  help: 'Live call statistics counted in SQL: a group of subscribers\' first rows (seed), or rows a change touched that were not known yet (rows)',
  labelNames: ['kind'] as const,
  registers: [registry],
});

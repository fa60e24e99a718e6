/**
 * 4. Ingest: Exotel call webhooks as fast as the gateway takes them, one in five a repeat of an
 * earlier call (answered OK, stored as a duplicate receipt). Figure: webhooks stored per second,
 * from the gateway's own counters; baseline: the same requests against bare node:http.
 *
 * Each sender waits for its answer before sending again, so the rate is senders / latency as
 * much as the gateway's capacity: with 10 senders the store's batches hold ~3 webhooks and the
 * rate is bound by three store round trips a webhook. The budget line is at 100 senders (a
 * provider's burst), where batches fill and the rate stops being a measure of latency.
 */
import type { Options as CannonOptions } from 'autocannon';
import { cannon, EXOTEL_CALLS_PATH, exotelCall, metric, round, send, startChild, startGateway, storeEngines, type Options, type Row } from '../lib.js';

function webhookLoad(prefix: string): Pick<CannonOptions, 'method' | 'headers' | 'requests'> {
  let n = 0;
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          n++;
          const id = n % 5 === 0 ? `${prefix}-${n - 3}` : `${prefix}-${n}`;
          return { ...req, body: exotelCall(id) };
        },
      },
    ],
  };
}

/** Webhooks counted so far, once the count stops moving (answers still in flight land first). */
async function settled(url: string): Promise<number> {
  for (let last = -1; ; ) {
    const now = await metric(url, 'switchboard_webhooks_total', { provider: 'EXOTEL' });
    if (now === last) return now;
    last = now;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Senders at once: the budget line's, and scenario 1's. */
const SENDERS = [100, 10] as const;

/** Budget lines per engine (DESIGN §9), at 100 senders. */
const TARGETS: Record<string, number> = { 'embedded (PGlite)': 1_000, PostgreSQL: 2_000 };

async function storedPerSecond(opts: Options, env: Record<string, string>, engine: string, connections: number): Promise<{ rate: number; p99: number; stored: number; answered: number; cpuUs: number; queriesEach: number }> {
  const gateway = await startGateway(opts, env);
  try {
    const prefix = `ingest-${Date.now()}`;
    await cannon({ url: `${gateway.url}${EXOTEL_CALLS_PATH}`, ...webhookLoad(`${prefix}-warm`), seconds: 1, connections });
    const before = await settled(gateway.url);
    const queries0 = await metric(gateway.url, 'switchboard_store_queries_total');
    const r = await cannon({ url: `${gateway.url}${EXOTEL_CALLS_PATH}`, ...webhookLoad(prefix), seconds: opts.seconds, server: gateway, connections });
    const after = await settled(gateway.url);
    const queries = (await metric(gateway.url, 'switchboard_store_queries_total')) - queries0;
    if (r.non2xx || r.errors) throw new Error(`${engine}: ${r.non2xx} non-2xx answers and ${r.errors} errors while ingesting`);
    const { body } = await send(gateway.url, { method: 'GET', path: '/metrics' });
    const results = body.split('\n').filter((l) => l.startsWith('switchboard_webhooks_total') && !/result="(applied|duplicate)"/.test(l));
    if (results.length) throw new Error(`${engine}: webhooks neither applied nor duplicates: ${results.join('; ')}`);
    return { rate: (after - before) / opts.seconds, p99: r.p99, stored: after - before, answered: r.requests, cpuUs: r.cpuUsPerRequest, queriesEach: queries / Math.max(1, after - before) };
  } finally {
    await gateway.stop();
  }
}

export async function ingest(opts: Options): Promise<Row[]> {
  const rows: Row[] = [];
  for (const connections of SENDERS) {
    const bare = await startChild('bare', { BARE_BODY: Buffer.from('{"status":"ok"}').toString('base64') });
    let base;
    try {
      base = await cannon({ url: bare.url, ...webhookLoad('bare'), seconds: opts.seconds, connections });
    } finally {
      await bare.stop();
    }
    for (const { name: engine, env } of storeEngines()) {
      const r = await storedPerSecond(opts, env, engine, connections);
      const target = connections === SENDERS[0] ? TARGETS[engine] : undefined;
      rows.push({
        scenario: '4 ingest',
        figure: `webhooks stored/s, ${connections} senders, ${engine}`,
        value: round(r.rate, 0),
        unit: 'events/s',
        target: target ? `≥ ${target.toLocaleString('en-US')}/s` : '—',
        ok: target ? r.rate >= target : undefined,
        baseline: { label: 'bare node:http', value: round(base.rps, 0) },
        ratio: round(r.rate / base.rps, 3),
        note: `1 in 5 a duplicate; ${r.stored} stored of ${r.answered} answered; p99 ${r.p99} ms; ${round(r.cpuUs, 0)} µs CPU and ${round(r.queriesEach, 1)} store queries each`,
      });
    }
  }
  return rows;
}

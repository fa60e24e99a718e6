/**
 * 8. Two instances over PostgreSQL and Redis (DATABASE_URL and REDIS_URL set): subscribers on
 * instance B, Exotel call webhooks posted to instance A, which stores them and publishes over
 * Redis. Latency from sending each webhook to each receipt on B, against the same subscribers
 * and webhooks on one instance on the same PostgreSQL without Redis (its in-process bus), in
 * the same run: the difference is the cost of the hop.
 */
import { round, startGateway, type Options, type Row } from '../lib.js';
import { everyoneListening, measure, postSteadily, subscribe, type Subscribers } from './fanout.js';

const S = '8 two instances';

/** Subscribers on `on`, webhooks posted to `to`: delivery latencies and `on`'s CPU per delivery. */
async function deliver(opts: Options, on: Awaited<ReturnType<typeof startGateway>>, to: Awaited<ReturnType<typeof startGateway>>, count: number, prefix: string) {
  const subs: Subscribers = { clients: [], receipts: new Map() };
  try {
    await subscribe(`${on.url.replace('http', 'ws')}/graphql`, count, subs);
    await everyoneListening(to.url, subs, `${prefix}-ready`);
    const rate = 5;
    const warm = await postSteadily(to.url, `${prefix}-warm`, rate, rate, subs.receipts);
    await measure(subs, warm.sent, 10_000);
    const cpu0 = on.cpuMs();
    const posted = await postSteadily(to.url, prefix, rate, Math.round(rate * opts.seconds), subs.receipts);
    const result = await measure(subs, posted.sent, 10_000);
    return { ...result, answers: posted.answers, cpuUs: ((on.cpuMs() - cpu0) * 1000) / Math.max(1, result.count) };
  } finally {
    await Promise.all(subs.clients.map((c) => c.dispose()));
  }
}

export async function twoInstances(opts: Options): Promise<Row[]> {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseUrl || !redisUrl) {
    process.stdout.write('  skipped: set DATABASE_URL and REDIS_URL (the two instances share them)\n');
    return [];
  }
  const subscribers = opts.quick ? 200 : 1_000;
  const one = await startGateway(opts, { DATABASE_URL: databaseUrl });
  const alone = await deliver(opts, one, one, subscribers, 'one').finally(() => one.stop());
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
  const [a, b] = await Promise.all([startGateway(opts, env), startGateway(opts, env)]);
  try {
    const two = await deliver(opts, b, a, subscribers, 'two');
    const label = 'one instance, no Redis';
    const lost = alone.lost + two.lost;
    const signed = (ms: number) => `${ms >= 0 ? '+' : ''}${round(ms)} ms`;
    return [
      { scenario: S, figure: `delivery p50, ${subscribers} subscribers on the other instance`, value: round(two.p50), unit: 'ms', target: '—', baseline: { label, value: round(alone.p50) }, note: `the hop: ${signed(two.p50 - alone.p50)}; webhook answer p50 ${round(two.answers.p50)} ms` },
      { scenario: S, figure: `delivery p99, ${subscribers} subscribers on the other instance`, value: round(two.p99), unit: 'ms', target: '—', baseline: { label, value: round(alone.p99) }, note: `the hop: ${signed(two.p99 - alone.p99)}` },
      { scenario: S, figure: 'subscriber instance CPU per delivery', value: round(two.cpuUs, 1), unit: 'µs', target: '—', baseline: { label, value: round(alone.cpuUs, 1) }, note: 'instance B reads each event off Redis and delivers it; the one instance also stores it' },
      { scenario: S, figure: 'events lost', value: lost, unit: 'events', target: '0', ok: lost === 0, note: `${alone.count + two.count} deliveries, ${alone.duplicates + two.duplicates} duplicated` },
    ];
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}

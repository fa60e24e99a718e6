/**
 * 8. Two instances over PostgreSQL and Redis (DATABASE_URL and REDIS_URL set): subscribers on
 * instance B, Exotel call webhooks posted to instance A, which stores them and publishes over
 * Redis. Latency from sending each webhook to each receipt on B, against the same subscribers
 * and webhooks on one instance on the same PostgreSQL without Redis (its in-process bus), in
 * the same run: the difference is the cost of the hop.
 */
import { round, startGateway, type Options, type Row } from '../lib.js';
import { deliver } from './fanout.js';

const S = '8 two instances';
const RATE = 5;

export async function twoInstances(opts: Options): Promise<Row[]> {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseUrl || !redisUrl) {
    process.stdout.write('  skipped: set DATABASE_URL and REDIS_URL (the two instances share them)\n');
    return [];
  }
  const subscribers = opts.quick ? 200 : 1_000;
  const one = await startGateway(opts, { DATABASE_URL: databaseUrl });
  const alone = await deliver(one, one, subscribers, 'one', RATE, Math.round(RATE * opts.seconds)).finally(() => one.stop());
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
  const [a, b] = await Promise.all([startGateway(opts, env), startGateway(opts, env)]);
  try {
    const two = await deliver(b, a, subscribers, 'two', RATE, Math.round(RATE * opts.seconds));
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

/**
 * 1. A query the gateway answers alone (no upstream, no store) vs its peers, each its own
 * process and loaded alone in turn: bare node:http sending the same bytes, stock Apollo
 * Server 5 (standalone), GraphQL Yoga and Mercurius with graphql-jit, the last three serving
 * the gateway's SDL with the gateway's answer.
 */
import { cannon, graphqlRequest, round, send, startChild, startGateway, type Child, type Options, type Row, type Saturation } from '../lib.js';

const QUERY = 'query BenchProviders { providers { provider mode configured sandbox healthy operations webhookEvents } }';
const PEERS = [
  ['apollo', 'stock Apollo Server 5'],
  ['yoga', 'GraphQL Yoga'],
  ['mercurius-jit', 'Mercurius + graphql-jit'],
] as const;
const S = '1 gateway alone';

type Measured = Saturation & { cpuUsPerRequest: number };

export async function gatewayAlone(opts: Options): Promise<Row[]> {
  const request = graphqlRequest(QUERY);
  const load = { method: request.method, headers: request.headers, body: request.body };
  /** Warm-up (JIT), then the measurement; the body must be the gateway's. */
  const measure = async (child: Child, url: string, expected?: string): Promise<Measured> => {
    if (expected !== undefined) {
      const sample = await send(child.url, { ...request, path: url.slice(child.url.length) });
      if (sample.status !== 200 || sample.body.trimEnd() !== expected) throw new Error(`${url} answered ${sample.status}: ${sample.body.slice(0, 200)}`);
    }
    await cannon({ ...load, url, seconds: 1 });
    const r = await cannon({ ...load, url, seconds: opts.seconds, server: child });
    if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors under load`);
    return r;
  };

  const gateway = await startGateway(opts);
  const children: Child[] = [gateway];
  try {
    // The exact answer, so the baseline sends the same bytes with the same type.
    const sample = await send(gateway.url, request);
    if (sample.status !== 200 || !sample.body.includes('"providers"')) throw new Error(`gateway answered ${sample.status}: ${sample.body.slice(0, 200)}`);
    const gw = await measure(gateway, `${gateway.url}/graphql`);
    await gateway.stop();

    const bare = await startChild('bare', { BARE_BODY: Buffer.from(sample.body).toString('base64'), BARE_TYPE: String(sample.headers['content-type']) });
    children.push(bare);
    const base = await measure(bare, bare.url);
    await bare.stop();

    const data = Buffer.from(JSON.stringify((JSON.parse(sample.body) as { data: { providers: unknown } }).data.providers)).toString('base64');
    const peers: Array<{ label: string; m: Measured }> = [];
    for (const [peer, label] of PEERS) {
      const child = await startChild('peer', { PEER: peer, PEER_DATA: data });
      children.push(child);
      peers.push({ label, m: await measure(child, `${child.url}/graphql`, sample.body.trimEnd()) });
      await child.stop();
    }

    const jit = peers.find((p) => p.label.startsWith('Mercurius'))!.m;
    const ratio = gw.rps / base.rps;
    const note = `${sample.body.length} B answer, 10 connections`;
    return [
      { scenario: S, figure: 'throughput', value: round(gw.rps, 0), unit: 'req/s', target: '≥ 0.5 × bare', ok: ratio >= 0.5, baseline: { label: 'bare node:http', value: round(base.rps, 0) }, ratio: round(ratio), note },
      { scenario: S, figure: 'CPU per request', value: round(gw.cpuUsPerRequest, 0), unit: 'µs', target: '≤ Mercurius + jit', ok: gw.cpuUsPerRequest <= jit.cpuUsPerRequest, baseline: { label: 'Mercurius + graphql-jit', value: round(jit.cpuUsPerRequest, 0) }, ratio: round(gw.cpuUsPerRequest / jit.cpuUsPerRequest), note: 'server process CPU time / requests: holds on a noisy machine' },
      { scenario: S, figure: 'CPU per request vs bare', value: round(gw.cpuUsPerRequest, 0), unit: 'µs', target: '—', baseline: { label: 'bare node:http', value: round(base.cpuUsPerRequest, 0) }, ratio: round(gw.cpuUsPerRequest / base.cpuUsPerRequest) },
      ...peers.flatMap(({ label, m }) => [
        { scenario: S, figure: `CPU per request vs ${label}`, value: round(gw.cpuUsPerRequest, 0), unit: 'µs', target: '—', baseline: { label, value: round(m.cpuUsPerRequest, 0) }, ratio: round(gw.cpuUsPerRequest / m.cpuUsPerRequest) },
        { scenario: S, figure: `throughput vs ${label}`, value: round(gw.rps, 0), unit: 'req/s', target: '—', baseline: { label, value: round(m.rps, 0) }, ratio: round(gw.rps / m.rps), note: `${label}: p50 ${m.p50} ms, p99 ${m.p99} ms` },
      ]),
      { scenario: S, figure: 'p50 latency at saturation', value: gw.p50, unit: 'ms', target: '—', baseline: { label: 'bare node:http', value: base.p50 } },
      { scenario: S, figure: 'p99 latency at saturation', value: gw.p99, unit: 'ms', target: '—', baseline: { label: 'bare node:http', value: base.p99 } },
    ];
  } finally {
    await Promise.all(children.map((c) => c.stop()));
  }
}

/** 1. A query the gateway answers alone (no upstream, no store) vs bare node:http sending the same bytes. */
import { cannon, graphqlRequest, round, send, startChild, startGateway, type Options, type Row } from '../lib.js';

const QUERY = 'query BenchProviders { providers { provider mode configured sandbox healthy operations webhookEvents } }';

export async function gatewayAlone(opts: Options): Promise<Row[]> {
  const request = graphqlRequest(QUERY);
  const gateway = await startGateway(opts);
  let bare;
  try {
    // The exact answer, so the baseline sends the same bytes with the same type.
    const sample = await send(gateway.url, request);
    if (sample.status !== 200 || !sample.body.includes('"providers"')) throw new Error(`gateway answered ${sample.status}: ${sample.body.slice(0, 200)}`);
    bare = await startChild('bare', { BARE_BODY: Buffer.from(sample.body).toString('base64'), BARE_TYPE: String(sample.headers['content-type']) });

    const load = { method: request.method, headers: request.headers, body: request.body, seconds: opts.seconds };
    await cannon({ ...load, url: `${gateway.url}/graphql`, seconds: 1 }); // warm-up (JIT)
    const gw = await cannon({ ...load, url: `${gateway.url}/graphql`, server: gateway });
    await cannon({ ...load, url: bare.url, seconds: 1 });
    const base = await cannon({ ...load, url: bare.url, server: bare });
    if (gw.non2xx || gw.errors) throw new Error(`gateway: ${gw.non2xx} non-2xx, ${gw.errors} errors under load`);

    const ratio = gw.rps / base.rps;
    const note = `${sample.body.length} B answer, 10 connections`;
    return [
      { scenario: '1 gateway alone', figure: 'throughput', value: round(gw.rps, 0), unit: 'req/s', target: '≥ 0.5 × bare', ok: ratio >= 0.5, baseline: { label: 'bare node:http', value: round(base.rps, 0) }, ratio: round(ratio), note },
      { scenario: '1 gateway alone', figure: 'CPU per request', value: round(gw.cpuUsPerRequest, 0), unit: 'µs', target: '—', baseline: { label: 'bare node:http', value: round(base.cpuUsPerRequest, 0) }, ratio: round(gw.cpuUsPerRequest / base.cpuUsPerRequest), note: 'server process CPU time / requests: holds on a noisy machine' },
      { scenario: '1 gateway alone', figure: 'p50 latency at saturation', value: gw.p50, unit: 'ms', target: '—', baseline: { label: 'bare node:http', value: base.p50 } },
      { scenario: '1 gateway alone', figure: 'p99 latency at saturation', value: gw.p99, unit: 'ms', target: '—', baseline: { label: 'bare node:http', value: base.p99 } },
    ];
  } finally {
    await Promise.all([gateway.stop(), bare?.stop()]);
  }
}

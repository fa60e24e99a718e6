/**
 * 2. One upstream call: an AVANSER stock search through the gateway (AVANSER LIVE, pointed at
 * a simulator in its own process) vs the same HTTP request sent straight to the simulator, and
 * through a bare proxy, and the same GraphQL request to Mercurius + graphql-jit searching through
 * the gateway's own AVANSER adapter, the four taking turns at a fixed rate.
 */
import type { AvanserConfig } from '../../src/datasources/avanser/module.js';
import { stockQuery } from '../../src/datasources/avanser/mapping.js';
import { cannon, fixedRate, graphqlRequest, inTurns, keepAliveAgent, round, send, startChild, startGateway, startScript, summarise, type Child, type Latencies, type Options, type Req, type Row } from '../lib.js';
import type { ClientCost } from '../children/http-client-cost.js';

const FILTER = { country: 'AU', szu: 'sydney' };
const QUERY = 'query BenchSearch($filter: NumberSearchInput!) { availableNumbers(provider: AVANSER, filter: $filter, first: 20) { edges { node { e164 national kind region } } } }';
const RATE = 200;
const WARM_SECONDS = 3;
const IDLE_MS = 2_000;
export async function upstream(opts: Options): Promise<Row[]> {
  const sim = await startChild<{ url: string; live: AvanserConfig }>('avanser-simulator');
  let gateway;
  let proxy: Child | undefined;
  let peer: Child | undefined;
  try {
    const { live } = sim.info;
    gateway = await startGateway(opts, { AVANSER_USERNAME: live.username, AVANSER_PASSWORD: live.password, AVANSER_BASE_URL: live.baseUrl });
    const viaGateway = graphqlRequest(QUERY, { filter: FILTER });
    // What the AVANSER client sends for this filter.
    const direct: Req = {
      method: 'GET',
      path: `/v1/numbers?${new URLSearchParams(stockQuery(FILTER))}`,
      headers: { accept: 'application/json', authorization: `Basic ${Buffer.from(`${live.username}:${live.password}`).toString('base64')}` },
    };
    const check = await send(gateway.url, viaGateway);
    const found = (JSON.parse(check.body) as { data?: { availableNumbers?: { edges: unknown[] } } }).data?.availableNumbers?.edges.length ?? 0;
    if (check.status !== 200 || found === 0) throw new Error(`stock search through the gateway failed: ${check.status} ${check.body.slice(0, 300)}`);
    const straight = await send(sim.url, direct);
    if (straight.status !== 200) throw new Error(`direct stock search failed: ${straight.status} ${straight.body.slice(0, 300)}`);
    // The leading peer with the gateway's AVANSER adapter and got, run as the gateway runs (npm start's node flags and environment).
    const { env, flags } = startScript();
    peer = await startChild('peer', { ...env, PEER: 'mercurius-jit', AVANSER: JSON.stringify(live) }, flags);
    const peerAnswer = await send(peer.url, viaGateway);
    if (peerAnswer.status !== 200 || peerAnswer.body.trimEnd() !== check.body.trimEnd()) throw new Error(`Mercurius + graphql-jit answered ${peerAnswer.status}: ${peerAnswer.body.slice(0, 300)}`);

    // Warm each path, then the fixed rate (latency), then saturation (throughput). V8 takes
    // a few thousand calls to settle got's code and the gateway's (got alone: ~1,000 µs per
    // call over its first 2,000 calls, ~350 µs after), and a gateway runs for days: the figures
    // are the settled ones. The floor: the same direct request through a minimal node:http proxy.
    proxy = await startChild('bare', { PROXY_TARGET: sim.url });
    await cannon({ url: `${gateway.url}/graphql`, method: 'POST', headers: viaGateway.headers, body: viaGateway.body, seconds: WARM_SECONDS });
    await cannon({ url: `${sim.url}${direct.path}`, method: 'GET', headers: direct.headers, seconds: WARM_SECONDS });
    await cannon({ url: `${proxy.url}${direct.path}`, method: 'GET', headers: direct.headers, seconds: WARM_SECONDS });
    await cannon({ url: `${peer.url}/graphql`, method: 'POST', headers: viaGateway.headers, body: viaGateway.body, seconds: WARM_SECONDS });
    // The gateway's CPU while idle (its timers: metrics, sweeps), which the CPU per request at the rate includes.
    const idle0 = gateway.cpuMs();
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idleMsPerSecond = ((gateway.cpuMs() - idle0) * 1000) / IDLE_MS;
    // The four paths take turns (bench/lib.ts `inTurns`), each alone at the rate.
    const paths = [
      { base: gateway.url, req: viaGateway, server: gateway },
      { base: sim.url, req: direct, server: sim },
      { base: proxy.url, req: direct, server: proxy },
      { base: peer.url, req: viaGateway, server: peer },
    ].map((p) => ({ ...p, agent: keepAliveAgent() }));
    const windows = await inTurns(opts, paths.length, async (i, seconds) => {
      const { base, req, server, agent } = paths[i]!;
      const cpu0 = server.cpuMs();
      const window = await fixedRate(base, req, RATE, seconds, agent);
      return { ...window, cpuMs: server.cpuMs() - cpu0 };
    });
    for (const p of paths) p.agent.destroy();
    await Promise.all([proxy.stop(), peer.stop()]);
    const [gwFixed, simFixed, proxyFixed, peerFixed] = windows.map((ws) => summarise(ws.flatMap((w) => w.latencies), ws.reduce((n, w) => n + w.failed, 0))) as [Latencies, Latencies, Latencies, Latencies];
    // CPU (µs) per request of the process serving each path, at the rate.
    const [gwCpu, , proxyCpu, peerCpu] = windows.map((ws) => (ws.reduce((n, w) => n + w.cpuMs, 0) * 1000) / Math.max(1, ws.reduce((n, w) => n + w.latencies.length, 0))) as [number, number, number, number];
    if (gwFixed.failed || simFixed.failed || proxyFixed.failed || peerFixed.failed) throw new Error(`failed requests at ${RATE} req/s: gateway ${gwFixed.failed}, direct ${simFixed.failed}, bare proxy ${proxyFixed.failed}, Mercurius + graphql-jit ${peerFixed.failed}`);
    const gwSat = await cannon({ url: `${gateway.url}/graphql`, method: 'POST', headers: viaGateway.headers, body: viaGateway.body, seconds: opts.seconds, server: gateway });
    const simSat = await cannon({ url: `${sim.url}${direct.path}`, method: 'GET', headers: direct.headers, seconds: opts.seconds, server: sim });

    // In a process of its own run as npm start runs the gateway (its node flags and environment).
    const costs = await startChild<ClientCost>('http-client-cost', { ...env, BASE_URL: sim.url, REQUEST_PATH: direct.path, REQUEST_HEADERS: JSON.stringify(direct.headers), AVANSER_USERNAME: live.username, AVANSER_PASSWORD: live.password, CALLS: String(opts.quick ? 300 : 2_000) }, flags);
    await costs.stop();
    const client = costs.info;

    const s = '2 one upstream call';
    const added50 = gwFixed.p50 - simFixed.p50;
    const added99 = gwFixed.p99 - simFixed.p99;
    const note = `${found} numbers per answer, ${RATE} req/s open loop`;
    return [
      { scenario: s, figure: `added p50 latency @${RATE}/s`, value: round(added50, 3), unit: 'ms', target: '≤ 1 ms', ok: added50 <= 1, baseline: { label: 'direct p50', value: round(simFixed.p50, 3) }, note: `gateway p50 ${round(gwFixed.p50, 3)} ms; ${note}` },
      { scenario: s, figure: `added p99 latency @${RATE}/s`, value: round(added99, 3), unit: 'ms', target: '≤ 5 ms', ok: added99 <= 5, baseline: { label: 'direct p99', value: round(simFixed.p99, 3) }, note: `gateway p99 ${round(gwFixed.p99, 3)} ms` },
      { scenario: s, figure: `added p50 latency @${RATE}/s, bare node:http proxy`, value: round(proxyFixed.p50 - simFixed.p50, 3), unit: 'ms', target: '—', baseline: { label: 'direct p50', value: round(simFixed.p50, 3) }, note: 'the floor for any process in the path here: the direct request through a minimal proxy (keep-alive agent)' },
      { scenario: s, figure: `added p99 latency @${RATE}/s, bare node:http proxy`, value: round(proxyFixed.p99 - simFixed.p99, 3), unit: 'ms', target: '—', baseline: { label: 'direct p99', value: round(simFixed.p99, 3) } },
      { scenario: s, figure: `added p50 latency @${RATE}/s, Mercurius + graphql-jit`, value: round(peerFixed.p50 - simFixed.p50, 3), unit: 'ms', target: '—', baseline: { label: 'direct p50', value: round(simFixed.p50, 3) }, note: `the leading peer searching through the gateway's own AVANSER adapter and got client, run with npm start's node flags, the same answer bytes: what a GraphQL server with this client adds here; its CPU per request at the rate ${round(peerCpu, 0)} µs` },
      { scenario: s, figure: `added p99 latency @${RATE}/s, Mercurius + graphql-jit`, value: round(peerFixed.p99 - simFixed.p99, 3), unit: 'ms', target: '—', baseline: { label: 'direct p99', value: round(simFixed.p99, 3) } },
      { scenario: s, figure: 'CPU per request', value: round(gwSat.cpuUsPerRequest, 0), unit: 'µs', target: '—', baseline: { label: 'simulator', value: round(simSat.cpuUsPerRequest, 0) }, note: 'gateway process only (the simulator also works for each gateway request)' },
      // What sets the latency lines: on this machine work between idle waits costs several times its cost under load (README, Benchmarks).
      { scenario: s, figure: `CPU per request @${RATE}/s`, value: round(gwCpu, 0), unit: 'µs', target: '—', baseline: { label: 'bare node:http proxy', value: round(proxyCpu, 0) }, ratio: round(gwCpu / proxyCpu), note: `gateway process; ${round(gwCpu / gwSat.cpuUsPerRequest, 1)} × its CPU per request at saturation; includes its idle timers, ${round(idleMsPerSecond, 0)} ms/s idle (${round((idleMsPerSecond * 1000) / RATE, 0)} µs a request at this rate)` },
      { scenario: s, figure: "HTTP client CPU per call: got", value: round(client.got, 0), unit: 'µs', target: '—', baseline: { label: 'node:http, same agent', value: round(client.http, 0) }, ratio: round(client.got / client.http), note: `got's own cost ≈ ${round(client.got - client.http, 0)} µs per call; sequential calls, client process only` },
      { scenario: s, figure: 'throughput at saturation', value: round(gwSat.rps, 0), unit: 'req/s', target: '—', baseline: { label: 'direct', value: round(simSat.rps, 0) }, ratio: round(gwSat.rps / simSat.rps), note: `p50 ${gwSat.p50}/${simSat.p50} ms, p99 ${gwSat.p99}/${simSat.p99} ms (gateway/direct)` },
    ];
  } finally {
    await Promise.all([gateway?.stop(), proxy?.stop(), peer?.stop(), sim.stop()]);
  }
}

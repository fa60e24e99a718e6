/**
 * 1. A query the gateway answers alone (no upstream, no store) vs its peers, each its own
 * process and loaded alone in turn: bare node:http sending the same bytes, stock Apollo
 * Server 5 (standalone), GraphQL Yoga and Mercurius with graphql-jit, the last three serving
 * the gateway's SDL with the gateway's answer; and the gateway again with the request a page
 * sends (an Origin, so CORS headers). They take turns, in rounds: this machine
 * slows down and speeds up for seconds at a time, and one server measured whole at a slow
 * moment read 1.5-2 × its figure of the next run. The gateway and Mercurius + graphql-jit, the
 * budget line's two, run as three processes each, and each figure is the median process's: one
 * process's own luck (its JIT's choices, its memory's layout) moves its CPU a request by ±5%
 * (bench/HISTORY.md, the thirty-second session), as much as the gap measured.
 *
 * Each server runs on a CPU of its own and the load generator (this process) on another: with
 * the two CPUs shared, the scheduler's placing of the server's and the generator's threads
 * moved a server's CPU a request from turn to turn (44-76 µs for one build's processes in one
 * run, 38-50 apart: bench/HISTORY.md, the thirty-sixth session). The gateway,
 * Mercurius + graphql-jit and bare node:http also take turns with the CPUs shared, as every
 * session before the thirty-sixth measured them.
 */
import { cannon, cpuSets, graphqlRequest, inTurns, medianInterval, round, send, setCpus, startChild, startGateway, summarise, type Child, type Options, type Row, type Saturation } from '../lib.js';

const QUERY = 'query BenchProviders { providers { provider mode configured sandbox healthy operations webhookEvents } }';
const PEERS = [
  ['apollo', 'stock Apollo Server 5'],
  ['yoga', 'GraphQL Yoga'],
  ['mercurius-jit', 'Mercurius + graphql-jit'],
] as const;
const S = '1 gateway alone';
const PAGE_ORIGIN = 'http://localhost:5173';
/** Processes of the gateway and of Mercurius + graphql-jit (the budget line's two). */
const PROCESSES = 3;

/** `rounds`: the CPU a request of each round's turn. */
type Measured = Saturation & { cpuUsPerRequest: number; rounds: number[] };
/** A server's turn: with `shared`, it and the load generator on every CPU, else each on its own. */
type Server = { group: string; child: Child; url: string; headers?: Record<string, string>; shared?: boolean };

/** The median process's figures: CPU a request and throughput each the median (of an odd count), latencies the median-CPU process's. */
function medianProcess(ms: Measured[]): Measured {
  const cpu = summarise(ms.map((m) => m.cpuUsPerRequest)).p50;
  return { ...ms.find((m) => m.cpuUsPerRequest === cpu)!, cpuUsPerRequest: cpu, rps: summarise(ms.map((m) => m.rps)).p50 };
}

export async function gatewayAlone(opts: Options): Promise<Row[]> {
  const request = graphqlRequest(QUERY);
  const load = { method: request.method, headers: request.headers, body: request.body };

  /**
   * Each server warmed (JIT), then loaded in turns (bench/lib.ts `inTurns`): requests and CPU
   * time summed over the rounds, latencies the median round's.
   */
  const cpus = cpuSets();
  const measureInTurns = async (servers: Server[]): Promise<Measured[]> => {
    for (const { url, headers = load.headers } of servers) await cannon({ ...load, headers, url, seconds: 1 });
    const turns = await inTurns(opts, servers.length, async (i, seconds) => {
      const { child, url, headers = load.headers, shared } = servers[i]!;
      const apart = cpus && !shared;
      if (apart) {
        setCpus(child.pid, cpus.server);
        setCpus(process.pid, cpus.load);
      }
      try {
        const m = await cannon({ ...load, headers, url, seconds, server: child });
        if (m.non2xx || m.errors) throw new Error(`${url}: ${m.non2xx} non-2xx, ${m.errors} errors under load`);
        return m;
      } finally {
        // Back on every CPU: an idle server's timers must not take the next one's CPU.
        if (apart) for (const pid of [child.pid, process.pid]) setCpus(pid, cpus.all);
      }
    });
    return turns.map((ms) => {
      const requests = ms.reduce((n, m) => n + m.requests, 0);
      return {
        rps: requests / opts.seconds,
        requests,
        cpuUsPerRequest: ms.reduce((n, m) => n + m.cpuUsPerRequest * m.requests, 0) / requests,
        rounds: ms.map((m) => m.cpuUsPerRequest),
        p50: summarise(ms.map((m) => m.p50)).p50,
        p99: summarise(ms.map((m) => m.p99)).p50,
        non2xx: 0,
        errors: 0,
      };
    });
  };

  const gateways: Child[] = [];
  const children: Child[] = [];
  try {
    for (let i = 0; i < PROCESSES; i++) {
      const gateway = await startGateway(opts);
      gateways.push(gateway);
      children.push(gateway);
    }
    // The exact answer, so the baseline sends the same bytes with the same type.
    const sample = await send(gateways[0]!.url, request);
    if (sample.status !== 200 || !sample.body.includes('"providers"')) throw new Error(`gateway answered ${sample.status}: ${sample.body.slice(0, 200)}`);
    const bare = await startChild('bare', { BARE_BODY: Buffer.from(sample.body).toString('base64'), BARE_TYPE: String(sample.headers['content-type']) });
    children.push(bare);
    const data = Buffer.from(JSON.stringify((JSON.parse(sample.body) as { data: { providers: unknown } }).data.providers)).toString('base64');
    const peerProcesses = new Map<string, Child[]>();
    for (const [peer] of PEERS) {
      const processes: Child[] = [];
      for (let i = 0; i < (peer === 'mercurius-jit' ? PROCESSES : 1); i++) {
        const child = await startChild('peer', { PEER: peer, PEER_DATA: data });
        children.push(child);
        processes.push(child);
        // The peers must send the gateway's answer.
        const answer = await send(child.url, { ...request, path: '/graphql' });
        if (answer.status !== 200 || answer.body.trimEnd() !== sample.body.trimEnd()) throw new Error(`${peer} answered ${answer.status}: ${answer.body.slice(0, 200)}`);
      }
      peerProcesses.set(peer, processes);
    }

    // Each gateway next to a Mercurius process, the two again with the CPUs shared, the gateway's
    // own turn from a page, and the other servers between: the machine's phases last longer than
    // a turn, so the figures compared meet the same ones.
    const jitProcesses = peerProcesses.get('mercurius-jit')!;
    const sharing = (s: Server): Server[] => (cpus ? [{ ...s, group: `${s.group} shared`, shared: true }] : []);
    const bareTurn = { group: 'bare', child: bare, url: bare.url };
    const others: Server[] = [bareTurn, ...sharing(bareTurn), ...PEERS.filter(([peer]) => peer !== 'mercurius-jit').flatMap(([peer]) => peerProcesses.get(peer)!.map((child) => ({ group: peer, child, url: `${child.url}/graphql` })))];
    const servers: Server[] = gateways.flatMap((child, i) => {
      const pair = [
        { group: 'gateway', child, url: `${child.url}/graphql` },
        { group: 'mercurius-jit', child: jitProcesses[i]!, url: `${jitProcesses[i]!.url}/graphql` },
      ];
      return [
        ...pair,
        ...pair.flatMap(sharing),
        // The same request from a page: its Origin (allowed: the bench's gateway listens on loopback) asks for CORS headers.
        { group: 'page', child, url: `${child.url}/graphql`, headers: { ...request.headers, origin: PAGE_ORIGIN } },
        ...others.slice(i, i + 1),
      ];
    });
    servers.push(...others.slice(gateways.length));
    const measured = await measureInTurns(servers);
    const group = (name: string) => measured.filter((_, i) => servers[i]!.group === name);
    const gws = group('gateway');
    const gw = medianProcess(gws);
    const base = group('bare')[0]!;
    const peers = PEERS.map(([peer, label]) => {
      const processes = group(peer);
      return { label, m: medianProcess(processes), processes };
    });
    const page = medianProcess(group('page'));
    const mercurius = peers.find((p) => p.label.startsWith('Mercurius'))!;
    const jit = mercurius.m;

    // The budget's two lines to a tenth of a µs and a thousandth: rounded whole, a miss can read "53 against 53, 1".
    const each = (ms: Measured[]) => ms.map((m) => round(m.cpuUsPerRequest, 1)).join(', ');
    /** Each gateway over the Mercurius process it is paired with, round by round (the phase the same for both): how far the verdict stands from the noise. */
    const pairs = (gws: Measured[], jits: Measured[]) => {
      const ratios = gws.flatMap((g, i) => g.rounds.map((cpu, r) => cpu / jits[i]!.rounds[r]!));
      const { median, low, high } = medianInterval(ratios);
      return `; per round and pair, the gateway over Mercurius + graphql-jit: median ${round(median, 3)}${low === undefined ? '' : `, 95% interval ${round(low, 3)}-${round(high!, 3)}`} (${ratios.length} pairs)`;
    };
    /** The budget's two lines (`suffix` empty) or the same two measured another way, without a verdict. */
    const budgetLines = (suffix: string, gws: Measured[], jits: Measured[], base: Measured, where: string): Row[] => {
      const [gw, jit] = [medianProcess(gws), medianProcess(jits)];
      const ratio = gw.rps / base.rps;
      const verdict = (ok: boolean) => (suffix ? { target: '—' } : { ok });
      // The peer's own ratio beside it: the line moves with the machine's phase for every server.
      const note = `${sample.body.length} B answer, 10 connections, ${where}; the median of ${PROCESSES} processes (the gateway's and Mercurius + graphql-jit's); Mercurius + graphql-jit ${round(jit.rps / base.rps)} of bare`;
      return [
        { scenario: S, figure: `throughput${suffix}`, value: round(gw.rps, 0), unit: 'req/s', target: '≥ 0.5 × bare', ...verdict(ratio >= 0.5), baseline: { label: 'bare node:http', value: round(base.rps, 0) }, ratio: round(ratio, 3), note },
        { scenario: S, figure: `CPU per request${suffix}`, value: round(gw.cpuUsPerRequest, 1), unit: 'µs', target: '≤ Mercurius + jit', ...verdict(gw.cpuUsPerRequest <= jit.cpuUsPerRequest), baseline: { label: 'Mercurius + graphql-jit', value: round(jit.cpuUsPerRequest, 1) }, ratio: round(gw.cpuUsPerRequest / jit.cpuUsPerRequest, 3), note: `server process CPU time / requests; each process: ${each(gws)} µs against ${each(jits)}${pairs(gws, jits)}` },
      ];
    };
    // Bare node:http's own CPU, busy this share of the turn: under 1, the load generator's CPU bounded it.
    const busy = (m: Measured) => `bare node:http's CPU ${Math.round((m.rps * m.cpuUsPerRequest) / 1e4)}% busy`;
    const own = cpus ? `a CPU each for the server and the load generator (${busy(base)})` : 'the CPUs shared with the load generator (no taskset here)';
    // Measured with the CPUs shared too only where they are also apart.
    const baseShared = group('bare shared')[0];
    return [
      ...budgetLines('', gws, mercurius.processes, base, own),
      ...(baseShared ? budgetLines(', CPUs shared with the load generator', group('gateway shared'), group('mercurius-jit shared'), baseShared, `as every session before the thirty-sixth measured it (${busy(baseShared)})`) : []),
      { scenario: S, figure: 'CPU per request from a page (Origin)', value: round(page.cpuUsPerRequest, 0), unit: 'µs', target: '—', baseline: { label: 'Mercurius + graphql-jit', value: round(jit.cpuUsPerRequest, 0) }, ratio: round(page.cpuUsPerRequest / jit.cpuUsPerRequest), note: `${round(page.rps, 0)} req/s; the answer carries CORS headers` },
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

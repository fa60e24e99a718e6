/**
 * What every scenario needs: servers under test as child processes (the gateway from the
 * built dist, bare servers, a simulator), load helpers, percentiles and /metrics reading.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

/** dist/ (this file runs as dist/bench/lib.js). */
const DIST = fileURLToPath(new URL('../', import.meta.url));
export const API_KEY = 'bench-key-0123456789';
export const WEBHOOK_TOKEN = 'bench-webhook-token-0123456789';

export interface Options {
  quick: boolean;
  /** Seconds of load per measurement. */
  seconds: number;
  /** Write a CPU profile of each gateway into this directory. */
  cpuProfDir?: string;
}

export interface Row {
  scenario: string;
  figure: string;
  value: number;
  unit: string;
  /** Human form of the budget line, e.g. "≤ 1 ms". */
  target: string;
  /** Does the value meet the target? undefined when the line has no target. */
  ok?: boolean;
  baseline?: { label: string; value: number };
  /** value / baseline, or a ratio the budget speaks of. */
  ratio?: number;
  note?: string;
}

export interface Child {
  url: string;
  pid: number;
  process: ChildProcess;
  /** Resident memory now, from /proc (MB). */
  rssMb(): number;
  /** CPU time used so far (user + system, ms), from /proc: robust to a noisy machine. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * Measurements taken in turns: `run(i, seconds)` for each of `count` subjects, in rounds (5 of
 * `opts.seconds / 5` s each, 2 in quick mode) whose first subject moves along each round. This
 * machine slows down and speeds up for seconds at a time, so a subject measured in one window of
 * its own caught whatever phase that window fell in. Returns each subject's windows.
 */
export async function inTurns<T>(opts: Options, count: number, run: (i: number, seconds: number) => Promise<T>): Promise<T[][]> {
  const rounds = opts.quick ? 2 : 5;
  const turns = Array.from({ length: count }, () => [] as T[]);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < count; k++) {
      const i = (r + k) % count;
      turns[i]!.push(await run(i, opts.seconds / rounds));
    }
  }
  return turns;
}

/** The CPUs of a list such as `0-3,6` (taskset's and the kernel's form). */
export function cpuList(text: string): number[] {
  return text.split(',').flatMap((part) => {
    const [from, to = from] = part.split('-').map(Number);
    return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
  });
}

/**
 * Two CPUs apart, one for a server under load and one for the load generator (this process),
 * and all the CPUs this process may use, to give back; undefined where Linux's `taskset`
 * (util-linux) does not run or fewer than two CPUs are there.
 */
export function cpuSets(): { server: string; load: string; all: string } | undefined {
  let all: string;
  try {
    // "pid 123's current affinity list: 0,1"
    all = execFileSync('taskset', ['-c', '-p', String(process.pid)], { encoding: 'utf8' }).trim().split(': ').at(-1)!;
  } catch {
    return undefined;
  }
  const cpus = cpuList(all);
  return cpus.length >= 2 && cpus.every(Number.isInteger) ? { server: String(cpus[0]), load: String(cpus[1]), all } : undefined;
}

/** Keeps a process, every thread of it, to `cpus` (taskset's list). */
export function setCpus(pid: number, cpus: string): void {
  execFileSync('taskset', ['-a', '-c', '-p', cpus, String(pid)], { stdio: 'ignore' });
}

/** The first port the kernel hands out as a connection's local port (Linux; else none). */
const EPHEMERAL_LOW = Number(/^(\d+)/.exec(existsSync('/proc/sys/net/ipv4/ip_local_port_range') ? readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8') : '')?.[1] ?? 0);

/**
 * A port free now, below the ephemeral range when it is known: an ephemeral port, free when
 * picked, could be taken by an outgoing connection (10,000 subscribers make many) before the
 * server started on it binds it, which failed a run with "already in use".
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const wanted = EPHEMERAL_LOW > 11_000 ? 10_000 + Math.floor(Math.random() * (EPHEMERAL_LOW - 10_000)) : 0;
    const server = net.createServer();
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(wanted, '127.0.0.1', () => resolve(true));
    });
    if (!listening) continue;
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }
}

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

function cpuOf(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): utime, stime in ticks.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** Poll `url` until it answers 200; returns the milliseconds from `since`. */
export async function waitFor200(url: string, since: number, child: ChildProcess, timeoutMs = 60_000): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`child exited with ${child.exitCode} before ${url} answered`);
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(url, { agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
    });
    if (ok) return performance.now() - since;
    if (performance.now() - since > timeoutMs) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function spawnNode(args: string[], env: Record<string, string>, label: string): ChildProcess {
  // Not the runner's environment: a DATABASE_URL or provider credentials there must not leak in.
  const base = Object.fromEntries(['PATH', 'HOME', 'TMPDIR'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
  const child = spawn(process.execPath, args, { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  child.once('exit', (code, signal) => {
    if (code && signal === null && code !== 0) process.stderr.write(`bench: ${label} exited ${code}\n${stderr}`);
  });
  return child;
}

/**
 * The environment and node flags `npm start` runs the gateway with, read from package.json's
 * start script (`VAR=value … exec node --flag … scripts/start.mjs`) so that the bench runs the
 * gateway exactly so; a script of another form stops the bench rather than measure something else.
 */
export function startScript(): { env: Record<string, string>; flags: string[] } {
  const script = (JSON.parse(readFileSync(`${DIST}../package.json`, 'utf8')) as { scripts: { start: string } }).scripts.start;
  const m = /^((?:[A-Z_]+=\S+ )*)exec node ((?:--\S+ )*)scripts\/start\.mjs$/.exec(script);
  if (!m) throw new Error(`package.json's start script is not "VAR=value … exec node --flag … scripts/start.mjs": ${script}`);
  const words = (text: string) => text.split(' ').filter(Boolean);
  return { env: Object.fromEntries(words(m[1]!).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)])), flags: words(m[2]!) };
}

/** The gateway as `npm start` runs it (the bundle, its environment and flags), a throwaway store, every provider sandboxed unless `env` says otherwise. */
export async function startGateway(opts: Options, env: Record<string, string> = {}): Promise<Child & { bootMs: number }> {
  const port = await freePort();
  const profile = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const start = startScript();
  const since = performance.now();
  const child = spawnNode([...start.flags, ...profile, `${DIST}switchboard.mjs`], {
    ...start.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: 'memory',
    SWITCHBOARD_API_KEYS: `${API_KEY}=read,write`,
    WEBHOOK_TOKEN,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '1000000',
    SANDBOX_TIME_SCALE: '0.001',
    ...env,
  }, 'gateway');
  child.stdout!.resume();
  const url = `http://127.0.0.1:${port}`;
  const bootMs = await waitFor200(`${url}/readyz`, since, child);
  return { url, pid: child.pid!, process: child, bootMs, rssMb: () => rssOf(child.pid!), cpuMs: () => cpuOf(child.pid!), stop: stopper(child) };
}

/**
 * A helper from bench/children, run with node `flags`: it prints one JSON line on stdout (a
 * server its address and what the bench needs to know when it listens; a measurement its
 * result).
 */
export async function startChild<T extends { url: string }>(script: string, env: Record<string, string> = {}, flags: string[] = []): Promise<Child & { info: T }> {
  const child = spawnNode([...flags, `${DIST}bench/children/${script}.js`], env, script);
  const info = await new Promise<T>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)) as T);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited ${code} before it listened`)));
  });
  return { url: info.url, info, pid: child.pid!, process: child, rssMb: () => rssOf(child.pid!), cpuMs: () => cpuOf(child.pid!), stop: stopper(child) };
}

export interface Saturation {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  requests: number;
}

/** autocannon at saturation for `seconds`; with `server`, also its CPU time per request (µs). */
export async function cannon(o: autocannon.Options & { seconds: number; server?: Child }): Promise<Saturation & { cpuUsPerRequest: number }> {
  const cpu0 = o.server?.cpuMs() ?? 0;
  const r = await autocannon({ connections: 10, pipelining: 1, duration: o.seconds, ...o });
  const cpuUsPerRequest = o.server ? ((o.server.cpuMs() - cpu0) * 1000) / Math.max(1, r.requests.total) : NaN;
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, requests: r.requests.total, cpuUsPerRequest };
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * The median (nearest rank) of `values` and a 95% interval for it that assumes no shape of the
 * machine's noise: the k-th smallest and k-th largest, k the largest rank with
 * P(Binomial(n, ½) < k) ≤ 2.5%. Fewer than six values have none (even their extremes cover less).
 */
export function medianInterval(values: number[]): { median: number; low?: number; high?: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let k = 0;
  for (let below = 0, term = 0.5 ** n; below + term <= 0.025; k++) {
    below += term;
    term = (term * (n - k)) / (k + 1);
  }
  const median = percentile(sorted, 50);
  return k === 0 ? { median } : { median, low: sorted[k - 1]!, high: sorted[n - k]! };
}

export interface Latencies {
  p50: number;
  p99: number;
  max: number;
  count: number;
  failed: number;
}

export function summarise(values: number[], failed = 0): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, count: values.length, failed };
}

export interface Req {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request on a keep-alive agent; resolves with the status and body. */
export function send(base: string, r: Req, agent?: http.Agent): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${r.path}`, { method: r.method, headers: r.headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

/**
 * A keep-alive agent that gives up an idle connection a second before the server's announced
 * keep-alive ends (Node does so only for an agent with a timeout): a request sent as the server
 * closes it failed a scenario once (the simulator and the bare servers keep 5 s).
 */
export function keepAliveAgent(maxSockets = 64): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, timeout: 60_000 });
}

/**
 * Open-loop load at a fixed rate: a request every 1/rate s whatever the answers, so a slow
 * server shows as latency (no coordinated omission). Latencies in ms with µs resolution. An
 * agent passed in is kept open (its connections serve the next window too).
 */
export async function fixedRate(base: string, r: Req, rate: number, seconds: number, agent?: http.Agent): Promise<{ latencies: number[]; failed: number }> {
  const via = agent ?? keepAliveAgent();
  const latencies: number[] = [];
  let failed = 0;
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((res) => setTimeout(res, wait));
    const t0 = performance.now();
    pending.push(
      send(base, r, via).then(
        (res) => {
          if (res.status === 200) latencies.push(performance.now() - t0);
          else failed++;
        },
        () => void failed++,
      ),
    );
  }
  await Promise.all(pending);
  if (!agent) via.destroy();
  return { latencies, failed };
}

/** A gateway's `/metrics` text, for `sampleSum` to read several values of one scrape. */
export async function scrape(base: string): Promise<string> {
  return (await send(base, { method: 'GET', path: '/metrics' })).body;
}

/** Sum of a Prometheus metric's samples in `text` whose labels contain every `match` pair. */
export function sampleSum(text: string, name: string, match: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(match).every(([k, v]) => line.includes(`${k}="${v}"`))) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** Sum of a Prometheus counter's samples whose labels contain every `match` pair, from a scrape of its own. */
export async function metric(base: string, name: string, match: Record<string, string> = {}): Promise<number> {
  return sampleSum(await scrape(base), name, match);
}

/** The store engines a scenario measures: the embedded one, and PostgreSQL when DATABASE_URL is set. */
export function storeEngines(): Array<{ name: string; env: Record<string, string> }> {
  const url = process.env.DATABASE_URL;
  return [{ name: 'embedded (PGlite)', env: {} }, ...(url ? [{ name: 'PostgreSQL', env: { DATABASE_URL: url } }] : [])];
}

/** What Apollo Client 3 sends as `Accept` with every query (its HTTP link's default). */
export const CLIENT_ACCEPT = '*/*';

/** A GraphQL POST as a client sends it: with the key, and the Accept of Apollo Client. */
export function graphqlRequest(query: string, variables: Record<string, unknown> = {}): Req {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', accept: CLIENT_ACCEPT, authorization: `Bearer ${API_KEY}` },
    body: JSON.stringify({ query, variables }),
  };
}

export async function graphql<T>(base: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await send(base, graphqlRequest(query, variables));
  const body = JSON.parse(res.body) as { data?: T; errors?: unknown[] };
  if (res.status !== 200 || body.errors?.length) throw new Error(`GraphQL ${res.status}: ${res.body.slice(0, 500)}`);
  return body.data!;
}

/** An Exotel Lead Assist call webhook (the vendor sample's fields) for a unique call id. */
export function exotelCall(callSid: string): string {
  return JSON.stringify({
    start_time: '2024-05-01T15:30:00+05:30',
    current_time: '2024-05-01T15:30:41+05:30',
    direction: 'incoming',
    source: 'exotel',
    dial_call_duration: '32',
    on_call_duration: '27',
    dial_call_status: 'completed',
    call_type: 'completed',
    connection_id: 'bench-connection',
    greenvn: '+918040001001',
    greenvn_id: 'd12638b6-28b8-488d-8cf3-c60619ac2280',
    recording_url: 'https://recordings.example.com/call.mp3',
    call_sid: callSid,
    from: '+919811000001',
    to: '+919876543210',
  });
}

export const EXOTEL_CALLS_PATH = `/webhooks/exotel/calls?token=${WEBHOOK_TOKEN}`;

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * A loopback HTTP proxy in front of a provider simulator that breaks answers on purpose, per
 * request: the simulator really receives the request and acts, and the gateway never sees
 * (or cannot read) the answer. Point a provider's LIVE base URL at `url`.
 *
 * Faults, each after forwarding unless `forward: false`:
 * - `drop`: close the connection without an answer;
 * - `reset`: reset the connection (TCP RST);
 * - `hang`: never answer (the connection stays open until the client gives up);
 * - `garbage`: write bytes that are not HTTP, then close;
 * - `answer`: answer this status and body instead of the simulator's (a 500, a 502, a 200
 *   whose body the gateway cannot read);
 * - `rewrite`: answer the simulator's status and headers with its body edited.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'drop' | 'reset' | 'hang' | 'garbage' }
  | { kind: 'answer'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'rewrite'; edit: (body: string) => string };

export interface FaultRule {
  fault: Fault;
  /** Only requests with this method / a path (with query) / header values matching these. */
  method?: string;
  path?: RegExp;
  headers?: Record<string, RegExp>;
  /** How many matching requests it breaks; unlimited when unset. */
  times?: number;
  /** Let this many matching requests through first. */
  after?: number;
  /** Send the request on to the simulator first (default true): it acts, its answer is lost. */
  forward?: boolean;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  /** The fault applied, if any. */
  fault?: Fault['kind'];
  /** Did the simulator receive it? */
  forwarded: boolean;
  /** The simulator's status, whether or not the client got it. */
  status?: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FaultProxy {
  url: string;
  /** Every request the proxy received, in order. */
  requests: ProxiedRequest[];
  /** Break matching requests from now on (rules are tried in the order added). */
  add(rule: FaultRule): void;
  /** Remove every rule. */
  clear(): void;
  close(): Promise<void>;
}

const GARBAGE = Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a, 0x0d, 0x0a, 0x7f, 0x80, 0x47, 0x52, 0x42, 0x47]);

function forward(target: URL, req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const out = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host, connection: 'close' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const rules: Array<FaultRule & { used: number; seen: number }> = [];
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = req.url ?? '/';
    const matches = (r: FaultRule) =>
      (!r.method || r.method === req.method) && (!r.path || r.path.test(path)) && Object.entries(r.headers ?? {}).every(([name, value]) => value.test(String(req.headers[name] ?? '')));
    const rule = rules.find((r) => (r.times === undefined || r.used < r.times) && matches(r) && r.seen++ >= (r.after ?? 0));
    if (rule) rule.used++;
    const entry: ProxiedRequest = { method: req.method ?? '', path, fault: rule?.fault.kind, forwarded: false, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    requests.push(entry);
    let answer: Awaited<ReturnType<typeof forward>> | undefined;
    if (!rule || rule.forward !== false) {
      try {
        answer = await forward(target, req, Buffer.concat(chunks));
        Object.assign(entry, { forwarded: true, status: answer.status });
      } catch {
        res.socket?.destroy();
        return;
      }
    }
    const fault = rule?.fault;
    const socket = req.socket;
    switch (fault?.kind) {
      case undefined:
      case 'rewrite': {
        const { 'transfer-encoding': _te, connection: _c, ...headers } = answer!.headers;
        const body = fault ? Buffer.from(fault.edit(answer!.body.toString('utf8'))) : answer!.body;
        res.writeHead(answer!.status, { ...headers, 'content-length': body.length });
        res.end(body);
        return;
      }
      case 'answer':
        res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
        res.end(fault.body ?? '');
        return;
      case 'drop':
        socket.destroy();
        return;
      case 'reset':
        socket.resetAndDestroy();
        return;
      case 'garbage':
        socket.end(GARBAGE);
        return;
      case 'hang':
        return;
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname === '/' ? '' : target.pathname}`,
    requests,
    add: (rule) => void rules.push({ ...rule, used: 0, seen: 0 }),
    clear: () => void rules.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A simulator's live settings pointed at a fault proxy in front of it (`baseUrl`, or VoIP Innovations' `url`). */
export async function behindProxy<Live extends object>(sim: { live: Live }): Promise<{ proxy: FaultProxy; live: Live }> {
  const field = 'url' in sim.live ? 'url' : 'baseUrl';
  const proxy = await startFaultProxy((sim.live as Record<string, string>)[field]!);
  return { proxy, live: { ...sim.live, [field]: proxy.url } };
}

/**
 * got's own cost (scenario 2): the CPU of this process per sequential call to BASE_URL +
 * REQUEST_PATH, with got prepared as the gateway prepares it, against a bare node:http request
 * (REQUEST_HEADERS) on the same keep-alive agent. The bench starts it with npm start's node
 * flags and environment, so that the figure is got's cost as the gateway runs it. Prints one
 * JSON line and exits.
 */
import http from 'node:http';
import { pino } from 'pino';
import { agents, preparedClients } from '../../src/datasources/upstream.js';

export interface ClientCost {
  /** The server measured against. */
  url: string;
  /** CPU µs per call. */
  got: number;
  http: number;
}

/** Sequential calls each client makes before its CPU is counted: got takes ~2,000 to settle. */
const WARM_CALLS = 3_000;

const env = (name: string) => process.env[name] ?? '';
const base = env('BASE_URL');
const url = `${base}${env('REQUEST_PATH')}`;
const username = env('AVANSER_USERNAME');
const password = env('AVANSER_PASSWORD');
const calls = Number(env('CALLS'));
const timeoutMs = 10_000;

const { retrying } = preparedClients({ provider: 'AVANSER', baseUrl: base, timeoutMs, log: pino({ level: 'silent' }), username, password, headers: { accept: 'application/json' } });
// As src/datasources/upstream.ts `send` calls it: with the call's deadline.
const viaGot = () => retrying(url, { method: 'GET', context: { deadline: Date.now() + timeoutMs } }).then((r) => r.body);
// The direct request's headers, as scenario 2 sends them to the simulator.
const headers = JSON.parse(env('REQUEST_HEADERS')) as Record<string, string>;
const viaHttp = () =>
  new Promise<string>((resolve, reject) => {
    const req = http.request(url, { headers, agent: agents.http }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve(body));
    });
    req.on('error', reject).end();
  });

async function cpuPerCall(call: () => Promise<string>): Promise<number> {
  for (let i = 0; i < WARM_CALLS; i++) await call();
  const t0 = process.cpuUsage();
  for (let i = 0; i < calls; i++) await call();
  const { user, system } = process.cpuUsage(t0);
  return (user + system) / calls;
}

const cost: ClientCost = { url: base, got: await cpuPerCall(viaGot), http: await cpuPerCall(viaHttp) };
process.stdout.write(`${JSON.stringify(cost)}\n`);
agents.http.destroy();

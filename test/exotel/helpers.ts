/** Exotel test plumbing: fixtures, and a receiver on loopback that keeps what the simulator sends. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, beforeEach } from 'vitest';
import { startExotelSimulator, type ExotelSimOptions, type ExotelSimulator } from '../../src/datasources/exotel/simulator.js';
import type { WebhookRequest } from '../../src/webhooks/route.js';

export const log = pino({ level: 'silent' });
export const TZ = '+05:30';

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/exotel/${name}`, import.meta.url), 'utf8')) as T;
}

/** A JSON POST as the router hands it to a route. */
export function post(body: unknown): WebhookRequest {
  return { method: 'POST', query: {}, body, rawBody: JSON.stringify(body), contentType: 'application/json' };
}

/** A raw request to a simulator, as Exotel's curl samples make them (the tests' way of acting at "Exotel" directly). */
export async function exotelRequest(sim: ExotelSimulator, method: string, path = '', body?: unknown, auth = `${sim.live.apiKey}:${sim.live.apiToken}`, raw?: string) {
  const res = await fetch(`${sim.baseUrl}/v1/tenants/${sim.live.tenantSid}/greenvn${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(auth).toString('base64')}`, 'content-type': 'application/json' },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  return { status: res.status, body: (await res.json()) as any };
}

export interface Hook {
  event: string;
  token: string | null;
  body: Record<string, unknown>;
}

/** Our `/webhooks/exotel/<event>` URLs on a node:http server that keeps what arrives. */
export async function startReceiver(status = 200) {
  const hooks: Hook[] = [];
  const server = http.createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const url = new URL(req.url!, 'http://receiver');
    hooks.push({ event: url.pathname.split('/').at(-1)!, token: url.searchParams.get('token'), body: JSON.parse(text) });
    res.writeHead(status, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    hooks,
    of: (event: string) => hooks.filter((h) => h.event === event).map((h) => h.body),
    webhookUrl: (event: string) => `${base}/webhooks/exotel/${event}?token=test-token`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** A fresh receiver and simulator around every test; `restart` swaps the simulator for one with other options. */
export function useSimulator() {
  const t = {} as { receiver: Receiver; sim: ExotelSimulator; restart(options?: ExotelSimOptions): Promise<void> };
  t.restart = async (options = {}) => {
    await t.sim?.close();
    t.sim = await startExotelSimulator({ log, timeScale: 0.0005, webhookUrl: t.receiver.webhookUrl }, options);
  };
  beforeEach(async () => {
    t.receiver = await startReceiver();
    await t.restart();
  });
  afterEach(async () => {
    await t.sim.close();
    await t.receiver.close();
  });
  return t;
}

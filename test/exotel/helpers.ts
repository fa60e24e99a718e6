/** Exotel test plumbing: fixtures, a callback receiver on loopback, allocations in memory. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, beforeEach } from 'vitest';
import { startExotelSimulator, type ExotelSimOptions, type ExotelSimulator } from '../../src/datasources/exotel/simulator.js';
import type { AllocationEventRecord, AllocationRecord, CallEventPatch, CallEventRecord } from '../../src/domain/model.js';
import type { WebhookEffects, WebhookRequest } from '../../src/webhooks/route.js';

export const log = pino({ level: 'silent' });
export const TZ = '+05:30';

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/exotel/${name}`, import.meta.url), 'utf8')) as T;
}

/** A JSON POST as the router hands it to a route. */
export function post(body: unknown): WebhookRequest {
  return { method: 'POST', query: {}, body, rawBody: JSON.stringify(body), contentType: 'application/json' };
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

/** WebhookEffects over memory, as the store would behave for Exotel. */
export class MemoryAllocations implements WebhookEffects {
  log = log;
  readonly allocations = new Map<string, AllocationRecord>();
  readonly events: AllocationEventRecord[] = [];
  readonly calls: CallEventPatch[] = [];

  async recordCall(patch: CallEventPatch): Promise<CallEventRecord> {
    this.calls.push(patch);
    const at = new Date().toISOString();
    return { id: patch.providerCallId, status: 'RINGING', ...patch, createdAt: at, updatedAt: at };
  }
  async settleOrder(): Promise<null> {
    return null;
  }
  async saveService(): Promise<void> {}
  async findAllocation(_provider: string, match: { providerRef?: string; greenVN?: string; connectionId?: string }): Promise<AllocationRecord | null> {
    const all = [...this.allocations.values()];
    return (
      all.find((a) => a.providerRef === match.providerRef) ??
      all.find((a) => match.connectionId !== undefined && a.connectionId === match.connectionId) ??
      all.find((a) => match.greenVN !== undefined && a.greenVN === match.greenVN && a.state === 'ACTIVE') ??
      null
    );
  }
  async allocationEvent(event: Omit<AllocationEventRecord, 'id' | 'at'> & { at?: string }, update?: AllocationRecord): Promise<AllocationEventRecord> {
    if (update) this.allocations.set(update.providerRef, update);
    const record = { ...event, id: String(this.events.length + 1), at: event.at ?? new Date().toISOString() };
    this.events.push(record);
    return record;
  }
}

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

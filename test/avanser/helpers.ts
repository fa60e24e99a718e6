/**
 * Test plumbing for AVANSER: vendor fixtures, a webhook receiver on loopback that does what the
 * gateway's router does (token, parse, duplicates, read/apply/reply), and an in-memory
 * WebhookEffects that records what the routes ask of the gateway.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import type { AvanserConfig } from '../../src/config.js';
import type { CallEventPatch, CallEventRecord, OrderRecord, OrderStatus, ProviderName, ServiceRecord } from '../../src/domain/model.js';
import { avanserModule } from '../../src/datasources/avanser/index.js';
import { startAvanserSimulator, type AvanserSimulator } from '../../src/datasources/avanser/simulator.js';
import type { OrderDraft, ProviderDeps, ProviderPort } from '../../src/datasources/port.js';
import { WebhookPayloadError, type WebhookEffects, type WebhookRequest, type WebhookRoute } from '../../src/webhooks/route.js';

export const TIME_SCALE = 0.0005;
export const TOKEN = 'test-token-0123456789';

export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/avanser/${name}`, import.meta.url), 'utf8')) as T;
}

/** A real pino logger whose lines are kept for assertions. */
export function capturingLog(): { log: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  return { log: pino({ level: 'warn' }, { write: (s: string) => void lines.push(JSON.parse(s)) }), lines };
}

export const silentLog = pino({ level: 'silent' });

/** The gateway's side of the webhook effects, in memory. */
export class MemoryEffects implements WebhookEffects {
  readonly orders: OrderRecord[] = [];
  readonly services = new Map<string, ServiceRecord>();
  readonly calls = new Map<string, CallEventRecord>();
  private seq = 0;

  constructor(readonly log: Logger = silentLog) {}

  addOrders(drafts: OrderDraft[], kind: OrderRecord['kind'] = 'PROVISION'): OrderRecord[] {
    const now = new Date().toISOString();
    const added = drafts.map((d) => ({ id: `order-${++this.seq}`, provider: 'AVANSER' as const, kind, ...d, history: [{ at: now, status: d.status }], createdAt: now, updatedAt: now }));
    this.orders.push(...added);
    return added;
  }

  async settleOrder(provider: ProviderName, match: { providerRef?: string; serviceRef?: string }, status: Exclude<OrderStatus, 'PENDING'>, message?: string) {
    // As the store does: by provider reference whatever the status, else the service's pending order.
    const mine = this.orders.filter((o) => o.provider === provider);
    const order = mine.find((o) => match.providerRef && o.providerRef === match.providerRef) ?? mine.find((o) => match.serviceRef && o.serviceRef === match.serviceRef && o.status === 'PENDING');
    if (!order) return null;
    if (order.status !== 'PENDING') return order;
    const at = new Date().toISOString();
    Object.assign(order, { status, message, updatedAt: at });
    order.history.push({ at, status, message });
    return order;
  }

  async saveService(service: ServiceRecord) {
    const old = this.services.get(service.providerRef);
    const defined = Object.fromEntries(Object.entries(service).filter(([, v]) => v !== undefined));
    this.services.set(service.providerRef, { ...old, ...defined } as ServiceRecord);
  }

  async recordCall(patch: CallEventPatch) {
    const old = this.calls.get(patch.providerCallId);
    const now = new Date().toISOString();
    const record = { id: `call-${patch.providerCallId}`, createdAt: now, ...old, ...patch, raw: { ...old?.raw, ...patch.raw }, updatedAt: now } as CallEventRecord;
    this.calls.set(patch.providerCallId, record);
    return record;
  }

  async findAllocation(): Promise<null> {
    return null;
  }

  async allocationEvent(): Promise<never> {
    throw new Error('AVANSER has no allocations');
  }
}

export interface Hit {
  event: string;
  method: string;
  url: string;
  query: Record<string, string>;
  rawBody: string;
  status: number;
  duplicate: boolean;
}

/** What the gateway's router does, enough for AVANSER's routes. */
export async function startReceiver(routes: WebhookRoute<any, any>[], effects: WebhookEffects) {
  const hits: Hit[] = [];
  const seen = new Set<string>();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://receiver');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const event = url.pathname.replace('/webhooks/avanser/', '');
    const route = routes.find((r) => r.event === event && r.methods.includes(req.method as 'GET' | 'POST'));
    const query = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'token'));
    const hit: Hit = { event, method: req.method!, url: req.url!, query, rawBody, status: 0, duplicate: false };
    hits.push(hit);
    const send = (status: number, body: unknown) => {
      hit.status = status;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (url.searchParams.get('token') !== TOKEN) return send(401, { error: 'token' });
    if (!route) return send(404, { error: 'no route' });
    const contentType = req.headers['content-type'];
    let body: unknown;
    try {
      if (contentType?.startsWith('application/json')) body = JSON.parse(rawBody);
      else if (contentType?.startsWith('application/x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(rawBody));
    } catch {
      body = undefined;
    }
    const request: WebhookRequest = { method: req.method as 'GET' | 'POST', query, body, rawBody, contentType };
    try {
      const payload = route.read(request);
      const key = route.eventKey(payload);
      hit.duplicate = seen.has(key);
      seen.add(key);
      const result = hit.duplicate ? undefined : await route.apply(payload, effects);
      if (result === null) seen.delete(key);
      const reply = route.reply({ ok: true, payload, result, duplicate: hit.duplicate });
      send(reply.status, reply.body);
    } catch (err) {
      if (!(err instanceof WebhookPayloadError)) throw err;
      const reply = route.reply({ ok: false, reason: err.message });
      send(reply.status, reply.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    hits,
    /** Our webhook URL, with the token and one parameter of our own that must survive. */
    webhookUrl: (event: string) => `${base}/webhooks/avanser/${event}?token=${TOKEN}&src=switchboard`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Harness {
  sim: AvanserSimulator;
  port: ProviderPort;
  effects: MemoryEffects;
  receiver: Awaited<ReturnType<typeof startReceiver>>;
  deps: ProviderDeps;
  lines: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** The simulator, a port on it, and a receiver standing in for the gateway's webhook routes. */
export async function harness(live?: Partial<AvanserConfig>): Promise<Harness> {
  const { log, lines } = capturingLog();
  const effects = new MemoryEffects(log);
  const deps: ProviderDeps = { log: silentLog, timeoutMs: 2_000, exotelTimezone: '+05:30', webhookUrl: (e) => receiver.webhookUrl(e) };
  const receiver = await startReceiver(avanserModule.webhooks(deps), effects);
  const sim = await startAvanserSimulator({ log: silentLog, timeScale: TIME_SCALE, webhookUrl: receiver.webhookUrl });
  const port = avanserModule.create({ ...sim.live, ...live }, deps);
  return {
    sim,
    port,
    effects,
    receiver,
    deps,
    lines,
    close: async () => {
      await sim.close();
      await receiver.close();
    },
  };
}

/** Test plumbing: fixtures, a webhook receiver on loopback, and an in-memory WebhookEffects. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { CallEventPatch, CallEventRecord, OrderRecord, OrderStatus } from '../../src/domain/model.js';
import { WebhookPayloadError, type WebhookEffects, type WebhookReply, type WebhookRequest, type WebhookRoute } from '../../src/webhooks/route.js';

export const log = pino({ level: 'silent' });

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/delacon/${name}`, import.meta.url), 'utf8');
}

export const responses = JSON.parse(fixture('responses.json')) as Record<string, Record<string, Record<string, unknown>>>;

export interface Received {
  method: string;
  path: string;
  contentType?: string;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 that records requests and answers with `answer`. */
export async function startReceiver(answer: (req: Received) => WebhookReply | Promise<WebhookReply>): Promise<Receiver> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = { method: req.method!, path: req.url!, contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      void Promise.resolve(answer(r)).then((reply) => {
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The body as the gateway's router hands it to a route. */
export function webhookRequest(body: string, contentType = 'application/json'): WebhookRequest {
  let parsed: unknown;
  if (contentType.includes('json')) {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  } else if (contentType.includes('form')) {
    parsed = Object.fromEntries(new URLSearchParams(body));
  }
  return { method: 'POST', query: {}, body: parsed, rawBody: body, contentType };
}

/** Calls and orders in memory, merged the way the store merges them. */
export class MemoryEffects implements WebhookEffects {
  log = log;
  calls = new Map<string, CallEventRecord>();
  patches: CallEventPatch[] = [];
  orders = new Map<string, OrderRecord>();

  addOrder(providerRef: string): void {
    const at = new Date().toISOString();
    this.orders.set(providerRef, { id: `o${providerRef}`, provider: 'DELACON', status: 'PENDING', providerRef, numbers: [], kind: 'PROVISION', history: [], createdAt: at, updatedAt: at });
  }

  async recordCall(patch: CallEventPatch): Promise<CallEventRecord> {
    this.patches.push(patch);
    const at = new Date().toISOString();
    const old = this.calls.get(patch.providerCallId);
    const merged: CallEventRecord = {
      ...(old ?? { id: `c${patch.providerCallId}`, createdAt: at, status: 'RINGING' }),
      ...patch,
      // A late start must not undo the end's outcome.
      status: old && old.status !== 'RINGING' && patch.status === 'RINGING' ? old.status : (patch.status ?? old?.status ?? 'RINGING'),
      raw: { ...old?.raw, ...patch.raw },
      updatedAt: at,
    } as CallEventRecord;
    this.calls.set(patch.providerCallId, merged);
    return merged;
  }

  async settleOrder(_provider: string, match: { providerRef?: string }, status: Exclude<OrderStatus, 'PENDING'>, message?: string): Promise<OrderRecord | null> {
    const order = this.orders.get(match.providerRef ?? '');
    if (!order) return null;
    Object.assign(order, { status, message });
    return order;
  }

  async saveService(): Promise<void> {}
  async findAllocation(): Promise<null> {
    return null;
  }
  async allocationEvent(): Promise<never> {
    throw new Error('Delacon has no allocations');
  }
}

/**
 * What the gateway's router does with a route, minus token and storage: read, recognise a
 * duplicate by eventKey, apply, reply. A stand-in until the router exists.
 */
export function dispatch(routes: WebhookRoute<any, any>[], effects: WebhookEffects, seen = new Set<string>()) {
  return async (req: Received): Promise<WebhookReply> => {
    const route = routes.find((r) => req.path.startsWith(`/webhooks/delacon/${r.event}`))!;
    let payload: unknown;
    try {
      payload = route.read(webhookRequest(req.body, req.contentType));
    } catch (err) {
      if (err instanceof WebhookPayloadError) return route.reply({ ok: false, reason: err.message });
      throw err;
    }
    const key = route.eventKey(payload);
    if (seen.has(key)) return route.reply({ ok: true, payload, result: undefined, duplicate: true });
    try {
      const result = await route.apply(payload, effects);
      // null = nothing was applied (unknown order): a redelivery must be able to try again.
      if (result !== null) seen.add(key);
      return route.reply({ ok: true, payload, result, duplicate: false });
    } catch {
      return route.reply({ ok: false, reason: 'apply failed', payload });
    }
  };
}

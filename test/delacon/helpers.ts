/** Test plumbing: fixtures, a webhook receiver on loopback, route requests as the router builds them. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { WebhookReply, WebhookRequest } from '../../src/webhooks/route.js';
import { readBody } from '../../src/webhooks/deliveries.js';

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

/** A POST body as the gateway's router hands it to a route. */
export function webhookRequest(body: string, contentType = 'application/json'): WebhookRequest {
  return { method: 'POST', query: {}, body: readBody(body, contentType), rawBody: body, contentType };
}

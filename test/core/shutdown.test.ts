/** SIGTERM drains: subscribers are told the server is going away, then the process exits 0. */
import { createConnection } from 'node:net';
import { createClient } from 'graphql-ws';
import { expect, it } from 'vitest';
import WebSocket from 'ws';
import { startChildGateway } from '../helpers/child.js';

const KEY = 'rw-key-123456';

it('closes WebSockets with 1001, stops listening and exits 0 on SIGTERM', async () => {
  const gw = await startChildGateway({ PORT: '0', DATA_DIR: 'memory', SWITCHBOARD_API_KEYS: `${KEY}=read,write`, WEBHOOK_TOKEN: 'test-webhook-token-0123456789' });
  try {
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: `${gw.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${KEY}` },
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      client.subscribe({ query: 'subscription { callEvents { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
      client.on('connected', () => setTimeout(() => gw.child.kill('SIGTERM'), 100));
    });

    expect(await closed).toBe(1001);
    expect(await gw.exited).toBe(0);
    expect(gw.logs.some((l) => l.msg === 'draining' && l.signal === 'SIGTERM')).toBe(true);
    await expect(fetch(`${gw.url}/healthz`)).rejects.toThrow();
  } finally {
    await gw.kill();
  }
}, 60_000);

it('ends SSE and multipart streams (SSE without `complete`, so its clients reconnect) and exits 0 at once, a connection that never sent a request included', async () => {
  const gw = await startChildGateway({ PORT: '0', DATA_DIR: 'memory', SWITCHBOARD_API_KEYS: `${KEY}=read,write`, WEBHOOK_TOKEN: 'test-webhook-token-0123456789' });
  try {
    const open = (accept: string) =>
      fetch(`${gw.url}/graphql`, { method: 'POST', headers: { accept, 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: '{"query":"subscription { callEvents { id } }"}' });
    const [sse, multipart] = await Promise.all([open('text/event-stream'), open('multipart/mixed;subscriptionSpec="1.0"')]);
    expect([sse.status, multipart.status]).toEqual([200, 200]);
    // A spare connection, as browsers and undici open: Node's closeIdleConnections leaves it.
    const spare = createConnection(Number(new URL(gw.url).port), '127.0.0.1');
    await new Promise((resolve) => spare.once('connect', resolve));
    spare.on('error', () => undefined);

    const started = Date.now();
    gw.child.kill('SIGTERM');
    const [sseText, multipartText] = await Promise.all([sse.text(), multipart.text()]);
    expect(await gw.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000); // main forces exit 1 after 10 s
    expect(sseText).toBe(':\n\n');
    expect(multipartText).toBe('\r\n--graphql');
  } finally {
    await gw.kill();
  }
}, 60_000);

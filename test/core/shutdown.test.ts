/** SIGTERM drains: subscribers are told the server is going away, then the process exits 0. */
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

/** SIGTERM drains: subscribers are told the server is going away, then the process exits 0. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import { expect, it } from 'vitest';
import WebSocket from 'ws';

const root = fileURLToPath(new URL('../..', import.meta.url));
const KEY = 'rw-key-123456';

it('closes WebSockets with 1001, stops listening and exits 0 on SIGTERM', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', DATA_DIR: 'memory', LOG_LEVEL: 'info', SWITCHBOARD_API_KEYS: `${KEY}=read,write`, WEBHOOK_TOKEN: 'test-webhook-token-0123456789' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const logs: Array<Record<string, unknown>> = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no ready line within 30 s')), 30_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      if (entry.msg === 'Switchboard is ready') {
        clearTimeout(timer);
        resolve(entry.url as string);
      }
    });
  });

  try {
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: `${url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${KEY}` },
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      client.subscribe({ query: 'subscription { callEvents { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
      client.on('connected', () => setTimeout(() => child.kill('SIGTERM'), 100));
    });

    expect(await closed).toBe(1001);
    expect(await exited).toBe(0);
    expect(logs.some((l) => l.msg === 'draining' && l.signal === 'SIGTERM')).toBe(true);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  } finally {
    child.kill('SIGKILL');
  }
}, 60_000);

/**
 * `kill -9` of the gateway in the middle of a burst of webhooks, on a persistent embedded
 * store: every webhook it answered 200 is kept (its receipt and its call) when the store is
 * opened again. The embedded store writes on its own thread, and the answer waits for it.
 * With 10 senders the store's batches hold a few webhooks; with 100 (the ingest budget's load,
 * bench scenario 4) they hold dozens.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { startChildGateway, type ChildGateway } from '../helpers/child.js';
import { WEBHOOK_TOKEN } from '../helpers/gateway.js';

let root: string;
let gw: ChildGateway | undefined;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'switchboard-ingest-kill-'));
});
afterAll(async () => {
  await gw?.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

const call = (sid: string) =>
  JSON.stringify({
    call_sid: sid,
    start_time: '2024-05-01T15:30:00+05:30',
    current_time: '2024-05-01T15:30:41+05:30',
    direction: 'incoming',
    dial_call_duration: '32',
    on_call_duration: '27',
    dial_call_status: 'completed',
    call_type: 'completed',
    from: '+919811000001',
    to: '+919876543210',
  });

it.each([10, 100])('keeps every webhook it acknowledged when killed in the middle of a burst from %i senders', { timeout: 120_000 }, async (senders) => {
  const dataDir = path.join(root, String(senders));
  gw = await startChildGateway({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, WEBHOOK_TOKEN });
  const url = `${gw.url}/webhooks/exotel/calls?token=${WEBHOOK_TOKEN}`;
  const run = `kill-${Date.now()}`;
  const acknowledged: string[] = [];
  let sent = 0;
  let inFlight = 0;
  let inFlightAtKill = -1;
  const killed = new Promise<void>((resolve, reject) => {
    // Each sender posts until the gateway is gone; one in five repeats an acknowledged call.
    const sender = async () => {
      for (;;) {
        const n = ++sent;
        const sid = n % 5 === 0 && acknowledged.length ? acknowledged[n % acknowledged.length]! : `${run}-${n}`;
        inFlight++;
        try {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: call(sid) });
          if (res.status === 200) acknowledged.push(sid);
          else throw new Error(`answered ${res.status}: ${await res.text()}`);
        } catch (err) {
          if (inFlightAtKill < 0) throw err;
          return;
        } finally {
          inFlight--;
        }
        if (acknowledged.length >= 20 * senders && inFlightAtKill < 0) {
          inFlightAtKill = inFlight;
          void gw!.kill('SIGKILL').then(() => resolve());
        }
      }
    };
    for (let i = 0; i < senders; i++) void sender().catch(reject);
  });
  await killed;
  // Most senders were waiting for an answer: the kill caught full batches in flight.
  expect(inFlightAtKill).toBeGreaterThan(senders / 2);

  const db = await openDb({ dataDir });
  try {
    const ids = [...new Set(acknowledged)];
    const calls = await db.query<{ provider_call_id: string }>(`SELECT provider_call_id FROM call_events WHERE provider = 'EXOTEL' AND provider_call_id = ANY($1::text[])`, [ids]);
    expect(calls.map((c) => c.provider_call_id).sort()).toEqual(ids.sort());
    const [receipts] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_receipts WHERE provider = 'EXOTEL' AND event_key = ANY($1::text[])`, [ids]);
    expect(receipts!.n).toBeGreaterThanOrEqual(acknowledged.length);
  } finally {
    await db.close();
  }
});

/**
 * `kill -9` of the gateway in each window of a webhook (claim → apply → mark), on a persistent
 * DATA_DIR, for a call (merge), an order settlement and an allocation event: after a restart,
 * the provider's retry takes the abandoned claim over, or the sweep finishes the receipt from
 * its stored bytes. Either way: each event stored and published exactly once, and every receipt
 * in its true final state (never left `received`).
 *
 * The fault hook is SWITCHBOARD_TEST_WEBHOOK_PAUSE (config, refused in production): every webhook
 * hangs after the step, the test sees the log line, and kills the process.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { print, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import {
  DelaconProvisionDocument,
  ExotelAllocateDocument,
  OnAllocationEventDocument,
  OnCallEventDocument,
  OnOrderUpdatedDocument,
} from '../generated/graphql.js';
import { startChildGateway, type ChildGateway } from '../helpers/child.js';
import { RW_KEY, WEBHOOK_TOKEN, subscribe, type Subscription } from '../helpers/gateway.js';
import { until } from '../helpers/wait.js';

const LEASE_SECONDS = 3;
let dataDir: string;
const clients: Client[] = [];
/** Every gateway started, so that a failing test leaves none running. */
const children: ChildGateway[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-crash-'));
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await Promise.all(children.map((c) => c.kill('SIGKILL')));
  await rm(dataDir, { recursive: true, force: true });
});

async function start(pause?: 'claimed' | 'applied'): Promise<ChildGateway> {
  const gw = await startChildGateway({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SWITCHBOARD_API_KEYS: `${RW_KEY}=read,write`,
    WEBHOOK_TOKEN,
    WEBHOOK_CLAIM_LEASE_SECONDS: String(LEASE_SECONDS),
    // Provider time at its real pace: the Delacon sandbox's own order callback is 2 minutes away.
    SANDBOX_TIME_SCALE: '1',
    ...(pause ? { SWITCHBOARD_TEST_WEBHOOK_PAUSE: pause } : {}),
  });
  children.push(gw);
  return gw;
}

async function request<TData, TVars>(gw: ChildGateway, document: TypedDocumentNode<TData, TVars>, variables: TVars): Promise<TData> {
  const res = await fetch(`${gw.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${RW_KEY}` },
    body: JSON.stringify({ query: print(document as DocumentNode), variables }),
  });
  const body = (await res.json()) as { data?: TData; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** One event of each kind whose apply matters: a call (merge), an order settlement, an allocation event. */
interface Events {
  callId: string;
  orderRef: string;
  allocationRef: string;
  greenVN: string;
}

let numbers = 0;
const indianNumber = () => `+9198${String(Date.now() % 1e4).padStart(4, '0')}${String(++numbers).padStart(4, '0')}`;

/** A pending Delacon order (WAIT: more than 5 numbers) and an active Exotel allocation, made through GraphQL. */
async function prepare(gw: ChildGateway): Promise<Events> {
  const { provisionNumbers } = await request(gw, DelaconProvisionDocument, { input: { provider: 'DELACON', delacon: { companyId: '1001', count: 6 } } });
  expect(provisionNumbers.orders[0]).toMatchObject({ status: 'PENDING' });
  const { allocateGreenVN } = await request(gw, ExotelAllocateDocument, { input: { aPartyNumbers: [indianNumber()], bPartyNumbers: [indianNumber()], usage: 'TWO_WAY' } });
  const allocation = allocateGreenVN.allocation!;
  return { callId: `${Date.now()}${randomBytes(2).readUInt16BE()}`, orderRef: provisionNumbers.orders[0]!.providerRef!, allocationRef: allocation.providerRef, greenVN: allocation.greenVN! };
}

/** The provider's deliveries of `e`, as each provider sends them; resolves with each answer. */
function deliver(gw: ChildGateway, e: Events): Array<Promise<{ status: number; body: unknown }>> {
  const post = async (hook: string, contentType: string, body: string) => {
    const res = await fetch(`${gw.url}/webhooks/${hook}?token=${WEBHOOK_TOKEN}`, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  return [
    post('delacon/calls', 'application/json', JSON.stringify({ PLA_Call_Id: e.callId, PLA_CID: '1001', PLA_CallResult: 'Answered', PLA_Duration: '12s', PLA_Answering_Point: '0298765432' })),
    post('delacon/orders', 'application/x-www-form-urlencoded', `OrderID=${e.orderRef}&Result=OK&Message=done`),
    post('exotel/deallocations', 'application/json', JSON.stringify({ greenvn_id: e.allocationRef, greenvn: e.greenVN, state: 'vault' })),
  ];
}

const ACCEPTED = [
  { status: 200, body: expect.objectContaining({ success: 'true' }) },
  { status: 200, body: { RESULT: 'ACCEPTED' } },
  { status: 200, body: { status: 'ok' } },
];

/** What subscribers of a gateway are told, from now on. */
function listen(gw: ChildGateway) {
  const client = createClient({
    url: `${gw.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${RW_KEY}` },
    onNonLazyError: () => undefined,
  });
  clients.push(client);
  const subs = {
    calls: subscribe(client, OnCallEventDocument, { filter: { provider: 'DELACON' } }),
    orders: subscribe(client, OnOrderUpdatedDocument, { filter: { provider: 'DELACON', status: 'COMPLETED' } }),
    allocations: subscribe(client, OnAllocationEventDocument, { filter: { provider: 'EXOTEL' } }),
  };
  const drain = async (s: Subscription<any>, ms: number) => s.drain(ms);
  return {
    ready: Promise.all(Object.values(subs).map((s) => s.ready)),
    /** How often each of `events` was published so far. */
    async counts(events: Events[]) {
      const [calls, orders, allocations] = await Promise.all([drain(subs.calls, 300), drain(subs.orders, 300), drain(subs.allocations, 300)]);
      return events.map((e) => [
        calls.filter((c) => c.callEvents.providerCallId === e.callId).length,
        orders.filter((o) => o.orderUpdated.providerRef === e.orderRef).length,
        allocations.filter((a) => a.allocationEvents.allocationRef === e.allocationRef && a.allocationEvents.kind === 'DEALLOCATED').length,
      ]);
    },
  };
}

const logged = (gw: ChildGateway, msg: string) => gw.logs.filter((l) => l.msg === msg).length;

/** The store of the stopped gateway, read directly: receipts, calls, allocation events, orders of `events`. */
async function stored(events: Events[]) {
  const db = await openDb({ dataDir });
  try {
    return await Promise.all(
      events.map(async (e) => {
        const receipts = await db.query<{ event: string; status: string }>(
          `SELECT event, status FROM webhook_receipts WHERE event_key IN ($1, $2, $3) ORDER BY id`,
          [`${e.callId}:end`, `${e.orderRef}:OK`, `deallocated:${e.allocationRef}`],
        );
        const [counts] = await db.query<{ calls: number; allocationEvents: number; order: string }>(
          `SELECT (SELECT count(*)::int FROM call_events WHERE provider = 'DELACON' AND provider_call_id = $1) AS calls,
                  (SELECT count(*)::int FROM allocation_events WHERE allocation_ref = $2 AND data->>'kind' = 'DEALLOCATED') AS "allocationEvents",
                  (SELECT status FROM orders WHERE provider = 'DELACON' AND provider_ref = $3) AS order`,
          [e.callId, e.allocationRef, e.orderRef],
        );
        const byEvent = (event: string) => receipts.filter((r) => r.event === event).map((r) => r.status);
        return { ...counts, receipts: { calls: byEvent('calls'), orders: byEvent('orders'), deallocations: byEvent('deallocations') } };
      }),
    );
  } finally {
    await db.close();
  }
}

const receiptsOf = (statuses: string[]) => ({ calls: statuses, orders: statuses, deallocations: statuses });

/**
 * Crash `step` for two sets of events: one recovered by the provider's retry (which takes the
 * abandoned claim over), one by the sweep (the provider's retry then comes after it).
 */
async function crashAndRecover(step: 'claimed' | 'applied') {
  // 1. An armed gateway: every webhook hangs after `step`; kill -9 once all six got there.
  const armed = await start(step);
  const [byRetry, bySweep] = [await prepare(armed), await prepare(armed)];
  const heard = listen(armed);
  await heard.ready;
  // They never answer: the process dies under them.
  const hanging = Promise.allSettled([...deliver(armed, byRetry), ...deliver(armed, bySweep)]);
  await until('six paused webhooks', () => logged(armed, 'webhook paused (SWITCHBOARD_TEST_WEBHOOK_PAUSE)') === 6);
  const claimedAt = Date.now();
  const publishedBeforeCrash = await heard.counts([byRetry, bySweep]);
  await armed.kill('SIGKILL');
  await hanging;

  // 2. Restart on the same DATA_DIR; the provider retries once the claims are past the lease.
  const gw = await start();
  const told = listen(gw);
  await told.ready;
  await new Promise((r) => setTimeout(r, Math.max(0, claimedAt + LEASE_SECONDS * 1000 + 200 - Date.now())));
  expect(await Promise.all(deliver(gw, byRetry))).toEqual(ACCEPTED);
  // The sweep finishes the other set (its first run is a lease after boot), then its retry is a duplicate.
  await until('the sweep', () => logged(gw, 'unfinished webhook finished by the sweep') >= 3);
  expect(await Promise.all(deliver(gw, bySweep))).toEqual(ACCEPTED);
  const publishedAfter = await told.counts([byRetry, bySweep]);
  await gw.kill('SIGTERM');
  return { publishedBeforeCrash, publishedAfter, stored: await stored([byRetry, bySweep]) };
}

describe('kill -9 between the steps of a webhook, then the provider retries', () => {
  const none = [0, 0, 0];
  const once = [1, 1, 1];
  it.each([
    ['after the claim, before apply: the retry or the sweep applies each event once', 'claimed', none, once],
    ['after apply, before the receipt is marked: applying again stores and publishes nothing more', 'applied', once, none],
  ] as const)('%s', { timeout: 120_000 }, async (_name, step, before, after) => {
    const { publishedBeforeCrash, publishedAfter, stored } = await crashAndRecover(step);
    // Published [call, order, allocation event] for the event set recovered by the retry, and for the one the sweep recovered.
    expect(publishedBeforeCrash).toEqual([before, before]);
    expect(publishedAfter).toEqual([after, after]);
    const [byRetry, bySweep] = stored;
    expect(byRetry).toEqual({ calls: 1, allocationEvents: 1, order: 'COMPLETED', receipts: receiptsOf(['superseded', 'applied']) });
    expect(bySweep).toEqual({ calls: 1, allocationEvents: 1, order: 'COMPLETED', receipts: receiptsOf(['applied', 'duplicate']) });
  });
});

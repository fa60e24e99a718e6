/**
 * `kill -9` while a provisioning call is on its way: the gateway runs as its own process on a
 * persistent DATA_DIR, AVANSER LIVE against a simulator in this process behind a fault proxy
 * (so the provider outlives the gateway). The simulator takes the request, the answer never
 * comes, the gateway dies. After a restart the key is reconciled by itself (the order shows up
 * with no client asking), and a retry with the key returns it without ordering again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { avanserModule } from '../../src/datasources/avanser/module.js';
import type { Simulator } from '../../src/sandbox/simulator.js';
import type { AvanserConfig } from '../../src/datasources/avanser/module.js';
import { silentLog } from '../avanser/helpers.js';
import { startChildGateway, type ChildGateway } from '../helpers/child.js';
import { behindProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { RW_KEY, WEBHOOK_TOKEN } from '../helpers/gateway.js';
import { eventually } from '../helpers/wait.js';

const NUMBER = '61296301234';
const PROVISION = `mutation P($input: ProvisionNumbersInput!) { provisionNumbers(input: $input) {
  orders { id status providerRef serviceRef } userErrors { code message } } }`;

let sim: Simulator<AvanserConfig>;
let proxy: FaultProxy;
let env: Record<string, string>;
let gateway: ChildGateway | undefined;
let dataDir: string;

async function graphql(query: string, variables: unknown = {}): Promise<{ data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> }> {
  const res = await fetch(`${gateway!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${RW_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  return res.json() as Promise<any>;
}

async function avanser(path: string): Promise<Array<{ service_number: string; request_id?: string }>> {
  const { username, password, baseUrl } = sim.live;
  const res = await fetch(`${baseUrl}/v1/${path}`, { headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` } });
  return Object.values(((await res.json()) as { response: Record<string, { service_number: string }> }).response);
}

beforeAll(async () => {
  // The gateway binds a port of the kernel's choosing at each start; callbacks go to the one running.
  sim = await avanserModule.startSimulator({ log: silentLog, timeScale: 0.001, webhookUrl: (event) => `${gateway?.url}/webhooks/avanser/${event}?token=${WEBHOOK_TOKEN}` });
  const behind = await behindProxy(sim);
  proxy = behind.proxy;
  dataDir = mkdtempSync(join(tmpdir(), 'switchboard-kill-'));
  env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SWITCHBOARD_API_KEYS: `${RW_KEY}=read,write`,
    WEBHOOK_TOKEN,
    UPSTREAM_TIMEOUT_MS: '1000',
    AVANSER_USERNAME: behind.live.username,
    AVANSER_PASSWORD: behind.live.password,
    AVANSER_BASE_URL: behind.live.baseUrl,
  };
});

afterAll(async () => {
  await gateway?.kill();
  await proxy?.close();
  await sim?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('a key left in flight by a killed gateway is reconciled at restart, and a retry does not order again', async () => {
  gateway = await startChildGateway(env, 60_000);
  const input = { provider: 'AVANSER', idempotencyKey: 'kill-9-order', avanser: { numbers: [`+${NUMBER}`], name: 'killed midway', serviceType: 'VOICEMAIL' } };

  // AVANSER takes the request; its answer never comes back; the gateway is killed meanwhile.
  proxy.add({ method: 'POST', path: /\/v1\/requests$/, fault: { kind: 'hang' } });
  const lost = graphql(PROVISION, { input }).catch(() => undefined);
  await eventually(async () => proxy.requests.find((r) => r.method === 'POST' && r.forwarded) ?? undefined, 'AVANSER received the request', 15_000, 200);
  expect(await gateway.kill('SIGKILL')).toBeNull();
  await lost;
  proxy.clear();
  const [made] = (await avanser('requests')).filter((r) => r.service_number === NUMBER);
  expect(made).toBeDefined();

  gateway = await startChildGateway(env, 60_000);
  // Nobody asks: the gateway settles the key itself once the dead process's hold lapses.
  const order = await eventually(async () => {
    const r = await graphql('{ orders(filter: { provider: AVANSER }, first: 50) { edges { node { id providerRef serviceRef status } } } }');
    return r.data?.orders.edges.map((e: any) => e.node).find((o: any) => o.serviceRef === `+${NUMBER}`);
  }, 'the recovered order', 15_000, 200);
  expect(order).toMatchObject({ providerRef: made!.request_id });

  // The client's retry gets that order: the same one, not a second request.
  const retry = await graphql(PROVISION, { input });
  expect(retry.errors).toBeUndefined();
  expect(retry.data.provisionNumbers).toEqual({ orders: [{ id: order.id, status: expect.stringMatching(/PENDING|COMPLETED/), providerRef: made!.request_id, serviceRef: `+${NUMBER}` }], userErrors: [] });
  expect((await graphql(PROVISION, { input })).data).toEqual(retry.data);
  expect(proxy.requests.filter((r) => r.method === 'POST' && r.forwarded)).toHaveLength(1);
  expect((await avanser('services')).filter((s) => s.service_number === NUMBER)).toHaveLength(1);
}, 120_000);

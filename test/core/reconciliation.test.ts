/**
 * Reconciliation against the sandbox simulators on loopback: the first run (at start) brings in
 * what the providers held before the gateway; drift made at a provider behind the gateway's back
 * is corrected, published, counted and reported; a provider that cannot be read keeps its
 * records; one runner at a time over one store; orders past their window become STALE.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvanserSimulator } from '../../src/datasources/avanser/simulator.js';
import { ExotelClient } from '../../src/datasources/exotel/client.js';
import type { ExotelSimulator } from '../../src/datasources/exotel/simulator.js';
import { VoipInnovationsClient } from '../../src/datasources/voipinnovations/client.js';
import type { VoipInnovationsSimulator } from '../../src/datasources/voipinnovations/simulator.js';
import { Effects } from '../../src/gateway/effects.js';
import { Reconciliation } from '../../src/gateway/reconciliation.js';
import {
  DelaconProvisionDocument,
  ExotelAllocateDocument,
  ExotelAllocationDocument,
  LastReconciliationDocument,
  NumbersAtDocument,
  OnNumberUpdatedDocument,
  OnOrderUpdatedDocument,
  OrdersDocument,
  type LastReconciliationQuery,
} from '../generated/graphql.js';
import { startTestGateway, subscribe, type TestGateway } from '../helpers/gateway.js';

type Report = NonNullable<LastReconciliationQuery['reconciliation']>;
const silent = pino({ level: 'silent' });

let gw: TestGateway;
beforeAll(async () => {
  // The interval as in production: the first run starts with the gateway.
  gw = await startTestGateway({ RECONCILIATION_INTERVAL_SECONDS: '300', RECONCILIATION_LEASE_SECONDS: '2' });
});
afterAll(async () => {
  await gw?.close();
});

const numbersAt = async (provider: 'AVANSER' | 'VOIP_INNOVATIONS') => (await gw.request(NumbersAtDocument, { provider })).numbers.edges.map((e) => e.node);
const last = async () => (await gw.request(LastReconciliationDocument)).reconciliation;
const of = (report: Report, provider: string) => report.providers.find((p) => p.provider === provider)!;
/** A run now, on that gateway, read back through its `reconciliation` query. */
async function runOn(g: TestGateway): Promise<Report> {
  expect(await g.running.gateway.reconciliation.run()).not.toBeNull();
  return (await g.request(LastReconciliationDocument)).reconciliation!;
}
const runNow = () => runOn(gw);

describe('the first run', () => {
  it('brings in the numbers and services the providers held before the gateway (AVANSER seeded services, VoIP Innovations owned DIDs)', async () => {
    let report = await last();
    for (let i = 0; report === null && i < 100; i++) report = (await sleep(100), await last());
    expect(report).not.toBeNull();
    expect(of(report!, 'AVANSER')).toMatchObject({ numbers: 'LISTED', services: 'LISTED', allocations: 'NONE', error: null });
    expect(of(report!, 'AVANSER').changes).toEqual(
      expect.arrayContaining([
        { record: 'NUMBER', drift: 'ADDED', ref: '+61280740801', before: null, after: 'ACTIVE' },
        { record: 'NUMBER', drift: 'ADDED', ref: '+61399998888', before: null, after: 'ACTIVE' },
        { record: 'SERVICE', drift: 'ADDED', ref: '+61280740801', before: null, after: null },
      ]),
    );
    expect(of(report!, 'VOIP_INNOVATIONS').changes).toEqual(
      expect.arrayContaining([
        { record: 'NUMBER', drift: 'ADDED', ref: '+14352151001', before: null, after: 'ACTIVE' },
        { record: 'NUMBER', drift: 'ADDED', ref: '+18012241001', before: null, after: 'ACTIVE' },
      ]),
    );
    expect(of(report!, 'EXOTEL')).toMatchObject({ numbers: 'NONE', allocations: 'READ_EACH', changeCount: 0 });
    expect(of(report!, 'DELACON')).toMatchObject({ numbers: 'NONE', orderStaleAfterSeconds: 86_400 });
    // AVANSER lists its numbers only through the gateway's records: they are there now.
    expect((await numbersAt('AVANSER')).filter((n) => ['+61280740801', '+61399998888'].includes(n.e164)).map((n) => n.status)).toEqual(['ACTIVE', 'ACTIVE']);
    expect(await gw.metric('switchboard_reconciliation_runs_total', 'result="completed"')).toBeGreaterThanOrEqual(1);
  });

  it('a second run finds nothing to change', async () => {
    const report = await runNow();
    for (const p of report.providers) expect({ provider: p.provider, changes: p.changes, error: p.error }).toEqual({ provider: p.provider, changes: [], error: null });
    expect(of(report, 'AVANSER').checked).toBeGreaterThanOrEqual(4);
  });
});

describe('drift made at the provider behind the gateway', () => {
  it('an AVANSER service decommissioned elsewhere: its number RELEASED (published on numberUpdated), its service marked gone, counted', async () => {
    const sim = gw.running.registry.entry('AVANSER').simulator as AvanserSimulator;
    const before = await gw.metric('switchboard_reconciliation_changes_total', 'provider="AVANSER",record="NUMBER",drift="GONE"');
    const sub = subscribe(gw.ws(), OnNumberUpdatedDocument, { filter: { provider: 'AVANSER', e164: '+61399998888' } });
    await sub.ready;
    sim.removeService('+61399998888');
    const report = await runNow();
    expect((await sub.next()).numberUpdated).toMatchObject({ e164: '+61399998888', status: 'RELEASED' });
    sub.stop();
    expect(of(report, 'AVANSER').changes).toEqual([
      { record: 'NUMBER', drift: 'GONE', ref: '+61399998888', before: 'ACTIVE', after: 'RELEASED' },
      { record: 'SERVICE', drift: 'GONE', ref: '+61399998888', before: null, after: null },
    ]);
    expect((await numbersAt('AVANSER')).find((n) => n.e164 === '+61399998888')?.status).toBe('RELEASED');
    expect((await gw.running.store.services.all('AVANSER')).find((s) => s.providerRef === '+61399998888')?.removedAt).toBeDefined();
    expect(await gw.metric('switchboard_reconciliation_changes_total', 'provider="AVANSER",record="NUMBER",drift="GONE"')).toBe(before + 1);
    // Told once: the next run finds it as it left it.
    expect(of(await runNow(), 'AVANSER').changes).toEqual([]);
  });

  it('a VoIP Innovations DID released through its API by someone else: RELEASED in the store', async () => {
    const sim = gw.running.registry.entry('VOIP_INNOVATIONS').simulator as VoipInnovationsSimulator;
    const other = new VoipInnovationsClient(sim.live as never, { log: silent, timeoutMs: 2_000 });
    const released = await other.releaseDID([{ tn: '8012241001' }]);
    expect(released.responseCode).toBe('100');
    const report = await runNow();
    expect(of(report, 'VOIP_INNOVATIONS').changes).toEqual(
      expect.arrayContaining([{ record: 'NUMBER', drift: 'GONE', ref: '+18012241001', before: 'ACTIVE', after: 'RELEASED' }]),
    );
    expect((await gw.running.store.numbers.byE164(['+18012241001']))[0]).toMatchObject({ provider: 'VOIP_INNOVATIONS', status: 'RELEASED' });
  });

  it('an Exotel allocation vaulted through its API: DEALLOCATED in the store and the allocation query', async () => {
    const { allocateGreenVN } = await gw.request(ExotelAllocateDocument, { input: { aPartyNumbers: ['+919811099001'], bPartyNumbers: ['+919811099002'], usage: 'TWO_WAY' } });
    const allocation = allocateGreenVN.allocation!;
    const sim = gw.running.registry.entry('EXOTEL').simulator as ExotelSimulator;
    await new ExotelClient(sim.live, { log: silent, timeoutMs: 2_000 }).delete(allocation.providerRef);
    const report = await runNow();
    expect(of(report, 'EXOTEL').changes).toEqual([{ record: 'ALLOCATION', drift: 'GONE', ref: allocation.providerRef, before: 'ACTIVE', after: 'DEALLOCATED' }]);
    expect((await gw.request(ExotelAllocationDocument, { id: allocation.id })).allocation).toMatchObject({ state: 'DEALLOCATED' });
  });

  it('a provider that cannot be read: reported with its code, its records kept, the others reconciled', async () => {
    const sim = gw.running.registry.entry('VOIP_INNOVATIONS').simulator as VoipInnovationsSimulator;
    const errors = await gw.metric('switchboard_reconciliation_provider_errors_total', 'provider="VOIP_INNOVATIONS"');
    sim.failNext('fault', 5);
    const report = await runNow();
    expect(of(report, 'VOIP_INNOVATIONS')).toMatchObject({ changeCount: 0, changes: [], error: { code: expect.stringMatching(/^UPSTREAM_/) } });
    expect(of(report, 'VOIP_INNOVATIONS').error!.message).not.toMatch(/soap|asp\.net|\/src\//i);
    expect(of(report, 'AVANSER').error).toBeNull();
    expect((await gw.running.store.numbers.byE164(['+14352151001']))[0]?.status).toBe('ACTIVE');
    expect(await gw.metric('switchboard_reconciliation_provider_errors_total', 'provider="VOIP_INNOVATIONS"')).toBe(errors + 1);
  });
});

describe('one runner at a time', () => {
  /** Another gateway instance's job, on the same store and providers. */
  const runner = () => {
    const { registry, store, bus, gateway } = gw.running;
    return new Reconciliation(registry, store, new Effects(store, bus, silent), gateway.allocations, silent, { intervalSeconds: 300, leaseSeconds: 2 });
  };

  it('two runners started together: one runs, the other skips', async () => {
    const results = await Promise.all([gw.running.gateway.reconciliation.run(), runner().run(), runner().run()]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('on their own timers, instances run it once per interval between them', async () => {
    await gw.running.gateway.reconciliation.run();
    expect(await runner().run({ due: true })).toBeNull();
  });

  it('a runner that died holding the job lets go when its lease lapses', async () => {
    // A holder that took the job and never finished (its process killed).
    expect(await gw.running.store.jobs.take('reconciliation', 'a-dead-instance', 1)).toBe(true);
    expect(await runner().run()).toBeNull();
    await sleep(1_100);
    expect(await runner().run()).not.toBeNull();
  });
});

describe('orders past their provider’s window', () => {
  let stale: TestGateway;
  beforeAll(async () => {
    // Delacon's Post Provisioning Responses never reach this gateway (its public URL answers nothing).
    stale = await startTestGateway({ PUBLIC_URL: 'http://127.0.0.1:9', DELACON_ORDER_STALE_AFTER_SECONDS: '1' });
  });
  afterAll(async () => {
    await stale?.close();
  });

  it('a Delacon WAIT order whose Post Provisioning Response never came becomes STALE on orderUpdated; a late response still settles it', async () => {
    const sub = subscribe(stale.ws(), OnOrderUpdatedDocument, { filter: { provider: 'DELACON' } });
    await sub.ready;
    const delacon = { businessName: 'Stale Cafe', businessCategory: 'Cafe', email: 'desk@stalecafe.example', terminationNumber: '+61293001234', businessId: '0293001200', region: 'AUSTRALIA' as const, numberType: '02', count: 6, orderSummaryEmail: 'orders@stalecafe.example', acceptTerms: true };
    const { provisionNumbers } = await stale.request(DelaconProvisionDocument, { input: { provider: 'DELACON', delacon } });
    const order = provisionNumbers.orders[0]!;
    expect(order.status).toBe('PENDING');
    expect((await sub.next()).orderUpdated.status).toBe('PENDING');

    // Within the window: still waiting.
    expect(of(await runOn(stale), 'DELACON').changes).toEqual([]);
    await sleep(1_100);
    const report = await runOn(stale);
    expect(of(report, 'DELACON').changes).toEqual([{ record: 'ORDER', drift: 'STALE', ref: order.id, before: 'PENDING', after: 'STALE' }]);
    expect((await sub.next()).orderUpdated).toMatchObject({ id: order.id, status: 'STALE' });
    expect((await stale.request(OrdersDocument, { filter: { status: 'STALE' } })).orders.edges.map((e) => e.node.id)).toEqual([order.id]);

    // The response Delacon retried in vain, delivered at last.
    const late = await stale.webhook('delacon/orders', { OrderID: order.providerRef!, Result: 'OK', Message: `Order ${order.providerRef} is complete.` }, { form: true });
    expect(late.status).toBe(200);
    expect((await sub.next()).orderUpdated).toMatchObject({ id: order.id, status: 'COMPLETED' });
    sub.stop();
  });
});


const PG_URL = process.env.TEST_DATABASE_URL;

describe.runIf(PG_URL)('two gateway instances on one PostgreSQL', () => {
  const database = `reconcile_${randomUUID().replaceAll('-', '')}`;
  const admin = () => new pg.Client({ connectionString: PG_URL });
  const gateways: TestGateway[] = [];
  beforeAll(async () => {
    // A database of its own: the store suite resets the shared one's schema while it runs.
    const c = admin();
    await c.connect();
    await c.query(`CREATE DATABASE ${database}`);
    await c.end();
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${database}`);
    await c.end();
  });

  it('both start reconciliation at boot; one instance runs it', async () => {
    const url = new URL(PG_URL!);
    url.pathname = `/${database}`;
    const runs: string[] = [];
    const logOf = (name: string) => pino({ level: 'info' }, { write: (s: string) => void (/^reconciliation (completed|failed)$/.test(JSON.parse(s).msg) && runs.push(`${name}: ${JSON.parse(s).msg}`)) });
    const env = { DATABASE_URL: url.toString(), RECONCILIATION_INTERVAL_SECONDS: '300' };
    gateways.push(...(await Promise.all([startTestGateway(env, logOf('a')), startTestGateway(env, logOf('b'))])));
    let report = await gateways[0]!.request(LastReconciliationDocument);
    for (let i = 0; report.reconciliation === null && i < 100; i++) report = (await sleep(100), await gateways[0]!.request(LastReconciliationDocument));
    // Both have had their boot run by now (taken or refused); the other's answer is the same report.
    await sleep(500);
    // One run, and no second one started and cut short.
    expect(runs).toEqual([expect.stringMatching(/^[ab]: reconciliation completed$/)]);
    expect((await gateways[1]!.request(LastReconciliationDocument)).reconciliation).toEqual(report.reconciliation);
  });
});

/**
 * `kill -9` while reconciliation runs: the gateway as its own process on a persistent DATA_DIR,
 * VoIP Innovations LIVE against a simulator in this process behind a fault proxy that holds the
 * auditDIDs answer, so the run is in the middle of its work when the process dies. The job's
 * lease is the dead process's until it lapses; then the gateway started again on that DATA_DIR
 * (in this process: it is up within the lease) takes it and runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { voipInnovationsModule } from '../../src/datasources/voipinnovations/module.js';
import type { VoipInnovationsConfig } from '../../src/datasources/voipinnovations/module.js';
import type { Simulator } from '../../src/sandbox/simulator.js';
import { silentLog } from '../avanser/helpers.js';
import { startChildGateway, type ChildGateway } from '../helpers/child.js';
import { behindProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { LastReconciliationDocument } from '../generated/graphql.js';
import { RW_KEY, startTestGateway, WEBHOOK_TOKEN, type TestGateway } from '../helpers/gateway.js';
import { eventually } from '../helpers/wait.js';

/** Longer than a start on the data the killed process left (PGlite recovers it): several seconds on a busy machine. */
const LEASE_SECONDS = 20;

let sim: Simulator<VoipInnovationsConfig>;
let proxy: FaultProxy;
let env: Record<string, string>;
let gateway: ChildGateway | undefined;
let restarted: TestGateway | undefined;
let dataDir: string;

beforeAll(async () => {
  sim = await voipInnovationsModule.startSimulator({ log: silentLog, timeScale: 0.001, webhookUrl: () => 'http://127.0.0.1:9/unused' });
  const behind = await behindProxy(sim);
  proxy = behind.proxy;
  dataDir = mkdtempSync(join(tmpdir(), 'switchboard-kill-reconcile-'));
  env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SANDBOX: 'off',
    SWITCHBOARD_API_KEYS: `${RW_KEY}=read,write`,
    WEBHOOK_TOKEN,
    UPSTREAM_TIMEOUT_MS: '60000',
    RECONCILIATION_INTERVAL_SECONDS: '1',
    RECONCILIATION_LEASE_SECONDS: String(LEASE_SECONDS),
    VOIPINNOVATIONS_LOGIN: behind.live.login,
    VOIPINNOVATIONS_SECRET: behind.live.secret,
    VOIPINNOVATIONS_URL: behind.live.url,
  };
});

afterAll(async () => {
  await gateway?.kill();
  await restarted?.close();
  await proxy?.close();
  await sim?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('a run killed midway holds the job until its lease lapses; then the restarted gateway runs it', async () => {
  const auditDIDs = { headers: { soapaction: /auditDIDs/ } };
  proxy.add({ ...auditDIDs, fault: { kind: 'hang' } });
  gateway = await startChildGateway(env, 60_000);
  // The boot run took the job and waits for auditDIDs; the process dies there.
  await eventually(() => proxy.requests.find((r) => /auditDIDs/.test(String(r.headers.soapaction))), 'auditDIDs asked');
  const killedAt = Date.now();
  expect(await gateway.kill('SIGKILL')).toBeNull();
  expect(gateway.logs.some((l) => l.msg === 'reconciliation completed')).toBe(false);
  proxy.clear();

  const lines: Array<Record<string, unknown>> = [];
  restarted = await startTestGateway(env, pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) }));
  // Up while the dead run's lease runs: its boot run is refused.
  expect(Date.now() - killedAt).toBeLessThan((LEASE_SECONDS - 3) * 1000);
  await eventually(() => lines.find((l) => l.msg === 'reconciliation completed'), 'a completed run after the restart', (LEASE_SECONDS + 15) * 1000);
  // Not before the dead run's lease lapsed (taken just before auditDIDs was asked), then within a tick or two.
  const waited = Date.now() - killedAt;
  expect(waited).toBeGreaterThanOrEqual((LEASE_SECONDS - 2) * 1000);
  expect(waited).toBeLessThan((LEASE_SECONDS + 10) * 1000);
  // The dead run stored nothing; the restarted gateway's run did the work.
  const data = await restarted.request(LastReconciliationDocument);
  const voip = data.reconciliation!.providers.find((p) => p.provider === 'VOIP_INNOVATIONS')!;
  expect(voip.error).toBeNull();
  expect(voip.changes).toEqual(expect.arrayContaining([expect.objectContaining({ record: 'NUMBER', drift: 'ADDED', ref: '+14352151001' })]));
}, 120_000);

/**
 * The README's sandbox steps on a persistent store, twice: a simulated call of the second
 * start must be stored as a call of its own, not taken for a duplicate of the first start's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DelaconSimulator } from '../../src/datasources/delacon/simulator.js';
import { CallEventsDocument, SimulateIncomingCallDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-restart-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Simulate a call to each number and wait until each is stored; returns the providers' call ids. */
async function callEach(gw: TestGateway, numbers: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const to of numbers) {
    const { simulateIncomingCall } = await gw.request(SimulateIncomingCallDocument, { input: { to, from: '+61412345678', outcome: 'ANSWERED', durationSeconds: 5 } });
    ids.push(simulateIncomingCall.providerCallId!);
  }
  const deadline = Date.now() + 10_000;
  for (;;) {
    const stored = (await gw.request(CallEventsDocument, { first: 100 })).callEvents.edges.map((e) => e.node.providerCallId);
    if (ids.every((id) => stored.includes(id)) || Date.now() > deadline) return ids;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('simulated calls across restarts on one DATA_DIR', () => {
  it('stores the calls of both starts (Delacon and AVANSER sandboxes)', async () => {
    const runs: string[][] = [];
    for (let start = 0; start < 2; start++) {
      const gw = await startTestGateway({ DATA_DIR: dataDir });
      try {
        const delacon = gw.running.registry.entry('DELACON').simulator as DelaconSimulator;
        // A seeded tracking number of the Delacon sandbox, and the seeded AVANSER service.
        runs.push(await callEach(gw, [delacon.seed.numbers[0]!, '+61280740801']));
        if (start === 1) {
          const stored = (await gw.request(CallEventsDocument, { first: 100 })).callEvents.edges.map((e) => e.node.providerCallId);
          expect(new Set(runs.flat()).size).toBe(4);
          expect(stored.filter((id) => runs.flat().includes(id))).toHaveLength(4);
          const duplicates = await gw.running.db.query(`SELECT count(*)::int AS n FROM webhook_receipts WHERE status = 'duplicate'`);
          expect(duplicates).toEqual([{ n: 0 }]);
        }
      } finally {
        await gw.close();
      }
    }
    // The vendors' id shapes: Delacon and AVANSER call ids are numbers.
    for (const id of runs.flat()) expect(id).toMatch(/^\d+$/);
  });
});

/**
 * Test plumbing for AVANSER: vendor fixtures, loggers, the simulator with a port on it, and the
 * gateway's real webhook effects (Effects on an in-memory store) for the routes' apply.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pino, type Logger } from 'pino';
import type { AvanserConfig } from '../../src/datasources/avanser/module.js';
import { avanserModule } from '../../src/datasources/avanser/module.js';
import { startAvanserSimulator, type AvanserSimulator } from '../../src/datasources/avanser/simulator.js';
import type { ProviderDeps, ProviderAdapter } from '../../src/datasources/provider.js';
import { Effects } from '../../src/gateway/effects.js';
import type { OrderRecord } from '../../src/domain/model.js';
import { createBus } from '../../src/pubsub/bus.js';
import { openDb } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';

export const TIME_SCALE = 0.0005;

export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/avanser/${name}`, import.meta.url), 'utf8')) as T;
}

/** A real pino logger whose lines are kept for assertions. */
export function capturingLog(): { log: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  return { log: pino({ level: 'warn' }, { write: (s: string) => void lines.push(JSON.parse(s)) }), lines };
}

export const silentLog = pino({ level: 'silent' });

/** Webhook URLs nobody listens on (port 9): for tests where the simulator's callbacks do not matter. */
export const nowhere = (event: string) => `http://127.0.0.1:9/webhooks/avanser/${event}?token=unused-token-0123456789`;

export interface Harness {
  sim: AvanserSimulator;
  port: ProviderAdapter;
  deps: ProviderDeps;
  close(): Promise<void>;
}

/** The simulator and a port on it (webhooks: see e2e.test.ts, through the real gateway). */
export async function harness(live?: Partial<AvanserConfig>): Promise<Harness> {
  const deps: ProviderDeps = { log: silentLog, timeoutMs: 2_000, webhookUrl: nowhere };
  const sim = await startAvanserSimulator({ log: silentLog, timeScale: TIME_SCALE, webhookUrl: nowhere });
  return { sim, port: avanserModule.create({ ...sim.live, ...live }, deps), deps, close: () => sim.close() };
}

/** What the webhook routes apply to: the gateway's Effects on an in-memory store, warnings kept. */
export async function domainEffects() {
  const { log, lines } = capturingLog();
  const db = await openDb({ dataDir: 'memory' });
  const bus = await createBus();
  const store = new Store(db);
  return {
    events: new Effects(store, bus, log),
    store,
    lines,
    close: async () => {
      await bus.close();
      await db.close();
    },
  };
}

/** A PENDING AVANSER order as the gateway records it after an acknowledgement. */
export function pendingOrder(providerRef: string, serviceRef: string, kind: OrderRecord['kind'] = 'PROVISION'): OrderRecord {
  const at = new Date().toISOString();
  return { id: randomUUID(), provider: 'AVANSER', kind, status: 'PENDING', providerRef, serviceRef, numbers: [serviceRef], history: [{ at, status: 'PENDING' }], createdAt: at, updatedAt: at };
}

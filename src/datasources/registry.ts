/**
 * Which providers are configured (LIVE), sandboxed (simulator on loopback) or OFF, and the
 * one door to their adapters: an operation a provider cannot do is refused here with
 * UNSUPPORTED_BY_PROVIDER, an OFF provider with PROVIDER_NOT_CONFIGURED.
 */
import type { Logger } from 'pino';
import type { Config, ProviderMode, ProviderSettings } from '../config.js';
import type { E164, ProviderName } from '../domain/model.js';
import { BusinessError, ErrorCode, GatewayError } from '../errors.js';
import type { Simulator, SimulatorDeps } from '../sandbox/simulator.js';
import type { WebhookRoute } from '../webhooks/route.js';
import type { AdapterOperation, ProviderDeps, ProviderModule, ProviderAdapter } from './provider.js';
import { PROVIDER_MODULES } from './providers.js';

/** An infrastructure failure within this window marks a provider unhealthy until a call succeeds. */
const HEALTH_WINDOW_MS = 30_000;

export interface ProviderEntry {
  name: ProviderName;
  module: ProviderModule<any, any>;
  mode: ProviderMode;
  /** Its slice of the configuration. */
  settings: ProviderSettings;
  adapter?: ProviderAdapter;
  /** What its adapter implements: fixed once the adapter is made. */
  operations: AdapterOperation[];
  simulator?: Simulator<unknown>;
  webhooks: WebhookRoute<any, any>[];
  /** The events of its webhook routes. */
  webhookEvents: string[];
  lastFailureAt?: number;
  lastSuccessAt?: number;
}

export interface ProviderStatus {
  provider: ProviderName;
  mode: ProviderMode;
  configured: boolean;
  sandbox: boolean;
  healthy: boolean;
  /** What it supports, as the caller of `status` names it. */
  operations: string[];
  webhookEvents: string[];
}

export class Registry {
  private constructor(private readonly entries: Map<ProviderName, ProviderEntry>) {}

  /** `publicUrl` is read when a URL is built: with PORT=0 it is known only once the server listens. */
  static async start(config: Config, log: Logger, publicUrl: () => string): Promise<Registry> {
    const entries = new Map<ProviderName, ProviderEntry>();
    for (const module of PROVIDER_MODULES) {
      const { name, slug } = module;
      const settings = config.providers[name];
      const deps: ProviderDeps = {
        log: log.child({ provider: name }),
        timeoutMs: config.upstreamTimeoutMs,
        webhookUrl: (event) => `${publicUrl()}/webhooks/${slug}/${event}?token=${encodeURIComponent(config.webhookToken)}`,
      };
      const webhooks = module.webhooks(settings);
      const entry: ProviderEntry = { name, module, mode: settings.mode, settings, webhooks, webhookEvents: webhooks.map((w) => w.event), operations: [] };
      if (settings.mode === 'LIVE') {
        entry.adapter = module.create(settings.live, deps);
      } else if (settings.mode === 'SANDBOX') {
        const simDeps: SimulatorDeps = { log: deps.log.child({ sandbox: true }), timeScale: config.sandboxTimeScale, webhookUrl: deps.webhookUrl };
        entry.simulator = await module.startSimulator(simDeps);
        entry.adapter = module.create(entry.simulator.live, deps);
        deps.log.info({ url: entry.simulator.baseUrl }, 'sandbox simulator started');
      }
      const { adapter } = entry;
      if (adapter) entry.operations = (Object.keys(OPERATION_NAMES) as AdapterOperation[]).filter((op) => typeof adapter[op] === 'function');
      entries.set(name, entry);
    }
    return new Registry(entries);
  }

  entry(name: ProviderName): ProviderEntry {
    return this.entries.get(name)!;
  }

  all(): ProviderEntry[] {
    return [...this.entries.values()];
  }

  /** The providers whose stock in `country` can be searched (their module's `stockCountries`), in module order. */
  sellers(country: string | undefined): ProviderEntry[] {
    return this.all().filter((e) => e.adapter?.searchNumbers && e.module.stockCountries?.includes(country ?? ''));
  }

  /** The countries whose stock some provider can search, for messages: "AU, US". */
  stockCountries(): string {
    return [...new Set(this.all().flatMap((e) => (e.adapter?.searchNumbers ? (e.module.stockCountries ?? []) : [])))].sort().join(', ') || 'none';
  }

  /**
   * Each provider's mode and health, and what it supports as `operationsOf` names it (the API
   * names its fields): built in one object each, as every `providers` query reads them.
   */
  status(operationsOf: (e: ProviderEntry) => string[]): ProviderStatus[] {
    const now = Date.now();
    const statuses: ProviderStatus[] = [];
    for (const e of this.entries.values()) {
      statuses.push({
        provider: e.name,
        mode: e.mode,
        configured: e.mode === 'LIVE',
        sandbox: e.mode === 'SANDBOX',
        healthy:
          e.mode !== 'OFF' &&
          !(e.lastFailureAt !== undefined && now - e.lastFailureAt < HEALTH_WINDOW_MS && (e.lastSuccessAt ?? 0) < e.lastFailureAt),
        operations: operationsOf(e),
        webhookEvents: e.webhookEvents,
      });
    }
    return statuses;
  }

  /** Does the provider implement the operation (without calling it)? */
  supports(name: ProviderName, op: AdapterOperation): boolean {
    return typeof this.entry(name).adapter?.[op] === 'function';
  }

  /** The adapter, when the provider is on and can do `op`; else the refusal `call` gives, without calling. */
  require(name: ProviderName, op: AdapterOperation): ProviderAdapter {
    const { adapter } = this.entry(name);
    if (!adapter) throw new GatewayError(ErrorCode.PROVIDER_NOT_CONFIGURED, `${name} is not configured (no credentials and SANDBOX=off)`, { provider: name });
    if (typeof adapter[op] !== 'function') throw new BusinessError(ErrorCode.UNSUPPORTED_BY_PROVIDER, `${name} does not support ${OPERATION_NAMES[op]}`, ['provider']);
    return adapter;
  }

  /**
   * Call an adapter operation. Refuses unsupported operations with a BusinessError (mutations
   * turn it into a userError, queries into a GraphQL error) and tracks provider health.
   */
  async call<K extends AdapterOperation>(name: ProviderName, op: K, ...args: Parameters<NonNullable<ProviderAdapter[K]>>): Promise<Awaited<ReturnType<NonNullable<ProviderAdapter[K]>>>> {
    const adapter = this.require(name, op);
    const entry = this.entry(name);
    try {
      const result = await (adapter[op] as (...a: unknown[]) => Promise<unknown>).apply(adapter, args);
      entry.lastSuccessAt = Date.now();
      return result as Awaited<ReturnType<NonNullable<ProviderAdapter[K]>>>;
    } catch (err) {
      if (err instanceof GatewayError && [ErrorCode.UPSTREAM_UNAVAILABLE, ErrorCode.UPSTREAM_TIMEOUT, ErrorCode.UPSTREAM_AUTH_FAILED].includes(err.code)) {
        entry.lastFailureAt = Date.now();
      }
      throw err;
    }
  }

  /** The sandbox simulator that owns a number, for `simulateIncomingCall`. */
  simulatorFor(e164: E164): ProviderEntry | undefined {
    return this.all().find((e) => e.simulator?.owns(e164));
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((e) => e.simulator?.close()));
  }
}

/** Human words for each operation, used in UNSUPPORTED_BY_PROVIDER messages. */
const OPERATION_NAMES: Record<AdapterOperation, string> = {
  searchNumbers: 'searching available numbers',
  countNumbers: 'counting available numbers',
  numberTypes: 'listing number types',
  ownedNumbers: 'listing owned numbers',
  getNumber: 'looking up a number',
  reserveNumbers: 'reserving numbers',
  releaseNumbers: 'releasing numbers',
  checkPortability: 'checking portability',
  portDetails: 'port details',
  provision: 'provisioning numbers',
  orderStatus: 'order status',
  updateService: 'updating services',
  listServices: 'listing services',
  getService: 'looking up a service',
  inventory: 'listing what the account holds',
  account: 'account-wide features',
  allocate: 'GreenVN allocations',
  getAllocation: 'GreenVN allocations',
  updateParties: 'GreenVN allocations',
  reassign: 'GreenVN allocations',
  deallocate: 'GreenVN allocations',
  recover: 'looking up a call whose answer was lost',
};

/**
 * The provider adapter: the narrow set of operations the schema needs. Each provider in
 * `src/datasources/<provider>/` implements the subset it can do; the registry answers
 * UNSUPPORTED_BY_PROVIDER for the rest. Methods return domain records, throw
 * BusinessError for business outcomes and GatewayError for infrastructure failures.
 */
import type { Logger } from 'pino';
import type { ClassType } from 'type-graphql';
import type { ConfigEnv, ProviderSettings } from '../config.js';
import type {
  AllocationRecord,
  E164,
  NumberCountRecord,
  NumberOutcome,
  NumberTypeRecord,
  OrderStatus,
  PhoneNumberRecord,
  PortabilityRecord,
  PortDetailsRecord,
  ProviderName,
  ServiceRecord,
} from '../domain/model.js';
import type { Simulator, SimulatorDeps } from '../sandbox/simulator.js';
import type { NumberCountGrouping } from '../types/enums.js';
import type { NumberSearchInput } from '../types/inputs.js';
import type { WebhookRoute } from '../webhooks/route.js';

export type { NumberCountGrouping };

// ---- Inputs ----
// Common fields are the core's (src/types/inputs.ts); a provider's own block is its GraphQL
// input class (`<provider>/inputs.ts`), which its adapter names in its own signatures.

export type NumberSearchFilter = NumberSearchInput;

export interface ProvisionRequest {
  provider: ProviderName;
  /**
   * Set by the gateway under an idempotency key: an id of this attempt that the provider
   * echoes back (AVANSER: in the callback URI its services keep), so that an attempt whose
   * answer was lost can be found.
   */
  attemptId?: string;
  /** The provider's block, under its module's `inputs.block` (`delacon`, `avanser` …). */
  [block: string]: unknown;
}

export interface ServiceUpdateRequest {
  provider: ProviderName;
  /** Delacon company id, AVANSER service number (E.164), VoIP Innovations DID (E.164). */
  serviceRef: string;
  /** The provider's block, under its module's `inputs.block`. */
  [block: string]: unknown;
}

/** What the core reads of an allocation request; the rest is the provider's own input. */
export interface AllocateRequest {
  connectionId: string;
}

// ---- Outcomes ----

/** An order as the provider left it; the gateway gives it an id and keeps its history. */
export interface OrderDraft {
  status: OrderStatus;
  providerRef?: string;
  serviceRef?: string;
  numbers: E164[];
  message?: string;
  providerStatus?: string;
  /** Where its numbers are, when they come later in national format (Delacon WAIT). */
  country?: string;
}

export interface ProvisionOutcome {
  /** One per provider transaction (AVANSER: one request per number). */
  orders: OrderDraft[];
  /** Per-number outcome where the provider reports one (VoIP Innovations). */
  numbers: NumberOutcome[];
  /** Services created or touched (Delacon company, AVANSER service, VI DID config). */
  services: ServiceRecord[];
  /** Numbers now owned, for the gateway's records. */
  owned: PhoneNumberRecord[];
}

/** One upstream step of a service update and what became of it. */
export interface UpdatePart {
  /** Which settings this part carried, by their GraphQL field names. */
  fields: string[];
  applied: boolean;
  /** True while the provider has acknowledged but not yet confirmed it. */
  pending: boolean;
  message?: string;
  code?: import('../errors.js').ErrorCode;
}

export interface ServiceUpdateOutcome {
  service?: ServiceRecord;
  parts: UpdatePart[];
  /** Set when the update is asynchronous (AVANSER) and confirmed later. */
  order?: OrderDraft;
}

/** What a provider lists of what the account holds. */
export interface Inventory {
  numbers: PhoneNumberRecord[];
  services: ServiceRecord[];
}

// ---- Lost answers ----

/** Provider calls that change something and can be looked up after their answer was lost. */
export type Recoverable = 'provision' | 'allocate' | 'reserveNumbers';

type AdapterArgs<K extends Recoverable> = Parameters<NonNullable<ProviderAdapter[K]>>;
export type AdapterResult<K extends Recoverable> = Awaited<ReturnType<NonNullable<ProviderAdapter[K]>>>;

/** A call whose answer was lost (timeout, reset, 5xx, unreadable, or the process died), as it was sent. */
export type Attempt = {
  [K in Recoverable]: {
    operation: K;
    args: AdapterArgs<K>;
    /** When it was sent. */
    startedAt: string;
    /** No request of it can still be on its way: the provider's silence about it now means it was not done. */
    settled: boolean;
  };
}[Recoverable];

/**
 * What the provider shows of a lost attempt: `done` with the result the call would have
 * returned; `resend` when sending it again does nothing twice (no trace of it, or only traces
 * a repeat leaves alone); `unknown` when the provider cannot tell (yet).
 */
export type Recovery = { state: 'done'; result: AdapterResult<Recoverable> } | { state: 'resend' } | { state: 'unknown' };

// ---- The adapter ----

export interface ProviderAdapter {
  readonly name: ProviderName;

  searchNumbers?(filter: NumberSearchFilter, limit: number): Promise<PhoneNumberRecord[]>;
  countNumbers?(filter: NumberSearchFilter, groupBy: NumberCountGrouping): Promise<NumberCountRecord[]>;
  /** The number types of a region, in the provider's own region names (Delacon's DelaconRegion). */
  numberTypes?(region: string): Promise<NumberTypeRecord[]>;
  ownedNumbers?(): Promise<PhoneNumberRecord[]>;
  getNumber?(e164: E164): Promise<PhoneNumberRecord | null>;
  reserveNumbers?(e164s: E164[]): Promise<NumberOutcome[]>;
  releaseNumbers?(e164s: E164[]): Promise<NumberOutcome[]>;
  /** Batched by a DataLoader: one result per input, in order. */
  checkPortability?(e164s: readonly E164[]): Promise<PortabilityRecord[]>;
  portDetails?(portId: number): Promise<PortDetailsRecord | null>;

  provision?(request: ProvisionRequest): Promise<ProvisionOutcome>;
  /** Poll an asynchronous order (AVANSER request status) when its callback is late. */
  orderStatus?(providerRef: string): Promise<OrderDraft | null>;
  updateService?(request: ServiceUpdateRequest): Promise<ServiceUpdateOutcome>;
  listServices?(): Promise<ServiceRecord[]>;
  /**
   * Everything the provider lists of what the account holds, in one read: its numbers and
   * services (reconciliation compares the store with it). Absent when it can list neither.
   */
  inventory?(): Promise<Inventory>;
  getService?(serviceRef: string): Promise<ServiceRecord | null>;

  allocate?(request: AllocateRequest): Promise<AllocationRecord>;
  getAllocation?(providerRef: string): Promise<AllocationRecord | null>;
  /** `request`: the provider's own input (Exotel's UpdatePartiesRequest), as for `reassign`. */
  updateParties?(providerRef: string, request: object): Promise<AllocationRecord>;
  reassign?(providerRef: string, request: object): Promise<AllocationRecord>;
  deallocate?(providerRef: string): Promise<AllocationRecord>;

  /** Find out what an attempt whose answer was lost did (only reads; never sends it again). */
  recover?(attempt: Attempt): Promise<Recovery>;
}

export type AdapterOperation = Exclude<keyof ProviderAdapter, 'name'>;

/** What every adapter gets from the gateway. */
export interface ProviderDeps {
  log: Logger;
  timeoutMs: number;
  /** Our public webhook URL for `/webhooks/<slug>/<event>`, token included. */
  webhookUrl(event: string): string;
}

/**
 * One provider folder as the core sees it (`<provider>/module.ts`, listed in `providers.ts`):
 * its name, its slice of the configuration, and factories for the rest.
 */
export interface ProviderModule<Live = any, Settings extends ProviderSettings<Live> = ProviderSettings<Live>> {
  readonly name: ProviderName;
  /** Its webhooks' path segment: `/webhooks/<slug>/<event>`. */
  readonly slug: string;
  /** Its slice of the configuration, read by config.ts's loadConfig through `env`. */
  settings(env: ConfigEnv): Settings;
  /** The adapter over the real wire format, given credentials and base URL. */
  create(live: Live, deps: ProviderDeps): ProviderAdapter;
  /** Its webhook routes (an empty list when it sends none). */
  webhooks(settings: Settings): WebhookRoute<any, any>[];
  /** A loopback simulator and the settings that point a client at it. */
  startSimulator(deps: SimulatorDeps): Promise<Simulator<Live>>;
  /** Its blocks in the core inputs: `ProvisionNumbersInput.<block>`, `UpdateServiceInput.<block>`. */
  inputs: ProviderInputs;
  /** The countries (ISO 3166 alpha-2) whose stock it sells: searched when a stock search names no provider. */
  readonly stockCountries?: readonly string[];
  /**
   * Provisioning with `provider: AUTO` (a seller in the country only): the gateway picks the
   * numbers from its stock and sets them as the block's `numbers`. These block fields choose
   * numbers too, so a client's value there conflicts (`country` only when it differs).
   */
  readonly autoFields?: readonly string[];
}

export interface ProviderInputs {
  /** The field name of its blocks (refused parts of an update are reported under it too). */
  block: string;
  provision?: ClassType;
  serviceUpdate?: ClassType;
}

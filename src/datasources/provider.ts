/**
 * The provider adapter: the narrow set of operations the schema needs. Each provider in
 * `src/datasources/<provider>/` implements the subset it can do; the registry answers
 * UNSUPPORTED_BY_PROVIDER for the rest. Methods return domain records, throw
 * BusinessError for business outcomes and GatewayError for infrastructure failures.
 */
import type { Logger } from 'pino';
import type {
  AllocationRecord,
  AllocationUsage,
  E164,
  NumberCountRecord,
  NumberKind,
  NumberOutcome,
  NumberTypeRecord,
  OrderStatus,
  PhoneNumberRecord,
  PortabilityRecord,
  PortDetailsRecord,
  ProviderName,
  ServiceRecord,
} from '../domain/model.js';
import type { WebhookRoute } from '../webhooks/route.js';
import type { Simulator, SimulatorDeps } from '../sandbox/simulator.js';

// ---- Inputs (GraphQL input classes in src/types implement these) ----

export interface NumberSearchFilter {
  country?: string;
  /** US state (VoIP Innovations, `TF` for toll-free) or AU state. */
  state?: string;
  /** AVANSER Standard Zone Unit name, e.g. `sydney`. */
  szu?: string;
  /** AVANSER location words, e.g. `Parramatta`. */
  location?: string;
  latitude?: number;
  longitude?: number;
  /** Leading digits of the national number (AVANSER) — for NANP use npa/nxx. */
  prefix?: string;
  kind?: NumberKind;
  lata?: string;
  rateCenter?: string;
  npa?: string;
  nxx?: string;
  tier?: string;
  t38?: boolean;
  cnam?: boolean;
  sms?: boolean;
}

export type NumberCountGrouping = 'STATE' | 'RATE_CENTER' | 'LATA' | 'TIER';

export type DelaconRegion =
  | 'AUSTRALIA'
  | 'CHINA'
  | 'HONG_KONG'
  | 'JAPAN'
  | 'NEW_ZEALAND'
  | 'SINGAPORE'
  | 'UNITED_KINGDOM'
  | 'UNITED_STATES';

export type DelaconFeature = 'CALL_RECORDING' | 'CALL_FEEDBACK_SURVEY';

export interface DelaconProvisionInput {
  /** Order more numbers for an existing company; the new-customer fields are then ignored. */
  companyId?: string;
  businessName?: string;
  businessCategory?: string;
  email?: string;
  terminationNumber?: E164;
  businessId?: string;
  features?: DelaconFeature[];
  region?: DelaconRegion;
  numberType?: string;
  /** 1..10 */
  count: number;
  orderSummaryEmail?: string;
  acceptTerms?: boolean;
}

export type AvanserSearchType = 'NUMBER' | 'SZU' | 'LOCATION' | 'COORDINATES' | 'PREFIX' | 'NUMBER_TYPE';
export type AvanserServiceType = 'TRANSFER' | 'VOICEMAIL' | 'PROMPT';

export interface AvanserNumberSearch {
  type: AvanserSearchType;
  number?: E164;
  szu?: string;
  location?: string;
  latitude?: number;
  longitude?: number;
  prefix?: string;
  kind?: NumberKind;
}

export interface AvanserNotifications {
  emails?: string[];
  smsNumbers?: E164[];
}

export interface AvanserProvisionInput {
  country?: string;
  /** Specific numbers, one service request each … */
  numbers?: E164[];
  /** … or a search, repeated `count` times. */
  search?: AvanserNumberSearch;
  count?: number;
  name: string;
  customId?: string;
  customGroup?: string;
  serviceType: AvanserServiceType;
  answerPoint?: E164;
  answerPointName?: string;
  recordCalls?: boolean;
  missedCallNotifications?: AvanserNotifications;
}

export interface VoipInnovationsProvisionInput {
  numbers: E164[];
  endpointGroup: number;
  cnam?: boolean;
  refId?: string;
}

export interface ProvisionRequest {
  provider: ProviderName;
  /**
   * Set by the gateway under an idempotency key: an id of this attempt that the provider
   * echoes back (AVANSER: in the callback URI its services keep), so that an attempt whose
   * answer was lost can be found.
   */
  attemptId?: string;
  delacon?: DelaconProvisionInput;
  avanser?: AvanserProvisionInput;
  voipInnovations?: VoipInnovationsProvisionInput;
}

export type DelaconTransferType = 'EMAIL_ONLY' | 'TRANSFER_ONLY' | 'TRANSFER_AND_EMAIL';
export type DelaconCallTracking = 'GOOGLE_PAID' | 'ALL_PAID_ONLY' | 'ALL' | 'SELECTED' | 'ALL_UTM_MEDIUM_CPC';

export interface DelaconServiceUpdate {
  businessName?: string;
  businessCategory?: string;
  email?: string;
  oneThreeHundredNumber?: string;
  terminationNumber?: E164;
  businessId?: string;
  whisper?: boolean;
  dnis?: boolean;
  transferType?: DelaconTransferType;
  voicemail?: boolean;
  /** Seconds, at most 3 digits. */
  transferTimeSeconds?: number;
  musicOnHold?: boolean;
  smsMessage?: string;
  callTracking?: DelaconCallTracking;
  // Billing flags: each travels alone upstream.
  callRecording?: boolean;
  callFeedbackSurvey?: boolean;
  ivr?: boolean;
}

export interface AvanserServiceUpdate {
  name?: string;
  customId?: string;
  customGroup?: string;
  answerPoint?: E164;
  answerPointName?: string;
  recordCalls?: boolean;
  missedCallNotifications?: AvanserNotifications;
}

export interface VoipInnovationsServiceUpdate {
  endpointGroup?: number;
  cnam?: boolean;
  refId?: string;
}

export interface ServiceUpdateRequest {
  provider: ProviderName;
  /** Delacon company id, AVANSER service number (E.164), VoIP Innovations DID (E.164). */
  serviceRef: string;
  delacon?: DelaconServiceUpdate;
  avanser?: AvanserServiceUpdate;
  voipInnovations?: VoipInnovationsServiceUpdate;
}

export interface GreenVNPreferences {
  greenVN?: E164;
  /** Exotel region code: DL MU MH WB AP TN GJ KA KL RJ MP. */
  region?: string;
  pinCode?: string;
  type?: 'MOBILE' | 'LANDLINE';
}

export interface AllocateRequest {
  connectionId: string;
  aPartyNumbers: E164[];
  bPartyNumbers: E164[];
  aPartyPins?: number[];
  bPartyPins?: number[];
  usage: AllocationUsage;
  strict?: boolean;
  preferences?: GreenVNPreferences;
  /** Deallocate automatically after this many seconds. */
  deallocateAfterSeconds?: number;
  flowId?: string;
}

export interface UpdatePartiesRequest {
  aPartyNumbers?: E164[];
  bPartyNumbers?: E164[];
  aPartyPins?: number[];
  bPartyPins?: number[];
  usage?: AllocationUsage;
}

export interface ReassignRequest {
  strict?: boolean;
  preferences?: GreenVNPreferences;
}

// ---- Outcomes ----

/** An order as the provider left it; the gateway gives it an id and keeps its history. */
export interface OrderDraft {
  status: OrderStatus;
  providerRef?: string;
  serviceRef?: string;
  numbers: E164[];
  message?: string;
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
  numberTypes?(region: DelaconRegion): Promise<NumberTypeRecord[]>;
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
  getService?(serviceRef: string): Promise<ServiceRecord | null>;

  allocate?(request: AllocateRequest): Promise<AllocationRecord>;
  getAllocation?(providerRef: string): Promise<AllocationRecord | null>;
  updateParties?(providerRef: string, request: UpdatePartiesRequest): Promise<AllocationRecord>;
  reassign?(providerRef: string, request: ReassignRequest): Promise<AllocationRecord>;
  deallocate?(providerRef: string): Promise<AllocationRecord>;

  /** Find out what an attempt whose answer was lost did (only reads; never sends it again). */
  recover?(attempt: Attempt): Promise<Recovery>;
}

export type AdapterOperation = Exclude<keyof ProviderAdapter, 'name'>;

/** What every provider factory gets from the gateway. */
export interface ProviderDeps {
  log: Logger;
  timeoutMs: number;
  /** Our public webhook URL for `/webhooks/<provider>/<event>`, token included. */
  webhookUrl(event: string): string;
  /** Account timezone for providers that send zone-less timestamps (Exotel). */
  exotelTimezone: string;
}

/** One provider folder's exports, gathered by the registry. */
export interface ProviderModule<Live> {
  name: ProviderName;
  /** The adapter over the real wire format, given credentials and base URL. */
  create(live: Live, deps: ProviderDeps): ProviderAdapter;
  /** The provider's webhook routes (an empty list when it sends none). */
  webhooks(deps: ProviderDeps): WebhookRoute<any, any>[];
  /** A loopback simulator and the settings that point a client at it. */
  startSimulator(deps: SimulatorDeps): Promise<Simulator<Live>>;
}

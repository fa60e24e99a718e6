/**
 * The unified domain as plain, JSON-safe records (timestamps are ISO-8601 strings), so the
 * same values travel through the store, the pub/sub bus (Redis included) and GraphQL.
 * GraphQL object types in `src/types` expose these records; providers produce them.
 */

export const PROVIDERS = ['DELACON', 'AVANSER', 'EXOTEL', 'VOIP_INNOVATIONS'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** ISO-8601 timestamp with offset, e.g. `2019-05-02T00:12:17.003Z`. */
export type IsoDateTime = string;
/** E.164 number, e.g. `+61280740802`. */
export type E164 = string;

/** One meaning per value across providers (src/types/enums.ts describes each). */
export type NumberKind = 'GEOGRAPHIC' | 'LOCAL_RATE' | 'TOLL_FREE' | 'MOBILE';
/** UNAVAILABLE: held by another account of the provider (VoIP Innovations queryDID). */
export type NumberStatus = 'AVAILABLE' | 'RESERVED' | 'PENDING' | 'ACTIVE' | 'RELEASED' | 'UNAVAILABLE';
/** OUTBOUND_CNAM: the number can send a caller name (stock); CNAM_LOOKUP: inbound caller-name lookup is on (an owned number). */
export type NumberCapability = 'VOICE' | 'SMS' | 'T38' | 'OUTBOUND_CNAM' | 'CNAM_LOOKUP';
export type StockPool = 'PRIVATE' | 'PUBLIC';

export interface PhoneNumberRecord {
  provider: ProviderName;
  e164: E164;
  kind?: NumberKind;
  status: NumberStatus;
  /** Provider's region words: `NSW: Sydney`, `UT`, `KA`, `Australia`. */
  region?: string;
  capabilities: NumberCapability[];
  pool?: StockPool;
  rateCenter?: string;
  lata?: string;
  tier?: string;
  /** When a reservation lapses (VoIP Innovations holds for 30 minutes). */
  reservedUntil?: IsoDateTime;
  /** Provider reference of the service the number belongs to. */
  serviceRef?: string;
  /** Our order that provisioned the number, when it went through the gateway. */
  orderId?: string;
  /** Provider-specific facts worth showing verbatim (status text, endpoint group, CNAM name …). */
  details?: Record<string, string>;
}

export interface NumberCountRecord {
  count: number;
  state?: string;
  rateCenter?: string;
  lata?: string;
  tier?: string;
}

export interface NumberTypeRecord {
  key: string;
  description: string;
  /** The region the provider answered for, in its words (Delacon `Region`: `ja-jp`). */
  region?: string;
}

export interface PortabilityRecord {
  e164: E164;
  portable: boolean;
  message?: string;
}

export interface PortDetailsRecord {
  portId: number;
  status: string;
  endUser?: string;
  billingNumber?: E164;
  portingFrom?: string;
  submittedAt?: IsoDateTime;
  focAt?: IsoDateTime;
  requestedFocAt?: IsoDateTime;
  numbers: E164[];
  salesRep?: string;
  defaultEndpointGroup?: number;
  numberDetails: PortNumberRecord[];
}

/** One number of a port order, as the provider describes it. */
export interface PortNumberRecord {
  e164: E164;
  tier?: string;
  rateCenter?: string;
  state?: string;
  lata?: string;
  endpointGroup?: number;
  /** Inbound caller-name lookup asked for on the ported number. */
  cnamLookup?: boolean;
  /** E911 service asked for on the ported number. */
  e911?: boolean;
}

export type OrderStatus = 'PENDING' | 'COMPLETED' | 'FAILED' | 'STALE';

export interface OrderHistoryEntry {
  at: IsoDateTime;
  status: OrderStatus;
  message?: string;
}

export interface OrderRecord {
  id: string;
  provider: ProviderName;
  status: OrderStatus;
  /** Provider's own reference: Delacon OrderId, AVANSER request_id. */
  providerRef?: string;
  /** Provider reference of the service (Delacon CID, AVANSER service number, VI DID). */
  serviceRef?: string;
  numbers: E164[];
  message?: string;
  /** The provider's own word for where the order stands, as last seen (AVANSER `status`, Delacon `RESULT`/`Result`). */
  providerStatus?: string;
  /** The provider account the order was placed on, when the provider says (AVANSER confirmation `account_id`). */
  accountId?: string;
  /** Where its numbers are (ISO country), when the provider writes them in national format later (Delacon WAIT). */
  country?: string;
  /** What the order was for: PROVISION or SERVICE_UPDATE. */
  kind: 'PROVISION' | 'SERVICE_UPDATE';
  history: OrderHistoryEntry[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface ServiceRecord {
  provider: ProviderName;
  /** Provider key: Delacon CID, AVANSER service number (E.164), VI DID (E.164). */
  providerRef: string;
  name?: string;
  numbers: E164[];
  /** Where calls go (answer point / termination number / endpoint group). */
  destination?: string;
  destinationName?: string;
  recording?: boolean;
  /** Readable settings, e.g. `{ transferType: 'TRANSFER_AND_EMAIL', whisper: 'true' }`. */
  settings: Record<string, string>;
  customId?: string;
  customGroup?: string;
  /** The provider's region of the service (Delacon: `JAPAN`) and its ISO country, where the provider sells in several. */
  region?: string;
  country?: string;
  updatedAt: IsoDateTime;
  /** When the provider no longer listed it (found by reconciliation); absent while it exists. */
  removedAt?: IsoDateTime;
}

export type AllocationUsage = 'ONE_WAY' | 'TWO_WAY';
export type AllocationState = 'ACTIVE' | 'DEALLOCATED';

export interface AllocationRecord {
  provider: ProviderName;
  /** Exotel greenvn_id. */
  providerRef: string;
  connectionId: string;
  greenVN?: E164;
  aPartyNumbers: E164[];
  bPartyNumbers: E164[];
  aPartyPins: number[];
  bPartyPins: number[];
  usage: AllocationUsage;
  state: AllocationState;
  flowId?: string;
  expiresAt?: IsoDateTime;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** When the gateway last read it from the provider. */
  refreshedAt: IsoDateTime;
}

export type AllocationEventKind = 'DEALLOCATED' | 'CALLER_VERIFIED' | 'VERIFICATION_FAILED' | 'UPDATED';

export interface AllocationEventRecord {
  id: string;
  provider: ProviderName;
  kind: AllocationEventKind;
  /** Absent for a failed verification, whose payload names only the VN. */
  allocationRef?: string;
  greenVN?: E164;
  caller?: E164;
  pin?: string;
  /** The call the event came from (Exotel failed verification `call_sid`). */
  providerCallId?: string;
  at: IsoDateTime;
  raw: Record<string, unknown>;
}

export type CallStatus = 'RINGING' | 'ANSWERED' | 'MISSED' | 'BUSY' | 'VOICEMAIL' | 'FAILED';
export type Conversion = 'ONLINE' | 'REPEAT' | 'OFFLINE';

export interface CallerLocation {
  city?: string;
  state?: string;
  country?: string;
  exchange?: string;
  description?: string;
}

export interface MarketingAttribution {
  searchEngine?: string;
  searchType?: string;
  keywords?: string;
  referrer?: string;
  landingPage?: string;
  pageCalledFrom?: string;
  sessionId?: string;
  gaClientId?: string;
  extraTracking?: string;
}

/**
 * One call, as far as the provider has told us. Providers produce partial records per
 * webhook, merged by (provider, providerCallId) as src/domain/calls.ts says.
 */
export interface CallEventRecord {
  id: string;
  provider: ProviderName;
  providerCallId: string;
  status: CallStatus;
  from?: E164;
  /** The tracking number / GreenVN / service number that was dialled. */
  to?: E164;
  /** Where the provider put the call through, answered or not (Exotel `to`, AVANSER `target`). */
  forwardedTo?: E164;
  forwardedToName?: string;
  answeredBy?: E164;
  answeredByName?: string;
  startedAt?: IsoDateTime;
  endedAt?: IsoDateTime;
  /** When the provider sent its report (Exotel `current_time`). */
  reportedAt?: IsoDateTime;
  /** Talk time, for every provider: connected to a person or voicemail, ringing excluded. */
  durationSeconds?: number;
  /** The forwarded leg, ringing included (Exotel `dial_call_duration`). */
  dialSeconds?: number;
  /** How long the forwarded leg rang (Exotel insights `RingingDuration`). */
  ringingSeconds?: number;
  /** Exotel's own words: `direction`, `source` (the platform), insights `DisconnectedBy` and `DetailedStatus`. */
  direction?: string;
  platform?: string;
  disconnectedBy?: string;
  detailedStatus?: string;
  recordingUrl?: string;
  recordingStreamUrl?: string;
  callerLocation?: CallerLocation;
  attribution?: MarketingAttribution;
  surveyOutcome?: string;
  saleAmount?: string;
  conversion?: Conversion;
  ivrChoice?: string;
  voicemailLeft?: boolean;
  serviceRef?: string;
  serviceName?: string;
  /** The provider's own id of the service, as the call names it (Delacon `PLA_CID`, "the Delacon Service ID"). */
  providerServiceId?: string;
  /** Delacon `PLA_Dealer_Category`. */
  serviceCategory?: string;
  /** Delacon `PLA_Dealer_ID`: the business's number the tracking number replaces on its website. */
  websiteNumber?: E164;
  /** AVANSER `uniqueid`: the switch's id of the call. */
  switchCallId?: string;
  /** The provider account the call belongs to (AVANSER `clientid`). */
  providerAccount?: string;
  allocationRef?: string;
  /** The account's own labels the provider reports with the call (AVANSER `custom_id` / `custom_group`). */
  customId?: string;
  customGroup?: string;
  /** Provider payloads that made this call, keyed by phase (`start`, `end`, `report` …). */
  raw: Record<string, Record<string, unknown>>;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** What a webhook knows of a call: merged into the stored CallEventRecord. */
export type CallEventPatch = Partial<Omit<CallEventRecord, 'id' | 'raw' | 'createdAt' | 'updatedAt' | 'provider' | 'providerCallId'>> & {
  provider: ProviderName;
  providerCallId: string;
  /** Phase name → payload; merged into `raw`. */
  raw: Record<string, Record<string, unknown>>;
};

/** Outcome of one number in a multi-number mutation. */
export interface NumberOutcome {
  e164: E164;
  ok: boolean;
  status?: NumberStatus;
  reservedUntil?: IsoDateTime;
  /** What happened to this number, in words. */
  message?: string;
  /** Set when !ok. */
  code?: import('../errors.js').ErrorCode;
  /** The provider's own code and words for this number (VoIP Innovations `statusCode` and `status`, or the answer's `responseCode`/`responseMessage`). */
  providerCode?: string;
  providerMessage?: string;
}

/** What reconciliation compares: the records it corrects. */
export type ReconciledRecord = 'NUMBER' | 'SERVICE' | 'ALLOCATION' | 'ORDER';
/** ADDED: at the provider, not in the store; CHANGED: both, differing; GONE: stored, no longer at the provider; STALE: an order past its window. */
export type Drift = 'ADDED' | 'CHANGED' | 'GONE' | 'STALE';
/** How much of a kind of record a provider lets reconciliation see. */
export type Coverage = 'LISTED' | 'READ_EACH' | 'NONE';

/** One difference between the store and a provider, and how the store was corrected. */
export interface ReconciliationChange {
  record: ReconciledRecord;
  drift: Drift;
  /** E.164 of a number, the provider's key of a service or allocation, our id of an order. */
  ref: string;
  /** The status before and after, where the record has one. */
  before?: string;
  after?: string;
}

export interface ProviderReconciliation {
  provider: ProviderName;
  numbers: Coverage;
  services: Coverage;
  allocations: Coverage;
  /** How long its orders may stay PENDING; absent when its orders are never pending. */
  orderStaleAfterSeconds?: number;
  /** Records compared with the provider (stored and listed). */
  checked: number;
  /** Differences found and corrected; `changes` lists the first of them. */
  changeCount: number;
  changes: ReconciliationChange[];
  /** Set when the provider could not be read: nothing of it was changed from its lists. */
  error?: { code: string; message: string };
}

/** One run of reconciliation: what it compared, found and changed. */
export interface ReconciliationRecord {
  startedAt: IsoDateTime;
  finishedAt: IsoDateTime;
  providers: ProviderReconciliation[];
}

/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Exotel GreenVN allocation. */
export type AllocateGreenVnInput = {
  aPartyNumbers: Array<string>;
  aPartyPins?: Array<number> | null | undefined;
  bPartyNumbers: Array<string>;
  bPartyPins?: Array<number> | null | undefined;
  /** Your unique id of the mapping; generated when omitted. */
  connectionId?: string | null | undefined;
  /** Deallocate automatically after this many seconds (account default otherwise). */
  deallocateAfterSeconds?: number | null | undefined;
  /** Call flow, when the account has several. */
  flowId?: string | null | undefined;
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. Kept for 24 hours. */
  idempotencyKey?: string | null | undefined;
  preferences?: GreenVnPreferencesInput | null | undefined;
  /** Allocate only if every preference is met. */
  strict?: boolean | null | undefined;
  usage?: AllocationUsage;
};

/** Which allocation events. */
export type AllocationEventFilter = {
  allocationId?: string | number | null | undefined;
  kinds?: Array<AllocationEventKind> | null | undefined;
  provider?: Provider | null | undefined;
};

/** Things that happen to an allocation after it was made. */
export type AllocationEventKind =
  | 'CALLER_VERIFIED'
  | 'DEALLOCATED'
  | 'UPDATED'
  | 'VERIFICATION_FAILED';

/** An allocation is ACTIVE until deallocated (Exotel "vault"). */
export type AllocationState =
  | 'ACTIVE'
  | 'DEALLOCATED';

/** ONE_WAY: only a-party may call b-party; TWO_WAY: both ways. */
export type AllocationUsage =
  | 'ONE_WAY'
  | 'TWO_WAY';

/** AVANSER missed-call notifications. */
export type AvanserNotificationsInput = {
  emails?: Array<string> | null | undefined;
  smsNumbers?: Array<string> | null | undefined;
};

/** AVANSER: how to pick a number for a new service. */
export type AvanserNumberSearchInput = {
  kind?: NumberKind | null | undefined;
  latitude?: number | null | undefined;
  location?: string | null | undefined;
  longitude?: number | null | undefined;
  /** NUMBER: this number, or the closest match (pass the answer point to get a local number). */
  number?: string | null | undefined;
  prefix?: string | null | undefined;
  szu?: string | null | undefined;
  type: AvanserSearchType;
};

/** AVANSER: one service request per number, by specific numbers or by a search repeated `count` times. */
export type AvanserProvisionInput = {
  /** Where calls are put through. */
  answerPoint?: string | null | undefined;
  answerPointName?: string | null | undefined;
  /** With `search`: how many services (default 1). */
  count?: number | null | undefined;
  country?: string | null | undefined;
  customGroup?: string | null | undefined;
  customId?: string | null | undefined;
  missedCallNotifications?: AvanserNotificationsInput | null | undefined;
  name: string;
  numbers?: Array<string> | null | undefined;
  recordCalls?: boolean | null | undefined;
  search?: AvanserNumberSearchInput | null | undefined;
  serviceType?: AvanserServiceType;
};

/** How AVANSER picks a number for a new service. */
export type AvanserSearchType =
  | 'COORDINATES'
  | 'LOCATION'
  | 'NUMBER'
  | 'NUMBER_TYPE'
  | 'PREFIX'
  | 'SZU';

/** What an AVANSER service does with a call. */
export type AvanserServiceType =
  | 'PROMPT'
  | 'TRANSFER'
  | 'VOICEMAIL';

/** AVANSER service update (asynchronous: confirmed by callback). */
export type AvanserServiceUpdateInput = {
  answerPoint?: string | null | undefined;
  answerPointName?: string | null | undefined;
  customGroup?: string | null | undefined;
  customId?: string | null | undefined;
  missedCallNotifications?: AvanserNotificationsInput | null | undefined;
  name?: string | null | undefined;
  recordCalls?: boolean | null | undefined;
};

/** Which calls. */
export type CallEventFilter = {
  allocationId?: string | number | null | undefined;
  /** The number dialled. */
  number?: string | null | undefined;
  provider?: Provider | null | undefined;
  serviceId?: string | number | null | undefined;
  status?: CallStatus | null | undefined;
};

/** How a simulated call ends. */
export type CallOutcome =
  | 'ANSWERED'
  | 'BUSY'
  | 'FAILED'
  | 'MISSED'
  | 'VOICEMAIL';

/** A call’s state: RINGING at start, then how it ended. */
export type CallStatus =
  | 'ANSWERED'
  | 'BUSY'
  | 'FAILED'
  | 'MISSED'
  | 'RINGING'
  | 'VOICEMAIL';

/** End an allocation now. */
export type DeallocateGreenVnInput = {
  allocationId: string | number;
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. Kept for 24 hours. */
  idempotencyKey?: string | null | undefined;
};

/** Delacon CallTrack: Google paid only; Google/Yahoo/Bing paid; all references; Google/Yahoo/Bing and all organic; CPC campaign medium. */
export type DelaconCallTracking =
  | 'ALL'
  | 'ALL_PAID_ONLY'
  | 'ALL_UTM_MEDIUM_CPC'
  | 'GOOGLE_PAID'
  | 'SELECTED';

/** Delacon billable features ordered with a new customer. */
export type DelaconFeature =
  | 'CALL_FEEDBACK_SURVEY'
  | 'CALL_RECORDING';

/** Delacon: a new customer with numbers, or more numbers for an existing company. */
export type DelaconProvisionInput = {
  /** Accept Delacon’s terms (required for a new customer). */
  acceptTerms?: boolean | null | undefined;
  businessCategory?: string | null | undefined;
  /** The number tracking numbers replace on the website. */
  businessId?: string | null | undefined;
  businessName?: string | null | undefined;
  /** Order for this existing company; the new-customer fields are then ignored. */
  companyId?: string | null | undefined;
  /** How many numbers, 1 to 10. */
  count: number;
  email?: string | null | undefined;
  features?: Array<DelaconFeature> | null | undefined;
  /** A key from numberTypes(region). */
  numberType?: string | null | undefined;
  orderSummaryEmail?: string | null | undefined;
  region?: DelaconRegion | null | undefined;
  /** Where calls are delivered. */
  terminationNumber?: string | null | undefined;
};

/** Delacon provisioning regions. */
export type DelaconRegion =
  | 'AUSTRALIA'
  | 'CHINA'
  | 'HONG_KONG'
  | 'JAPAN'
  | 'NEW_ZEALAND'
  | 'SINGAPORE'
  | 'UNITED_KINGDOM'
  | 'UNITED_STATES';

/** Delacon Update Customer, in readable names. Billing flags (callRecording, callFeedbackSurvey, ivr) are sent alone, one per upstream call. */
export type DelaconServiceUpdateInput = {
  businessCategory?: string | null | undefined;
  businessId?: string | null | undefined;
  businessName?: string | null | undefined;
  /** Billing flag: travels alone. */
  callFeedbackSurvey?: boolean | null | undefined;
  /** Billing flag: travels alone. */
  callRecording?: boolean | null | undefined;
  callTracking?: DelaconCallTracking | null | undefined;
  dnis?: boolean | null | undefined;
  email?: string | null | undefined;
  /** Billing flag: travels alone. */
  ivr?: boolean | null | undefined;
  musicOnHold?: boolean | null | undefined;
  /** 13/1300 number. */
  oneThreeHundredNumber?: string | null | undefined;
  /** At most 160 characters. */
  smsMessage?: string | null | undefined;
  terminationNumber?: string | null | undefined;
  /** Seconds before giving up the transfer, at most 999. */
  transferTimeSeconds?: number | null | undefined;
  transferType?: DelaconTransferType | null | undefined;
  voicemail?: boolean | null | undefined;
  /** Whisper before connecting. */
  whisper?: boolean | null | undefined;
};

/** Delacon xfertype: 1 e-mail only, 2 transfer only, 3 transfer and e-mail. */
export type DelaconTransferType =
  | 'EMAIL_ONLY'
  | 'TRANSFER_AND_EMAIL'
  | 'TRANSFER_ONLY';

/** The public error vocabulary. Business outcomes arrive as userErrors in mutation payloads; infrastructure failures (UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED, UPSTREAM_*, PROVIDER_NOT_CONFIGURED, INTERNAL) as GraphQL errors with extensions.code. */
export type ErrorCode =
  | 'ACCOUNT_NOT_ENABLED'
  | 'ALREADY_DEALLOCATED'
  | 'ALREADY_RELEASED'
  | 'BAD_USER_INPUT'
  | 'DUPLICATE_CONNECTION_ID'
  | 'DUPLICATE_NUMBERS'
  | 'ENDPOINT_GROUP_INVALID'
  | 'FEATURE_NOT_PROVISIONED'
  | 'FORBIDDEN'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INTERNAL'
  | 'INVALID_CALL_FLOW'
  | 'INVALID_NUMBER'
  | 'NOT_FOUND'
  | 'NOT_PERMITTED'
  | 'NO_NUMBER_AVAILABLE'
  | 'NUMBER_NOT_AVAILABLE'
  | 'NUMBER_NOT_OWNED'
  | 'PIN_CONFLICT'
  | 'PROVIDER_NOT_CONFIGURED'
  | 'PROVIDER_REJECTED'
  | 'RATE_LIMITED'
  | 'REGION_NOT_SUPPORTED'
  | 'SAME_NUMBER_BOTH_PARTIES'
  | 'SANDBOX_ONLY'
  | 'TIER_NOT_AVAILABLE'
  | 'TOO_MANY_NUMBERS'
  | 'UNAUTHENTICATED'
  | 'UNSUPPORTED_BY_PROVIDER'
  | 'UNSUPPORTED_FILTER'
  | 'UPSTREAM_AUTH_FAILED'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'VALIDATION_FAILED';

/** Which GreenVN to prefer. */
export type GreenVnPreferencesInput = {
  /** This specific VN. */
  greenVN?: string | null | undefined;
  /** Indian PIN code; the closest supported region is used. */
  pinCode?: string | null | undefined;
  /** Exotel region: DL MU MH WB AP TN GJ KA KL RJ MP. */
  region?: string | null | undefined;
  type?: GreenVnType | null | undefined;
};

/** Exotel GreenVN number type preference. */
export type GreenVnType =
  | 'LANDLINE'
  | 'MOBILE';

/** What a number can do beyond voice. */
export type NumberCapability =
  | 'CNAM'
  | 'SMS'
  | 'T38'
  | 'VOICE';

/** What sort of number it is. */
export type NumberKind =
  | 'FREECALL'
  | 'GEOGRAPHIC'
  | 'LANDLINE'
  | 'MOBILE'
  | 'TOLL_FREE';

/** Criteria for searching available numbers; each provider uses the ones it knows (see the README). */
export type NumberSearchInput = {
  cnam?: boolean | null | undefined;
  /** ISO country, e.g. AU (AVANSER). */
  country?: string | null | undefined;
  kind?: NumberKind | null | undefined;
  lata?: string | null | undefined;
  latitude?: number | null | undefined;
  /** Location words (AVANSER). */
  location?: string | null | undefined;
  longitude?: number | null | undefined;
  /** Area code (NANP). */
  npa?: string | null | undefined;
  /** Exchange (NANP). */
  nxx?: string | null | undefined;
  /** Leading digits of the national number (AVANSER). */
  prefix?: string | null | undefined;
  rateCenter?: string | null | undefined;
  sms?: boolean | null | undefined;
  /** US state, TF for toll-free (VoIP Innovations). */
  state?: string | null | undefined;
  /** Standard Zone Unit, e.g. sydney (AVANSER). */
  szu?: string | null | undefined;
  t38?: boolean | null | undefined;
  tier?: string | null | undefined;
};

/** Where a number stands: in stock, held for us, in service, or given back. */
export type NumberStatus =
  | 'ACTIVE'
  | 'AVAILABLE'
  | 'RELEASED'
  | 'RESERVED';

/** Numbers at one provider (reserve, release). */
export type NumbersInput = {
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. Kept for 24 hours. */
  idempotencyKey?: string | null | undefined;
  numbers: Array<string>;
  provider: Provider;
};

/** Which orders. */
export type OrderFilter = {
  /** Subscriptions: just this order. */
  orderId?: string | number | null | undefined;
  provider?: Provider | null | undefined;
  status?: OrderStatus | null | undefined;
};

/** What an order does: provision numbers or change a service. */
export type OrderKind =
  | 'PROVISION'
  | 'SERVICE_UPDATE';

/** PENDING until the provider confirms; then COMPLETED or FAILED. */
export type OrderStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'PENDING';

/** The telephony providers behind the gateway. */
export type Provider =
  | 'AVANSER'
  | 'DELACON'
  | 'EXOTEL'
  | 'VOIP_INNOVATIONS';

/** LIVE: real credentials; SANDBOX: an in-process simulator speaking the provider wire format; OFF: neither. */
export type ProviderMode =
  | 'LIVE'
  | 'OFF'
  | 'SANDBOX';

/** Provision numbers at a provider: give the block of that provider. */
export type ProvisionNumbersInput = {
  avanser?: AvanserProvisionInput | null | undefined;
  delacon?: DelaconProvisionInput | null | undefined;
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. Kept for 24 hours. */
  idempotencyKey?: string | null | undefined;
  provider: Provider;
  voipInnovations?: VoipInnovationsProvisionInput | null | undefined;
};

/** Give an active allocation a different GreenVN. */
export type ReassignGreenVnInput = {
  allocationId: string | number;
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. Kept for 24 hours. */
  idempotencyKey?: string | null | undefined;
  preferences?: GreenVnPreferencesInput | null | undefined;
  strict?: boolean | null | undefined;
};

/** Sandbox only: place a call to a number a simulator owns; the simulator emits the provider’s real webhooks. */
export type SimulateIncomingCallInput = {
  durationSeconds?: number | null | undefined;
  from: string;
  outcome?: CallOutcome;
  /** Exotel: the PIN an unregistered caller enters. */
  pin?: string | null | undefined;
  /** A tracking number, service number or green VN in the sandbox. */
  to: string;
};

/** New parties for an active allocation (billed by Exotel as a new allocation). */
export type UpdateAllocationPartiesInput = {
  aPartyNumbers?: Array<string> | null | undefined;
  aPartyPins?: Array<number> | null | undefined;
  allocationId: string | number;
  bPartyNumbers?: Array<string> | null | undefined;
  bPartyPins?: Array<number> | null | undefined;
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. Kept for 24 hours. */
  idempotencyKey?: string | null | undefined;
  usage?: AllocationUsage | null | undefined;
};

/** Change a service: give the block of its provider. */
export type UpdateServiceInput = {
  avanser?: AvanserServiceUpdateInput | null | undefined;
  delacon?: DelaconServiceUpdateInput | null | undefined;
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. Kept for 24 hours. */
  idempotencyKey?: string | null | undefined;
  provider: Provider;
  /** Delacon company id, AVANSER service number (E.164) or VoIP Innovations DID (E.164). */
  serviceRef: string;
  voipInnovations?: VoipInnovationsServiceUpdateInput | null | undefined;
};

/** VoIP Innovations: reserve, then assign each number to an endpoint group. */
export type VoipInnovationsProvisionInput = {
  /** Inbound CNAM lookup. */
  cnam?: boolean | null | undefined;
  /** Endpoint group the numbers route to. */
  endpointGroup: number;
  numbers: Array<string>;
  /** Your reference. */
  refId?: string | null | undefined;
};

/** VoIP Innovations DID configuration (configDID). */
export type VoipInnovationsServiceUpdateInput = {
  cnam?: boolean | null | undefined;
  endpointGroup?: number | null | undefined;
  refId?: string | null | undefined;
};

export type AllocateGreenVnMutationVariables = Exact<{
  input: AllocateGreenVnInput;
}>;


export type AllocateGreenVnMutation = { allocateGreenVN: { allocation: { id: string, provider: Provider, providerRef: string, connectionId: string, greenVN: string | null, aPartyNumbers: Array<string>, bPartyNumbers: Array<string>, aPartyPins: Array<number>, bPartyPins: Array<number>, usage: AllocationUsage, state: AllocationState, flowId: string | null, expiresAt: string | null, createdAt: string, updatedAt: string } | null } };

export type UpdateAllocationPartiesMutationVariables = Exact<{
  input: UpdateAllocationPartiesInput;
}>;


export type UpdateAllocationPartiesMutation = { updateAllocationParties: { allocation: { id: string, provider: Provider, providerRef: string, connectionId: string, greenVN: string | null, aPartyNumbers: Array<string>, bPartyNumbers: Array<string>, aPartyPins: Array<number>, bPartyPins: Array<number>, usage: AllocationUsage, state: AllocationState, flowId: string | null, expiresAt: string | null, createdAt: string, updatedAt: string } | null } };

export type ReassignGreenVnMutationVariables = Exact<{
  input: ReassignGreenVnInput;
}>;


export type ReassignGreenVnMutation = { reassignGreenVN: { allocation: { id: string, provider: Provider, providerRef: string, connectionId: string, greenVN: string | null, aPartyNumbers: Array<string>, bPartyNumbers: Array<string>, aPartyPins: Array<number>, bPartyPins: Array<number>, usage: AllocationUsage, state: AllocationState, flowId: string | null, expiresAt: string | null, createdAt: string, updatedAt: string } | null } };

export type DeallocateGreenVnMutationVariables = Exact<{
  input: DeallocateGreenVnInput;
}>;


export type DeallocateGreenVnMutation = { deallocateGreenVN: { allocation: { id: string, provider: Provider, providerRef: string, connectionId: string, greenVN: string | null, aPartyNumbers: Array<string>, bPartyNumbers: Array<string>, aPartyPins: Array<number>, bPartyPins: Array<number>, usage: AllocationUsage, state: AllocationState, flowId: string | null, expiresAt: string | null, createdAt: string, updatedAt: string } | null } };

export type OnAllocationEventSubscriptionVariables = Exact<{
  filter?: AllocationEventFilter | null | undefined;
}>;


export type OnAllocationEventSubscription = { allocationEvents: { id: string, provider: Provider, kind: AllocationEventKind, allocationRef: string | null, greenVN: string | null, caller: string | null, pin: string | null, at: string } };

export type CallEventsQueryVariables = Exact<{
  filter?: CallEventFilter;
  first?: number;
  after?: string | null | undefined;
}>;


export type CallEventsQuery = { callEvents: { edges: Array<{ cursor: string, node: { id: string, provider: Provider, providerCallId: string, status: CallStatus, from: string | null, to: string | null, answeredBy: string | null, startedAt: string | null, endedAt: string | null, durationSeconds: number | null, recordingUrl: string | null, allocationRef: string | null, serviceRef: string | null, createdAt: string, updatedAt: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type OnCallEventSubscriptionVariables = Exact<{
  filter?: CallEventFilter | null | undefined;
}>;


export type OnCallEventSubscription = { callEvents: { raw: Record<string, unknown>, id: string, provider: Provider, providerCallId: string, status: CallStatus, from: string | null, to: string | null, answeredBy: string | null, startedAt: string | null, endedAt: string | null, durationSeconds: number | null, recordingUrl: string | null, allocationRef: string | null, serviceRef: string | null, createdAt: string, updatedAt: string, allocation: { id: string, providerRef: string, greenVN: string | null } | null } };

export type SimulateIncomingCallMutationVariables = Exact<{
  input: SimulateIncomingCallInput;
}>;


export type SimulateIncomingCallMutation = { simulateIncomingCall: { provider: Provider | null, providerCallId: string | null } };

export type AllocationFieldsFragment = { id: string, provider: Provider, providerRef: string, connectionId: string, greenVN: string | null, aPartyNumbers: Array<string>, bPartyNumbers: Array<string>, aPartyPins: Array<number>, bPartyPins: Array<number>, usage: AllocationUsage, state: AllocationState, flowId: string | null, expiresAt: string | null, createdAt: string, updatedAt: string };

export type CallEventFieldsFragment = { id: string, provider: Provider, providerCallId: string, status: CallStatus, from: string | null, to: string | null, answeredBy: string | null, startedAt: string | null, endedAt: string | null, durationSeconds: number | null, recordingUrl: string | null, allocationRef: string | null, serviceRef: string | null, createdAt: string, updatedAt: string };

export type OrderFieldsFragment = { id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, history: Array<{ at: string, status: OrderStatus, message: string | null }> };

export type NumberResultFieldsFragment = { e164: string, ok: boolean, code: ErrorCode | null, message: string | null, status: NumberStatus | null, reservedUntil: string | null };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'Allocation', id: string, provider: Provider, providerRef: string, connectionId: string, greenVN: string | null, aPartyNumbers: Array<string>, bPartyNumbers: Array<string>, aPartyPins: Array<number>, bPartyPins: Array<number>, usage: AllocationUsage, state: AllocationState, flowId: string | null, expiresAt: string | null, createdAt: string, updatedAt: string }
    | { __typename: 'CallEvent', id: string, provider: Provider, providerCallId: string, status: CallStatus, from: string | null, to: string | null, answeredBy: string | null, startedAt: string | null, endedAt: string | null, durationSeconds: number | null, recordingUrl: string | null, allocationRef: string | null, serviceRef: string | null, createdAt: string, updatedAt: string }
    | { __typename: 'Order', id: string }
    | { __typename: 'PhoneNumber', e164: string, id: string, numberStatus: NumberStatus }
    | { __typename: 'Service', name: string | null, id: string, serviceProviderRef: string }
   | null };

export type AvailableNumbersQueryVariables = Exact<{
  provider: Provider;
  filter?: NumberSearchInput;
  first?: number;
  after?: string | null | undefined;
}>;


export type AvailableNumbersQuery = { availableNumbers: { edges: Array<{ cursor: string, node: { id: string, e164: string, national: string, provider: Provider, status: NumberStatus, kind: NumberKind | null, region: string | null, tier: string | null, capabilities: Array<NumberCapability>, reservedUntil: string | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type PortabilityQueryVariables = Exact<{
  provider: Provider;
  numbers: Array<string> | string;
}>;


export type PortabilityQuery = { portability: Array<{ e164: string, portable: boolean, message: string | null }> };

export type ProvisionNumbersMutationVariables = Exact<{
  input: ProvisionNumbersInput;
}>;


export type ProvisionNumbersMutation = { provisionNumbers: { orders: Array<{ id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, history: Array<{ at: string, status: OrderStatus, message: string | null }> }>, numbers: Array<{ e164: string, ok: boolean, code: ErrorCode | null, message: string | null, status: NumberStatus | null, reservedUntil: string | null }> } };

export type ReserveNumbersMutationVariables = Exact<{
  input: NumbersInput;
}>;


export type ReserveNumbersMutation = { reserveNumbers: { numbers: Array<{ e164: string, ok: boolean, code: ErrorCode | null, message: string | null, status: NumberStatus | null, reservedUntil: string | null }> } };

export type ReleaseNumbersMutationVariables = Exact<{
  input: NumbersInput;
}>;


export type ReleaseNumbersMutation = { releaseNumbers: { numbers: Array<{ e164: string, ok: boolean, code: ErrorCode | null, message: string | null, status: NumberStatus | null, reservedUntil: string | null }> } };

export type UpdateServiceMutationVariables = Exact<{
  input: UpdateServiceInput;
}>;


export type UpdateServiceMutation = { updateService: { service: { id: string, provider: Provider, providerRef: string, name: string | null, destination: string | null, recording: boolean | null, settings: Array<{ key: string, value: string }> } | null, order: { id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, history: Array<{ at: string, status: OrderStatus, message: string | null }> } | null, parts: Array<{ fields: Array<string>, applied: boolean, pending: boolean, code: ErrorCode | null, message: string | null }> } };

export type OrdersQueryVariables = Exact<{
  filter?: OrderFilter;
  first?: number;
  after?: string | null | undefined;
}>;


export type OrdersQuery = { orders: { edges: Array<{ cursor: string, node: { id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, history: Array<{ at: string, status: OrderStatus, message: string | null }> } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type OnOrderUpdatedSubscriptionVariables = Exact<{
  filter?: OrderFilter | null | undefined;
}>;


export type OnOrderUpdatedSubscription = { orderUpdated: { id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, history: Array<{ at: string, status: OrderStatus, message: string | null }> } };

export type ProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type ProvidersQuery = { providers: Array<{ provider: Provider, mode: ProviderMode, configured: boolean, sandbox: boolean, healthy: boolean, operations: Array<string>, webhookEvents: Array<string> }> };

export const AllocationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<AllocationFieldsFragment, unknown>;
export const CallEventFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"recordingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CallEventFieldsFragment, unknown>;
export const OrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<OrderFieldsFragment, unknown>;
export const NumberResultFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}}]}}]} as unknown as DocumentNode<NumberResultFieldsFragment, unknown>;
export const AllocateGreenVnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AllocateGreenVN"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AllocateGreenVNInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocateGreenVN"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<AllocateGreenVnMutation, AllocateGreenVnMutationVariables>;
export const UpdateAllocationPartiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAllocationParties"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAllocationPartiesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAllocationParties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateAllocationPartiesMutation, UpdateAllocationPartiesMutationVariables>;
export const ReassignGreenVnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReassignGreenVN"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReassignGreenVNInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reassignGreenVN"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ReassignGreenVnMutation, ReassignGreenVnMutationVariables>;
export const DeallocateGreenVnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeallocateGreenVN"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeallocateGreenVNInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deallocateGreenVN"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<DeallocateGreenVnMutation, DeallocateGreenVnMutationVariables>;
export const OnAllocationEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OnAllocationEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AllocationEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocationEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"caller"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<OnAllocationEventSubscription, OnAllocationEventSubscriptionVariables>;
export const CallEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CallEventFilter"}}},"defaultValue":{"kind":"ObjectValue","fields":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallEventFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"recordingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CallEventsQuery, CallEventsQueryVariables>;
export const OnCallEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OnCallEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CallEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallEventFields"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}},{"kind":"Field","name":{"kind":"Name","value":"allocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"recordingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<OnCallEventSubscription, OnCallEventSubscriptionVariables>;
export const SimulateIncomingCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SimulateIncomingCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SimulateIncomingCallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"simulateIncomingCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}}]}}]}}]} as unknown as DocumentNode<SimulateIncomingCallMutation, SimulateIncomingCallMutationVariables>;
export const NodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Node"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallEventFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneNumber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","alias":{"kind":"Name","value":"numberStatus"},"name":{"kind":"Name","value":"status"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","alias":{"kind":"Name","value":"serviceProviderRef"},"name":{"kind":"Name","value":"providerRef"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"recordingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<NodeQuery, NodeQueryVariables>;
export const AvailableNumbersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AvailableNumbers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NumberSearchInput"}}},"defaultValue":{"kind":"ObjectValue","fields":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availableNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"national"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<AvailableNumbersQuery, AvailableNumbersQueryVariables>;
export const PortabilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Portability"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"numbers"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"E164"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portability"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"numbers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"numbers"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"portable"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<PortabilityQuery, PortabilityQueryVariables>;
export const ProvisionNumbersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProvisionNumbers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProvisionNumbersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provisionNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"numbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberResultFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}}]}}]} as unknown as DocumentNode<ProvisionNumbersMutation, ProvisionNumbersMutationVariables>;
export const ReserveNumbersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReserveNumbers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NumbersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reserveNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberResultFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}}]}}]} as unknown as DocumentNode<ReserveNumbersMutation, ReserveNumbersMutationVariables>;
export const ReleaseNumbersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReleaseNumbers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NumbersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releaseNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberResultFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}}]}}]} as unknown as DocumentNode<ReleaseNumbersMutation, ReleaseNumbersMutationVariables>;
export const UpdateServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"recording"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateServiceMutation, UpdateServiceMutationVariables>;
export const OrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Orders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}},"defaultValue":{"kind":"ObjectValue","fields":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<OrdersQuery, OrdersQueryVariables>;
export const OnOrderUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OnOrderUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<OnOrderUpdatedSubscription, OnOrderUpdatedSubscriptionVariables>;
export const ProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"configured"}},{"kind":"Field","name":{"kind":"Name","value":"sandbox"}},{"kind":"Field","name":{"kind":"Name","value":"healthy"}},{"kind":"Field","name":{"kind":"Name","value":"operations"}},{"kind":"Field","name":{"kind":"Name","value":"webhookEvents"}}]}}]}}]} as unknown as DocumentNode<ProvidersQuery, ProvidersQueryVariables>;
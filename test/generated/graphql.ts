/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Exotel GreenVN allocation. */
export type AllocateGreenVnInput = {
  /** At most 100 items. */
  aPartyNumbers: Array<string>;
  /** At most 100 items. */
  aPartyPins?: Array<number> | null | undefined;
  /** At most 100 items. */
  bPartyNumbers: Array<string>;
  /** At most 100 items. */
  bPartyPins?: Array<number> | null | undefined;
  /** Your unique id of the mapping, at most 255 characters; generated when omitted. */
  connectionId?: string | null | undefined;
  /** Deallocate automatically after this many seconds (account default otherwise). */
  deallocateAfterSeconds?: number | null | undefined;
  /** Call flow, when the account has several. */
  flowId?: string | null | undefined;
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. When a provider's answer was lost (OUTCOME_UNKNOWN), the same key returns what was done once the gateway has found out, and never does it twice. Kept for 48 hours. */
  idempotencyKey?: string | null | undefined;
  /** Which GreenVN to take. */
  preferences?: GreenVnPreferencesInput | null | undefined;
  /** Allocate only if every preference is met. */
  strict?: boolean | null | undefined;
  /** Who may call whom. */
  usage?: AllocationUsage;
};

/** Which allocation events. */
export type AllocationEventFilter = {
  /** Only events of this allocation (its global id). */
  allocationId?: string | number | null | undefined;
  /** At most 10 items. */
  kinds?: Array<AllocationEventKind> | null | undefined;
  /** Only events at this provider. */
  provider?: Provider | null | undefined;
};

/** Things that happen to an allocation after it was made. */
export type AllocationEventKind =
  /** A caller entered the right PIN. */
  | 'CALLER_VERIFIED'
  /** The allocation ended (its deallocation policy, or a deallocation). */
  | 'DEALLOCATED'
  /** Its parties or settings changed. */
  | 'UPDATED'
  /** A caller failed PIN verification. */
  | 'VERIFICATION_FAILED';

/** Which allocations. */
export type AllocationFilter = {
  /** Only allocations at this provider. */
  provider?: Provider | null | undefined;
  /** Only allocations in this state. */
  state?: AllocationState | null | undefined;
};

/** An allocation is ACTIVE until deallocated (Exotel "vault"). */
export type AllocationState =
  /** Calls to the GreenVN go through. */
  | 'ACTIVE'
  /** Ended, by you or by the deallocation policy. */
  | 'DEALLOCATED';

/** ONE_WAY: only a-party may call b-party; TWO_WAY: both ways. */
export type AllocationUsage =
  /** Only a-party numbers may call, and reach b-party. */
  | 'ONE_WAY'
  /** Either party may call the other. */
  | 'TWO_WAY';

/** AVANSER missed-call notifications. */
export type AvanserNotificationsInput = {
  /** At most 20 items. */
  emails?: Array<string> | null | undefined;
  /** At most 20 items. */
  smsNumbers?: Array<string> | null | undefined;
};

/** AVANSER: how to pick a number for a new service. */
export type AvanserNumberSearchInput = {
  /** With NUMBER_TYPE: the kind of number. */
  kind?: NumberKind | null | undefined;
  /** With COORDINATES: latitude. */
  latitude?: number | null | undefined;
  /** With LOCATION: location words. */
  location?: string | null | undefined;
  /** With COORDINATES: longitude. */
  longitude?: number | null | undefined;
  /** NUMBER: this number, or the closest match (pass the answer point to get a local number). */
  number?: string | null | undefined;
  /** With PREFIX: leading digits of the national number. */
  prefix?: string | null | undefined;
  /** With SZU: the Standard Zone Unit, e.g. sydney. */
  szu?: string | null | undefined;
  /** How AVANSER picks the number. */
  type: AvanserSearchType;
};

/** AVANSER: one service request per number, by specific numbers or by a search repeated `count` times. */
export type AvanserProvisionInput = {
  /** Where calls are put through. */
  answerPoint?: string | null | undefined;
  /** A name for the answer point. */
  answerPointName?: string | null | undefined;
  /** With `search`: how many services (default 1). */
  count?: number | null | undefined;
  /** ISO 3166 alpha-2 country of the stock searched. Default: each listed number’s own country; for a search, AU. */
  country?: string | null | undefined;
  /** Your group for the service, kept by AVANSER. */
  customGroup?: string | null | undefined;
  /** Your id for the service, kept by AVANSER. */
  customId?: string | null | undefined;
  /** Who hears of missed calls. */
  missedCallNotifications?: AvanserNotificationsInput | null | undefined;
  /** The new service’s name. */
  name: string;
  /** At most 100 items. */
  numbers?: Array<string> | null | undefined;
  /** Record calls. */
  recordCalls?: boolean | null | undefined;
  /** Or let AVANSER pick numbers matching this. */
  search?: AvanserNumberSearchInput | null | undefined;
  /** What the service does with a call. */
  serviceType?: AvanserServiceType;
};

/** How AVANSER picks a number for a new service. */
export type AvanserSearchType =
  /** A number near a point (latitude, longitude). */
  | 'COORDINATES'
  /** A number for a place named in words (location). */
  | 'LOCATION'
  /** That number if in stock, else the closest one in the same area. */
  | 'NUMBER'
  /** A number of a kind (kind). */
  | 'NUMBER_TYPE'
  /** A number starting with these digits (prefix). */
  | 'PREFIX'
  /** A number in a Standard Zone Unit (szu). */
  | 'SZU';

/** What an AVANSER service does with a call. */
export type AvanserServiceType =
  /** Plays a prompt. */
  | 'PROMPT'
  /** Puts the call through to the answer point. */
  | 'TRANSFER'
  /** Takes a voicemail. */
  | 'VOICEMAIL';

/** AVANSER service update (asynchronous: confirmed by callback). */
export type AvanserServiceUpdateInput = {
  /** Where calls are put through. */
  answerPoint?: string | null | undefined;
  /** A name for the answer point. */
  answerPointName?: string | null | undefined;
  /** Your group for the service. */
  customGroup?: string | null | undefined;
  /** Your id for the service. */
  customId?: string | null | undefined;
  /** Who hears of missed calls. */
  missedCallNotifications?: AvanserNotificationsInput | null | undefined;
  /** The service’s name. */
  name?: string | null | undefined;
  /** Record calls. */
  recordCalls?: boolean | null | undefined;
};

/** Which calls. */
export type CallEventFilter = {
  /** Only calls through this allocation (its global id). */
  allocationId?: string | number | null | undefined;
  /** true: ANSWERED; false: ended unanswered (MISSED, BUSY, VOICEMAIL, FAILED). A RINGING call is neither. */
  answered?: boolean | null | undefined;
  /** See CallStatsDimension.CAMPAIGN (Delacon). */
  campaign?: string | null | undefined;
  /** The account’s own group (AVANSER custom group). */
  customGroup?: string | null | undefined;
  /** The account’s own id of the call (AVANSER custom id). */
  customId?: string | null | undefined;
  /** The caller. */
  from?: string | null | undefined;
  /** The search keywords, exactly (Delacon). */
  keywords?: string | null | undefined;
  /** The number dialled. */
  number?: string | null | undefined;
  /** Only calls through this provider. */
  provider?: Provider | null | undefined;
  /** Text in the service name (any case); a phone number's digits (spaces, + - . ( ) allowed, a leading 0 left out) in the caller's or the dialled number. At most 100 characters. */
  search?: string | null | undefined;
  /** Only calls through this service (its global id). */
  serviceId?: string | number | null | undefined;
  /** Where the caller came from (see CallStatsDimension.SOURCE; Delacon). */
  source?: string | null | undefined;
  /** Started at or after. */
  startedAfter?: string | null | undefined;
  /** Started before; not before startedAfter. */
  startedBefore?: string | null | undefined;
  /** Only calls with this status. */
  status?: CallStatus | null | undefined;
};

/** How calls are ordered; ties keep the order the gateway stored them in, so a cursor’s place never moves while calls arrive. */
export type CallEventOrder = {
  /** Which way. */
  direction?: SortDirection;
  /** What to order by. */
  field?: CallEventOrderField;
};

/** What the call history is ordered by. */
export type CallEventOrderField =
  /** Talk time (0 while not known). */
  | 'DURATION'
  /** When the call started (when the gateway first heard of it, while its provider has not said). */
  | 'STARTED_AT';

/** How a simulated call ends. */
export type CallOutcome =
  /** Answered. */
  | 'ANSWERED'
  /** Busy. */
  | 'BUSY'
  /** Does not connect (not every provider reports this: Delacon refuses it). */
  | 'FAILED'
  /** Not answered. */
  | 'MISSED'
  /** Not answered; a voicemail is left. */
  | 'VOICEMAIL';

/** What statistics rows are grouped by (at most 3 at once). SERVICE and ALLOCATION come with their provider. */
export type CallStatsDimension =
  /** The Exotel allocation the call came through. */
  | 'ALLOCATION'
  /** The landing page’s utm_campaign, else the kind of visit: paid, organic, direct … (Delacon). */
  | 'CAMPAIGN'
  /** The search keywords (Delacon). */
  | 'KEYWORDS'
  /** The landing page without its query or fragment (Delacon). */
  | 'LANDING_PAGE'
  /** The number dialled. */
  | 'NUMBER'
  /** The provider. */
  | 'PROVIDER'
  /** The service the call came through. */
  | 'SERVICE'
  /** Where the caller came from: the landing page’s utm_source, else the search engine, else the referrer’s host (Delacon). */
  | 'SOURCE'
  /** The call’s status. */
  | 'STATUS';

/** A time series’ buckets, in the request’s time zone. */
export type CallStatsInterval =
  /** Local days, from midnight. */
  | 'DAY'
  /** Hours. */
  | 'HOUR'
  /** Months, from the 1st. */
  | 'MONTH'
  /** Weeks, from Monday. */
  | 'WEEK';

/** A call’s state: RINGING at start, then how it ended. */
export type CallStatus =
  /** Answered. */
  | 'ANSWERED'
  /** The answer point was busy. */
  | 'BUSY'
  /** Did not connect (a network or provider failure). */
  | 'FAILED'
  /** Not answered. */
  | 'MISSED'
  /** Under way: the start was reported, the end not yet. */
  | 'RINGING'
  /** Not answered; the caller left a voicemail. */
  | 'VOICEMAIL';

/** Delacon conversion: online (Y), repeat call (R) or offline (blank). */
export type Conversion =
  /** Blank: not converted online. */
  | 'OFFLINE'
  /** Y: converted online. */
  | 'ONLINE'
  /** R: a repeat caller. */
  | 'REPEAT';

/** How reconciliation sees a kind of record at a provider. */
export type Coverage =
  /** The provider lists them all. */
  | 'LISTED'
  /** The provider offers neither. */
  | 'NONE'
  /** Each stored one is read again. */
  | 'READ_EACH';

/** End an allocation now. */
export type DeallocateGreenVnInput = {
  /** The allocation’s global id. */
  allocationId: string | number;
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. When a provider's answer was lost (OUTCOME_UNKNOWN), the same key returns what was done once the gateway has found out, and never does it twice. Kept for 48 hours. */
  idempotencyKey?: string | null | undefined;
};

/** Delacon CallTrack: Google paid only; Google/Yahoo/Bing paid; all references; Google/Yahoo/Bing and all organic; CPC campaign medium. */
export type DelaconCallTracking =
  /** All: every visitor, whatever the reference. */
  | 'ALL'
  /** AllPaidOnly: visitors from Google, Yahoo or Bing paid search. */
  | 'ALL_PAID_ONLY'
  /** AllUtmMediumCpc: visitors whose campaign medium is CPC. */
  | 'ALL_UTM_MEDIUM_CPC'
  /** GooglePaid: visitors from Google paid search only. */
  | 'GOOGLE_PAID'
  /** Selected: Google, Yahoo and Bing, paid and organic. */
  | 'SELECTED';

/** Delacon billable features ordered with a new customer. */
export type DelaconFeature =
  /** A survey after the call (CallEvent.surveyOutcome). */
  | 'CALL_FEEDBACK_SURVEY'
  /** Calls are recorded (CallEvent.recordingUrl). */
  | 'CALL_RECORDING';

/** Delacon: a new customer with numbers, or more numbers for an existing company. */
export type DelaconProvisionInput = {
  /** Accept Delacon’s terms (required for a new customer). */
  acceptTerms?: boolean | null | undefined;
  /** New customer: the business category. */
  businessCategory?: string | null | undefined;
  /** The number tracking numbers replace on the website. */
  businessId?: string | null | undefined;
  /** New customer: the business name. */
  businessName?: string | null | undefined;
  /** Order for this existing company; the new-customer fields are then ignored. */
  companyId?: string | null | undefined;
  /** How many numbers, 1 to 10. */
  count: number;
  /** New customer: the contact e-mail address. */
  email?: string | null | undefined;
  /** At most 10 items. */
  features?: Array<DelaconFeature> | null | undefined;
  /** A key from numberTypes(region). */
  numberType?: string | null | undefined;
  /** Where Delacon sends the order summary. */
  orderSummaryEmail?: string | null | undefined;
  /** New customer: the region the numbers are in. */
  region?: DelaconRegion | null | undefined;
  /** Where calls are delivered. */
  terminationNumber?: string | null | undefined;
};

/** Delacon provisioning regions. */
export type DelaconRegion =
  /** Australia. */
  | 'AUSTRALIA'
  /** China. */
  | 'CHINA'
  /** Hong Kong. */
  | 'HONG_KONG'
  /** Japan. */
  | 'JAPAN'
  /** New Zealand. */
  | 'NEW_ZEALAND'
  /** Singapore. */
  | 'SINGAPORE'
  /** The United Kingdom. */
  | 'UNITED_KINGDOM'
  /** The United States. */
  | 'UNITED_STATES';

/** Delacon Update Customer, in readable names. Billing flags (callRecording, callFeedbackSurvey, ivr) are sent alone, one per upstream call. */
export type DelaconServiceUpdateInput = {
  /** The business category. */
  businessCategory?: string | null | undefined;
  /** The number tracking numbers replace on the website. */
  businessId?: string | null | undefined;
  /** The business name. */
  businessName?: string | null | undefined;
  /** Billing flag: travels alone. */
  callFeedbackSurvey?: boolean | null | undefined;
  /** Billing flag: travels alone. */
  callRecording?: boolean | null | undefined;
  /** Which website visitors see tracking numbers. */
  callTracking?: DelaconCallTracking | null | undefined;
  /** Delacon’s DNIS setting (Y/N). */
  dnis?: boolean | null | undefined;
  /** The contact e-mail address. */
  email?: string | null | undefined;
  /** Billing flag: travels alone. */
  ivr?: boolean | null | undefined;
  /** Delacon’s moh setting (Y/N): music on hold. */
  musicOnHold?: boolean | null | undefined;
  /** 13/1300 number. */
  oneThreeHundredNumber?: string | null | undefined;
  /** At most 160 characters. */
  smsMessage?: string | null | undefined;
  /** Where calls are put through. */
  terminationNumber?: string | null | undefined;
  /** Seconds before giving up the transfer, at most 999. */
  transferTimeSeconds?: number | null | undefined;
  /** Transfer the call, e-mail about it, or both. */
  transferType?: DelaconTransferType | null | undefined;
  /** Delacon’s voicemail setting (Y/N): voicemail for calls not answered. */
  voicemail?: boolean | null | undefined;
  /** Whisper before connecting. */
  whisper?: boolean | null | undefined;
};

/** Delacon xfertype: 1 e-mail only, 2 transfer only, 3 transfer and e-mail. */
export type DelaconTransferType =
  /** 1: e-mail about the call only. */
  | 'EMAIL_ONLY'
  /** 3: put it through and e-mail about it. */
  | 'TRANSFER_AND_EMAIL'
  /** 2: put the call through only. */
  | 'TRANSFER_ONLY';

/** How a record differed between the store and its provider. */
export type Drift =
  /** At the provider, not in the store: now stored. */
  | 'ADDED'
  /** In both, differing: the store now says what the provider says. */
  | 'CHANGED'
  /** Stored, no longer at the provider: released, removed or deallocated. */
  | 'GONE'
  /** An order left PENDING past its provider’s window. */
  | 'STALE';

/** The public error vocabulary: every code a client can see. Business outcomes arrive as userErrors in mutation payloads; infrastructure failures (UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED, UPSTREAM_*, PROVIDER_NOT_CONFIGURED, OUTCOME_UNKNOWN, INTERNAL) and requests refused before they run (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT, BAD_REQUEST, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED, TOO_MANY_SUBSCRIPTIONS, …) as GraphQL errors with extensions.code. */
export type ErrorCode =
  /** The account is not enabled for this product at the provider (e.g. toll-free origination). */
  | 'ACCOUNT_NOT_ENABLED'
  /** The allocation was already deallocated. */
  | 'ALREADY_DEALLOCATED'
  /** The number was already released. */
  | 'ALREADY_RELEASED'
  /** The HTTP request is not a GraphQL request: a body that is not JSON, an empty body or query, a subscription over plain HTTP, Apollo’s CSRF check, a persisted-query version other than 1, or an Accept no answer fits (HTTP 400 or 406). */
  | 'BAD_REQUEST'
  /** An argument or variable the operation cannot take: a value that does not fit its type, a list over its cap, page arguments out of range or mixed, a cursor the list never gave. */
  | 'BAD_USER_INPUT'
  /** Exotel already holds an allocation with this connection id. */
  | 'DUPLICATE_CONNECTION_ID'
  /** A number appears more than once in one list. */
  | 'DUPLICATE_NUMBERS'
  /** The VoIP Innovations endpoint group is not the account’s, or cannot serve this number. */
  | 'ENDPOINT_GROUP_INVALID'
  /** The feature is not provisioned on the Delacon account. */
  | 'FEATURE_NOT_PROVISIONED'
  /** The API key lacks the scope the operation needs: read for queries and subscriptions, write for mutations (HTTP 403). */
  | 'FORBIDDEN'
  /** The document is not GraphQL: a syntax error, more than 2,000 tokens, an invalid character (HTTP 400). */
  | 'GRAPHQL_PARSE_FAILED'
  /** The document does not fit the schema or the limits: an unknown field or argument, depth, aliases, directives or cost over the limit (HTTP 400). */
  | 'GRAPHQL_VALIDATION_FAILED'
  /** The idempotencyKey was used with another input, or its first request is still running. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** A failure inside the gateway; the detail is in its log. Report it. */
  | 'INTERNAL'
  /** The Exotel call flow (flowId) is not valid for the account. */
  | 'INVALID_CALL_FLOW'
  /** Not a valid phone number (or not one for that country); UserError.field names it. */
  | 'INVALID_NUMBER'
  /** A method other than GET and POST on /graphql (HTTP 405). */
  | 'METHOD_NOT_ALLOWED'
  /** No such object at the provider or in the gateway (a service, an allocation, a number). Also the code of a route that does not exist. */
  | 'NOT_FOUND'
  /** The provider does not permit this on the account, or not now (e.g. a number still reserved). */
  | 'NOT_PERMITTED'
  /** The provider has no number in stock matching the request. */
  | 'NO_NUMBER_AVAILABLE'
  /** That number is no longer in stock (taken or reserved by someone else). */
  | 'NUMBER_NOT_AVAILABLE'
  /** The number is not ours at the provider (not assigned to the account, or reserved for another). */
  | 'NUMBER_NOT_OWNED'
  /** Apollo’s code: the document has several operations and operationName names none of them, or is missing (HTTP 400). */
  | 'OPERATION_RESOLUTION_FAILURE'
  /** A provider call that changes something lost its answer, so it may have been carried out. The gateway is finding out from the provider: retry with the same idempotencyKey for the result (never with a new key meanwhile). */
  | 'OUTCOME_UNKNOWN'
  /** A body over 100 kB, or a URL and headers over 16 KB (HTTP 413 or 431). */
  | 'PAYLOAD_TOO_LARGE'
  /** Apollo’s code (as the Apollo Router names it): the sha256Hash sent is not the hash of the query sent with it (HTTP 400). */
  | 'PERSISTED_QUERY_HASH_MISMATCH'
  /** Apollo’s code (automatic persisted queries): the hash is not known yet; send it again with the query text. */
  | 'PERSISTED_QUERY_NOT_FOUND'
  /** Apollo’s code: persisted queries are not served on this path. */
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  /** A number or PIN is already registered with another PIN (Exotel). */
  | 'PIN_CONFLICT'
  /** The provider has neither credentials nor a sandbox (its mode is OFF). */
  | 'PROVIDER_NOT_CONFIGURED'
  /** The provider refused the request for a reason of its own; the message gives its words. */
  | 'PROVIDER_REJECTED'
  /** Over RATE_LIMIT_PER_MINUTE operations for this key (HTTP 429); extensions.retryAfterSeconds says when to try again. Also a provider refusing for its own rate limit. */
  | 'RATE_LIMITED'
  /** The provider does not serve that region or country. */
  | 'REGION_NOT_SUPPORTED'
  /** A number appears in both the a-party and the b-party. */
  | 'SAME_NUMBER_BOTH_PARTIES'
  /** Only a sandboxed provider can do this (simulateIncomingCall). */
  | 'SANDBOX_ONLY'
  /** The VoIP Innovations pricing tier is not available to the account. */
  | 'TIER_NOT_AVAILABLE'
  /** More numbers in one request than the provider takes. */
  | 'TOO_MANY_NUMBERS'
  /** Over 100 operations at once on one WebSocket; the socket stays open. */
  | 'TOO_MANY_SUBSCRIPTIONS'
  /** No API key, or one the gateway does not know (HTTP 401; a WebSocket closes with 4403). */
  | 'UNAUTHENTICATED'
  /** The provider cannot do this (see providers { operations }). */
  | 'UNSUPPORTED_BY_PROVIDER'
  /** The provider cannot search by that filter field; UserError.field (or the message) names it. */
  | 'UNSUPPORTED_FILTER'
  /** A content-type other than JSON (HTTP 415). */
  | 'UNSUPPORTED_MEDIA_TYPE'
  /** The provider refused the gateway’s credentials: an operator must fix the configuration. */
  | 'UPSTREAM_AUTH_FAILED'
  /** The provider answered something the gateway cannot read or did not expect; the detail is in the gateway’s log. */
  | 'UPSTREAM_ERROR'
  /** The provider did not answer in time. For a call that changes something, see OUTCOME_UNKNOWN. */
  | 'UPSTREAM_TIMEOUT'
  /** The provider could not be reached, answered 5xx, or its circuit is open after repeated failures. Safe to retry later. */
  | 'UPSTREAM_UNAVAILABLE'
  /** An input field the provider cannot take (missing, malformed, out of range); UserError.field names it. Every bad field of an input is reported at once. */
  | 'VALIDATION_FAILED';

/** Which GreenVN to prefer. */
export type GreenVnPreferencesInput = {
  /** This specific VN. */
  greenVN?: string | null | undefined;
  /** Indian PIN code; the closest supported region is used. */
  pinCode?: string | null | undefined;
  /** Exotel region: DL MU MH WB AP TN GJ KA KL RJ MP. */
  region?: string | null | undefined;
  /** A mobile or a landline GreenVN. */
  type?: GreenVnType | null | undefined;
};

/** Exotel GreenVN number type preference. */
export type GreenVnType =
  /** A landline GreenVN. */
  | 'LANDLINE'
  /** A mobile GreenVN. */
  | 'MOBILE';

/** What a number can do beyond voice. */
export type NumberCapability =
  /** Meant OUTBOUND_CNAM on numbers in stock and CNAM_LOOKUP on owned numbers. */
  | 'CNAM'
  /** Inbound caller-name lookup (CNAM dip) is on: the caller’s name is looked up on calls to the number. An owned number (VoIP Innovations DID cnam). */
  | 'CNAM_LOOKUP'
  /** The number can send your caller name (CNAM) on the calls you make: a number in stock (VoIP Innovations outboundCNAM). */
  | 'OUTBOUND_CNAM'
  /** Text messages. */
  | 'SMS'
  /** Fax over IP (T.38). */
  | 'T38'
  /** Calls. */
  | 'VOICE';

/** How available-number counts are grouped. */
export type NumberCountGrouping =
  /** By LATA. */
  | 'LATA'
  /** By rate center. */
  | 'RATE_CENTER'
  /** By US state. */
  | 'STATE'
  /** By pricing tier. */
  | 'TIER';

/** Which numbers of the inventory (every criterion given must hold). */
export type NumberFilter = {
  /** Only numbers of this country (ISO 3166 alpha-2, e.g. AU, US, IN). */
  country?: string | null | undefined;
  /** Only numbers of this kind. */
  kind?: NumberKind | null | undefined;
  /** Only this provider’s. */
  provider?: Provider | null | undefined;
  /** Digits inside the number (international form), or words inside its region or service reference (any case). */
  search?: string | null | undefined;
  /** Only the numbers of this service (a Service id). */
  serviceId?: string | number | null | undefined;
  /** Only numbers with this status. */
  status?: NumberStatus | null | undefined;
};

/** What sort of number it is, by who pays for the call: one meaning for every provider. */
export type NumberKind =
  /** Same as TOLL_FREE. */
  | 'FREECALL'
  /** A fixed-line number tied to an area: AVANSER GEO, a VoIP Innovations rate-center number, Delacon city types (02 Sydney, 03 Tokyo, 020 London). */
  | 'GEOGRAPHIC'
  /** Same as GEOGRAPHIC. */
  | 'LANDLINE'
  /** The caller pays one local rate from anywhere in the country: AVANSER TOLLFREE (Australian 13 and 1300 numbers), China 400. */
  | 'LOCAL_RATE'
  /** A mobile number. */
  | 'MOBILE'
  /** Free to the caller: AVANSER FREECALL (Australian 1800), VoIP Innovations 8xx (state TF), freephone types at Delacon (0120 Japan, 0800 UK and New Zealand). */
  | 'TOLL_FREE';

/** How the inventory is ordered; ties keep the order the gateway kept the numbers in. */
export type NumberOrder = {
  /** Which way. */
  direction?: SortDirection;
  /** What to order by. */
  field?: NumberOrderField;
};

/** How the inventory is ordered. */
export type NumberOrderField =
  /** When the gateway first kept the number. */
  | 'ADDED'
  /** The number itself. */
  | 'E164';

/** Criteria for searching available numbers; each provider uses the ones it knows (see the README). */
export type NumberSearchInput = {
  /** Only numbers with CNAM (VoIP Innovations). */
  cnam?: boolean | null | undefined;
  /** ISO country, e.g. AU (AVANSER). */
  country?: string | null | undefined;
  /** Only numbers of this kind. */
  kind?: NumberKind | null | undefined;
  /** Local access and transport area (VoIP Innovations). */
  lata?: string | null | undefined;
  /** With longitude: numbers near this point (AVANSER). */
  latitude?: number | null | undefined;
  /** Location words (AVANSER). */
  location?: string | null | undefined;
  /** With latitude: numbers near this point (AVANSER). */
  longitude?: number | null | undefined;
  /** Area code (NANP). */
  npa?: string | null | undefined;
  /** Exchange (NANP). */
  nxx?: string | null | undefined;
  /** Leading digits of the national number (AVANSER). */
  prefix?: string | null | undefined;
  /** Rate center, e.g. BRIGHAM CY (VoIP Innovations). */
  rateCenter?: string | null | undefined;
  /** Only numbers with SMS (VoIP Innovations). */
  sms?: boolean | null | undefined;
  /** US state, TF for toll-free (VoIP Innovations). */
  state?: string | null | undefined;
  /** Standard Zone Unit, e.g. sydney (AVANSER). */
  szu?: string | null | undefined;
  /** Only numbers with T.38 fax (VoIP Innovations). */
  t38?: boolean | null | undefined;
  /** Pricing tier (VoIP Innovations). */
  tier?: string | null | undefined;
};

/** Where a number stands: in stock, held for us, ordered, in service, given back, or held by someone else. */
export type NumberStatus =
  /** Ours and in service. */
  | 'ACTIVE'
  /** In stock at the provider. */
  | 'AVAILABLE'
  /** Ordered, and the provider has not confirmed the order yet (an AVANSER service being activated): it becomes ACTIVE when its order COMPLETED, RELEASED when it FAILED. */
  | 'PENDING'
  /** No longer ours: released, its order failed, or its provider no longer lists it (found by reconciliation). */
  | 'RELEASED'
  /** Held for us for a while (reservedUntil), not yet in service. */
  | 'RESERVED'
  /** Held by another account of the provider: neither yours nor for sale (VoIP Innovations queryDID: reserved or assigned to another company). */
  | 'UNAVAILABLE';

/** Which number changes (numberUpdated). */
export type NumberUpdateFilter = {
  /** Only this number. */
  e164?: string | null | undefined;
  /** Only numbers of this provider. */
  provider?: Provider | null | undefined;
  /** Only numbers that reached this status. */
  status?: NumberStatus | null | undefined;
};

/** Numbers at one provider (reserve, release). */
export type NumbersInput = {
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. When a provider's answer was lost (OUTCOME_UNKNOWN), the same key returns what was done once the gateway has found out, and never does it twice. Kept for 48 hours. */
  idempotencyKey?: string | null | undefined;
  /** At most 100 items. */
  numbers: Array<string>;
  /** The provider holding the numbers. */
  provider: Provider;
};

/** Which orders. */
export type OrderFilter = {
  /** Subscriptions: just this order. */
  orderId?: string | number | null | undefined;
  /** Only orders at this provider. */
  provider?: Provider | null | undefined;
  /** Only orders with this status. */
  status?: OrderStatus | null | undefined;
};

/** What an order does: provision numbers or change a service. */
export type OrderKind =
  /** Provision numbers (provisionNumbers). */
  | 'PROVISION'
  /** Change a service (updateService). */
  | 'SERVICE_UPDATE';

/** PENDING until the provider confirms; then COMPLETED or FAILED. */
export type OrderStatus =
  /** Done. */
  | 'COMPLETED'
  /** The provider did not carry it out; the history’s last message says why. */
  | 'FAILED'
  /** Accepted by the provider, not yet confirmed (orderUpdated tells when it is). */
  | 'PENDING'
  /** Left PENDING past its provider’s window (see the README): the gateway stopped waiting; a confirmation that comes later still settles it. */
  | 'STALE';

/** The telephony providers behind the gateway. */
export type Provider =
  /** AVANSER (Australia): number stock, services, call reports. */
  | 'AVANSER'
  /** Delacon (Australia and other regions): call tracking numbers, provisioning, live call data. */
  | 'DELACON'
  /** Exotel Lead Assist (India): GreenVN number masking. */
  | 'EXOTEL'
  /** VoIP Innovations (US): DIDs over its SOAP API. */
  | 'VOIP_INNOVATIONS';

/** LIVE: real credentials; SANDBOX: an in-process simulator speaking the provider wire format; OFF: neither. */
export type ProviderMode =
  /** Real credentials: calls reach the provider. */
  | 'LIVE'
  /** Neither: its operations answer PROVIDER_NOT_CONFIGURED. */
  | 'OFF'
  /** An in-process simulator speaking the provider’s wire format. */
  | 'SANDBOX';

/** Provision numbers at a provider: give the block of that provider. With provider AUTO: country, kind and count, and the block of each provider you accept (the gateway picks the numbers). */
export type ProvisionNumbersInput = {
  /** For AVANSER: required when provider is AVANSER. */
  avanser?: AvanserProvisionInput | null | undefined;
  /** AUTO only: how many numbers, 1 to 20 (default 1). */
  count?: number | null | undefined;
  /** AUTO only (and required there): ISO 3166 alpha-2 country the numbers are in, e.g. AU. */
  country?: string | null | undefined;
  /** For DELACON: required when provider is DELACON. */
  delacon?: DelaconProvisionInput | null | undefined;
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. When a provider's answer was lost (OUTCOME_UNKNOWN), the same key returns what was done once the gateway has found out, and never does it twice. Kept for 48 hours. */
  idempotencyKey?: string | null | undefined;
  /** AUTO only: what sort of number (any when left out). */
  kind?: NumberKind | null | undefined;
  /** The provider to provision at, its block (delacon, avanser, voipInnovations) required; or AUTO (country required). */
  provider: ProvisionProvider;
  /** AUTO only: more stock criteria for each seller’s stock search (state, npa, szu …; country and kind are the fields above). A seller that cannot search by them is skipped. */
  stock?: NumberSearchInput | null | undefined;
  /** For VOIP_INNOVATIONS: required when provider is VOIP_INNOVATIONS. */
  voipInnovations?: VoipInnovationsProvisionInput | null | undefined;
};

/** A provider, or AUTO: the gateway picks one that sells in `country` and has the stock (see the README, "Provisioning by country"). */
export type ProvisionProvider =
  /** The gateway picks a provider selling in `country` with the stock, falling back on NO_NUMBER_AVAILABLE. */
  | 'AUTO'
  /** AVANSER. */
  | 'AVANSER'
  /** Delacon. */
  | 'DELACON'
  /** Exotel (does not provision numbers: answers UNSUPPORTED_BY_PROVIDER). */
  | 'EXOTEL'
  /** VoIP Innovations. */
  | 'VOIP_INNOVATIONS';

/** Give an active allocation a different GreenVN. */
export type ReassignGreenVnInput = {
  /** The allocation’s global id. */
  allocationId: string | number;
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. When a provider's answer was lost (OUTCOME_UNKNOWN), the same key returns what was done once the gateway has found out, and never does it twice. Kept for 48 hours. */
  idempotencyKey?: string | null | undefined;
  /** Which GreenVN to take. */
  preferences?: GreenVnPreferencesInput | null | undefined;
  /** Exotel strictness: fail rather than take a GreenVN that does not meet the preferences. */
  strict?: boolean | null | undefined;
};

/** A kind of record reconciliation compares with its provider. */
export type ReconciledRecord =
  /** An Exotel GreenVN allocation. */
  | 'ALLOCATION'
  /** A phone number. */
  | 'NUMBER'
  /** An order. */
  | 'ORDER'
  /** A service (what a number is set up to do). */
  | 'SERVICE';

/** Apply a webhook receipt again. */
export type ReplayWebhookReceiptInput = {
  /** The receipt (WebhookReceipt.id): UNMATCHED, REJECTED or FAILED. */
  id: string | number;
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. When a provider's answer was lost (OUTCOME_UNKNOWN), the same key returns what was done once the gateway has found out, and never does it twice. Kept for 48 hours. */
  idempotencyKey?: string | null | undefined;
};

/** Sandbox only: place a call to a number a simulator owns; the simulator emits the provider’s real webhooks. */
export type SimulateIncomingCallInput = {
  /** How long it lasts, in seconds. */
  durationSeconds?: number | null | undefined;
  /** The caller. */
  from: string;
  /** How the call ends. */
  outcome?: CallOutcome;
  /** Exotel: the PIN an unregistered caller enters. */
  pin?: string | null | undefined;
  /** A tracking number, service number or green VN in the sandbox. */
  to: string;
};

/** Which way a list runs. */
export type SortDirection =
  /** Smallest or oldest first. */
  | 'ASC'
  /** Largest or newest first. */
  | 'DESC';

/** AVANSER stock: the account’s private pool or public stock. */
export type StockPool =
  /** The account’s own pool. */
  | 'PRIVATE'
  /** AVANSER’s public stock. */
  | 'PUBLIC';

/** New parties for an active allocation (billed by Exotel as a new allocation). */
export type UpdateAllocationPartiesInput = {
  /** At most 100 items. */
  aPartyNumbers?: Array<string> | null | undefined;
  /** At most 100 items. */
  aPartyPins?: Array<number> | null | undefined;
  /** The allocation’s global id. */
  allocationId: string | number;
  /** At most 100 items. */
  bPartyNumbers?: Array<string> | null | undefined;
  /** At most 100 items. */
  bPartyPins?: Array<number> | null | undefined;
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. When a provider's answer was lost (OUTCOME_UNKNOWN), the same key returns what was done once the gateway has found out, and never does it twice. Kept for 48 hours. */
  idempotencyKey?: string | null | undefined;
  /** Who may call whom, from now on. */
  usage?: AllocationUsage | null | undefined;
};

/** Change a service: give the block of its provider. */
export type UpdateServiceInput = {
  /** For AVANSER: required when provider is AVANSER. */
  avanser?: AvanserServiceUpdateInput | null | undefined;
  /** For DELACON: required when provider is DELACON. */
  delacon?: DelaconServiceUpdateInput | null | undefined;
  /** Any unique string (≤ 200 chars). Sending the same key again replays the first result and changes nothing; the same key with a different input is refused. When a provider's answer was lost (OUTCOME_UNKNOWN), the same key returns what was done once the gateway has found out, and never does it twice. Kept for 48 hours. */
  idempotencyKey?: string | null | undefined;
  /** The provider holding the service; its block is required. */
  provider: Provider;
  /** Delacon company id, AVANSER service number (E.164) or VoIP Innovations DID (E.164). */
  serviceRef: string;
  /** For VOIP_INNOVATIONS: required when provider is VOIP_INNOVATIONS. */
  voipInnovations?: VoipInnovationsServiceUpdateInput | null | undefined;
};

/** VoIP Innovations: reserve, then assign each number to an endpoint group. */
export type VoipInnovationsProvisionInput = {
  /** Inbound CNAM lookup. */
  cnam?: boolean | null | undefined;
  /** Endpoint group the numbers route to. */
  endpointGroup: number;
  /** Required, except with provider AUTO (which picks them). At most 100 items. */
  numbers?: Array<string> | null | undefined;
  /** Your reference. */
  refId?: string | null | undefined;
};

/** VoIP Innovations DID configuration (configDID). */
export type VoipInnovationsServiceUpdateInput = {
  /** Inbound CNAM lookup. */
  cnam?: boolean | null | undefined;
  /** The endpoint group the number routes to. */
  endpointGroup?: number | null | undefined;
  /** Your reference. */
  refId?: string | null | undefined;
};

/** How the gateway keeps a webhook body. */
export type WebhookBodyEncoding =
  /** As bytes, in base64: the body was not valid UTF-8, or held NUL. */
  | 'BASE64'
  /** As text: the body was valid UTF-8 without NUL. */
  | 'TEXT';

/** Which webhook receipts. */
export type WebhookReceiptFilter = {
  /** Only this provider’s. */
  provider?: Provider | null | undefined;
  /** Only those received after this instant. */
  receivedAfter?: string | null | undefined;
  /** Only those received before this instant; must be after receivedAfter. */
  receivedBefore?: string | null | undefined;
  /** Only receipts in this state (e.g. UNMATCHED, REJECTED: what a replay may apply). */
  status?: WebhookReceiptStatus | null | undefined;
};

/** What became of one webhook delivery. UNMATCHED, REJECTED and FAILED receipts can be replayed (replayWebhookReceipt). */
export type WebhookReceiptStatus =
  /** Its event was applied: stored and published. */
  | 'APPLIED'
  /** Its event had been applied from an earlier delivery: nothing changed. */
  | 'DUPLICATE'
  /** A fault of ours or the store being down (answered 5xx, so the provider retries). */
  | 'FAILED'
  /** Being applied right now (kept before it is answered). */
  | 'RECEIVED'
  /** The payload could not be read or stored (answered 4xx); see reason. */
  | 'REJECTED'
  /** Abandoned by a process that died; a later delivery of the same event applied it. */
  | 'SUPERSEDED'
  /** Nothing to apply it to yet (e.g. an order or allocation the gateway does not hold); a redelivery or a replay applies it. */
  | 'UNMATCHED';

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


export type OnAllocationEventSubscription = { allocationEvents: { id: string, provider: Provider, kind: AllocationEventKind, allocationRef: string | null, greenVN: string | null, caller: string | null, pin: string | null, providerCallId: string | null, at: string } };

export type AvanserStockQueryVariables = Exact<{
  filter: NumberSearchInput;
  first?: number;
}>;


export type AvanserStockQuery = { availableNumbers: { edges: Array<{ node: { e164: string, national: string, kind: NumberKind | null, pool: StockPool | null, region: string | null, status: NumberStatus, capabilities: Array<NumberCapability> } }> } };

export type AvanserServiceFieldsFragment = { id: string, provider: Provider, providerRef: string, name: string | null, numbers: Array<string>, destination: string | null, destinationName: string | null, recording: boolean | null, customId: string | null, customGroup: string | null, settings: Array<{ key: string, value: string }> };

export type AvanserProvisionMutationVariables = Exact<{
  input: AvanserProvisionInput;
}>;


export type AvanserProvisionMutation = { provisionNumbers: { orders: Array<{ id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, providerStatus: string | null, accountId: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, service: { id: string, provider: Provider, providerRef: string, name: string | null, numbers: Array<string>, destination: string | null, destinationName: string | null, recording: boolean | null, customId: string | null, customGroup: string | null, settings: Array<{ key: string, value: string }> } | null, history: Array<{ at: string, status: OrderStatus, message: string | null }> }>, numbers: Array<{ e164: string, ok: boolean, code: ErrorCode | null, message: string | null, status: NumberStatus | null, reservedUntil: string | null, providerCode: string | null, providerMessage: string | null }>, userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type AvanserServicesQueryVariables = Exact<{ [key: string]: never; }>;


export type AvanserServicesQuery = { services: { edges: Array<{ node: { id: string, provider: Provider, providerRef: string, name: string | null, numbers: Array<string>, destination: string | null, destinationName: string | null, recording: boolean | null, customId: string | null, customGroup: string | null, settings: Array<{ key: string, value: string }> } }> } };

export type AvanserServiceQueryVariables = Exact<{
  serviceRef: string;
}>;


export type AvanserServiceQuery = { service: { id: string, provider: Provider, providerRef: string, name: string | null, numbers: Array<string>, destination: string | null, destinationName: string | null, recording: boolean | null, customId: string | null, customGroup: string | null, settings: Array<{ key: string, value: string }> } | null };

export type AvanserOnCallSubscriptionVariables = Exact<{
  filter?: CallEventFilter | null | undefined;
}>;


export type AvanserOnCallSubscription = { callEvents: { answeredByName: string | null, serviceName: string | null, raw: Record<string, unknown>, id: string, provider: Provider, providerCallId: string, status: CallStatus, from: string | null, to: string | null, forwardedTo: string | null, forwardedToName: string | null, answeredBy: string | null, startedAt: string | null, endedAt: string | null, reportedAt: string | null, durationSeconds: number | null, dialSeconds: number | null, ringingSeconds: number | null, direction: string | null, platform: string | null, disconnectedBy: string | null, detailedStatus: string | null, recordingUrl: string | null, allocationRef: string | null, serviceRef: string | null, providerServiceId: string | null, serviceCategory: string | null, websiteNumber: string | null, customId: string | null, customGroup: string | null, switchCallId: string | null, providerAccount: string | null, createdAt: string, updatedAt: string, callerLocation: { description: string | null, state: string | null, country: string | null } | null, service: { id: string, provider: Provider, providerRef: string, name: string | null, numbers: Array<string>, destination: string | null, destinationName: string | null, recording: boolean | null, customId: string | null, customGroup: string | null, settings: Array<{ key: string, value: string }> } | null } };

export type CallStatsFieldsFragment = { bucketStart: string | null, totalCalls: number, answeredCalls: number, missedCalls: number, answerRate: number | null, totalDurationSeconds: number, averageDurationSeconds: number | null, firstTimeCallers: number, conversions: number, keys: { provider: Provider | null, number: string | null, serviceRef: string | null, status: CallStatus | null, source: string | null, campaign: string | null, keywords: string | null, landingPage: string | null, allocationRef: string | null } };

export type CallHistoryQueryVariables = Exact<{
  filter?: CallEventFilter;
  orderBy?: CallEventOrder;
  first?: number;
  after?: string | null | undefined;
}>;


export type CallHistoryQuery = { callEvents: { edges: Array<{ cursor: string, node: { providerCallId: string, from: string | null, startedAt: string | null, durationSeconds: number | null, status: CallStatus } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CallStatsQueryVariables = Exact<{
  filter?: CallEventFilter;
  groupBy?: Array<CallStatsDimension> | CallStatsDimension;
  interval?: CallStatsInterval | null | undefined;
  timeZone?: string;
}>;


export type CallStatsQuery = { callStats: Array<{ bucketStart: string | null, totalCalls: number, answeredCalls: number, missedCalls: number, answerRate: number | null, totalDurationSeconds: number, averageDurationSeconds: number | null, firstTimeCallers: number, conversions: number, keys: { provider: Provider | null, number: string | null, serviceRef: string | null, status: CallStatus | null, source: string | null, campaign: string | null, keywords: string | null, landingPage: string | null, allocationRef: string | null } }> };

export type OnCallStatsSubscriptionVariables = Exact<{
  filter?: CallEventFilter | null | undefined;
  groupBy?: Array<CallStatsDimension> | CallStatsDimension;
  interval?: CallStatsInterval | null | undefined;
  timeZone?: string;
}>;


export type OnCallStatsSubscription = { callStatsUpdated: Array<{ bucketStart: string | null, totalCalls: number, answeredCalls: number, missedCalls: number, answerRate: number | null, totalDurationSeconds: number, averageDurationSeconds: number | null, firstTimeCallers: number, conversions: number, keys: { provider: Provider | null, number: string | null, serviceRef: string | null, status: CallStatus | null, source: string | null, campaign: string | null, keywords: string | null, landingPage: string | null, allocationRef: string | null } }> };

export type CallEventsQueryVariables = Exact<{
  filter?: CallEventFilter;
  first?: number;
  after?: string | null | undefined;
}>;


export type CallEventsQuery = { callEvents: { edges: Array<{ cursor: string, node: { id: string, provider: Provider, providerCallId: string, status: CallStatus, from: string | null, to: string | null, forwardedTo: string | null, forwardedToName: string | null, answeredBy: string | null, startedAt: string | null, endedAt: string | null, reportedAt: string | null, durationSeconds: number | null, dialSeconds: number | null, ringingSeconds: number | null, direction: string | null, platform: string | null, disconnectedBy: string | null, detailedStatus: string | null, recordingUrl: string | null, allocationRef: string | null, serviceRef: string | null, serviceName: string | null, providerServiceId: string | null, serviceCategory: string | null, websiteNumber: string | null, customId: string | null, customGroup: string | null, switchCallId: string | null, providerAccount: string | null, createdAt: string, updatedAt: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type OnCallEventSubscriptionVariables = Exact<{
  filter?: CallEventFilter | null | undefined;
}>;


export type OnCallEventSubscription = { callEvents: { raw: Record<string, unknown>, id: string, provider: Provider, providerCallId: string, status: CallStatus, from: string | null, to: string | null, forwardedTo: string | null, forwardedToName: string | null, answeredBy: string | null, startedAt: string | null, endedAt: string | null, reportedAt: string | null, durationSeconds: number | null, dialSeconds: number | null, ringingSeconds: number | null, direction: string | null, platform: string | null, disconnectedBy: string | null, detailedStatus: string | null, recordingUrl: string | null, allocationRef: string | null, serviceRef: string | null, serviceName: string | null, providerServiceId: string | null, serviceCategory: string | null, websiteNumber: string | null, customId: string | null, customGroup: string | null, switchCallId: string | null, providerAccount: string | null, createdAt: string, updatedAt: string, allocation: { id: string, providerRef: string, greenVN: string | null } | null } };

export type SimulateIncomingCallMutationVariables = Exact<{
  input: SimulateIncomingCallInput;
}>;


export type SimulateIncomingCallMutation = { simulateIncomingCall: { provider: Provider | null, providerCallId: string | null } };

export type DelaconServiceFieldsFragment = { id: string, provider: Provider, providerRef: string, name: string | null, numbers: Array<string>, destination: string | null, recording: boolean | null, settings: Array<{ key: string, value: string }> };

export type DelaconCallFieldsFragment = { answeredByName: string | null, serviceName: string | null, voicemailLeft: boolean | null, surveyOutcome: string | null, saleAmount: string | null, conversion: Conversion | null, ivrChoice: string | null, recordingStreamUrl: string | null, raw: Record<string, unknown>, id: string, provider: Provider, providerCallId: string, status: CallStatus, from: string | null, to: string | null, forwardedTo: string | null, forwardedToName: string | null, answeredBy: string | null, startedAt: string | null, endedAt: string | null, reportedAt: string | null, durationSeconds: number | null, dialSeconds: number | null, ringingSeconds: number | null, direction: string | null, platform: string | null, disconnectedBy: string | null, detailedStatus: string | null, recordingUrl: string | null, allocationRef: string | null, serviceRef: string | null, providerServiceId: string | null, serviceCategory: string | null, websiteNumber: string | null, customId: string | null, customGroup: string | null, switchCallId: string | null, providerAccount: string | null, createdAt: string, updatedAt: string, callerLocation: { exchange: string | null, city: string | null, state: string | null } | null, attribution: { searchEngine: string | null, searchType: string | null, keywords: string | null, referrer: string | null, landingPage: string | null, pageCalledFrom: string | null, sessionId: string | null, gaClientId: string | null, extraTracking: string | null } | null };

export type DelaconNumberTypesQueryVariables = Exact<{
  region: DelaconRegion;
}>;


export type DelaconNumberTypesQuery = { numberTypes: Array<{ key: string, description: string, region: string | null }> };

export type DelaconProvisionMutationVariables = Exact<{
  input: ProvisionNumbersInput;
}>;


export type DelaconProvisionMutation = { provisionNumbers: { orders: Array<{ id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, providerStatus: string | null, accountId: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, service: { id: string, provider: Provider, providerRef: string, name: string | null, numbers: Array<string>, destination: string | null, recording: boolean | null, settings: Array<{ key: string, value: string }> } | null, history: Array<{ at: string, status: OrderStatus, message: string | null }> }>, userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type DelaconOrderQueryVariables = Exact<{
  id: string | number;
}>;


export type DelaconOrderQuery = { order: { id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, providerStatus: string | null, accountId: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, service: { id: string, provider: Provider, providerRef: string, name: string | null, numbers: Array<string>, destination: string | null, recording: boolean | null, settings: Array<{ key: string, value: string }> } | null, history: Array<{ at: string, status: OrderStatus, message: string | null }> } | null };

export type DelaconOnOrderUpdatedSubscriptionVariables = Exact<{
  filter?: OrderFilter | null | undefined;
}>;


export type DelaconOnOrderUpdatedSubscription = { orderUpdated: { id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, providerStatus: string | null, accountId: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, service: { id: string, provider: Provider, providerRef: string, name: string | null, numbers: Array<string>, destination: string | null, recording: boolean | null, settings: Array<{ key: string, value: string }> } | null, history: Array<{ at: string, status: OrderStatus, message: string | null }> } };

export type DelaconUpdateServiceMutationVariables = Exact<{
  input: UpdateServiceInput;
}>;


export type DelaconUpdateServiceMutation = { updateService: { service: { id: string, provider: Provider, providerRef: string, name: string | null, numbers: Array<string>, destination: string | null, recording: boolean | null, settings: Array<{ key: string, value: string }> } | null, parts: Array<{ fields: Array<string>, applied: boolean, pending: boolean, code: ErrorCode | null, message: string | null }>, userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type DelaconOnCallEventSubscriptionVariables = Exact<{
  filter?: CallEventFilter | null | undefined;
}>;


export type DelaconOnCallEventSubscription = { callEvents: { answeredByName: string | null, serviceName: string | null, voicemailLeft: boolean | null, surveyOutcome: string | null, saleAmount: string | null, conversion: Conversion | null, ivrChoice: string | null, recordingStreamUrl: string | null, raw: Record<string, unknown>, id: string, provider: Provider, providerCallId: string, status: CallStatus, from: string | null, to: string | null, forwardedTo: string | null, forwardedToName: string | null, answeredBy: string | null, startedAt: string | null, endedAt: string | null, reportedAt: string | null, durationSeconds: number | null, dialSeconds: number | null, ringingSeconds: number | null, direction: string | null, platform: string | null, disconnectedBy: string | null, detailedStatus: string | null, recordingUrl: string | null, allocationRef: string | null, serviceRef: string | null, providerServiceId: string | null, serviceCategory: string | null, websiteNumber: string | null, customId: string | null, customGroup: string | null, switchCallId: string | null, providerAccount: string | null, createdAt: string, updatedAt: string, callerLocation: { exchange: string | null, city: string | null, state: string | null } | null, attribution: { searchEngine: string | null, searchType: string | null, keywords: string | null, referrer: string | null, landingPage: string | null, pageCalledFrom: string | null, sessionId: string | null, gaClientId: string | null, extraTracking: string | null } | null } };

export type ExotelUserErrorsFragment = { userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> };

export type ExotelAllocateMutationVariables = Exact<{
  input: AllocateGreenVnInput;
}>;


export type ExotelAllocateMutation = { allocateGreenVN: { allocation: { id: string, provider: Provider, providerRef: string, connectionId: string, greenVN: string | null, aPartyNumbers: Array<string>, bPartyNumbers: Array<string>, aPartyPins: Array<number>, bPartyPins: Array<number>, usage: AllocationUsage, state: AllocationState, flowId: string | null, expiresAt: string | null, createdAt: string, updatedAt: string } | null, userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ExotelUpdatePartiesMutationVariables = Exact<{
  input: UpdateAllocationPartiesInput;
}>;


export type ExotelUpdatePartiesMutation = { updateAllocationParties: { allocation: { id: string, provider: Provider, providerRef: string, connectionId: string, greenVN: string | null, aPartyNumbers: Array<string>, bPartyNumbers: Array<string>, aPartyPins: Array<number>, bPartyPins: Array<number>, usage: AllocationUsage, state: AllocationState, flowId: string | null, expiresAt: string | null, createdAt: string, updatedAt: string } | null, userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ExotelReassignMutationVariables = Exact<{
  input: ReassignGreenVnInput;
}>;


export type ExotelReassignMutation = { reassignGreenVN: { allocation: { id: string, provider: Provider, providerRef: string, connectionId: string, greenVN: string | null, aPartyNumbers: Array<string>, bPartyNumbers: Array<string>, aPartyPins: Array<number>, bPartyPins: Array<number>, usage: AllocationUsage, state: AllocationState, flowId: string | null, expiresAt: string | null, createdAt: string, updatedAt: string } | null, userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ExotelDeallocateMutationVariables = Exact<{
  input: DeallocateGreenVnInput;
}>;


export type ExotelDeallocateMutation = { deallocateGreenVN: { allocation: { id: string, provider: Provider, providerRef: string, connectionId: string, greenVN: string | null, aPartyNumbers: Array<string>, bPartyNumbers: Array<string>, aPartyPins: Array<number>, bPartyPins: Array<number>, usage: AllocationUsage, state: AllocationState, flowId: string | null, expiresAt: string | null, createdAt: string, updatedAt: string } | null, userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ExotelAllocationQueryVariables = Exact<{
  id: string | number;
}>;


export type ExotelAllocationQuery = { allocation: { refreshedAt: string, id: string, provider: Provider, providerRef: string, connectionId: string, greenVN: string | null, aPartyNumbers: Array<string>, bPartyNumbers: Array<string>, aPartyPins: Array<number>, bPartyPins: Array<number>, usage: AllocationUsage, state: AllocationState, flowId: string | null, expiresAt: string | null, createdAt: string, updatedAt: string, calls: Array<{ providerCallId: string, status: CallStatus, from: string | null, answeredBy: string | null }> } | null };

export type ExotelAllocationsQueryVariables = Exact<{
  filter?: AllocationFilter;
  first?: number;
}>;


export type ExotelAllocationsQuery = { allocations: { edges: Array<{ node: { id: string, state: AllocationState, aPartyNumbers: Array<string>, refreshedAt: string, calls: Array<{ providerCallId: string }> } }> } };

export type ExotelProvisionMutationVariables = Exact<{ [key: string]: never; }>;


export type ExotelProvisionMutation = { provisionNumbers: { orders: Array<{ id: string }>, userErrors: Array<{ code: ErrorCode, message: string }> } };

export type ExotelSimulateCallMutationVariables = Exact<{
  input: SimulateIncomingCallInput;
}>;


export type ExotelSimulateCallMutation = { simulateIncomingCall: { providerCallId: string | null, userErrors: Array<{ code: ErrorCode, field: Array<string> | null }> } };

export type AllocationFieldsFragment = { id: string, provider: Provider, providerRef: string, connectionId: string, greenVN: string | null, aPartyNumbers: Array<string>, bPartyNumbers: Array<string>, aPartyPins: Array<number>, bPartyPins: Array<number>, usage: AllocationUsage, state: AllocationState, flowId: string | null, expiresAt: string | null, createdAt: string, updatedAt: string };

export type CallEventFieldsFragment = { id: string, provider: Provider, providerCallId: string, status: CallStatus, from: string | null, to: string | null, forwardedTo: string | null, forwardedToName: string | null, answeredBy: string | null, startedAt: string | null, endedAt: string | null, reportedAt: string | null, durationSeconds: number | null, dialSeconds: number | null, ringingSeconds: number | null, direction: string | null, platform: string | null, disconnectedBy: string | null, detailedStatus: string | null, recordingUrl: string | null, allocationRef: string | null, serviceRef: string | null, serviceName: string | null, providerServiceId: string | null, serviceCategory: string | null, websiteNumber: string | null, customId: string | null, customGroup: string | null, switchCallId: string | null, providerAccount: string | null, createdAt: string, updatedAt: string };

export type OrderFieldsFragment = { id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, providerStatus: string | null, accountId: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, history: Array<{ at: string, status: OrderStatus, message: string | null }> };

export type NumberResultFieldsFragment = { e164: string, ok: boolean, code: ErrorCode | null, message: string | null, status: NumberStatus | null, reservedUntil: string | null, providerCode: string | null, providerMessage: string | null };

export type UserErrorFieldsFragment = { code: ErrorCode, field: Array<string> | null, message: string };

export type UpdatePartFieldsFragment = { fields: Array<string>, applied: boolean, pending: boolean, code: ErrorCode | null, message: string | null };

export type StockAcrossProvidersQueryVariables = Exact<{
  filter?: NumberSearchInput;
  first?: number;
  after?: string | null | undefined;
}>;


export type StockAcrossProvidersQuery = { availableNumbers: { edges: Array<{ cursor: string, node: { e164: string, country: string | null, provider: Provider, status: NumberStatus, kind: NumberKind | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean }, sources: Array<{ provider: Provider, ok: boolean, code: ErrorCode | null, message: string | null }> } };

export type InventoryQueryVariables = Exact<{
  filter?: NumberFilter;
  orderBy?: NumberOrder | null | undefined;
  first?: number;
  after?: string | null | undefined;
}>;


export type InventoryQuery = { numbers: { edges: Array<{ cursor: string, node: { id: string, e164: string, country: string | null, provider: Provider, status: NumberStatus, kind: NumberKind | null, region: string | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'Allocation', id: string, provider: Provider, providerRef: string, connectionId: string, greenVN: string | null, aPartyNumbers: Array<string>, bPartyNumbers: Array<string>, aPartyPins: Array<number>, bPartyPins: Array<number>, usage: AllocationUsage, state: AllocationState, flowId: string | null, expiresAt: string | null, createdAt: string, updatedAt: string }
    | { __typename: 'CallEvent', id: string, provider: Provider, providerCallId: string, status: CallStatus, from: string | null, to: string | null, forwardedTo: string | null, forwardedToName: string | null, answeredBy: string | null, startedAt: string | null, endedAt: string | null, reportedAt: string | null, durationSeconds: number | null, dialSeconds: number | null, ringingSeconds: number | null, direction: string | null, platform: string | null, disconnectedBy: string | null, detailedStatus: string | null, recordingUrl: string | null, allocationRef: string | null, serviceRef: string | null, serviceName: string | null, providerServiceId: string | null, serviceCategory: string | null, websiteNumber: string | null, customId: string | null, customGroup: string | null, switchCallId: string | null, providerAccount: string | null, createdAt: string, updatedAt: string }
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


export type ProvisionNumbersMutation = { provisionNumbers: { orders: Array<{ id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, providerStatus: string | null, accountId: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, history: Array<{ at: string, status: OrderStatus, message: string | null }> }>, numbers: Array<{ e164: string, ok: boolean, code: ErrorCode | null, message: string | null, status: NumberStatus | null, reservedUntil: string | null, providerCode: string | null, providerMessage: string | null }> } };

export type ReserveNumbersMutationVariables = Exact<{
  input: NumbersInput;
}>;


export type ReserveNumbersMutation = { reserveNumbers: { numbers: Array<{ e164: string, ok: boolean, code: ErrorCode | null, message: string | null, status: NumberStatus | null, reservedUntil: string | null, providerCode: string | null, providerMessage: string | null }> } };

export type ReleaseNumbersMutationVariables = Exact<{
  input: NumbersInput;
}>;


export type ReleaseNumbersMutation = { releaseNumbers: { numbers: Array<{ e164: string, ok: boolean, code: ErrorCode | null, message: string | null, status: NumberStatus | null, reservedUntil: string | null, providerCode: string | null, providerMessage: string | null }> } };

export type UpdateServiceMutationVariables = Exact<{
  input: UpdateServiceInput;
}>;


export type UpdateServiceMutation = { updateService: { service: { id: string, provider: Provider, providerRef: string, name: string | null, destination: string | null, recording: boolean | null, settings: Array<{ key: string, value: string }> } | null, order: { id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, providerStatus: string | null, accountId: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, history: Array<{ at: string, status: OrderStatus, message: string | null }> } | null, parts: Array<{ fields: Array<string>, applied: boolean, pending: boolean, code: ErrorCode | null, message: string | null }> } };

export type OrdersQueryVariables = Exact<{
  filter?: OrderFilter;
  first?: number;
  after?: string | null | undefined;
}>;


export type OrdersQuery = { orders: { edges: Array<{ cursor: string, node: { id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, providerStatus: string | null, accountId: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, history: Array<{ at: string, status: OrderStatus, message: string | null }> } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type OnOrderUpdatedSubscriptionVariables = Exact<{
  filter?: OrderFilter | null | undefined;
}>;


export type OnOrderUpdatedSubscription = { orderUpdated: { id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, providerStatus: string | null, accountId: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, history: Array<{ at: string, status: OrderStatus, message: string | null }> } };

export type OrderByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderByIdQuery = { order: { id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, providerStatus: string | null, accountId: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, history: Array<{ at: string, status: OrderStatus, message: string | null }> } | null };

export type ProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type ProvidersQuery = { providers: Array<{ provider: Provider, mode: ProviderMode, configured: boolean, sandbox: boolean, healthy: boolean, operations: Array<string>, webhookEvents: Array<string> }> };

export type WebhookReceiptFieldsFragment = { id: string, provider: Provider, event: string, method: string, receivedAt: string, status: WebhookReceiptStatus, reason: string | null, eventKey: string | null, contentType: string | null, body: string, bodyEncoding: WebhookBodyEncoding, bodyBase64: string | null, query: Array<{ key: string, value: string }> };

export type WebhookReceiptsQueryVariables = Exact<{
  filter?: WebhookReceiptFilter;
  first?: number;
  after?: string | null | undefined;
}>;


export type WebhookReceiptsQuery = { webhookReceipts: { edges: Array<{ cursor: string, node: { id: string, provider: Provider, event: string, method: string, receivedAt: string, status: WebhookReceiptStatus, reason: string | null, eventKey: string | null, contentType: string | null, body: string, bodyEncoding: WebhookBodyEncoding, bodyBase64: string | null, query: Array<{ key: string, value: string }> } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ReplayWebhookReceiptMutationVariables = Exact<{
  input: ReplayWebhookReceiptInput;
}>;


export type ReplayWebhookReceiptMutation = { replayWebhookReceipt: { receipt: { id: string, provider: Provider, event: string, method: string, receivedAt: string, status: WebhookReceiptStatus, reason: string | null, eventKey: string | null, contentType: string | null, body: string, bodyEncoding: WebhookBodyEncoding, bodyBase64: string | null, query: Array<{ key: string, value: string }> } | null, userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type StoredNumberFieldsFragment = { id: string, provider: Provider, e164: string, status: NumberStatus, kind: NumberKind | null, region: string | null, details: Array<{ key: string, value: string }> };

export type NumbersAtQueryVariables = Exact<{
  provider: Provider;
  first?: number;
}>;


export type NumbersAtQuery = { numbers: { edges: Array<{ node: { id: string, provider: Provider, e164: string, status: NumberStatus, kind: NumberKind | null, region: string | null, details: Array<{ key: string, value: string }> } }> } };

export type OnNumberUpdatedSubscriptionVariables = Exact<{
  filter?: NumberUpdateFilter | null | undefined;
}>;


export type OnNumberUpdatedSubscription = { numberUpdated: { id: string, provider: Provider, e164: string, status: NumberStatus, kind: NumberKind | null, region: string | null, details: Array<{ key: string, value: string }> } };

export type LastReconciliationQueryVariables = Exact<{ [key: string]: never; }>;


export type LastReconciliationQuery = { reconciliation: { startedAt: string, finishedAt: string, providers: Array<{ provider: Provider, numbers: Coverage, services: Coverage, allocations: Coverage, orderStaleAfterSeconds: number | null, checked: number, changeCount: number, changes: Array<{ record: ReconciledRecord, drift: Drift, ref: string, before: string | null, after: string | null }>, error: { code: ErrorCode, message: string } | null }> } | null };

export type VoipInnovationsNumberFieldsFragment = { id: string, e164: string, national: string, provider: Provider, status: NumberStatus, kind: NumberKind | null, region: string | null, rateCenter: string | null, lata: string | null, tier: string | null, capabilities: Array<NumberCapability>, reservedUntil: string | null, details: Array<{ key: string, value: string }> };

export type VoipInnovationsServiceFieldsFragment = { providerRef: string, destination: string | null, customId: string | null, settings: Array<{ key: string, value: string }> };

export type VoipInnovationsNumbersPayloadFieldsFragment = { numbers: Array<{ e164: string, ok: boolean, code: ErrorCode | null, message: string | null, status: NumberStatus | null, reservedUntil: string | null, providerCode: string | null, providerMessage: string | null }>, userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> };

export type VoipInnovationsSearchQueryVariables = Exact<{
  filter: NumberSearchInput;
  first?: number;
  after?: string | null | undefined;
}>;


export type VoipInnovationsSearchQuery = { availableNumbers: { edges: Array<{ node: { id: string, e164: string, national: string, provider: Provider, status: NumberStatus, kind: NumberKind | null, region: string | null, rateCenter: string | null, lata: string | null, tier: string | null, capabilities: Array<NumberCapability>, reservedUntil: string | null, details: Array<{ key: string, value: string }> } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type VoipInnovationsCountQueryVariables = Exact<{
  filter: NumberSearchInput;
  groupBy?: NumberCountGrouping;
}>;


export type VoipInnovationsCountQuery = { availableNumberCount: { total: number, groups: Array<{ state: string | null, rateCenter: string | null, lata: string | null, tier: string | null, count: number }> } };

export type VoipInnovationsNumbersQueryVariables = Exact<{ [key: string]: never; }>;


export type VoipInnovationsNumbersQuery = { numbers: { edges: Array<{ node: { id: string, e164: string, national: string, provider: Provider, status: NumberStatus, kind: NumberKind | null, region: string | null, rateCenter: string | null, lata: string | null, tier: string | null, capabilities: Array<NumberCapability>, reservedUntil: string | null, details: Array<{ key: string, value: string }> } }> } };

export type VoipInnovationsNumberQueryVariables = Exact<{
  e164: string;
}>;


export type VoipInnovationsNumberQuery = { number: { id: string, e164: string, national: string, provider: Provider, status: NumberStatus, kind: NumberKind | null, region: string | null, rateCenter: string | null, lata: string | null, tier: string | null, capabilities: Array<NumberCapability>, reservedUntil: string | null, details: Array<{ key: string, value: string }> } | null };

export type VoipInnovationsServiceQueryVariables = Exact<{
  serviceRef: string;
}>;


export type VoipInnovationsServiceQuery = { service: { providerRef: string, destination: string | null, customId: string | null, settings: Array<{ key: string, value: string }> } | null };

export type VoipInnovationsReserveMutationVariables = Exact<{
  numbers: Array<string> | string;
}>;


export type VoipInnovationsReserveMutation = { reserveNumbers: { numbers: Array<{ e164: string, ok: boolean, code: ErrorCode | null, message: string | null, status: NumberStatus | null, reservedUntil: string | null, providerCode: string | null, providerMessage: string | null }>, userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type VoipInnovationsProvisionMutationVariables = Exact<{
  input: VoipInnovationsProvisionInput;
  idempotencyKey?: string | null | undefined;
}>;


export type VoipInnovationsProvisionMutation = { provisionNumbers: { orders: Array<{ id: string, provider: Provider, kind: OrderKind, status: OrderStatus, providerRef: string | null, serviceRef: string | null, message: string | null, providerStatus: string | null, accountId: string | null, numbers: Array<string>, createdAt: string, updatedAt: string, history: Array<{ at: string, status: OrderStatus, message: string | null }> }>, numbers: Array<{ e164: string, ok: boolean, code: ErrorCode | null, message: string | null, status: NumberStatus | null, reservedUntil: string | null, providerCode: string | null, providerMessage: string | null }>, userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type VoipInnovationsUpdateServiceMutationVariables = Exact<{
  serviceRef: string;
  settings: VoipInnovationsServiceUpdateInput;
}>;


export type VoipInnovationsUpdateServiceMutation = { updateService: { service: { providerRef: string, destination: string | null, customId: string | null, settings: Array<{ key: string, value: string }> } | null, parts: Array<{ fields: Array<string>, applied: boolean, pending: boolean, code: ErrorCode | null, message: string | null }>, userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type VoipInnovationsReleaseMutationVariables = Exact<{
  numbers: Array<string> | string;
}>;


export type VoipInnovationsReleaseMutation = { releaseNumbers: { numbers: Array<{ e164: string, ok: boolean, code: ErrorCode | null, message: string | null, status: NumberStatus | null, reservedUntil: string | null, providerCode: string | null, providerMessage: string | null }>, userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type VoipInnovationsPortabilityQueryVariables = Exact<{
  mine: Array<string> | string;
  theirs: Array<string> | string;
}>;


export type VoipInnovationsPortabilityQuery = { mine: Array<{ e164: string, portable: boolean, message: string | null }>, theirs: Array<{ e164: string, portable: boolean, message: string | null }> };

export type VoipInnovationsPortDetailsQueryVariables = Exact<{
  portId: number;
}>;


export type VoipInnovationsPortDetailsQuery = { portDetails: { portId: number, status: string, endUser: string | null, billingNumber: string | null, portingFrom: string | null, submittedAt: string | null, focAt: string | null, requestedFocAt: string | null, numbers: Array<string>, salesRep: string | null, defaultEndpointGroup: number | null, numberDetails: Array<{ e164: string, tier: string | null, rateCenter: string | null, state: string | null, lata: string | null, endpointGroup: number | null, cnamLookup: boolean | null, e911: boolean | null }> } | null };

export type VoipInnovationsSimulateCallMutationVariables = Exact<{
  to: string;
}>;


export type VoipInnovationsSimulateCallMutation = { simulateIncomingCall: { provider: Provider | null, providerCallId: string | null, userErrors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type VoipInnovationsAccountQueryVariables = Exact<{
  provider: Provider;
}>;


export type VoipInnovationsAccountQuery = { providerAccount: { provider: Provider, conferenceLine: { enabled: boolean } | null } };

export const AvanserServiceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AvanserServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"destinationName"}},{"kind":"Field","name":{"kind":"Name","value":"recording"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"customGroup"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<AvanserServiceFieldsFragment, unknown>;
export const CallStatsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallStatsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallStatsRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"campaign"}},{"kind":"Field","name":{"kind":"Name","value":"keywords"}},{"kind":"Field","name":{"kind":"Name","value":"landingPage"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bucketStart"}},{"kind":"Field","name":{"kind":"Name","value":"totalCalls"}},{"kind":"Field","name":{"kind":"Name","value":"answeredCalls"}},{"kind":"Field","name":{"kind":"Name","value":"missedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"answerRate"}},{"kind":"Field","name":{"kind":"Name","value":"totalDurationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"averageDurationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"firstTimeCallers"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}}]}}]} as unknown as DocumentNode<CallStatsFieldsFragment, unknown>;
export const DelaconServiceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DelaconServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"recording"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<DelaconServiceFieldsFragment, unknown>;
export const CallEventFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedTo"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedToName"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"dialSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"ringingSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"disconnectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"detailedStatus"}},{"kind":"Field","name":{"kind":"Name","value":"recordingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"providerServiceId"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCategory"}},{"kind":"Field","name":{"kind":"Name","value":"websiteNumber"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"customGroup"}},{"kind":"Field","name":{"kind":"Name","value":"switchCallId"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CallEventFieldsFragment, unknown>;
export const DelaconCallFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DelaconCallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallEventFields"}},{"kind":"Field","name":{"kind":"Name","value":"answeredByName"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"voicemailLeft"}},{"kind":"Field","name":{"kind":"Name","value":"surveyOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"saleAmount"}},{"kind":"Field","name":{"kind":"Name","value":"conversion"}},{"kind":"Field","name":{"kind":"Name","value":"ivrChoice"}},{"kind":"Field","name":{"kind":"Name","value":"recordingStreamUrl"}},{"kind":"Field","name":{"kind":"Name","value":"callerLocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exchange"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attribution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchEngine"}},{"kind":"Field","name":{"kind":"Name","value":"searchType"}},{"kind":"Field","name":{"kind":"Name","value":"keywords"}},{"kind":"Field","name":{"kind":"Name","value":"referrer"}},{"kind":"Field","name":{"kind":"Name","value":"landingPage"}},{"kind":"Field","name":{"kind":"Name","value":"pageCalledFrom"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"gaClientId"}},{"kind":"Field","name":{"kind":"Name","value":"extraTracking"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedTo"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedToName"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"dialSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"ringingSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"disconnectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"detailedStatus"}},{"kind":"Field","name":{"kind":"Name","value":"recordingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"providerServiceId"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCategory"}},{"kind":"Field","name":{"kind":"Name","value":"websiteNumber"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"customGroup"}},{"kind":"Field","name":{"kind":"Name","value":"switchCallId"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<DelaconCallFieldsFragment, unknown>;
export const ExotelUserErrorsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExotelUserErrors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AllocationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ExotelUserErrorsFragment, unknown>;
export const AllocationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<AllocationFieldsFragment, unknown>;
export const OrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<OrderFieldsFragment, unknown>;
export const UpdatePartFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UpdatePartFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePart"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UpdatePartFieldsFragment, unknown>;
export const WebhookReceiptFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookReceiptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookReceipt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"eventKey"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"query"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyEncoding"}},{"kind":"Field","name":{"kind":"Name","value":"bodyBase64"}}]}}]} as unknown as DocumentNode<WebhookReceiptFieldsFragment, unknown>;
export const StoredNumberFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StoredNumberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneNumber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<StoredNumberFieldsFragment, unknown>;
export const VoipInnovationsNumberFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoipInnovationsNumberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneNumber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"national"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"rateCenter"}},{"kind":"Field","name":{"kind":"Name","value":"lata"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<VoipInnovationsNumberFieldsFragment, unknown>;
export const VoipInnovationsServiceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoipInnovationsServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<VoipInnovationsServiceFieldsFragment, unknown>;
export const NumberResultFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"providerMessage"}}]}}]} as unknown as DocumentNode<NumberResultFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const VoipInnovationsNumbersPayloadFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoipInnovationsNumbersPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumbersPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberResultFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"providerMessage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<VoipInnovationsNumbersPayloadFieldsFragment, unknown>;
export const AllocateGreenVnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AllocateGreenVN"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AllocateGreenVNInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocateGreenVN"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<AllocateGreenVnMutation, AllocateGreenVnMutationVariables>;
export const UpdateAllocationPartiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAllocationParties"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAllocationPartiesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAllocationParties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateAllocationPartiesMutation, UpdateAllocationPartiesMutationVariables>;
export const ReassignGreenVnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReassignGreenVN"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReassignGreenVNInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reassignGreenVN"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ReassignGreenVnMutation, ReassignGreenVnMutationVariables>;
export const DeallocateGreenVnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeallocateGreenVN"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeallocateGreenVNInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deallocateGreenVN"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<DeallocateGreenVnMutation, DeallocateGreenVnMutationVariables>;
export const OnAllocationEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OnAllocationEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AllocationEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocationEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"caller"}},{"kind":"Field","name":{"kind":"Name","value":"pin"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<OnAllocationEventSubscription, OnAllocationEventSubscriptionVariables>;
export const AvanserStockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AvanserStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NumberSearchInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availableNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"AVANSER"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"national"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"pool"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AvanserStockQuery, AvanserStockQueryVariables>;
export const AvanserProvisionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AvanserProvision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AvanserProvisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provisionNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"AVANSER"}},{"kind":"ObjectField","name":{"kind":"Name","value":"avanser"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AvanserServiceFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"numbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberResultFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AvanserServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"destinationName"}},{"kind":"Field","name":{"kind":"Name","value":"recording"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"customGroup"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"providerMessage"}}]}}]} as unknown as DocumentNode<AvanserProvisionMutation, AvanserProvisionMutationVariables>;
export const AvanserServicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AvanserServices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"services"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"AVANSER"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AvanserServiceFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AvanserServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"destinationName"}},{"kind":"Field","name":{"kind":"Name","value":"recording"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"customGroup"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<AvanserServicesQuery, AvanserServicesQueryVariables>;
export const AvanserServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AvanserService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceRef"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"AVANSER"}},{"kind":"Argument","name":{"kind":"Name","value":"serviceRef"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceRef"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AvanserServiceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AvanserServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"destinationName"}},{"kind":"Field","name":{"kind":"Name","value":"recording"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"customGroup"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<AvanserServiceQuery, AvanserServiceQueryVariables>;
export const AvanserOnCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AvanserOnCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CallEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallEventFields"}},{"kind":"Field","name":{"kind":"Name","value":"answeredByName"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"callerLocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AvanserServiceFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedTo"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedToName"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"dialSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"ringingSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"disconnectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"detailedStatus"}},{"kind":"Field","name":{"kind":"Name","value":"recordingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"providerServiceId"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCategory"}},{"kind":"Field","name":{"kind":"Name","value":"websiteNumber"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"customGroup"}},{"kind":"Field","name":{"kind":"Name","value":"switchCallId"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AvanserServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"destinationName"}},{"kind":"Field","name":{"kind":"Name","value":"recording"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"customGroup"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<AvanserOnCallSubscription, AvanserOnCallSubscriptionVariables>;
export const CallHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CallEventFilter"}}},"defaultValue":{"kind":"ObjectValue","fields":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CallEventOrder"}}},"defaultValue":{"kind":"ObjectValue","fields":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<CallHistoryQuery, CallHistoryQueryVariables>;
export const CallStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CallEventFilter"}}},"defaultValue":{"kind":"ObjectValue","fields":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CallStatsDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CallStatsInterval"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"UTC","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}},{"kind":"Argument","name":{"kind":"Name","value":"timeZone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallStatsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallStatsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallStatsRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"campaign"}},{"kind":"Field","name":{"kind":"Name","value":"keywords"}},{"kind":"Field","name":{"kind":"Name","value":"landingPage"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bucketStart"}},{"kind":"Field","name":{"kind":"Name","value":"totalCalls"}},{"kind":"Field","name":{"kind":"Name","value":"answeredCalls"}},{"kind":"Field","name":{"kind":"Name","value":"missedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"answerRate"}},{"kind":"Field","name":{"kind":"Name","value":"totalDurationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"averageDurationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"firstTimeCallers"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}}]}}]} as unknown as DocumentNode<CallStatsQuery, CallStatsQueryVariables>;
export const OnCallStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OnCallStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CallEventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CallStatsDimension"}}}}},"defaultValue":{"kind":"ListValue","values":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CallStatsInterval"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"UTC","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callStatsUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}},{"kind":"Argument","name":{"kind":"Name","value":"timeZone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallStatsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallStatsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallStatsRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"campaign"}},{"kind":"Field","name":{"kind":"Name","value":"keywords"}},{"kind":"Field","name":{"kind":"Name","value":"landingPage"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bucketStart"}},{"kind":"Field","name":{"kind":"Name","value":"totalCalls"}},{"kind":"Field","name":{"kind":"Name","value":"answeredCalls"}},{"kind":"Field","name":{"kind":"Name","value":"missedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"answerRate"}},{"kind":"Field","name":{"kind":"Name","value":"totalDurationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"averageDurationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"firstTimeCallers"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}}]}}]} as unknown as DocumentNode<OnCallStatsSubscription, OnCallStatsSubscriptionVariables>;
export const CallEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CallEventFilter"}}},"defaultValue":{"kind":"ObjectValue","fields":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallEventFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedTo"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedToName"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"dialSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"ringingSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"disconnectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"detailedStatus"}},{"kind":"Field","name":{"kind":"Name","value":"recordingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"providerServiceId"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCategory"}},{"kind":"Field","name":{"kind":"Name","value":"websiteNumber"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"customGroup"}},{"kind":"Field","name":{"kind":"Name","value":"switchCallId"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CallEventsQuery, CallEventsQueryVariables>;
export const OnCallEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OnCallEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CallEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallEventFields"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}},{"kind":"Field","name":{"kind":"Name","value":"allocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedTo"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedToName"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"dialSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"ringingSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"disconnectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"detailedStatus"}},{"kind":"Field","name":{"kind":"Name","value":"recordingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"providerServiceId"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCategory"}},{"kind":"Field","name":{"kind":"Name","value":"websiteNumber"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"customGroup"}},{"kind":"Field","name":{"kind":"Name","value":"switchCallId"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<OnCallEventSubscription, OnCallEventSubscriptionVariables>;
export const SimulateIncomingCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SimulateIncomingCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SimulateIncomingCallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"simulateIncomingCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}}]}}]}}]} as unknown as DocumentNode<SimulateIncomingCallMutation, SimulateIncomingCallMutationVariables>;
export const DelaconNumberTypesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DelaconNumberTypes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DelaconRegion"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numberTypes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"region"}}]}}]}}]} as unknown as DocumentNode<DelaconNumberTypesQuery, DelaconNumberTypesQueryVariables>;
export const DelaconProvisionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DelaconProvision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProvisionNumbersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provisionNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DelaconServiceFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DelaconServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"recording"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<DelaconProvisionMutation, DelaconProvisionMutationVariables>;
export const DelaconOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DelaconOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DelaconServiceFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DelaconServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"recording"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<DelaconOrderQuery, DelaconOrderQueryVariables>;
export const DelaconOnOrderUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DelaconOnOrderUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DelaconServiceFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DelaconServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"recording"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<DelaconOnOrderUpdatedSubscription, DelaconOnOrderUpdatedSubscriptionVariables>;
export const DelaconUpdateServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DelaconUpdateService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DelaconServiceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpdatePartFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DelaconServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"recording"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UpdatePartFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePart"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<DelaconUpdateServiceMutation, DelaconUpdateServiceMutationVariables>;
export const DelaconOnCallEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DelaconOnCallEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CallEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DelaconCallFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedTo"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedToName"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"dialSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"ringingSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"disconnectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"detailedStatus"}},{"kind":"Field","name":{"kind":"Name","value":"recordingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"providerServiceId"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCategory"}},{"kind":"Field","name":{"kind":"Name","value":"websiteNumber"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"customGroup"}},{"kind":"Field","name":{"kind":"Name","value":"switchCallId"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DelaconCallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallEventFields"}},{"kind":"Field","name":{"kind":"Name","value":"answeredByName"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"voicemailLeft"}},{"kind":"Field","name":{"kind":"Name","value":"surveyOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"saleAmount"}},{"kind":"Field","name":{"kind":"Name","value":"conversion"}},{"kind":"Field","name":{"kind":"Name","value":"ivrChoice"}},{"kind":"Field","name":{"kind":"Name","value":"recordingStreamUrl"}},{"kind":"Field","name":{"kind":"Name","value":"callerLocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exchange"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attribution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchEngine"}},{"kind":"Field","name":{"kind":"Name","value":"searchType"}},{"kind":"Field","name":{"kind":"Name","value":"keywords"}},{"kind":"Field","name":{"kind":"Name","value":"referrer"}},{"kind":"Field","name":{"kind":"Name","value":"landingPage"}},{"kind":"Field","name":{"kind":"Name","value":"pageCalledFrom"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"gaClientId"}},{"kind":"Field","name":{"kind":"Name","value":"extraTracking"}}]}},{"kind":"Field","name":{"kind":"Name","value":"raw"}}]}}]} as unknown as DocumentNode<DelaconOnCallEventSubscription, DelaconOnCallEventSubscriptionVariables>;
export const ExotelAllocateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExotelAllocate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AllocateGreenVNInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocateGreenVN"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExotelUserErrors"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExotelUserErrors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AllocationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ExotelAllocateMutation, ExotelAllocateMutationVariables>;
export const ExotelUpdatePartiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExotelUpdateParties"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAllocationPartiesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAllocationParties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExotelUserErrors"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExotelUserErrors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AllocationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ExotelUpdatePartiesMutation, ExotelUpdatePartiesMutationVariables>;
export const ExotelReassignDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExotelReassign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReassignGreenVNInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reassignGreenVN"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExotelUserErrors"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExotelUserErrors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AllocationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ExotelReassignMutation, ExotelReassignMutationVariables>;
export const ExotelDeallocateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExotelDeallocate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeallocateGreenVNInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deallocateGreenVN"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ExotelUserErrors"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ExotelUserErrors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AllocationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ExotelDeallocateMutation, ExotelDeallocateMutationVariables>;
export const ExotelAllocationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExotelAllocation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}},{"kind":"Field","name":{"kind":"Name","value":"refreshedAt"}},{"kind":"Field","name":{"kind":"Name","value":"calls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ExotelAllocationQuery, ExotelAllocationQueryVariables>;
export const ExotelAllocationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExotelAllocations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AllocationFilter"}}},"defaultValue":{"kind":"ObjectValue","fields":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allocations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"refreshedAt"}},{"kind":"Field","name":{"kind":"Name","value":"calls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExotelAllocationsQuery, ExotelAllocationsQueryVariables>;
export const ExotelProvisionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExotelProvision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provisionNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"EXOTEL"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ExotelProvisionMutation, ExotelProvisionMutationVariables>;
export const ExotelSimulateCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExotelSimulateCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SimulateIncomingCallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"simulateIncomingCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ExotelSimulateCallMutation, ExotelSimulateCallMutationVariables>;
export const StockAcrossProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StockAcrossProviders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NumberSearchInput"}}},"defaultValue":{"kind":"ObjectValue","fields":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availableNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StockAcrossProvidersQuery, StockAcrossProvidersQueryVariables>;
export const InventoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Inventory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NumberFilter"}}},"defaultValue":{"kind":"ObjectValue","fields":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"NumberOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"region"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<InventoryQuery, InventoryQueryVariables>;
export const NodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Node"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AllocationFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallEventFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneNumber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","alias":{"kind":"Name","value":"numberStatus"},"name":{"kind":"Name","value":"status"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","alias":{"kind":"Name","value":"serviceProviderRef"},"name":{"kind":"Name","value":"providerRef"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AllocationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Allocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"greenVN"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"aPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"bPartyPins"}},{"kind":"Field","name":{"kind":"Name","value":"usage"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedTo"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedToName"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"dialSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"ringingSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"disconnectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"detailedStatus"}},{"kind":"Field","name":{"kind":"Name","value":"recordingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"allocationRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceName"}},{"kind":"Field","name":{"kind":"Name","value":"providerServiceId"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCategory"}},{"kind":"Field","name":{"kind":"Name","value":"websiteNumber"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"customGroup"}},{"kind":"Field","name":{"kind":"Name","value":"switchCallId"}},{"kind":"Field","name":{"kind":"Name","value":"providerAccount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<NodeQuery, NodeQueryVariables>;
export const AvailableNumbersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AvailableNumbers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NumberSearchInput"}}},"defaultValue":{"kind":"ObjectValue","fields":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availableNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"national"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<AvailableNumbersQuery, AvailableNumbersQueryVariables>;
export const PortabilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Portability"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"numbers"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"E164"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portability"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"numbers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"numbers"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"portable"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<PortabilityQuery, PortabilityQueryVariables>;
export const ProvisionNumbersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProvisionNumbers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProvisionNumbersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provisionNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"numbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberResultFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"providerMessage"}}]}}]} as unknown as DocumentNode<ProvisionNumbersMutation, ProvisionNumbersMutationVariables>;
export const ReserveNumbersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReserveNumbers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NumbersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reserveNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberResultFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"providerMessage"}}]}}]} as unknown as DocumentNode<ReserveNumbersMutation, ReserveNumbersMutationVariables>;
export const ReleaseNumbersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReleaseNumbers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NumbersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releaseNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberResultFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"providerMessage"}}]}}]} as unknown as DocumentNode<ReleaseNumbersMutation, ReleaseNumbersMutationVariables>;
export const UpdateServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"recording"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateServiceMutation, UpdateServiceMutationVariables>;
export const OrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Orders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}},"defaultValue":{"kind":"ObjectValue","fields":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<OrdersQuery, OrdersQueryVariables>;
export const OnOrderUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OnOrderUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<OnOrderUpdatedSubscription, OnOrderUpdatedSubscriptionVariables>;
export const OrderByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<OrderByIdQuery, OrderByIdQueryVariables>;
export const ProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"configured"}},{"kind":"Field","name":{"kind":"Name","value":"sandbox"}},{"kind":"Field","name":{"kind":"Name","value":"healthy"}},{"kind":"Field","name":{"kind":"Name","value":"operations"}},{"kind":"Field","name":{"kind":"Name","value":"webhookEvents"}}]}}]}}]} as unknown as DocumentNode<ProvidersQuery, ProvidersQueryVariables>;
export const WebhookReceiptsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookReceipts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookReceiptFilter"}}},"defaultValue":{"kind":"ObjectValue","fields":[]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookReceipts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookReceiptFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookReceiptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookReceipt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"eventKey"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"query"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyEncoding"}},{"kind":"Field","name":{"kind":"Name","value":"bodyBase64"}}]}}]} as unknown as DocumentNode<WebhookReceiptsQuery, WebhookReceiptsQueryVariables>;
export const ReplayWebhookReceiptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplayWebhookReceipt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayWebhookReceiptInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayWebhookReceipt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookReceiptFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookReceiptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookReceipt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"eventKey"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"query"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyEncoding"}},{"kind":"Field","name":{"kind":"Name","value":"bodyBase64"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ReplayWebhookReceiptMutation, ReplayWebhookReceiptMutationVariables>;
export const NumbersAtDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NumbersAt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StoredNumberFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StoredNumberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneNumber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<NumbersAtQuery, NumbersAtQueryVariables>;
export const OnNumberUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OnNumberUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"NumberUpdateFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numberUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StoredNumberFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StoredNumberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneNumber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<OnNumberUpdatedSubscription, OnNumberUpdatedSubscriptionVariables>;
export const LastReconciliationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LastReconciliation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reconciliation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"services"}},{"kind":"Field","name":{"kind":"Name","value":"allocations"}},{"kind":"Field","name":{"kind":"Name","value":"orderStaleAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"changeCount"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"record"}},{"kind":"Field","name":{"kind":"Name","value":"drift"}},{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LastReconciliationQuery, LastReconciliationQueryVariables>;
export const VoipInnovationsSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoipInnovationsSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NumberSearchInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availableNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"VOIP_INNOVATIONS"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VoipInnovationsNumberFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoipInnovationsNumberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneNumber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"national"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"rateCenter"}},{"kind":"Field","name":{"kind":"Name","value":"lata"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<VoipInnovationsSearchQuery, VoipInnovationsSearchQueryVariables>;
export const VoipInnovationsCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoipInnovationsCount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NumberSearchInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NumberCountGrouping"}}},"defaultValue":{"kind":"EnumValue","value":"STATE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availableNumberCount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"VOIP_INNOVATIONS"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"rateCenter"}},{"kind":"Field","name":{"kind":"Name","value":"lata"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<VoipInnovationsCountQuery, VoipInnovationsCountQueryVariables>;
export const VoipInnovationsNumbersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoipInnovationsNumbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"VOIP_INNOVATIONS"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VoipInnovationsNumberFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoipInnovationsNumberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneNumber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"national"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"rateCenter"}},{"kind":"Field","name":{"kind":"Name","value":"lata"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<VoipInnovationsNumbersQuery, VoipInnovationsNumbersQueryVariables>;
export const VoipInnovationsNumberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoipInnovationsNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"e164"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"E164"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"VOIP_INNOVATIONS"}},{"kind":"Argument","name":{"kind":"Name","value":"e164"},"value":{"kind":"Variable","name":{"kind":"Name","value":"e164"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VoipInnovationsNumberFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoipInnovationsNumberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PhoneNumber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"national"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"rateCenter"}},{"kind":"Field","name":{"kind":"Name","value":"lata"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<VoipInnovationsNumberQuery, VoipInnovationsNumberQueryVariables>;
export const VoipInnovationsServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoipInnovationsService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceRef"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"VOIP_INNOVATIONS"}},{"kind":"Argument","name":{"kind":"Name","value":"serviceRef"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceRef"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VoipInnovationsServiceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoipInnovationsServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<VoipInnovationsServiceQuery, VoipInnovationsServiceQueryVariables>;
export const VoipInnovationsReserveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VoipInnovationsReserve"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"numbers"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"E164"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reserveNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"VOIP_INNOVATIONS"}},{"kind":"ObjectField","name":{"kind":"Name","value":"numbers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"numbers"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VoipInnovationsNumbersPayloadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"providerMessage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoipInnovationsNumbersPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumbersPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberResultFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]} as unknown as DocumentNode<VoipInnovationsReserveMutation, VoipInnovationsReserveMutationVariables>;
export const VoipInnovationsProvisionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VoipInnovationsProvision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VoipInnovationsProvisionInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provisionNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"VOIP_INNOVATIONS"}},{"kind":"ObjectField","name":{"kind":"Name","value":"voipInnovations"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"numbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberResultFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"serviceRef"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"providerMessage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<VoipInnovationsProvisionMutation, VoipInnovationsProvisionMutationVariables>;
export const VoipInnovationsUpdateServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VoipInnovationsUpdateService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceRef"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"settings"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VoipInnovationsServiceUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"VOIP_INNOVATIONS"}},{"kind":"ObjectField","name":{"kind":"Name","value":"serviceRef"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceRef"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"voipInnovations"},"value":{"kind":"Variable","name":{"kind":"Name","value":"settings"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VoipInnovationsServiceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UpdatePartFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoipInnovationsServiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"customId"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UpdatePartFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePart"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<VoipInnovationsUpdateServiceMutation, VoipInnovationsUpdateServiceMutationVariables>;
export const VoipInnovationsReleaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VoipInnovationsRelease"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"numbers"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"E164"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releaseNumbers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"VOIP_INNOVATIONS"}},{"kind":"ObjectField","name":{"kind":"Name","value":"numbers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"numbers"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VoipInnovationsNumbersPayloadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NumberResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reservedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"providerCode"}},{"kind":"Field","name":{"kind":"Name","value":"providerMessage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VoipInnovationsNumbersPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NumbersPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numbers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NumberResultFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]} as unknown as DocumentNode<VoipInnovationsReleaseMutation, VoipInnovationsReleaseMutationVariables>;
export const VoipInnovationsPortabilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoipInnovationsPortability"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mine"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"E164"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"theirs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"E164"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"mine"},"name":{"kind":"Name","value":"portability"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"VOIP_INNOVATIONS"}},{"kind":"Argument","name":{"kind":"Name","value":"numbers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mine"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"portable"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"theirs"},"name":{"kind":"Name","value":"portability"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"VOIP_INNOVATIONS"}},{"kind":"Argument","name":{"kind":"Name","value":"numbers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"theirs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"portable"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<VoipInnovationsPortabilityQuery, VoipInnovationsPortabilityQueryVariables>;
export const VoipInnovationsPortDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoipInnovationsPortDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"portId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portDetails"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"VOIP_INNOVATIONS"}},{"kind":"Argument","name":{"kind":"Name","value":"portId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"portId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"endUser"}},{"kind":"Field","name":{"kind":"Name","value":"billingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"portingFrom"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"focAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedFocAt"}},{"kind":"Field","name":{"kind":"Name","value":"numbers"}},{"kind":"Field","name":{"kind":"Name","value":"salesRep"}},{"kind":"Field","name":{"kind":"Name","value":"defaultEndpointGroup"}},{"kind":"Field","name":{"kind":"Name","value":"numberDetails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"e164"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"rateCenter"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lata"}},{"kind":"Field","name":{"kind":"Name","value":"endpointGroup"}},{"kind":"Field","name":{"kind":"Name","value":"cnamLookup"}},{"kind":"Field","name":{"kind":"Name","value":"e911"}}]}}]}}]}}]} as unknown as DocumentNode<VoipInnovationsPortDetailsQuery, VoipInnovationsPortDetailsQueryVariables>;
export const VoipInnovationsSimulateCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VoipInnovationsSimulateCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"E164"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"simulateIncomingCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"StringValue","value":"+12125550123","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerCallId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<VoipInnovationsSimulateCallMutation, VoipInnovationsSimulateCallMutationVariables>;
export const VoipInnovationsAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoipInnovationsAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"conferenceLine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]}}]} as unknown as DocumentNode<VoipInnovationsAccountQuery, VoipInnovationsAccountQueryVariables>;
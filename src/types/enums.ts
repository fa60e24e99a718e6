/** GraphQL enums. Values equal the domain's string literals, so records pass through as they are. */
import { registerEnumType } from 'type-graphql';
import { PROVIDERS } from '../domain/model.js';
import { ERROR_DESCRIPTIONS, ErrorCode } from '../errors.js';

/** An enum whose values are their names (providers' folders declare theirs with it too). */
export function literals<const T extends string>(...values: T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

type ValueConfig = { description: string; deprecationReason?: string };

/** A description for each value of `values`, in registerEnumType's shape (a value left out does not compile). */
export function valuesConfig<T extends Record<string, string>>(_values: T, descriptions: Record<keyof T, string | ValueConfig>): Record<string, ValueConfig> {
  return Object.fromEntries(Object.entries<string | ValueConfig>(descriptions).map(([value, d]) => [value, typeof d === 'string' ? { description: d } : d]));
}

export const Provider = literals(...PROVIDERS);
/** Where provisionNumbers goes: a provider, or AUTO (the gateway picks one selling in the country). */
export const ProvisionProvider = literals(...PROVIDERS, 'AUTO');
export type ProvisionProvider = keyof typeof ProvisionProvider;
export const RoutingOutcome = literals('USED', 'SKIPPED', 'REFUSED');
export type RoutingOutcome = keyof typeof RoutingOutcome;
export const ProviderMode = literals('LIVE', 'SANDBOX', 'OFF');
/**
 * LANDLINE and FREECALL are older names for GEOGRAPHIC and TOLL_FREE, kept so that old queries
 * still run: as input they arrive as the value they stand for, and no answer carries them.
 * graphql-js writes a value out by the last name that carries it, so the aliases come first.
 */
export const NumberKind = { LANDLINE: 'GEOGRAPHIC', FREECALL: 'TOLL_FREE', ...literals('GEOGRAPHIC', 'LOCAL_RATE', 'TOLL_FREE', 'MOBILE') } as const;
export const NumberStatus = literals('AVAILABLE', 'RESERVED', 'PENDING', 'ACTIVE', 'RELEASED', 'UNAVAILABLE');
/** CNAM meant two things (outbound caller name on stock, inbound lookup on owned numbers): kept in the schema, never answered. */
export const NumberCapability = literals('VOICE', 'SMS', 'T38', 'OUTBOUND_CNAM', 'CNAM_LOOKUP', 'CNAM');
export const StockPool = literals('PRIVATE', 'PUBLIC');
export const OrderStatus = literals('PENDING', 'COMPLETED', 'FAILED', 'STALE');
export const OrderKind = literals('PROVISION', 'SERVICE_UPDATE');
export const CallStatus = literals('RINGING', 'ANSWERED', 'MISSED', 'BUSY', 'VOICEMAIL', 'FAILED');
export const CallOutcome = literals('ANSWERED', 'MISSED', 'BUSY', 'VOICEMAIL', 'FAILED');
export const Conversion = literals('ONLINE', 'REPEAT', 'OFFLINE');
export const AllocationUsage = literals('ONE_WAY', 'TWO_WAY');
export const AllocationState = literals('ACTIVE', 'DEALLOCATED');
export const AllocationEventKind = literals('DEALLOCATED', 'CALLER_VERIFIED', 'VERIFICATION_FAILED', 'UPDATED');
export const NumberCountGrouping = literals('STATE', 'RATE_CENTER', 'LATA', 'TIER');
export type NumberCountGrouping = keyof typeof NumberCountGrouping;
export const WebhookReceiptStatus = literals('RECEIVED', 'APPLIED', 'DUPLICATE', 'UNMATCHED', 'REJECTED', 'FAILED', 'SUPERSEDED');
export type WebhookReceiptStatus = keyof typeof WebhookReceiptStatus;
export const WebhookBodyEncoding = literals('TEXT', 'BASE64');
export const NumberOrderField = literals('ADDED', 'E164');
export const SortDirection = literals('ASC', 'DESC');

registerEnumType(Provider, {
  name: 'Provider',
  description: 'The telephony providers behind the gateway.',
  valuesConfig: valuesConfig(Provider, {
    DELACON: 'Delacon (Australia and other regions): call tracking numbers, provisioning, live call data.',
    AVANSER: 'AVANSER (Australia): number stock, services, call reports.',
    EXOTEL: 'Exotel Lead Assist (India): GreenVN number masking.',
    VOIP_INNOVATIONS: 'VoIP Innovations (US): DIDs over its SOAP API.',
  }),
});
registerEnumType(ProvisionProvider, {
  name: 'ProvisionProvider',
  description: 'A provider, or AUTO: the gateway picks one that sells in `country` and has the stock (see the README, "Provisioning by country").',
  valuesConfig: valuesConfig(ProvisionProvider, {
    DELACON: 'Delacon.',
    AVANSER: 'AVANSER.',
    EXOTEL: 'Exotel (does not provision numbers: answers UNSUPPORTED_BY_PROVIDER).',
    VOIP_INNOVATIONS: 'VoIP Innovations.',
    AUTO: 'The gateway picks a provider selling in `country` with the stock, falling back on NO_NUMBER_AVAILABLE.',
  }),
});
registerEnumType(RoutingOutcome, {
  name: 'RoutingOutcome',
  description: 'What became of one provider in AUTO provisioning.',
  valuesConfig: valuesConfig(RoutingOutcome, {
    USED: 'The request went there (the payload is its result).',
    SKIPPED: 'Nothing was sent there (reason says why).',
    REFUSED: 'It answered NO_NUMBER_AVAILABLE, nothing was done, and the next was tried.',
  }),
});
registerEnumType(ProviderMode, {
  name: 'ProviderMode',
  description: 'LIVE: real credentials; SANDBOX: an in-process simulator speaking the provider wire format; OFF: neither.',
  valuesConfig: valuesConfig(ProviderMode, {
    LIVE: 'Real credentials: calls reach the provider.',
    SANDBOX: 'An in-process simulator speaking the provider’s wire format.',
    OFF: 'Neither: its operations answer PROVIDER_NOT_CONFIGURED.',
  }),
});
registerEnumType(NumberKind, {
  name: 'NumberKind',
  description: 'What sort of number it is, by who pays for the call: one meaning for every provider.',
  valuesConfig: valuesConfig(NumberKind, {
    GEOGRAPHIC: 'A fixed-line number tied to an area: AVANSER GEO, a VoIP Innovations rate-center number, Delacon city types (02 Sydney, 03 Tokyo, 020 London).',
    LOCAL_RATE: 'The caller pays one local rate from anywhere in the country: AVANSER TOLLFREE (Australian 13 and 1300 numbers), China 400.',
    TOLL_FREE: 'Free to the caller: AVANSER FREECALL (Australian 1800), VoIP Innovations 8xx (state TF), freephone types at Delacon (0120 Japan, 0800 UK and New Zealand).',
    MOBILE: 'A mobile number.',
    LANDLINE: { description: 'Same as GEOGRAPHIC.', deprecationReason: 'Use GEOGRAPHIC: the same numbers. Accepted as input and read as GEOGRAPHIC; answers say GEOGRAPHIC.' },
    FREECALL: { description: 'Same as TOLL_FREE.', deprecationReason: 'Use TOLL_FREE: the same numbers (free to the caller). Accepted as input and read as TOLL_FREE; answers say TOLL_FREE.' },
  }),
});
registerEnumType(NumberStatus, {
  name: 'NumberStatus',
  description: 'Where a number stands: in stock, held for us, ordered, in service, given back, or held by someone else.',
  valuesConfig: valuesConfig(NumberStatus, {
    AVAILABLE: 'In stock at the provider.',
    RESERVED: 'Held for us for a while (reservedUntil), not yet in service.',
    PENDING: 'Ordered, and the provider has not confirmed the order yet (an AVANSER service being activated): it becomes ACTIVE when its order COMPLETED, RELEASED when it FAILED.',
    ACTIVE: 'Ours and in service.',
    RELEASED: 'No longer ours: released, its order failed, or its provider no longer lists it (found by reconciliation).',
    UNAVAILABLE: 'Held by another account of the provider: neither yours nor for sale (VoIP Innovations queryDID: reserved or assigned to another company).',
  }),
});
registerEnumType(NumberCapability, {
  name: 'NumberCapability',
  description: 'What a number can do beyond voice.',
  valuesConfig: valuesConfig(NumberCapability, {
    VOICE: 'Calls.',
    SMS: 'Text messages.',
    T38: 'Fax over IP (T.38).',
    OUTBOUND_CNAM: 'The number can send your caller name (CNAM) on the calls you make: a number in stock (VoIP Innovations outboundCNAM).',
    CNAM_LOOKUP: 'Inbound caller-name lookup (CNAM dip) is on: the caller’s name is looked up on calls to the number. An owned number (VoIP Innovations DID cnam).',
    CNAM: {
      description: 'Meant OUTBOUND_CNAM on numbers in stock and CNAM_LOOKUP on owned numbers.',
      deprecationReason: 'Two meanings: use OUTBOUND_CNAM (stock) or CNAM_LOOKUP (owned numbers). No answer carries it.',
    },
  }),
});
registerEnumType(StockPool, {
  name: 'StockPool',
  description: 'AVANSER stock: the account’s private pool or public stock.',
  valuesConfig: valuesConfig(StockPool, { PRIVATE: 'The account’s own pool.', PUBLIC: 'AVANSER’s public stock.' }),
});
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'PENDING until the provider confirms; then COMPLETED or FAILED.',
  valuesConfig: valuesConfig(OrderStatus, {
    PENDING: 'Accepted by the provider, not yet confirmed (orderUpdated tells when it is).',
    COMPLETED: 'Done.',
    FAILED: 'The provider did not carry it out; the history’s last message says why.',
    STALE: 'Left PENDING past its provider’s window (see the README): the gateway stopped waiting; a confirmation that comes later still settles it.',
  }),
});
registerEnumType(OrderKind, {
  name: 'OrderKind',
  description: 'What an order does: provision numbers or change a service.',
  valuesConfig: valuesConfig(OrderKind, { PROVISION: 'Provision numbers (provisionNumbers).', SERVICE_UPDATE: 'Change a service (updateService).' }),
});
registerEnumType(CallStatus, {
  name: 'CallStatus',
  description: 'A call’s state: RINGING at start, then how it ended.',
  valuesConfig: valuesConfig(CallStatus, {
    RINGING: 'Under way: the start was reported, the end not yet.',
    ANSWERED: 'Answered.',
    MISSED: 'Not answered.',
    BUSY: 'The answer point was busy.',
    VOICEMAIL: 'Not answered; the caller left a voicemail.',
    FAILED: 'Did not connect (a network or provider failure).',
  }),
});
registerEnumType(CallOutcome, {
  name: 'CallOutcome',
  description: 'How a simulated call ends.',
  valuesConfig: valuesConfig(CallOutcome, {
    ANSWERED: 'Answered.',
    MISSED: 'Not answered.',
    BUSY: 'Busy.',
    VOICEMAIL: 'Not answered; a voicemail is left.',
    FAILED: 'Does not connect (not every provider reports this: Delacon refuses it).',
  }),
});
registerEnumType(Conversion, {
  name: 'Conversion',
  description: 'Delacon conversion: online (Y), repeat call (R) or offline (blank).',
  valuesConfig: valuesConfig(Conversion, { ONLINE: 'Y: converted online.', REPEAT: 'R: a repeat caller.', OFFLINE: 'Blank: not converted online.' }),
});
registerEnumType(AllocationUsage, {
  name: 'AllocationUsage',
  description: 'ONE_WAY: only a-party may call b-party; TWO_WAY: both ways.',
  valuesConfig: valuesConfig(AllocationUsage, { ONE_WAY: 'Only a-party numbers may call, and reach b-party.', TWO_WAY: 'Either party may call the other.' }),
});
registerEnumType(AllocationState, {
  name: 'AllocationState',
  description: 'An allocation is ACTIVE until deallocated (Exotel "vault").',
  valuesConfig: valuesConfig(AllocationState, { ACTIVE: 'Calls to the GreenVN go through.', DEALLOCATED: 'Ended, by you or by the deallocation policy.' }),
});
registerEnumType(AllocationEventKind, {
  name: 'AllocationEventKind',
  description: 'Things that happen to an allocation after it was made.',
  valuesConfig: valuesConfig(AllocationEventKind, {
    DEALLOCATED: 'The allocation ended (its deallocation policy, or a deallocation).',
    CALLER_VERIFIED: 'A caller entered the right PIN.',
    VERIFICATION_FAILED: 'A caller failed PIN verification.',
    UPDATED: 'Its parties or settings changed.',
  }),
});
registerEnumType(NumberCountGrouping, {
  name: 'NumberCountGrouping',
  description: 'How available-number counts are grouped.',
  valuesConfig: valuesConfig(NumberCountGrouping, { STATE: 'By US state.', RATE_CENTER: 'By rate center.', LATA: 'By LATA.', TIER: 'By pricing tier.' }),
});
registerEnumType(WebhookReceiptStatus, {
  name: 'WebhookReceiptStatus',
  description: 'What became of one webhook delivery. UNMATCHED, REJECTED and FAILED receipts can be replayed (replayWebhookReceipt).',
  valuesConfig: valuesConfig(WebhookReceiptStatus, {
    RECEIVED: 'Being applied right now (kept before it is answered).',
    APPLIED: 'Its event was applied: stored and published.',
    DUPLICATE: 'Its event had been applied from an earlier delivery: nothing changed.',
    UNMATCHED: 'Nothing to apply it to yet (e.g. an order or allocation the gateway does not hold); a redelivery or a replay applies it.',
    REJECTED: 'The payload could not be read or stored (answered 4xx); see reason.',
    FAILED: 'A fault of ours or the store being down (answered 5xx, so the provider retries).',
    SUPERSEDED: 'Abandoned by a process that died; a later delivery of the same event applied it.',
  }),
});
registerEnumType(NumberOrderField, {
  name: 'NumberOrderField',
  description: 'How the inventory is ordered.',
  valuesConfig: valuesConfig(NumberOrderField, { ADDED: 'When the gateway first kept the number.', E164: 'The number itself.' }),
});
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Which way a list runs.',
  valuesConfig: valuesConfig(SortDirection, { ASC: 'Smallest or oldest first.', DESC: 'Largest or newest first.' }),
});
registerEnumType(WebhookBodyEncoding, {
  name: 'WebhookBodyEncoding',
  description: 'How the gateway keeps a webhook body.',
  valuesConfig: valuesConfig(WebhookBodyEncoding, {
    TEXT: 'As text: the body was valid UTF-8 without NUL.',
    BASE64: 'As bytes, in base64: the body was not valid UTF-8, or held NUL.',
  }),
});
registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description:
    'The public error vocabulary: every code a client can see. Business outcomes arrive as userErrors in mutation payloads; infrastructure failures (UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED, UPSTREAM_*, PROVIDER_NOT_CONFIGURED, OUTCOME_UNKNOWN, INTERNAL) and requests refused before they run (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT, BAD_REQUEST, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED, TOO_MANY_SUBSCRIPTIONS, …) as GraphQL errors with extensions.code.',
  valuesConfig: valuesConfig(ErrorCode, ERROR_DESCRIPTIONS),
});

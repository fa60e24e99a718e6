/** GraphQL enums. Values equal the domain's string literals, so records pass through as they are. */
import { registerEnumType } from 'type-graphql';
import { PROVIDERS } from '../domain/model.js';
import { ERROR_DESCRIPTIONS, ErrorCode } from '../errors.js';

/** An enum whose values are their names (providers' folders declare theirs with it too). */
export function literals<const T extends string>(...values: T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

/** A description for each value of `values`, in registerEnumType's shape (a value left out does not compile). */
export function valuesConfig<T extends Record<string, string>>(_values: T, descriptions: Record<keyof T, string>): Record<string, { description: string }> {
  return Object.fromEntries(Object.entries(descriptions).map(([value, description]) => [value, { description: description as string }]));
}

export const Provider = literals(...PROVIDERS);
export const ProviderMode = literals('LIVE', 'SANDBOX', 'OFF');
export const NumberKind = literals('GEOGRAPHIC', 'TOLL_FREE', 'FREECALL', 'MOBILE', 'LANDLINE');
export const NumberStatus = literals('AVAILABLE', 'RESERVED', 'ACTIVE', 'RELEASED');
export const NumberCapability = literals('VOICE', 'SMS', 'T38', 'CNAM');
export const StockPool = literals('PRIVATE', 'PUBLIC');
export const OrderStatus = literals('PENDING', 'COMPLETED', 'FAILED');
export const OrderKind = literals('PROVISION', 'SERVICE_UPDATE');
export const CallStatus = literals('RINGING', 'ANSWERED', 'MISSED', 'BUSY', 'VOICEMAIL', 'FAILED');
export const CallOutcome = literals('ANSWERED', 'MISSED', 'BUSY', 'VOICEMAIL', 'FAILED');
export const Conversion = literals('ONLINE', 'REPEAT', 'OFFLINE');
export const AllocationUsage = literals('ONE_WAY', 'TWO_WAY');
export const AllocationState = literals('ACTIVE', 'DEALLOCATED');
export const AllocationEventKind = literals('DEALLOCATED', 'CALLER_VERIFIED', 'VERIFICATION_FAILED', 'UPDATED');
export const NumberCountGrouping = literals('STATE', 'RATE_CENTER', 'LATA', 'TIER');
export type NumberCountGrouping = keyof typeof NumberCountGrouping;

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
  description: 'What sort of number it is.',
  valuesConfig: valuesConfig(NumberKind, {
    GEOGRAPHIC: 'A fixed-line number tied to an area (AVANSER GEO, a US DID in a rate center).',
    TOLL_FREE: 'A non-geographic number whose price for the caller does not depend on where they are: US toll-free (8XX) at VoIP Innovations; AVANSER’s TOLLFREE class (13/1300, local rate) is read as this.',
    FREECALL: 'Free for the caller: AVANSER’s FREECALL class (1800).',
    MOBILE: 'A mobile number.',
    LANDLINE: 'A fixed line, where the provider does not say whether it is geographic; as a search kind the same as GEOGRAPHIC.',
  }),
});
registerEnumType(NumberStatus, {
  name: 'NumberStatus',
  description: 'Where a number stands: in stock, held for us, in service, or given back.',
  valuesConfig: valuesConfig(NumberStatus, {
    AVAILABLE: 'In stock at the provider.',
    RESERVED: 'Held for us for a while (reservedUntil), not yet in service.',
    ACTIVE: 'Ours and in service.',
    RELEASED: 'Given back to the provider.',
  }),
});
registerEnumType(NumberCapability, {
  name: 'NumberCapability',
  description: 'What a number can do beyond voice.',
  valuesConfig: valuesConfig(NumberCapability, { VOICE: 'Calls.', SMS: 'Text messages.', T38: 'T.38 fax.', CNAM: 'Caller name (CNAM) lookup.' }),
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
registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description:
    'The public error vocabulary: every code a client can see. Business outcomes arrive as userErrors in mutation payloads; infrastructure failures (UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED, UPSTREAM_*, PROVIDER_NOT_CONFIGURED, OUTCOME_UNKNOWN, INTERNAL) and requests refused before they run (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT, BAD_REQUEST, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED, TOO_MANY_SUBSCRIPTIONS, …) as GraphQL errors with extensions.code.',
  valuesConfig: valuesConfig(ErrorCode, ERROR_DESCRIPTIONS),
});

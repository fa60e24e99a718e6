/** GraphQL enums. Values equal the domain's string literals, so records pass through as they are. */
import { registerEnumType } from 'type-graphql';
import { ErrorCode } from '../errors.js';

function literals<const T extends string>(...values: T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const Provider = literals('DELACON', 'AVANSER', 'EXOTEL', 'VOIP_INNOVATIONS');
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
export const DelaconRegion = literals('AUSTRALIA', 'CHINA', 'HONG_KONG', 'JAPAN', 'NEW_ZEALAND', 'SINGAPORE', 'UNITED_KINGDOM', 'UNITED_STATES');
export const DelaconFeature = literals('CALL_RECORDING', 'CALL_FEEDBACK_SURVEY');
export const DelaconTransferType = literals('EMAIL_ONLY', 'TRANSFER_ONLY', 'TRANSFER_AND_EMAIL');
export const DelaconCallTracking = literals('GOOGLE_PAID', 'ALL_PAID_ONLY', 'ALL', 'SELECTED', 'ALL_UTM_MEDIUM_CPC');
export const AvanserSearchType = literals('NUMBER', 'SZU', 'LOCATION', 'COORDINATES', 'PREFIX', 'NUMBER_TYPE');
export const AvanserServiceType = literals('TRANSFER', 'VOICEMAIL', 'PROMPT');
export const GreenVNType = literals('MOBILE', 'LANDLINE');

registerEnumType(Provider, { name: 'Provider', description: 'The telephony providers behind the gateway.' });
registerEnumType(ProviderMode, {
  name: 'ProviderMode',
  description: 'LIVE: real credentials; SANDBOX: an in-process simulator speaking the provider wire format; OFF: neither.',
});
registerEnumType(NumberKind, { name: 'NumberKind', description: 'What sort of number it is.' });
registerEnumType(NumberStatus, { name: 'NumberStatus', description: 'Where a number stands: in stock, held for us, in service, or given back.' });
registerEnumType(NumberCapability, { name: 'NumberCapability', description: 'What a number can do beyond voice.' });
registerEnumType(StockPool, { name: 'StockPool', description: 'AVANSER stock: the account’s private pool or public stock.' });
registerEnumType(OrderStatus, { name: 'OrderStatus', description: 'PENDING until the provider confirms; then COMPLETED or FAILED.' });
registerEnumType(OrderKind, { name: 'OrderKind', description: 'What an order does: provision numbers or change a service.' });
registerEnumType(CallStatus, { name: 'CallStatus', description: 'A call’s state: RINGING at start, then how it ended.' });
registerEnumType(CallOutcome, { name: 'CallOutcome', description: 'How a simulated call ends.' });
registerEnumType(Conversion, { name: 'Conversion', description: 'Delacon conversion: online (Y), repeat call (R) or offline (blank).' });
registerEnumType(AllocationUsage, { name: 'AllocationUsage', description: 'ONE_WAY: only a-party may call b-party; TWO_WAY: both ways.' });
registerEnumType(AllocationState, { name: 'AllocationState', description: 'An allocation is ACTIVE until deallocated (Exotel "vault").' });
registerEnumType(AllocationEventKind, { name: 'AllocationEventKind', description: 'Things that happen to an allocation after it was made.' });
registerEnumType(NumberCountGrouping, { name: 'NumberCountGrouping', description: 'How available-number counts are grouped.' });
registerEnumType(DelaconRegion, { name: 'DelaconRegion', description: 'Delacon provisioning regions.' });
registerEnumType(DelaconFeature, { name: 'DelaconFeature', description: 'Delacon billable features ordered with a new customer.' });
registerEnumType(DelaconTransferType, { name: 'DelaconTransferType', description: 'Delacon xfertype: 1 e-mail only, 2 transfer only, 3 transfer and e-mail.' });
registerEnumType(DelaconCallTracking, {
  name: 'DelaconCallTracking',
  description: 'Delacon CallTrack: Google paid only; Google/Yahoo/Bing paid; all references; Google/Yahoo/Bing and all organic; CPC campaign medium.',
});
registerEnumType(AvanserSearchType, { name: 'AvanserSearchType', description: 'How AVANSER picks a number for a new service.' });
registerEnumType(AvanserServiceType, { name: 'AvanserServiceType', description: 'What an AVANSER service does with a call.' });
registerEnumType(GreenVNType, { name: 'GreenVNType', description: 'Exotel GreenVN number type preference.' });
registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description:
    'The public error vocabulary. Business outcomes arrive as userErrors in mutation payloads; infrastructure failures (UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED, UPSTREAM_*, PROVIDER_NOT_CONFIGURED, INTERNAL) and requests refused before they run (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT, BAD_REQUEST, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED, TOO_MANY_SUBSCRIPTIONS, …) as GraphQL errors with extensions.code.',
});

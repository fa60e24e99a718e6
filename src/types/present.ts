/** Domain records → GraphQL objects: global ids and derived fields. */
import type { AllocationRecord, CallEventRecord, OrderRecord, PhoneNumberRecord, ServiceRecord } from '../domain/model.js';
import { partsOf } from '../domain/phone.js';
import type { Allocation } from './allocation.js';
import type { CallEvent } from './call-event.js';
import { keyValues } from './common.js';
import { providerKey, toGlobalId } from './node.js';
import type { Order } from './order.js';
import type { PhoneNumber } from './phone-number.js';
import type { Service } from './service.js';
import { receiptId, type WebhookReceipt } from './webhook-receipt.js';
import type { ReceiptView } from '../gateway/receipts.js';

export const presentNumber = (n: PhoneNumberRecord): PhoneNumber => {
  const parts = partsOf(n.e164);
  return { ...n, id: toGlobalId('PhoneNumber', providerKey(n.provider, n.e164)), national: parts.national, country: parts.country, details: keyValues(n.details) };
};

export const presentOrder = (o: OrderRecord): Order => ({ ...o, id: toGlobalId('Order', o.id) });

export const presentService = (s: ServiceRecord): Service => ({
  ...s,
  id: toGlobalId('Service', providerKey(s.provider, s.providerRef)),
  settings: keyValues(s.settings),
});

export const presentAllocation = (a: AllocationRecord): Allocation => ({ ...a, id: toGlobalId('Allocation', providerKey(a.provider, a.providerRef)) });

export const presentCall = (c: CallEventRecord): CallEvent => ({ ...c, id: toGlobalId('CallEvent', c.id) });

export const presentReceipt = (r: ReceiptView): WebhookReceipt => ({ ...r, id: receiptId(r.id), status: r.status.toUpperCase(), query: keyValues(r.query) });

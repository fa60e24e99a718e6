/**
 * AVANSER Telco API as a ProviderAdapter: stock search, one service request per number, request
 * status polling, service updates and listing. Inputs AVANSER would refuse are refused here,
 * before any upstream call, with the field that is wrong.
 */
import type { PhoneNumberRecord, ServiceRecord } from '../../domain/model.js';
import { numberStatusOf } from '../../domain/orders.js';
import { partsOf } from '../../domain/phone.js';
import { BusinessError, ErrorCode, GatewayError } from '../../errors.js';
import type {
  Attempt,
  Inventory,
  NumberSearchFilter,
  OrderDraft,
  ProviderDeps,
  ProviderAdapter,
  ProvisionOutcome,
  ProvisionRequest,
  Recovery,
  ServiceUpdateOutcome,
  ServiceUpdateRequest,
} from '../provider.js';
import { checkEmail, everyRefusal, phoneNumber, refuse } from '../validate.js';
import { AvanserClient } from './client.js';
import type { AvanserNumberSearchInput, AvanserProvisionInput, AvanserServiceUpdateInput } from './inputs.js';
import {
  orderDraft,
  requestBody,
  serviceFields,
  serviceRecord,
  stockNumberRecord,
  stockQuery,
  toAvanserNumber,
  tryFromAvanser,
} from './mapping.js';
import type { AvanserRequestBody, AvanserRequestEntry, AvanserServiceEntry } from './wire.js';

/** What AVANSER reads of a provision and an update: its `avanser` block. */
type Provision = ProvisionRequest & { avanser?: AvanserProvisionInput };
type Update = ServiceUpdateRequest & { avanser?: AvanserServiceUpdateInput };

/** Requests are sent one by one; a cap keeps one mutation within a sane time. */
const MAX_REQUESTS = 20;
const UNSUPPORTED_FILTERS = ['state', 'lata', 'rateCenter', 'npa', 'nxx', 'tier', 't38', 'cnam', 'sms'] as const;

function nonBlank(value: string | undefined, field: string[], what: string): void {
  if (value !== undefined && !value.trim()) refuse(field, `${what} must not be blank`);
}

/** Country (default AU) and the stock criteria AVANSER can search by. Returns the country. */
function checkCriteria(c: Omit<AvanserNumberSearchInput, 'type'> & { country?: string }, at: string[]): string {
  const country = (c.country ?? 'AU').toUpperCase();
  everyRefusal([
    () => !/^[A-Z]{2}$/.test(country) && refuse([...at, 'country'], 'country must be an ISO 3166 alpha-2 code such as AU'),
    () => nonBlank(c.szu, [...at, 'szu'], 'szu'),
    () => c.szu !== undefined && country !== 'AU' && refuse([...at, 'szu'], 'SZU searches exist for Australia only'),
    () => nonBlank(c.location, [...at, 'location'], 'location'),
    () => (c.latitude === undefined) !== (c.longitude === undefined) && refuse([...at, c.latitude === undefined ? 'latitude' : 'longitude'], 'latitude and longitude go together'),
    () => c.latitude !== undefined && !(Math.abs(c.latitude) <= 90) && refuse([...at, 'latitude'], 'latitude must be within -90..90'),
    () => c.longitude !== undefined && !(Math.abs(c.longitude) <= 180) && refuse([...at, 'longitude'], 'longitude must be within -180..180'),
    () => c.prefix !== undefined && !/^\d{1,15}$/.test(c.prefix) && refuse([...at, 'prefix'], 'prefix must be digits'),
    () => c.number !== undefined && phoneNumber(c.number, [...at, 'number']),
  ]);
  return country;
}

/** The settings a new service and an update share. */
function checkServiceInput(s: AvanserServiceUpdateInput, at: string[]): void {
  const notify = s.missedCallNotifications;
  everyRefusal([
    () => nonBlank(s.name, [...at, 'name'], 'name'),
    () => s.answerPoint !== undefined && phoneNumber(s.answerPoint, [...at, 'answerPoint']),
    ...(notify?.emails ?? []).map((email, i) => () => checkEmail(email, [...at, 'missedCallNotifications', 'emails', String(i)])),
    ...(notify?.smsNumbers ?? []).map((n, i) => () => phoneNumber(n, [...at, 'missedCallNotifications', 'smsNumbers', String(i)])),
  ]);
}

const SEARCH_FIELD = { NUMBER: 'number', SZU: 'szu', LOCATION: 'location', COORDINATES: 'latitude', PREFIX: 'prefix', NUMBER_TYPE: 'kind' } as const;

type RequestSpec = AvanserNumberSearchInput & { country: string };

/** One search per service request, in order. */
function requestSpecs(a: AvanserProvisionInput): RequestSpec[] {
  const at = ['avanser'];
  let specs: RequestSpec[] = [];
  everyRefusal([
    () => !a.name?.trim() && refuse([...at, 'name'], 'a service needs a name'),
    () => checkServiceInput(a, at),
    () => a.serviceType === 'TRANSFER' && !a.answerPoint && refuse([...at, 'answerPoint'], 'a transfer service needs an answer point'),
    () => !a.numbers === !a.search && refuse([...at, a.numbers ? 'search' : 'numbers'], 'give either numbers or a search'),
    () => (specs = a.numbers ? numberSpecs(a, a.numbers, at) : a.search ? searchSpecs(a, a.search, at) : []),
  ]);
  return specs;
}

/** A request for each number, each checked. */
function numberSpecs(a: AvanserProvisionInput, numbers: string[], at: string[]): RequestSpec[] {
  const seen = new Set<string>();
  const specs: RequestSpec[] = [];
  everyRefusal([
    () => a.count !== undefined && refuse([...at, 'count'], 'count goes with a search; with numbers each number is one request'),
    () => numbers.length === 0 && refuse([...at, 'numbers'], 'give at least one number'),
    () => numbers.length > MAX_REQUESTS && refuse([...at, 'numbers'], `at most ${MAX_REQUESTS} numbers per call`, ErrorCode.TOO_MANY_NUMBERS),
    ...numbers.map((n, i) => () => {
      const e164 = phoneNumber(n, [...at, 'numbers', String(i)]);
      if (seen.has(e164)) refuse([...at, 'numbers', String(i)], `${e164} is listed twice`, ErrorCode.DUPLICATE_NUMBERS);
      seen.add(e164);
      specs.push({ type: 'NUMBER', number: e164, country: checkCriteria({ country: a.country ?? partsOf(e164).country }, at) });
    }),
  ]);
  return specs;
}

/** `count` requests of one search. */
function searchSpecs(a: AvanserProvisionInput, search: AvanserNumberSearchInput, at: string[]): RequestSpec[] {
  const count = a.count ?? 1;
  const field = SEARCH_FIELD[search.type];
  let country = '';
  everyRefusal([
    () => (!Number.isInteger(count) || count < 1) && refuse([...at, 'count'], 'count must be at least 1'),
    () => count > MAX_REQUESTS && refuse([...at, 'count'], `at most ${MAX_REQUESTS} services per call`, ErrorCode.TOO_MANY_NUMBERS),
    () => search[field] === undefined && refuse([...at, 'search', field], `a ${search.type} search needs ${field}`),
    () => (country = checkCriteria({ ...search, country: a.country }, [...at, 'search'])),
  ]);
  return Array.from({ length: count }, () => ({ ...search, country }));
}

function errorWithField(err: unknown, field: string[] | undefined): unknown {
  return err instanceof BusinessError && field && !err.field ? new BusinessError(err.code, err.message, field) : err;
}

/** An acknowledged (or recovered) request as an order, and the service and number it made. */
function acknowledged(outcome: ProvisionOutcome, spec: RequestSpec, body: AvanserRequestBody, ack: AvanserRequestEntry): void {
  const order = orderDraft(ack);
  const e164 = order.serviceRef;
  outcome.orders.push(order);
  if (!e164) return;
  // A `number` search takes the closest match when that very number is not in stock.
  if (spec.number && e164 !== spec.number) order.message = `AVANSER assigned ${e164}, its closest match to ${spec.number}`;
  const now = new Date().toISOString();
  // The number is AVANSER's to activate: it is ours once the request completes.
  const status = numberStatusOf(order.status);
  outcome.numbers.push({ e164, ok: true, status, message: order.message });
  outcome.services.push(serviceRecord(e164, { ...body, status: order.status === 'COMPLETED' ? 'active' : 'pending' }, now));
  outcome.owned.push({ provider: 'AVANSER', e164, kind: spec.kind, status: status ?? 'PENDING', capabilities: ['VOICE'], serviceRef: e164, details: { requestId: ack.request_id } });
}

/** The first of `specs` failed (`why`) or was never done: one FAILED order, the rest not sent. */
function notSent(outcome: ProvisionOutcome, specs: RequestSpec[], why: string, refusal?: { code: ErrorCode; message: string }): void {
  const [first] = specs;
  const left = specs.length - 1;
  outcome.orders.push({ status: 'FAILED', numbers: first?.number ? [first.number] : [], message: `${why}${left ? `; the remaining ${left} request(s) were not sent` : ''}` });
  if (first?.number && refusal) outcome.numbers.push({ e164: first.number, ok: false, ...refusal });
}

/** The index of the request of attempt `id` a callback URI was tagged with (see `uris`). */
function attemptIndex(callbackUri: string | undefined, id: string): number | undefined {
  if (!callbackUri) return undefined;
  let tag: string | null;
  try {
    tag = new URL(callbackUri).searchParams.get('attempt');
  } catch {
    return undefined;
  }
  const m = tag && /^(.+)\.(\d+)$/.exec(tag);
  return m && m[1] === id ? Number(m[2]) : undefined;
}

export class AvanserAdapter implements ProviderAdapter {
  readonly name = 'AVANSER' as const;

  constructor(
    private readonly client: AvanserClient,
    private readonly deps: ProviderDeps,
  ) {}

  /**
   * The gateway, not the client, owns AVANSER's per-service callback URLs. A request sent
   * under an idempotency key carries `attempt=<id>.<index>` in its callback URI, which AVANSER
   * keeps with the service: how a request whose answer was lost is found again.
   */
  private uris(attempt?: string) {
    const callback = this.deps.webhookUrl('requests');
    return { call_uri: this.deps.webhookUrl('calls'), callback_uri: attempt ? `${callback}${callback.includes('?') ? '&' : '?'}attempt=${encodeURIComponent(attempt)}` : callback };
  }

  async searchNumbers(filter: NumberSearchFilter, limit: number): Promise<PhoneNumberRecord[]> {
    const unsupported = UNSUPPORTED_FILTERS.find((f) => filter[f] !== undefined);
    if (unsupported) refuse(['filter', unsupported], `AVANSER cannot search by ${unsupported}`, ErrorCode.UNSUPPORTED_FILTER);
    const country = checkCriteria(filter, ['filter']);
    const stock = await this.client.searchNumbers(stockQuery({ ...filter, country }));
    return stock.flatMap((n) => stockNumberRecord(n) ?? []).slice(0, limit);
  }

  /**
   * One request per number, sent in order. A failure before any acknowledgement is thrown;
   * after one, the acknowledged requests stand (they are ordered), the failure becomes a FAILED
   * order and the rest are not sent. Under an idempotency key a lost answer is thrown whatever
   * came before: the gateway then finds out what every request of the attempt did (`recover`).
   */
  async provision(request: Provision): Promise<ProvisionOutcome> {
    if (!request.avanser) refuse(['avanser'], 'AVANSER provisioning needs the avanser input');
    const a = request.avanser;
    const specs = requestSpecs(a);
    const outcome: ProvisionOutcome = { orders: [], numbers: [], services: [], owned: [] };
    for (const [i, spec] of specs.entries()) {
      const field = a.numbers ? ['avanser', 'numbers', String(i)] : undefined;
      const body = requestBody(a, spec, this.uris(request.attemptId && `${request.attemptId}.${i}`));
      try {
        acknowledged(outcome, spec, body, await this.client.createRequest(body));
      } catch (err) {
        if (!(err instanceof BusinessError || err instanceof GatewayError) || outcome.orders.length === 0) throw errorWithField(err, field);
        const refused = err instanceof BusinessError || err.nothingDone;
        // Under an idempotency key the gateway finds out what a lost request did; without one it can only say so.
        if (!refused && request.attemptId) throw err;
        notSent(outcome, specs.slice(i), refused ? err.message : `${err.message}: this request may have been carried out`, { code: err.code, message: err.message });
        break;
      }
    }
    return outcome;
  }

  /**
   * A provision whose answer was lost: the services whose callback URI carries its attempt id
   * are the requests AVANSER took, in order; their request status comes from List Requests.
   * Requests are sent one at a time, so the first without a trace ends the attempt, once no
   * request of it can still be on its way.
   */
  async recover(attempt: Attempt): Promise<Recovery> {
    if (attempt.operation !== 'provision') return { state: 'unknown' };
    // The gateway recorded the request it sent this adapter.
    const request = attempt.args[0] as Provision;
    if (!request.avanser || !request.attemptId) return { state: 'unknown' };
    const specs = requestSpecs(request.avanser);
    const tagged = new Map<number, AvanserServiceEntry>();
    for (const s of await this.client.listServices()) {
      const index = attemptIndex(s.callback_uri, request.attemptId!);
      if (index !== undefined) tagged.set(index, s);
    }
    if (tagged.size < specs.length && !attempt.settled) return { state: 'unknown' };
    if (tagged.size === 0) return { state: 'resend' };
    const requests = await this.client.listRequests();
    const outcome: ProvisionOutcome = { orders: [], numbers: [], services: [], owned: [] };
    for (const [i, spec] of specs.entries()) {
      const service = tagged.get(i);
      if (!service) {
        notSent(outcome, specs.slice(i), 'AVANSER has no trace of this request: it was not carried out');
        break;
      }
      // The request that made the service: the last one for its number (List Requests keeps every request).
      const entry = requests.filter((r) => r.service_number === service.service_number).at(-1);
      const body = requestBody(request.avanser, spec, this.uris(`${request.attemptId}.${i}`));
      acknowledged(outcome, spec, body, entry ?? ({ service_number: service.service_number, status: service.status === 'active' ? 'completed' : undefined } as AvanserRequestEntry));
    }
    return { state: 'done', result: outcome };
  }

  async orderStatus(requestId: string): Promise<OrderDraft | null> {
    try {
      return orderDraft(await this.client.getRequest(requestId));
    } catch (err) {
      if (!(err instanceof BusinessError && err.code === ErrorCode.NOT_FOUND)) throw err;
      // The single-request path is inferred; List Requests is the documented resource.
      const entry = (await this.client.listRequests()).find((r) => r.request_id === requestId);
      return entry ? orderDraft(entry) : null;
    }
  }

  async updateService(request: Update): Promise<ServiceUpdateOutcome> {
    const u = request.avanser;
    if (!u) refuse(['avanser'], 'an AVANSER update needs the avanser input');
    const e164 = phoneNumber(request.serviceRef, ['serviceRef']);
    const fields = Object.keys(u).filter((k) => u[k as keyof AvanserServiceUpdateInput] !== undefined);
    if (fields.length === 0) refuse(['avanser'], 'nothing to update');
    checkServiceInput(u, ['avanser']);
    // The URIs travel with every update so the service keeps reporting to this gateway.
    const ack = await this.client.updateService(toAvanserNumber(e164), { ...serviceFields(u), ...this.uris() });
    const order = orderDraft({ ...ack, service_number: ack.service_number ?? toAvanserNumber(e164) });
    return { order, parts: [{ fields, applied: false, pending: true, message: ack.message }] };
  }

  async listServices(): Promise<ServiceRecord[]> {
    const now = new Date().toISOString();
    return (await this.client.listServices()).flatMap((s) => {
      const e164 = tryFromAvanser(s.service_number);
      return e164 ? [serviceRecord(e164, s, now)] : [];
    });
  }

  /** `GET /v1/services` [C]: each service is one number of the account, pending until AVANSER has activated it. */
  async inventory(): Promise<Inventory> {
    const services = await this.listServices();
    const numbers = services.map((s): PhoneNumberRecord => ({
      provider: 'AVANSER',
      e164: s.providerRef,
      // The service's `status` words are inferred (`pending` while a request activates it).
      status: s.settings.status?.toLowerCase() === 'pending' ? 'PENDING' : 'ACTIVE',
      capabilities: ['VOICE'],
      serviceRef: s.providerRef,
    }));
    return { numbers, services };
  }

  async getService(serviceRef: string): Promise<ServiceRecord | null> {
    const e164 = phoneNumber(serviceRef, ['serviceRef']);
    // The Telco API lists services; a single-service read is not documented.
    return (await this.listServices()).find((s) => s.providerRef === e164) ?? null;
  }
}

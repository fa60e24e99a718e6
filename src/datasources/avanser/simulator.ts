/**
 * AVANSER Telco API on loopback, written from AVANSER's "Telco API – Product Outline and
 * Examples" page and the public sources the README cites, never from our client or mapping:
 * Basic auth, the `@transaction` envelope, stock by country and number class with PRIVATE /
 * STRICT PRIVATE / public modes, service requests acknowledged at once and confirmed by
 * callback after the ~7-minute activation (on the SandboxClock), request status by poll,
 * asynchronous service updates, and Call-URI reports by GET. Error bodies are inferred: the
 * envelope with `response: { code, message }`. Facts the README marks inferred are `variants`.
 */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { AvanserConfig } from './module.js';
import type { E164 } from '../../domain/model.js';
import { digitsOf, partsOf } from '../../domain/phone.js';
import {
  australianLandlineArea,
  basicAuthorised,
  LoopbackSimulator,
  readText,
  refuseCall,
  runUniqueIds,
  sendJson,
  zonedTime,
  type Callback,
  type SimulatedCall,
  type SimulatedCallInput,
  type SimulatorDeps,
} from '../../sandbox/simulator.js';

/** Network propagation of a new service: "about 7 minutes" (quick reference); "within minutes" (page). */
export const ACTIVATION_DELAY_MS = 7 * 60_000;
/** An update of an existing service (simulator's choice). */
export const UPDATE_DELAY_MS = 60_000;
/** ACMA's fictitious range 0491 570 xxx: an answer point there never answers, so the request fails. */
const UNREACHABLE_ANSWER_POINT = /^6149157/;
const COORDINATE_RADIUS_KM = 50;
/** The page writes the account as `7xxx` (`account-id`, `account_id`, `clientid`). */
const ACCOUNT_ID = '7001';
/** "Number Classes": GEO, TOLLFREE, FREECALL, MOBILE. */
const NUMBER_CLASSES = ['GEO', 'TOLLFREE', 'FREECALL', 'MOBILE'] as const;
export type NumberClass = (typeof NUMBER_CLASSES)[number];
/** `search_type` → the `service_number` field it searches by: `number` and `szu` are the page's, the rest [I]. */
const SEARCH_TYPES: Record<string, keyof Criteria> = {
  number: 'number',
  szu: 'szu',
  location: 'location',
  coordinates: 'latitude',
  prefix: 'prefix',
  number_type: 'type',
  type: 'type', // the literal is inferred: accept both
};
/** `service.type`: `transfer` (page); VoiceMail and Prompt (quick reference) as `voicemail`, `prompt` [I]. */
const SERVICE_TYPES = ['transfer', 'voicemail', 'prompt'];

export type StockMode = 'PUBLIC' | 'PRIVATE' | 'STRICT_PRIVATE';
type Outcome = SimulatedCallInput['outcome'];

/** Where the README marks a fact inferred (or the page contradicts itself), either variant. */
export interface AvanserVariants {
  /** The confirmation: "HTTP Post with a JSON Body" (the examples) or "a HTTP GET callback mechanism" (the outline). */
  confirmation: 'POST' | 'GET';
  /** The confirmation's `request_id`: the acknowledged one, or another (two of the page's three samples). */
  confirmationRequestId: 'ack' | 'other';
  /** `callstatus`/`callcode` per outcome: only `avanser_answered_call`/`1` is on the page, the rest [I]. */
  outcomes: Record<Outcome, { callstatus: string; callcode: string }>;
}

/** The Call-URI report's outcome words (only the first row is documented). */
const CALL_STATUSES: Record<Outcome, { callstatus: string; callcode: string }> = {
  ANSWERED: { callstatus: 'avanser_answered_call', callcode: '1' },
  MISSED: { callstatus: 'avanser_missed_call', callcode: '2' },
  BUSY: { callstatus: 'avanser_busy_call', callcode: '3' },
  VOICEMAIL: { callstatus: 'avanser_voicemail_call', callcode: '4' },
  FAILED: { callstatus: 'avanser_failed_call', callcode: '5' },
};

/** A service's settings, as a request or update carries them. */
interface ServiceSettings {
  type?: string;
  answer_point?: string;
  answer_point_name?: string;
  record_call?: boolean;
  /** [I] field name; the page only names the feature. */
  missed_call_notification?: { email?: string[]; sms?: string[] };
}

interface ServiceFields {
  name?: string;
  custom_id?: string;
  custom_group?: string;
  service?: ServiceSettings;
  call_uri?: string;
  callback_uri?: string;
}

interface StockEntry {
  digits: string;
  national: string;
  country: string;
  numberClass: NumberClass;
  region: string;
  szu?: string;
  lat?: number;
  lon?: number;
  pool: 'private' | 'public';
}

interface SimService extends ServiceFields {
  stock: StockEntry;
  /** A seeded service: reports to the gateway at whatever URL it has once it listens. */
  seeded?: boolean;
  service: ServiceSettings;
  status: 'pending' | 'active';
  updated: string;
}

/** A request as the (inferred) request list shows it: the acknowledgement and the confirmation's fields. */
interface SimRequest {
  request_id: string;
  type: 'create' | 'update';
  status: 'pending' | 'completed' | 'failed';
  message: string;
  service_number: string;
  custom_id: string;
  custom_group: string;
  answer_point: string;
  created: string;
  updated: string;
}

class SimError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const invalid = (what: string) => new SimError(400, `Invalid request: ${what}`);
const invalidNumber = (field: string) => new SimError(400, `Invalid number: ${field} must be international digits`);

const PLACES = {
  sydney: { region: 'NSW: Sydney', szu: 'sydney', lat: -33.8688, lon: 151.2093 },
  parramatta: { region: 'NSW: Parramatta', szu: 'sydney', lat: -33.815, lon: 151.0011 },
  melbourne: { region: 'VIC: Melbourne', szu: 'melbourne', lat: -37.8136, lon: 144.9631 },
  brisbane: { region: 'QLD: Brisbane', szu: 'brisbane', lat: -27.4698, lon: 153.0251 },
  perth: { region: 'WA: Perth', szu: 'perth', lat: -31.9523, lon: 115.8613 },
  adelaide: { region: 'SA: Adelaide', szu: 'adelaide', lat: -34.9285, lon: 138.6007 },
};

function entry(digits: string, numberClass: NumberClass, pool: StockEntry['pool'], place: { region: string; szu?: string; lat?: number; lon?: number }): StockEntry {
  const { national, country } = partsOf(`+${digits}`);
  return { digits, national, country: country ?? 'AU', numberClass, pool, ...place };
}

/** Private Sydney landlines, public landlines elsewhere, strict-private mobiles, public 13/1300, private and public 1800, a London landline. */
function seedStock(): StockEntry[] {
  return [
    entry('61280740801', 'GEO', 'private', PLACES.sydney),
    entry('61280740802', 'GEO', 'private', PLACES.sydney),
    entry('61280740805', 'GEO', 'private', PLACES.sydney),
    entry('61296301234', 'GEO', 'private', PLACES.parramatta),
    entry('61280740810', 'GEO', 'public', PLACES.sydney),
    entry('61390001234', 'GEO', 'public', PLACES.melbourne),
    entry('61399998888', 'GEO', 'public', PLACES.melbourne),
    entry('61738001234', 'GEO', 'public', PLACES.brisbane),
    entry('61892001234', 'GEO', 'public', PLACES.perth),
    entry('61882001234', 'GEO', 'public', PLACES.adelaide),
    entry('61481000101', 'MOBILE', 'private', { region: 'Australia: Mobile' }),
    entry('61481000102', 'MOBILE', 'private', { region: 'Australia: Mobile' }),
    entry('61481000201', 'MOBILE', 'public', { region: 'Australia: Mobile' }),
    entry('611300123456', 'TOLLFREE', 'public', { region: 'Australia: 1300' }),
    entry('611300654321', 'TOLLFREE', 'public', { region: 'Australia: 1300' }),
    entry('611800123456', 'FREECALL', 'private', { region: 'Australia: 1800' }),
    entry('611800654321', 'FREECALL', 'public', { region: 'Australia: 1800' }),
    // Stock is searched by `country`: one number outside Australia.
    entry('442079460100', 'GEO', 'public', { region: 'United Kingdom: London' }),
  ];
}

const SEED_MODES: Record<string, StockMode> = { 'AU:GEO': 'PRIVATE', 'AU:MOBILE': 'STRICT_PRIVATE', 'AU:FREECALL': 'PRIVATE' };

/** ISO-8601 in Sydney time, as AVANSER writes `time` and `tzdate` (`2017-06-14T10:19:24+10:00`, `+11:00` in summer). */
function sydneyTime(at: Date = new Date()): string {
  const { date, time, offset } = zonedTime(at, 'Australia/Sydney');
  return `${date}T${time}${offset}`;
}

/** The call report's number format: `+61-0280740801` (the API's own is `61280740801`). */
function reportNumber(digits: string): string {
  const { countryCallingCode, national } = partsOf(`+${digits}`);
  return countryCallingCode ? `+${countryCallingCode}-${national}` : `+${digits}`;
}

/** `clocation`/`cstate`/`ccountry`: the page shows `Mobile`/`MOB`/`AU` for a mobile; landlines and foreign callers [I]. */
function callerLocation(digits: string): { clocation: string; cstate: string; ccountry: string } {
  const { country, national } = partsOf(`+${digits}`);
  if (country !== 'AU') return { clocation: 'International', cstate: '', ccountry: country ?? '' };
  if (national.startsWith('04')) return { clocation: 'Mobile', cstate: 'MOB', ccountry: 'AU' };
  const area = australianLandlineArea(`+${digits}`);
  return { clocation: area?.city ?? 'Australia', cstate: area?.state ?? '', ccountry: 'AU' };
}

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(a));
}

function text(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function object(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalid(`${what} must be an object`);
  return v as Record<string, unknown>;
}

/** Stock criteria: the query of `GET /v1/numbers` and a request's `service_number`. */
type Criteria = ReturnType<typeof readCriteria>;

/** Stock criteria from a query or a request's `service_number` (names beyond `country` and `szu` [I]). */
function readCriteria(src: Record<string, unknown>) {
  const country = text(src.country)?.toUpperCase();
  if (!country || !/^[A-Z]{2}$/.test(country)) throw invalid('country is required (ISO alpha-2)');
  const type = text(src.type)?.toUpperCase();
  if (type !== undefined && !(NUMBER_CLASSES as readonly string[]).includes(type)) throw invalid(`type must be one of ${NUMBER_CLASSES.join(', ')}`);
  const szu = text(src.szu)?.toLowerCase();
  if (szu && country !== 'AU') throw invalid('szu searches exist for AU only');
  const [latitude, longitude] = [src.latitude, src.longitude].map((v) => (v === undefined || v === '' ? undefined : Number(v)));
  if ((latitude === undefined) !== (longitude === undefined) || Number.isNaN(latitude) || Number.isNaN(longitude)) {
    throw invalid('latitude and longitude must be numbers, given together');
  }
  const prefix = text(src.prefix);
  if (prefix && !/^\d+$/.test(prefix)) throw invalid('prefix must be digits');
  const number = text(src.number);
  if (number && !/^\d{6,15}$/.test(number)) throw invalidNumber('service_number.number');
  return { country, type: type as NumberClass | undefined, szu, location: text(src.location), latitude, longitude, prefix, number };
}

/** Service settings from a request or update body; `requireType` for a new service. */
function readService(src: Record<string, unknown>, requireType: boolean): ServiceSettings {
  const type = text(src.type)?.toLowerCase() ?? (requireType ? 'transfer' : undefined);
  if (type !== undefined && !SERVICE_TYPES.includes(type)) throw invalid(`service.type must be one of ${SERVICE_TYPES.join(', ')}`);
  const answerPoint = text(src.answer_point);
  if (answerPoint !== undefined && !/^\d{6,15}$/.test(answerPoint)) throw invalidNumber('service.answer_point');
  if (requireType && type === 'transfer' && !answerPoint) throw invalid('a transfer service needs service.answer_point');
  if (src.record_call !== undefined && typeof src.record_call !== 'boolean') throw invalid('service.record_call must be true or false');
  const notify = src.missed_call_notification === undefined ? undefined : object(src.missed_call_notification, 'service.missed_call_notification');
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : undefined);
  return {
    type,
    answer_point: answerPoint,
    answer_point_name: text(src.answer_point_name),
    record_call: src.record_call as boolean | undefined,
    missed_call_notification: notify && { email: list(notify.email), sms: list(notify.sms) },
  };
}

function readUri(v: unknown, field: string): string | undefined {
  if (v === undefined) return undefined;
  const uri = text(v);
  if (!uri || !/^https?:\/\/\S+$/.test(uri)) throw invalid(`${field} must be an http(s) URL`);
  return uri;
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export class AvanserSimulator extends LoopbackSimulator<AvanserConfig> {
  readonly provider = 'AVANSER';
  readonly variants: AvanserVariants;
  /** The page's sample token decodes to `tapi_access:<password>`. */
  private readonly credentials = { username: 'tapi_access', password: randomBytes(12).toString('hex') };
  private readonly stock = seedStock();
  private readonly modes = new Map(Object.entries(SEED_MODES));
  /** Services by number digits. */
  private readonly services = new Map<string, SimService>();
  private readonly requests = new Map<string, SimRequest>();
  private readonly failures: { status: number; message: string; retryAfterSeconds?: number }[] = [];
  private readonly held: Callback[] = [];
  private holding = false;
  /** Call ids reach the gateway's store, which outlives the simulator. */
  private readonly nextCallId = runUniqueIds();

  constructor(deps: SimulatorDeps, options: { variants?: Partial<AvanserVariants> } = {}) {
    super(deps);
    this.variants = { confirmation: 'POST', confirmationRequestId: 'ack', outcomes: { ...CALL_STATUSES }, ...options.variants };
    // The vendor page's own services, reporting to this gateway, so a fresh sandbox has calls to place.
    // Their URIs are read when used: with PORT=0 the gateway's URL is not known yet.
    this.addService('61280740801', {
      name: 'service #1',
      custom_id: 'custom_id #1',
      custom_group: 'custom_group #1',
      service: { type: 'transfer', answer_point: '61401603859', answer_point_name: 'answerpoint #1', record_call: true },
      seeded: true,
    }).status = 'active';
    this.addService('61399998888', {
      name: 'Melbourne after hours',
      service: { type: 'voicemail', record_call: false, missed_call_notification: { email: ['afterhours@example.com.au'] } },
      seeded: true,
    }).status = 'active';
  }

  get live(): AvanserConfig {
    return { ...this.credentials, baseUrl: this.baseUrl };
  }

  owns(e164: E164): boolean {
    return this.services.has(digitsOf(e164));
  }

  /** While on, confirmation callbacks are kept back instead of sent (requests still complete). */
  holdCallbacks(hold: boolean): void {
    this.holding = hold;
  }

  /** Send the confirmations kept back so far (a late callback). */
  async releaseHeldCallbacks(): Promise<void> {
    await Promise.all(this.held.splice(0).map((cb) => this.sender.deliver(cb)));
  }

  /**
   * A service decommissioned outside the Telco API (AVANSER support or its portal: the API's
   * own decommission call is not documented): gone from the service list, its number back in stock.
   */
  removeService(e164: E164): void {
    if (!this.services.delete(digitsOf(e164))) throw new Error(`${e164} is not an AVANSER service number`);
  }

  /** The account's stock mode for one country and number class (PUBLIC: no private stock). */
  setStockMode(country: string, numberClass: NumberClass, mode: StockMode): void {
    this.modes.set(`${country.toUpperCase()}:${numberClass}`, mode);
  }

  /** Answer the next API call with this error, whatever it asks. */
  failNext(failure: { status: number; message: string; retryAfterSeconds?: number }): void {
    this.failures.push(failure);
  }

  private addService(digits: string, fields: ServiceFields & { service: ServiceSettings; seeded?: boolean }): SimService {
    const stock = this.stock.find((s) => s.digits === digits)!;
    const service: SimService = { ...fields, stock, status: 'pending', updated: sydneyTime() };
    this.services.set(digits, service);
    return service;
  }

  /** Where a service sends its call reports and confirmations. */
  private uris(s: SimService): Pick<ServiceFields, 'call_uri' | 'callback_uri'> {
    if (!s.seeded) return { call_uri: s.call_uri, callback_uri: s.callback_uri };
    return { call_uri: s.call_uri ?? this.deps.webhookUrl('calls'), callback_uri: s.callback_uri ?? this.deps.webhookUrl('requests') };
  }

  /** Available numbers matching the criteria, as the account's stock mode lets it see them. */
  private search(c: Criteria): StockEntry[] {
    const near = (e: StockEntry) => (c.latitude === undefined || e.lat === undefined ? Infinity : distanceKm(c.latitude, c.longitude!, e.lat, e.lon!));
    const matching = this.stock.filter(
      (e) =>
        !this.services.has(e.digits) &&
        e.country === c.country &&
        (!c.type || e.numberClass === c.type) &&
        (!c.szu || e.szu === c.szu) &&
        (!c.location || e.region.toLowerCase().includes(c.location.toLowerCase())) &&
        (!c.prefix || [e.national, e.national.replace(/^0/, ''), e.digits].some((n) => n.startsWith(c.prefix!))) &&
        (c.latitude === undefined || near(e) <= COORDINATE_RADIUS_KM),
    );
    const modeOf = (e: StockEntry) => this.modes.get(`${e.country}:${e.numberClass}`) ?? 'PUBLIC';
    const privateLeft = (e: StockEntry) => matching.some((m) => m.pool === 'private' && m.country === e.country && m.numberClass === e.numberClass);
    // PRIVATE falls back on public stock once its own runs out; STRICT_PRIVATE never does.
    const visible = matching.filter((e) => (e.pool === 'private' ? modeOf(e) !== 'PUBLIC' : modeOf(e) === 'PUBLIC' || (modeOf(e) === 'PRIVATE' && !privateLeft(e))));
    return c.latitude === undefined ? visible : visible.sort((a, b) => near(a) - near(b));
  }

  /** `number` search: that number if in stock, else the closest one in the same area (longest common prefix). */
  private closest(c: Criteria & { number: string }): StockEntry | undefined {
    const candidates = this.search({ ...c, number: undefined });
    const minimum = partsOf(`+${c.number}`).countryCallingCode.length + 1;
    const common = (d: string) => {
      let i = 0;
      while (i < d.length && d[i] === c.number[i]) i++;
      return i;
    };
    const best = candidates.reduce<StockEntry | undefined>((b, e) => (!b || common(e.digits) > common(b.digits) ? e : b), undefined);
    return best && common(best.digits) >= minimum ? best : undefined;
  }

  private stockResponse(query: URLSearchParams): Record<string, unknown> {
    const found = this.search(readCriteria(Object.fromEntries(query)));
    return Object.fromEntries(
      found.map((e) => [e.digits, { country: e.country, region: e.region, type: e.numberClass, national: e.national, calling_code: `+${partsOf(`+${e.digits}`).countryCallingCode}`, pool: e.pool }]),
    );
  }

  private createRequest(raw: unknown): SimRequest {
    const body = object(raw, 'the body');
    const name = text(body.name);
    if (!name) throw invalid('name is required');
    const wanted = object(body.service_number, 'service_number');
    const searchType = text(wanted.search_type)?.toLowerCase() ?? '';
    const field = SEARCH_TYPES[searchType];
    if (!field) throw invalid(`search_type must be one of ${Object.keys(SEARCH_TYPES).join(', ')}`);
    const criteria = readCriteria(wanted);
    if (criteria[field] === undefined) throw invalid(`search_type ${searchType} needs service_number.${field}`);
    const service = readService(object(body.service, 'service'), true);
    const uris = { call_uri: readUri(body.call_uri, 'call_uri'), callback_uri: readUri(body.callback_uri, 'callback_uri') };
    const picked = criteria.number ? this.closest({ ...criteria, number: criteria.number }) : this.search(criteria)[0];
    if (!picked) {
      if (criteria.number) throw new SimError(409, 'Requested number is not available and nothing close to it is');
      throw new SimError(409, this.modes.get(`${criteria.country}:${criteria.type}`) === 'STRICT_PRIVATE' ? 'No numbers available: private stock exhausted, contact AVANSER support' : 'No numbers available matching the search criteria');
    }
    const fields = { name, custom_id: text(body.custom_id), custom_group: text(body.custom_group), service, ...uris };
    const created = this.addService(picked.digits, fields);
    const request = this.newRequest('create', picked.digits, fields);
    this.schedule(ACTIVATION_DELAY_MS, () => this.finish(request, created, fields));
    return request;
  }

  private updateService(digits: string, raw: unknown): SimRequest {
    const service = this.services.get(digits);
    if (!service) throw new SimError(404, `Service ${digits} not found`);
    const body = object(raw, 'the body');
    const change: ServiceFields = defined({
      name: text(body.name),
      custom_id: text(body.custom_id),
      custom_group: text(body.custom_group),
      service: body.service === undefined ? undefined : defined(readService(object(body.service, 'service'), false)),
      call_uri: readUri(body.call_uri, 'call_uri'),
      callback_uri: readUri(body.callback_uri, 'callback_uri'),
    });
    if (Object.keys(change).length === 0) throw invalid('nothing to update');
    const request = this.newRequest('update', digits, change);
    this.schedule(UPDATE_DELAY_MS, () => this.finish(request, service, change));
    return request;
  }

  private newRequest(type: SimRequest['type'], digits: string, fields: ServiceFields): SimRequest {
    const now = sydneyTime();
    const request: SimRequest = {
      request_id: randomBytes(20).toString('hex'),
      type,
      status: 'pending',
      message: 'Request received',
      service_number: digits,
      custom_id: fields.custom_id ?? '',
      custom_group: fields.custom_group ?? '',
      answer_point: fields.service?.answer_point ?? '',
      created: now,
      updated: now,
    };
    this.requests.set(request.request_id, request);
    return request;
  }

  /** Activation or update done: apply it (unless the answer point is unreachable) and confirm. */
  private finish(request: SimRequest, service: SimService, change: ServiceFields): void {
    const answerPoint = change.service?.answer_point ?? service.service.answer_point ?? '';
    const failed = UNREACHABLE_ANSWER_POINT.test(answerPoint);
    if (failed && request.type === 'create') this.services.delete(request.service_number);
    if (!failed) {
      Object.assign(service, change, { service: { ...service.service, ...change.service }, updated: sydneyTime() });
      if (request.type === 'create') service.status = 'active';
    }
    Object.assign(request, {
      status: failed ? 'failed' : 'completed',
      message: failed ? 'Request failed: the answer point did not answer the activation test' : 'Request completed successfully',
      answer_point: answerPoint,
      updated: sydneyTime(),
    });
    const callbackUri = change.callback_uri ?? this.uris(service).callback_uri;
    if (!callbackUri) return;
    const confirmation = {
      account_id: ACCOUNT_ID,
      request_id: this.variants.confirmationRequestId === 'ack' ? request.request_id : randomBytes(20).toString('hex'),
      // An update's confirmation carries only what the update resent (the page's sample shows "").
      custom_id: request.custom_id,
      custom_group: request.custom_group,
      service_number: request.service_number,
      answer_point: answerPoint,
      message: request.message,
      status: request.status,
    };
    const callback: Callback =
      this.variants.confirmation === 'POST' ? { url: callbackUri, method: 'POST', json: confirmation } : { url: callbackUri, method: 'GET', query: confirmation };
    if (this.holding) this.held.push(callback);
    else void this.sender.deliver(callback);
  }

  /** The Call-URI report, sent when the call ends: GET with the call appended to `call_uri`. */
  async simulateIncomingCall(input: SimulatedCallInput): Promise<SimulatedCall> {
    const digits = digitsOf(input.to);
    const service = this.services.get(digits);
    if (!service) return refuseCall('NOT_OWNED', `${input.to} is not an AVANSER service number`);
    if (service.status !== 'active') return refuseCall('PENDING', `${input.to} is still being activated`);
    const { callstatus, callcode } = this.variants.outcomes[input.outcome];
    const talked = input.outcome === 'ANSWERED' || input.outcome === 'VOICEMAIL';
    // Talk time only for a call that was taken (the GraphQL input defaults durationSeconds for every outcome).
    const duration = talked ? (input.durationSeconds ?? 15) : 0;
    const callid = this.nextCallId();
    const startedAt = new Date();
    const answerPoint = service.service.answer_point;
    const query = {
      clientid: ACCOUNT_ID,
      callid,
      uniqueid: `ECS1-${Math.floor(startedAt.getTime() / 1000)}.${callid.slice(-5)}`,
      bnum: reportNumber(digits),
      adname: service.name ?? '',
      target: answerPoint ? reportNumber(answerPoint) : '',
      targetname: service.service.answer_point_name ?? '',
      ani: reportNumber(digitsOf(input.from)),
      tzdate: sydneyTime(startedAt),
      duration: String(duration),
      callstatus,
      callcode,
      ...callerLocation(digitsOf(input.from)),
      custom_id: service.custom_id ?? '',
      custom_group: service.custom_group ?? '',
    };
    const callUri = this.uris(service).call_uri;
    // "Upon call completion": once the call is over.
    if (callUri) this.schedule(duration * 1000, () => this.sender.deliver({ url: callUri, method: 'GET', query }));
    return { provider: 'AVANSER', providerCallId: callid };
  }

  /** Route one API call; returns the `response` and, for POSTs, the transaction id (= request_id). */
  private async route(req: http.IncomingMessage, url: URL): Promise<{ response: unknown; id?: string }> {
    const [, version, resource, id, extra] = url.pathname.split('/');
    const method = req.method ?? 'GET';
    if (version !== 'v1' || extra !== undefined || !['numbers', 'requests', 'services'].includes(resource ?? '')) throw new SimError(404, 'Resource not found');
    let body: unknown;
    if (method === 'POST') {
      // Parsed whatever the content type: the vendor's curl examples send JSON as a form (`-d`).
      try {
        body = JSON.parse(await readText(req));
      } catch {
        throw invalid('the body must be JSON');
      }
    }
    const ack = (r: SimRequest) => ({ id: r.request_id, response: { request_id: r.request_id, message: 'Success', code: 200, service_number: r.service_number } });
    const key = `${method} ${resource}${id === undefined ? '' : '/:id'}`;
    switch (key) {
      case 'GET numbers':
        return { response: this.stockResponse(url.searchParams) };
      case 'POST requests':
        return ack(this.createRequest(body));
      case 'GET requests':
        return { response: Object.fromEntries(this.requests) };
      case 'GET requests/:id': {
        const request = this.requests.get(id!);
        if (!request) throw new SimError(404, `Request ${id} not found`);
        return { response: request };
      }
      case 'GET services':
        return {
          response: Object.fromEntries(
            [...this.services].map(([digits, service]) => {
              const { stock, seeded: _, ...s } = service;
              return [digits, { service_number: digits, country: stock.country, type: stock.numberClass, region: stock.region, ...s, ...this.uris(service) }];
            }),
          ),
        };
      case 'POST services/:id':
        return ack(this.updateService(id!, body));
      default:
        throw new SimError(405, 'Method not allowed');
    }
  }

  protected async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    try {
      if (!basicAuthorised(req.headers.authorization, this.credentials.username, this.credentials.password)) {
        this.reply(req, res, started, 401, { code: 401, message: 'Unauthorized' }, { headers: { 'www-authenticate': 'Basic realm="AVANSER Telco API"' } });
        return;
      }
      const failure = this.failures.shift();
      if (failure) throw new SimError(failure.status, failure.message, failure.retryAfterSeconds);
      const { response, id } = await this.route(req, new URL(req.url ?? '/', 'http://sandbox'));
      this.reply(req, res, started, 200, response, { id });
    } catch (err) {
      if (!(err instanceof SimError)) throw err;
      const headers: Record<string, string> = err.retryAfterSeconds === undefined ? {} : { 'retry-after': String(err.retryAfterSeconds) };
      this.reply(req, res, started, err.status, { code: err.status, message: err.message }, { headers });
    }
  }

  protected internalError(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.reply(req, res, performance.now(), 500, { code: 500, message: 'Internal error' });
  }

  /** Every answer in the `@transaction` envelope; a POST's transaction id is its `request_id`. */
  private reply(req: http.IncomingMessage, res: http.ServerResponse, started: number, status: number, response: unknown, opts: { id?: string; headers?: Record<string, string> } = {}): void {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const transaction = {
      id: opts.id ?? randomBytes(20).toString('hex'),
      'account-id': ACCOUNT_ID,
      request: { 'api-version': 'v1', method: req.method, path: url.pathname + url.search, time: sydneyTime(), ms: (performance.now() - started).toFixed(3) },
    };
    sendJson(res, status, { '@transaction': transaction, response }, opts.headers);
  }
}

export function startAvanserSimulator(deps: SimulatorDeps, options?: { variants?: Partial<AvanserVariants> }): Promise<AvanserSimulator> {
  return new AvanserSimulator(deps, options).listen();
}

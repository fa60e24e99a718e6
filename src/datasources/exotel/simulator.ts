/**
 * Exotel Lead Assist GreenVN on loopback, written from Exotel's GreenVN API page and the
 * public sources the README cites, never from our client or mapping: Basic auth, the tenant
 * path, the `{success,status,code,message,data}` envelope, the Appendix 1 error table, a pool
 * of GreenVNs per region and type with strictness, deallocation-policy timers that fire the
 * deallocation callback, and calls that fire the call and PIN-verification callbacks.
 * Facts the README marks inferred are `variants`, so tests can speak each of them.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { ExotelConfig } from './module.js';
import type { E164 } from '../../domain/model.js';
import { tryE164 } from '../../domain/phone.js';
import {
  basicAuthorised,
  LoopbackSimulator,
  readText,
  refuseCall,
  sendJson,
  zonedTime,
  type SimulatedCall,
  type SimulatedCallInput,
  type SimulatorDeps,
} from '../../sandbox/simulator.js';

/** "Create an Allocation", `preferences.region`: "Valid values are: DL, MU, MH, WB, AP, TN, GJ, KA, KL, RJ, MP". */
export const EXOTEL_REGIONS = ['DL', 'MU', 'MH', 'WB', 'AP', 'TN', 'GJ', 'KA', 'KL', 'RJ', 'MP'] as const;
export type ExotelRegion = (typeof EXOTEL_REGIONS)[number];

export interface ExotelSimVn {
  e164: E164;
  region: ExotelRegion;
  /** `preferences.type`: "either a mobile or landline number". */
  type: 'mobile' | 'landline';
}

/** The next matching request is answered with an error (nothing done) or answered late (done). */
export interface ExotelSimFault {
  /** Only requests with this method; any when unset. */
  method?: string;
  code?: number;
  /** HTTP status; defaults to the code's own. */
  status?: number;
  retryAfterSeconds?: number;
  /** Process the request, then answer after this many real milliseconds (a lost answer). */
  delayMs?: number;
}

/** Where the README marks a fact inferred (or Exotel's own samples disagree), either variant. */
export interface ExotelVariants {
  /**
   * Callback times: `plain` is the field table's `YYYY-MM-DD HH:mm:ss` (account time, IST);
   * `iso` `2021-11-09T10:09:15+05:30`; `bogusOffset` the first call sample's `…+50:30`.
   */
  timestamps: 'plain' | 'iso' | 'bogusOffset';
  /** Durations in the call event as strings (`"32"`, first sample) or numbers (`4`, as `on_call_duration` in the second). */
  durations: 'strings' | 'numbers';
  /** The allocated VN in answers: `green_vn` (the page's field table and samples: the default), `greenvn` (Exotel's own code) or both. */
  vnField: 'greenvn' | 'green_vn' | 'both';
  /** Errors wrapped in a one-element array (the API page) or bare (the docs site). */
  errorsInArray: boolean;
  /** Call Insights subscribed: the call event carries the `insights` block. */
  insights: boolean;
  /** `call_type`, `dial_call_status` and Insights `DetailedStatus` per outcome (any documented value, e.g. `client-hangup`, `canceled`, `la-null`). */
  outcomes: Record<SimulatedCallInput['outcome'], CallWords>;
}

interface CallWords {
  callType: string;
  dialStatus: string;
  detailedStatus: string;
}

export interface ExotelSimOptions {
  pool?: ExotelSimVn[];
  /** Call flows of the account; any other flow_id is code 50. */
  flows?: string[];
  /** Serve the inferred `GET …/greenvn?connection_id=…` lookup (default true). */
  connectionLookup?: boolean;
  variants?: Partial<ExotelVariants>;
}

/** The sandbox account's timezone: Exotel's default setting, IST. */
const ACCOUNT_TIME_ZONE = 'Asia/Kolkata';
/** More numbers than this in one party is code 17 (Exotel's limit is undocumented). */
export const MAX_PARTY_SIZE = 10;
/** The settings' `max_deallocation_time` default (170 days) caps any policy. */
const MAX_DEALLOCATION_SECONDS = 170 * 86400;
const MAX_TIMER_MS = 2 ** 31 - 1;
/** An answered second leg rings this long first: both call samples have `dial_call_duration` above `on_call_duration` [I]. */
const RING_SECONDS = 5;
/** The call event is built a few seconds after the call ends (`current_time` is "Current time"; the samples trail by 9 and 5 s). */
const REPORT_LAG_SECONDS = 5;

/** Appendix 1: code → HTTP status and Exotel's words; plus the statuses without a code. */
const CODES: Record<number, [number, string]> = {
  0: [500, 'Internal Service Error'],
  1: [404, 'Could not find the given GreenVN'],
  2: [400, 'One or more unsupported search filters provided'],
  3: [400, 'One or more mandatory parameters not present in request'],
  4: [452, 'No free GreenVNs are available for allocation'],
  5: [400, 'Bad or missing parameters in Request'],
  7: [401, 'Authentication not provided or failed'],
  8: [403, 'Not permitted to do this operation.'],
  9: [400, 'Version header not specified or supported for this API'],
  13: [409, 'All numbers in the group are duplicates'],
  14: [409, 'a-party numbers and b-party numbers cannot contain the same number for an allocation.'],
  15: [403, 'The region code specified is not supported'],
  16: [400, 'Invalid Number Received.'],
  17: [413, 'Too many allocation requests in bulk.'],
  18: [409, 'Allocation exists for this connection id'],
  19: [409, 'One or more of the numbers is already registered with another pin'],
  20: [404, "Group and number mapping doesn't exist"],
  22: [410, 'This greenvn is already deleted'],
  23: [400, 'An invalid date range was provided in the query'],
  50: [422, 'An invalid call flow is configured'],
};
/** The response table's `status` values that have no code. */
const STATUS_WORDS: Record<number, string> = { 402: 'Unauthorized Request', 429: 'Throttle limit exceeded', 499: 'Response timeout exceeded' };

class ExotelFailure extends Error {
  constructor(readonly code: number) {
    super(CODES[code]![1]);
  }
}
function fail(code: number): never {
  throw new ExotelFailure(code);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `strictness`: documented a boolean, sent as the string `"false"` in Exotel's own examples. */
function strictnessOf(v: unknown): boolean {
  if (v === undefined || v === false || v === 'false') return false;
  return v === true || v === 'true' ? true : fail(5);
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `deallocation_policy.duration`: "any unit (d, m, s) Eg: 20s"; `h` too (settings API); bare digits as seconds [I]. */
function policySeconds(v: unknown): number | undefined {
  const m = typeof v === 'string' ? /^(\d+)([dhms]?)$/.exec(v.trim()) : null;
  const seconds = m ? Number(m[1]) * UNIT_SECONDS[m[2] || 's']! : 0;
  return seconds > 0 ? seconds : undefined;
}

const LANDLINE_AREA: Record<ExotelRegion, string> = { DL: '11', MU: '22', MH: '20', WB: '33', AP: '40', TN: '44', GJ: '79', KA: '80', KL: '484', RJ: '141', MP: '755' };

/** One mobile and one landline GreenVN per region. */
export const DEFAULT_POOL: ExotelSimVn[] = EXOTEL_REGIONS.flatMap((region, i): ExotelSimVn[] => [
  { e164: `+9198${String(i).padStart(2, '0')}000001`, region, type: 'mobile' },
  { e164: `+91${(LANDLINE_AREA[region] + '40001001').slice(0, 10)}`, region, type: 'landline' },
]);

/** First two digits of Indian PIN codes per region; another PIN code gets the nearest region ("closest to the passed pin code"). */
const PIN_PREFIXES: Record<ExotelRegion, [number, number]> = {
  DL: [11, 11], MU: [40, 40], MH: [41, 44], WB: [70, 74], AP: [50, 53], TN: [60, 64], GJ: [36, 39], KA: [56, 59], KL: [67, 69], RJ: [30, 34], MP: [45, 48],
};

export function regionOfPinCode(pinCode: string): ExotelRegion {
  const p = Number(pinCode.slice(0, 2));
  const distance = (r: ExotelRegion) => Math.max(PIN_PREFIXES[r][0] - p, p - PIN_PREFIXES[r][1], 0);
  return EXOTEL_REGIONS.reduce((best, r) => (distance(r) < distance(best) ? r : best));
}

/**
 * Outcome → `call_type` (Passthru CallType: call-attempt, completed, client-hangup,
 * incomplete, voicemail), `dial_call_status` (second leg: completed, busy, no-answer,
 * failed, canceled) and the Call Insights `DetailedStatus` (only `CALL_COMPLETED` is shown; the rest [I]).
 */
const OUTCOMES: Record<SimulatedCallInput['outcome'], CallWords> = {
  ANSWERED: { callType: 'completed', dialStatus: 'completed', detailedStatus: 'CALL_COMPLETED' },
  MISSED: { callType: 'incomplete', dialStatus: 'no-answer', detailedStatus: 'NO_ANSWER' },
  BUSY: { callType: 'incomplete', dialStatus: 'busy', detailedStatus: 'BUSY' },
  VOICEMAIL: { callType: 'voicemail', dialStatus: 'no-answer', detailedStatus: 'NO_ANSWER' },
  FAILED: { callType: 'incomplete', dialStatus: 'failed', detailedStatus: 'CALL_FAILED' },
};

interface Allocation {
  id: string;
  connectionId: string;
  vn: ExotelSimVn;
  a: E164[];
  b: E164[];
  aPins: number[];
  bPins: number[];
  usage: 'oneway' | 'twoway';
  state: 'active' | 'vault';
  flowId?: string;
  cancelExpiry?: () => void;
}

interface Wanted {
  greenvn?: E164;
  region?: ExotelRegion;
  type?: 'mobile' | 'landline';
}

// ---- Request checks, in Exotel's codes ----

/** "List of numbers in E164 format". */
function party(value: unknown, required: boolean): E164[] | undefined {
  if (value === undefined || value === null) return required ? fail(3) : undefined;
  if (!Array.isArray(value) || value.length === 0 || value.some((n) => typeof n !== 'string')) fail(5);
  if (value.length > MAX_PARTY_SIZE) fail(17);
  if (value.some((n) => tryE164(n) !== n)) fail(16);
  if (new Set(value).size !== value.length) fail(13);
  return value as E164[];
}

/** "This can be any positive integer." */
function pinList(value: unknown): number[] | undefined {
  if (value === undefined || value === null) return undefined;
  const pins = Array.isArray(value) ? value.map(Number) : [NaN];
  if (pins.some((p) => !Number.isSafeInteger(p) || p <= 0)) fail(5);
  return pins;
}

function usageOf(value: unknown, required: boolean): Allocation['usage'] | undefined {
  if (value === undefined) return required ? fail(3) : undefined;
  return value === 'oneway' || value === 'twoway' ? value : fail(5);
}

/** A pin names one party, and no number sits on both sides. */
function checkParties(a: E164[], b: E164[], aPins: number[], bPins: number[]): void {
  if (a.some((n) => b.includes(n))) fail(14);
  if (aPins.some((p) => bPins.includes(p))) fail(19);
}

/** `type` on create, `number_type` in the update-VN example: both. */
const PREFERENCE_KEYS = new Set(['greenvn', 'region', 'pin_code', 'type', 'number_type']);

function wantedOf(body: Record<string, unknown>): { wanted: Wanted; strict: boolean } {
  const strict = strictnessOf(body.strictness);
  const p = body.preferences ?? {};
  if (!isObject(p)) fail(5);
  if (Object.keys(p).some((k) => !PREFERENCE_KEYS.has(k))) fail(2);
  const wanted: Wanted = {};
  if (p.greenvn !== undefined) wanted.greenvn = typeof p.greenvn === 'string' && tryE164(p.greenvn) === p.greenvn ? p.greenvn : fail(16);
  if (p.region !== undefined) wanted.region = (EXOTEL_REGIONS as readonly unknown[]).includes(p.region) ? (p.region as ExotelRegion) : fail(15);
  else if (p.pin_code !== undefined) wanted.region = /^\d{6}$/.test(String(p.pin_code)) ? regionOfPinCode(String(p.pin_code)) : fail(5);
  const type = p.type ?? p.number_type;
  if (type !== undefined) wanted.type = type === 'mobile' || type === 'landline' ? type : fail(5);
  return { wanted, strict };
}

function matches(vn: ExotelSimVn, w: Wanted): number {
  return Number(w.greenvn === vn.e164) + Number(w.region === vn.region) + Number(w.type === vn.type);
}

export class ExotelSimulator extends LoopbackSimulator<ExotelConfig> {
  readonly provider = 'EXOTEL';
  readonly variants: ExotelVariants;
  /** Requests received, in order (tests check what reached "Exotel"). */
  readonly requests: Array<{ method: string; path: string; body: unknown }> = [];
  private readonly credentials = { tenantSid: 'sandbox_tenant', apiKey: `key_${randomBytes(6).toString('hex')}`, apiToken: randomBytes(12).toString('hex') };
  private readonly pool: ExotelSimVn[];
  private readonly flows: Set<string>;
  private readonly allocations = new Map<string, Allocation>();
  private readonly faults: ExotelSimFault[] = [];

  constructor(
    deps: SimulatorDeps,
    private readonly options: ExotelSimOptions = {},
  ) {
    super(deps);
    this.pool = options.pool ?? DEFAULT_POOL;
    this.flows = new Set(options.flows ?? ['4521', '4522']);
    this.variants = { timestamps: 'plain', durations: 'strings', vnField: 'green_vn', errorsInArray: true, insights: false, outcomes: { ...OUTCOMES }, ...options.variants };
  }

  get live(): ExotelConfig {
    return { ...this.credentials, baseUrl: this.baseUrl };
  }

  /** Answer the next matching request with an error without doing it, or do it and answer late. */
  failNext(fault: ExotelSimFault): void {
    this.faults.push(fault);
  }

  owns(e164: E164): boolean {
    return this.pool.some((vn) => vn.e164 === e164);
  }

  private active(): Allocation[] {
    return [...this.allocations.values()].filter((a) => a.state === 'active');
  }

  /** An allocation as the API answers it (`flow_id` "only if this parameter is passed"). */
  private dataOf(a: Allocation): Record<string, unknown> {
    const vn = this.variants.vnField;
    return {
      connection_id: a.connectionId,
      aparty_numbers: a.a,
      bparty_numbers: a.b,
      ...(a.aPins.length ? { aparty_pins: a.aPins } : {}),
      ...(a.bPins.length ? { bparty_pins: a.bPins } : {}),
      usage: a.usage,
      state: a.state,
      ...(vn === 'green_vn' ? {} : { greenvn: a.vn.e164 }),
      ...(vn === 'greenvn' ? {} : { green_vn: a.vn.e164 }),
      greenvn_id: a.id,
      ...(a.flowId ? { flow_id: a.flowId } : {}),
    };
  }

  /** Callback times in the account's timezone, in the variant's form. */
  private time(at: Date): string {
    const { date, time, offset } = zonedTime(at, ACCOUNT_TIME_ZONE);
    if (this.variants.timestamps === 'plain') return `${date} ${time}`;
    return `${date}T${time}${this.variants.timestamps === 'iso' ? offset : '+50:30'}`;
  }

  private duration(seconds: number): string | number {
    return this.variants.durations === 'numbers' ? seconds : String(seconds);
  }

  /** Strict: every stated preference must hold. Otherwise the free VN that meets most of them. */
  private pickVn(body: Record<string, unknown>, current?: ExotelSimVn): ExotelSimVn {
    const { wanted, strict } = wantedOf(body);
    const held = new Set(this.active().map((a) => a.vn.e164));
    const wantedCount = Object.keys(wanted).length;
    const free = this.pool.filter((vn) => !held.has(vn.e164) && vn !== current && (!strict || matches(vn, wanted) === wantedCount));
    return free.reduce<ExotelSimVn | undefined>((best, vn) => (!best || matches(vn, wanted) > matches(best, wanted) ? vn : best), undefined) ?? fail(4);
  }

  private find(id: string): Allocation {
    const a = this.allocations.get(id) ?? fail(1);
    return a.state === 'vault' ? fail(22) : a;
  }

  /** "Deallocation Callback Event": only when the policy expires, unset pins as `[null]`. */
  private expire(a: Allocation): void {
    a.state = 'vault';
    const { green_vn: _, ...data } = this.dataOf(a);
    this.track(
      this.sender.deliver({
        url: this.deps.webhookUrl('deallocations'),
        method: 'POST',
        json: { ...data, greenvn: a.vn.e164, aparty_pins: a.aPins.length ? a.aPins : [null], bparty_pins: a.bPins.length ? a.bPins : [null] },
      }),
    );
  }

  private create(body: Record<string, unknown>): Allocation {
    if (typeof body.connection_id !== 'string' || body.connection_id === '') fail(3);
    const a = party(body.aparty_numbers, true)!;
    const b = party(body.bparty_numbers, true)!;
    const usage = usageOf(body.usage, true)!;
    const aPins = pinList(body.aparty_pins) ?? [];
    const bPins = pinList(body.bparty_pins) ?? [];
    checkParties(a, b, aPins, bPins);
    const policy = body.deallocation_policy;
    const seconds = policy === undefined ? undefined : isObject(policy) ? policySeconds(policy.duration) : undefined;
    if (policy !== undefined && (!seconds || seconds > MAX_DEALLOCATION_SECONDS)) fail(5);
    const flowId = body.flow_id === undefined ? undefined : String(body.flow_id);
    if (flowId !== undefined && !this.flows.has(flowId)) fail(50);
    if (this.active().some((x) => x.connectionId === body.connection_id)) fail(18);
    const vn = this.pickVn(body);
    const allocation: Allocation = { id: randomUUID(), connectionId: body.connection_id as string, vn, a, b, aPins, bPins, usage, state: 'active', flowId };
    this.allocations.set(allocation.id, allocation);
    // Without a policy the sandbox account's default applies: never. Beyond setTimeout's reach
    // (long policies at a large time scale) the sandbox never expires it either.
    if (seconds && this.clock.ms(seconds * 1000) <= MAX_TIMER_MS) allocation.cancelExpiry = this.clock.after(seconds * 1000, () => this.expire(allocation));
    return allocation;
  }

  /** Update parties: only what is sent changes; the deallocation policy is inherited, never extended. */
  private updateParties(a: Allocation, body: Record<string, unknown>): Allocation {
    const newA = party(body.aparty_numbers, false);
    const newB = party(body.bparty_numbers, false);
    if (!newA && !newB) fail(3);
    const aPins = pinList(body.aparty_pins) ?? a.aPins;
    const bPins = pinList(body.bparty_pins) ?? a.bPins;
    const usage = usageOf(body.usage, false) ?? a.usage;
    checkParties(newA ?? a.a, newB ?? a.b, aPins, bPins);
    Object.assign(a, { a: newA ?? a.a, b: newB ?? a.b, aPins, bPins, usage });
    return a;
  }

  /** [I] no lookup is documented; this one is served unless `connectionLookup: false`. */
  private lookup(query: URLSearchParams): Allocation {
    if (this.options.connectionLookup === false || [...query.keys()].some((k) => k !== 'connection_id')) fail(2);
    const id = query.get('connection_id') || fail(3);
    const matching = [...this.allocations.values()].filter((a) => a.connectionId === id);
    return matching.find((a) => a.state === 'active') ?? matching.at(-1) ?? fail(1);
  }

  private async route(req: http.IncomingMessage, url: URL): Promise<Allocation> {
    const text = await readText(req);
    let body: unknown;
    try {
      body = text.trim() ? JSON.parse(text) : {};
    } catch {
      body = undefined;
    }
    this.requests.push({ method: req.method ?? '', path: url.pathname + url.search, body });
    if (!basicAuthorised(req.headers.authorization, this.credentials.apiKey, this.credentials.apiToken)) fail(7);
    const m = /^\/v1\/tenants\/([^/]+)\/greenvn(?:\/([^/]+)(?:\/(call-party|vn))?)?\/?$/.exec(url.pathname);
    if (!m) fail(1);
    if (decodeURIComponent(m[1]!) !== this.credentials.tenantSid) fail(8);
    if (!isObject(body)) fail(5);
    const [, , id, action] = m;
    switch (`${req.method} ${id ? 'id' : ''}${action ? `/${action}` : ''}`) {
      case 'POST ':
        return this.create(body);
      case 'GET ':
        return this.lookup(url.searchParams);
      case 'GET id':
        return this.allocations.get(id!) ?? fail(1);
      case 'DELETE id': {
        const a = this.find(id!);
        a.cancelExpiry?.();
        a.state = 'vault';
        return a;
      }
      case 'PUT id/call-party':
        return this.updateParties(this.find(id!), body);
      case 'PUT id/vn': {
        const a = this.find(id!);
        a.vn = this.pickVn(body, a.vn);
        return a;
      }
      default:
        return fail(5);
    }
  }

  private sendError(res: http.ServerResponse, status: number, code: number | null, message: string, headers: Record<string, string> = {}): void {
    const error = { success: false, status, code, message, data: null };
    sendJson(res, status, this.variants.errorsInArray ? [error] : error, headers);
  }

  protected async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const i = this.faults.findIndex((f) => !f.method || f.method === req.method);
    const fault = i < 0 ? undefined : this.faults.splice(i, 1)[0];
    if (fault && (fault.code !== undefined || fault.status !== undefined)) {
      this.requests.push({ method: req.method ?? '', path: url.pathname + url.search, body: undefined });
      const status = fault.status ?? CODES[fault.code!]![0];
      const message = fault.code === undefined ? (STATUS_WORDS[status] ?? 'Error') : CODES[fault.code]![1];
      this.sendError(res, status, fault.code ?? null, message, fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) });
      return;
    }
    let answer: () => void;
    try {
      const data = this.dataOf(await this.route(req, url));
      answer = () => sendJson(res, 200, { success: true, status: 200, code: null, message: null, data });
    } catch (err) {
      if (!(err instanceof ExotelFailure)) throw err;
      answer = () => this.sendError(res, CODES[err.code]![0], err.code, err.message);
    }
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (!res.destroyed) answer();
  }

  protected internalError(_req: http.IncomingMessage, res: http.ServerResponse): void {
    this.sendError(res, 500, 0, CODES[0]![1]);
  }

  /**
   * "Call Event", sent when the call ends. The second leg rings, then the parties talk:
   * `dial_call_duration` is the second leg (ringing and talk), `on_call_duration` the talk,
   * `current_time` when the event is built, a few seconds after the end.
   */
  private callEvent(a: Allocation, input: SimulatedCallInput, callSid: string, started: Date, to: E164): { event: Record<string, unknown>; sendAfterSeconds: number } {
    // A one-way allocation does not let the b-party through.
    const outcome = a.usage === 'oneway' && a.b.includes(input.from) ? 'FAILED' : input.outcome;
    const { callType, dialStatus, detailedStatus } = this.variants.outcomes[outcome];
    const talk = outcome === 'ANSWERED' ? (input.durationSeconds ?? 30) : 0;
    const ring = outcome === 'ANSWERED' ? RING_SECONDS : 0;
    const secondLeg = ring + talk;
    const event: Record<string, unknown> = {
      start_time: this.time(started),
      ...(this.variants.insights ? { insights: { DisconnectedBy: 'Caller', Status: dialStatus, DetailedStatus: detailedStatus, RingingDuration: ring.toFixed(2) } } : {}),
      direction: 'incoming',
      source: 'exotel',
      dial_call_duration: this.duration(secondLeg),
      connection_id: a.connectionId,
      dial_call_status: dialStatus,
      greenvn: a.vn.e164,
      recording_url: talk ? `https://recordings.sandbox.exotel.invalid/${this.credentials.tenantSid}/${callSid}.mp3` : 'null',
      on_call_duration: this.duration(talk),
      greenvn_id: a.id,
      call_type: callType,
      call_sid: callSid,
      to,
      current_time: this.time(new Date(started.getTime() + (secondLeg + REPORT_LAG_SECONDS) * 1000)),
      from: input.from,
    };
    return { event, sendAfterSeconds: secondLeg + REPORT_LAG_SECONDS };
  }

  /**
   * A registered caller is bridged to the other party's first number. An unregistered one
   * is asked for a pin: a pin of either party adds the caller to it (verification, then the
   * call); anything else ends in a failed verification and no call.
   */
  async simulateIncomingCall(input: SimulatedCallInput): Promise<SimulatedCall> {
    const a = this.active().find((x) => x.vn.e164 === input.to);
    if (!a) return refuseCall('NOT_ACTIVE', `${input.to} has no active GreenVN allocation in the Exotel sandbox`, ['input', 'to']);
    // "call_sid: string; an alpha-numeric unique identifier of the call" (the samples: 32 characters).
    const callSid = randomBytes(16).toString('hex');
    const started = new Date();
    const verifications = this.deps.webhookUrl('verifications');
    let side = a.a.includes(input.from) ? 'a' : a.b.includes(input.from) ? 'b' : undefined;
    let verified: Record<string, unknown> | undefined;
    if (!side) {
      const pin = Number(input.pin);
      side = a.aPins.includes(pin) ? 'a' : a.bPins.includes(pin) ? 'b' : undefined;
      if (!side) {
        // "Failed Verification Event": no connection_id or greenvn_id.
        const failed = { call_sid: callSid, greenvn: a.vn.e164, start_time: this.time(started), caller: input.from, pin: input.pin ?? '' };
        this.track(this.sender.deliver({ url: verifications, method: 'POST', json: failed }));
        return { provider: 'EXOTEL', providerCallId: callSid };
      }
      (side === 'a' ? a.a : a.b).push(input.from);
      verified = { connection_id: a.connectionId, greenvn: a.vn.e164, greenvn_id: a.id, caller: input.from, pin: String(input.pin) };
    }
    const { event, sendAfterSeconds } = this.callEvent(a, input, callSid, started, (side === 'a' ? a.b : a.a)[0]!);
    this.track(
      (async () => {
        if (verified) await this.sender.deliver({ url: verifications, method: 'POST', json: verified });
        await this.clock.sleep(sendAfterSeconds * 1000);
        await this.sender.deliver({ url: this.deps.webhookUrl('calls'), method: 'POST', json: event });
      })(),
    );
    return { provider: 'EXOTEL', providerCallId: callSid };
  }
}

export function startExotelSimulator(deps: SimulatorDeps, options?: ExotelSimOptions): Promise<ExotelSimulator> {
  return new ExotelSimulator(deps, options).listen();
}

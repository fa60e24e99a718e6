/**
 * A faithful Exotel Lead Assist GreenVN on loopback: Basic auth, the tenant path, the
 * `{success,status,code,message,data}` envelope (errors wrapped in a one-element array, as the
 * official page shows them), the error table, a pool of GreenVNs per region and type with
 * strictness semantics, deallocation-policy timers on the SandboxClock that fire the
 * deallocation callback, and incoming calls that fire call and pin-verification callbacks.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { ExotelConfig } from './module.js';
import type { E164 } from '../../domain/model.js';
import { tryE164 } from '../../domain/phone.js';
import { BusinessError, ErrorCode } from '../../errors.js';
import { CallbackSender, listenOnLoopback, readText, SandboxClock, sendJson, type Simulator, type SimulatorDeps, type SimulatedCallInput } from '../../sandbox/simulator.js';
import { boolish, durationSeconds, formatExotelTime, isObject } from './mapping.js';
import { REGIONS, type Region } from './wire.js';

export interface ExotelSimVn {
  e164: E164;
  region: Region;
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

export interface ExotelSimOptions {
  pool?: ExotelSimVn[];
  /** Call flows of the account; any other flow_id is code 50. */
  flows?: string[];
  /** Serve the inferred `GET …/greenvn?connection_id=…` lookup (default true). */
  connectionLookup?: boolean;
}

export interface ExotelSimulator extends Simulator<ExotelConfig> {
  failNext(fault: ExotelSimFault): void;
  /** Requests received, in order (tests check what reached "Exotel"). */
  readonly requests: ReadonlyArray<{ method: string; path: string; body: unknown }>;
  /** Wait for calls in progress and callbacks under way. */
  drain(): Promise<void>;
}

/** The sandbox account's timezone (Exotel's default, IST); its callbacks carry zone-less times. */
export const SIM_TIMEZONE = '+05:30';
/** More numbers than this in one party is code 17 (Exotel's limit is undocumented). */
export const MAX_PARTY_SIZE = 10;
/** Exotel's `max_deallocation_time` default caps any policy. */
const MAX_DEALLOCATION_SECONDS = 170 * 86400;
const MAX_TIMER_MS = 2 ** 31 - 1;

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
const STATUS_WORDS: Record<number, string> = { 402: 'Unauthorized Request', 429: 'Throttle limit exceeded', 499: 'Response timeout exceeded' };

class ExotelFailure extends Error {
  constructor(readonly code: number) {
    super(CODES[code]![1]);
  }
}
function fail(code: number): never {
  throw new ExotelFailure(code);
}

function errorBody(status: number, code: number | null, message: string): unknown {
  return [{ success: false, status, code, message, data: null }];
}

const LANDLINE_AREA: Record<Region, string> = { DL: '11', MU: '22', MH: '20', WB: '33', AP: '40', TN: '44', GJ: '79', KA: '80', KL: '484', RJ: '141', MP: '755' };

/** One mobile and one landline GreenVN per region. */
export const DEFAULT_POOL: ExotelSimVn[] = REGIONS.flatMap((region, i): ExotelSimVn[] => [
  { e164: `+9198${String(i).padStart(2, '0')}000001`, region, type: 'mobile' },
  { e164: `+91${(LANDLINE_AREA[region] + '40001001').slice(0, 10)}`, region, type: 'landline' },
]);

/** First two digits of Indian PIN codes per region; another PIN code gets the nearest region. */
const PIN_PREFIXES: Record<Region, [number, number]> = {
  DL: [11, 11], MU: [40, 40], MH: [41, 44], WB: [70, 74], AP: [50, 53], TN: [60, 64], GJ: [36, 39], KA: [56, 59], KL: [67, 69], RJ: [30, 34], MP: [45, 48],
};

export function regionOfPinCode(pinCode: string): Region {
  const p = Number(pinCode.slice(0, 2));
  const distance = (r: Region) => Math.max(PIN_PREFIXES[r][0] - p, p - PIN_PREFIXES[r][1], 0);
  return REGIONS.reduce((best, r) => (distance(r) < distance(best) ? r : best));
}

/** Outcome → Passthru `call_type` and second-leg `dial_call_status`. */
const CALL_TYPES: Record<SimulatedCallInput['outcome'], [string, string]> = {
  ANSWERED: ['completed', 'completed'],
  MISSED: ['incomplete', 'no-answer'],
  BUSY: ['incomplete', 'busy'],
  VOICEMAIL: ['voicemail', 'no-answer'],
  FAILED: ['incomplete', 'failed'],
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
  region?: Region;
  type?: 'mobile' | 'landline';
}

function dataOf(a: Allocation): Record<string, unknown> {
  return {
    connection_id: a.connectionId,
    aparty_numbers: a.a,
    bparty_numbers: a.b,
    ...(a.aPins.length ? { aparty_pins: a.aPins } : {}),
    ...(a.bPins.length ? { bparty_pins: a.bPins } : {}),
    usage: a.usage,
    state: a.state,
    greenvn: a.vn.e164,
    greenvn_id: a.id,
    ...(a.flowId ? { flow_id: a.flowId } : {}),
  };
}

// ---- Request checks, in Exotel's codes ----

function party(value: unknown, required: boolean): E164[] | undefined {
  if (value === undefined || value === null) return required ? fail(3) : undefined;
  if (!Array.isArray(value) || value.length === 0 || value.some((n) => typeof n !== 'string')) fail(5);
  if (value.length > MAX_PARTY_SIZE) fail(17);
  if (value.some((n) => tryE164(n) !== n)) fail(16);
  if (new Set(value).size !== value.length) fail(13);
  return value as E164[];
}

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

const PREFERENCE_KEYS = new Set(['greenvn', 'region', 'pin_code', 'type', 'number_type']);

function wantedOf(body: Record<string, unknown>): { wanted: Wanted; strict: boolean } {
  const strict = body.strictness === undefined ? false : (boolish(body.strictness) ?? fail(5));
  const p = body.preferences ?? {};
  if (!isObject(p)) fail(5);
  if (Object.keys(p).some((k) => !PREFERENCE_KEYS.has(k))) fail(2);
  const wanted: Wanted = {};
  if (p.greenvn !== undefined) wanted.greenvn = typeof p.greenvn === 'string' && tryE164(p.greenvn) === p.greenvn ? p.greenvn : fail(16);
  if (p.region !== undefined) wanted.region = (REGIONS as readonly unknown[]).includes(p.region) ? (p.region as Region) : fail(15);
  else if (p.pin_code !== undefined) wanted.region = /^\d{6}$/.test(String(p.pin_code)) ? regionOfPinCode(String(p.pin_code)) : fail(5);
  const type = p.type ?? p.number_type;
  if (type !== undefined) wanted.type = type === 'mobile' || type === 'landline' ? type : fail(5);
  return { wanted, strict };
}

function matches(vn: ExotelSimVn, w: Wanted): number {
  return Number(w.greenvn === vn.e164) + Number(w.region === vn.region) + Number(w.type === vn.type);
}

export async function startExotelSimulator(deps: SimulatorDeps, options: ExotelSimOptions = {}): Promise<ExotelSimulator> {
  const pool = options.pool ?? DEFAULT_POOL;
  const flows = new Set(options.flows ?? ['4521', '4522']);
  const clock = new SandboxClock(deps.timeScale);
  const sender = new CallbackSender(clock, deps.log);
  const live: Omit<ExotelConfig, 'baseUrl'> = { tenantSid: 'sandbox_tenant', apiKey: `key_${randomBytes(6).toString('hex')}`, apiToken: randomBytes(12).toString('hex') };
  const expectedAuth = Buffer.from(`Basic ${Buffer.from(`${live.apiKey}:${live.apiToken}`).toString('base64')}`);
  const allocations = new Map<string, Allocation>();
  const faults: ExotelSimFault[] = [];
  const requests: { method: string; path: string; body: unknown }[] = [];
  const running = new Set<Promise<unknown>>();

  const track = (work: Promise<unknown>) => {
    const p = work.finally(() => running.delete(p));
    running.add(p);
  };
  const active = () => [...allocations.values()].filter((a) => a.state === 'active');

  /** Strict: every stated preference must hold. Otherwise the free VN that meets most of them. */
  function pickVn(body: Record<string, unknown>, current?: ExotelSimVn): ExotelSimVn {
    const { wanted, strict } = wantedOf(body);
    const held = new Set(active().map((a) => a.vn.e164));
    const wantedCount = Object.keys(wanted).length;
    const free = pool.filter((vn) => !held.has(vn.e164) && vn !== current && (!strict || matches(vn, wanted) === wantedCount));
    return free.reduce<ExotelSimVn | undefined>((best, vn) => (!best || matches(vn, wanted) > matches(best, wanted) ? vn : best), undefined) ?? fail(4);
  }

  function find(id: string): Allocation {
    const a = allocations.get(id) ?? fail(1);
    return a.state === 'vault' ? fail(22) : a;
  }

  function expire(a: Allocation): void {
    a.state = 'vault';
    void sender.deliver({
      url: deps.webhookUrl('deallocations'),
      method: 'POST',
      // The callback writes unset pins as [null].
      json: { ...dataOf(a), aparty_pins: a.aPins.length ? a.aPins : [null], bparty_pins: a.bPins.length ? a.bPins : [null] },
    });
  }

  function create(body: Record<string, unknown>): Allocation {
    if (typeof body.connection_id !== 'string' || body.connection_id === '') fail(3);
    const a = party(body.aparty_numbers, true)!;
    const b = party(body.bparty_numbers, true)!;
    const usage = usageOf(body.usage, true)!;
    const aPins = pinList(body.aparty_pins) ?? [];
    const bPins = pinList(body.bparty_pins) ?? [];
    checkParties(a, b, aPins, bPins);
    const policy = body.deallocation_policy;
    const seconds = policy === undefined ? undefined : isObject(policy) ? durationSeconds(policy.duration) : undefined;
    if (policy !== undefined && (!seconds || seconds > MAX_DEALLOCATION_SECONDS)) fail(5);
    const flowId = body.flow_id === undefined ? undefined : String(body.flow_id);
    if (flowId !== undefined && !flows.has(flowId)) fail(50);
    if (active().some((x) => x.connectionId === body.connection_id)) fail(18);
    const vn = pickVn(body);
    const allocation: Allocation = { id: randomUUID(), connectionId: body.connection_id as string, vn, a, b, aPins, bPins, usage, state: 'active', flowId };
    allocations.set(allocation.id, allocation);
    // Without a policy the sandbox account's default applies: never. Beyond setTimeout's reach
    // (long policies at a large time scale) the sandbox never expires it either.
    if (seconds && clock.ms(seconds * 1000) <= MAX_TIMER_MS) allocation.cancelExpiry = clock.after(seconds * 1000, () => expire(allocation));
    return allocation;
  }

  /** Update parties: only what is sent changes; the deallocation policy is inherited, never extended. */
  function updateParties(a: Allocation, body: Record<string, unknown>): Allocation {
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

  function lookup(query: URLSearchParams): Allocation {
    if (options.connectionLookup === false || [...query.keys()].some((k) => k !== 'connection_id')) fail(2);
    const id = query.get('connection_id') || fail(3);
    const matching = [...allocations.values()].filter((a) => a.connectionId === id);
    return matching.find((a) => a.state === 'active') ?? matching.at(-1) ?? fail(1);
  }

  async function route(req: http.IncomingMessage, url: URL): Promise<Allocation> {
    const text = await readText(req);
    let body: unknown;
    try {
      body = text.trim() ? JSON.parse(text) : {};
    } catch {
      body = undefined;
    }
    requests.push({ method: req.method ?? '', path: url.pathname + url.search, body });
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== expectedAuth.length || !timingSafeEqual(auth, expectedAuth)) fail(7);
    const m = /^\/v1\/tenants\/([^/]+)\/greenvn(?:\/([^/]+)(?:\/(call-party|vn))?)?\/?$/.exec(url.pathname);
    if (!m) fail(1);
    if (decodeURIComponent(m[1]!) !== live.tenantSid) fail(8);
    if (!isObject(body)) fail(5);
    const [, , id, action] = m;
    const op = `${req.method} ${id ? 'id' : ''}${action ? `/${action}` : ''}`;
    switch (op) {
      case 'POST ':
        return create(body);
      case 'GET ':
        return lookup(url.searchParams);
      case 'GET id':
        return allocations.get(id!) ?? fail(1);
      case 'DELETE id': {
        const a = find(id!);
        a.cancelExpiry?.();
        a.state = 'vault';
        return a;
      }
      case 'PUT id/call-party':
        return updateParties(find(id!), body);
      case 'PUT id/vn': {
        const a = find(id!);
        a.vn = pickVn(body, a.vn);
        return a;
      }
      default:
        return fail(5);
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const i = faults.findIndex((f) => !f.method || f.method === req.method);
    const fault = i < 0 ? undefined : faults.splice(i, 1)[0];
    if (fault && (fault.code !== undefined || fault.status !== undefined)) {
      requests.push({ method: req.method ?? '', path: url.pathname + url.search, body: undefined });
      const status = fault.status ?? CODES[fault.code!]![0];
      const message = fault.code === undefined ? (STATUS_WORDS[status] ?? 'Error') : CODES[fault.code]![1];
      const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      sendJson(res, status, errorBody(status, fault.code ?? null, message), headers);
      return;
    }
    let status = 200;
    let answer: unknown;
    try {
      answer = { success: true, status, code: null, message: null, data: dataOf(await route(req, url)) };
    } catch (err) {
      if (!(err instanceof ExotelFailure)) throw err;
      status = CODES[err.code]![0];
      answer = errorBody(status, err.code, err.message);
    }
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (!res.destroyed) sendJson(res, status, answer);
  }

  const server = await listenOnLoopback((req, res) => {
    handle(req, res).catch((err) => {
      deps.log.error({ err }, 'exotel simulator failed');
      if (!res.headersSent) sendJson(res, 500, errorBody(500, 0, CODES[0]![1]));
    });
  });

  function callEvent(a: Allocation, input: SimulatedCallInput, callSid: string, started: Date, to: E164): Record<string, unknown> {
    // A one-way allocation does not let the b-party through.
    const outcome = a.usage === 'oneway' && a.b.includes(input.from) ? 'FAILED' : input.outcome;
    const [callType, dialStatus] = CALL_TYPES[outcome];
    const talked = outcome === 'ANSWERED' ? (input.durationSeconds ?? 30) : 0;
    return {
      start_time: formatExotelTime(started, SIM_TIMEZONE),
      direction: 'incoming',
      source: 'exotel',
      dial_call_duration: String(talked),
      connection_id: a.connectionId,
      dial_call_status: dialStatus,
      greenvn: a.vn.e164,
      recording_url: talked ? `https://recordings.sandbox.exotel.invalid/${live.tenantSid}/${callSid}.mp3` : 'null',
      on_call_duration: talked,
      greenvn_id: a.id,
      call_type: callType,
      call_sid: callSid,
      to,
      current_time: formatExotelTime(new Date(started.getTime() + talked * 1000), SIM_TIMEZONE),
      from: input.from,
    };
  }

  return {
    provider: 'EXOTEL',
    baseUrl: server.url,
    live: { ...live, baseUrl: server.url },
    requests,
    failNext: (fault) => void faults.push(fault),
    owns: (e164) => pool.some((vn) => vn.e164 === e164),

    /**
     * A registered caller is bridged to the other party's first number. An unregistered one
     * is asked for a pin: a pin of either party adds the caller to it (verification, then the
     * call); anything else ends in a failed verification and no call.
     */
    async simulateIncomingCall(input) {
      const a = active().find((x) => x.vn.e164 === input.to);
      if (!a) throw new BusinessError(ErrorCode.NOT_FOUND, `${input.to} has no active GreenVN allocation in the Exotel sandbox`, ['input', 'to']);
      const callSid = randomBytes(16).toString('hex');
      const started = new Date();
      const verifications = deps.webhookUrl('verifications');
      let side = a.a.includes(input.from) ? 'a' : a.b.includes(input.from) ? 'b' : undefined;
      let verified: Record<string, unknown> | undefined;
      if (!side) {
        const pin = Number(input.pin);
        side = a.aPins.includes(pin) ? 'a' : a.bPins.includes(pin) ? 'b' : undefined;
        if (!side) {
          const failed = { call_sid: callSid, greenvn: a.vn.e164, start_time: formatExotelTime(started, SIM_TIMEZONE), caller: input.from, pin: input.pin ?? '' };
          track(sender.deliver({ url: verifications, method: 'POST', json: failed }));
          return { provider: 'EXOTEL', providerCallId: callSid };
        }
        (side === 'a' ? a.a : a.b).push(input.from);
        verified = { connection_id: a.connectionId, greenvn: a.vn.e164, greenvn_id: a.id, caller: input.from, pin: String(input.pin) };
      }
      const event = callEvent(a, input, callSid, started, (side === 'a' ? a.b : a.a)[0]!);
      track(
        (async () => {
          if (verified) await sender.deliver({ url: verifications, method: 'POST', json: verified });
          // The call event comes when the call ends.
          await clock.sleep(Number(event.on_call_duration) * 1000);
          await sender.deliver({ url: deps.webhookUrl('calls'), method: 'POST', json: event });
        })(),
      );
      return { provider: 'EXOTEL', providerCallId: callSid };
    },

    async drain() {
      while (running.size > 0) await Promise.allSettled([...running]);
      await sender.drain();
    },

    async close() {
      clock.dispose();
      sender.close();
      await server.close();
    },
  };
}

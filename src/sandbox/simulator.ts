/**
 * Shared shape of the provider simulators: loopback HTTP servers started in-process when a
 * provider has no credentials. Each provider's `simulator.ts` is a `LoopbackSimulator`
 * written from that provider's pages, never from our adapter's code; this module gives it a
 * server, a compressed clock, tracked background work (`drain`), callback delivery with the
 * provider's retry habits, and the sandbox's refusals of `simulateIncomingCall`.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import got from 'got';
import type { Logger } from 'pino';
import type { CallStatus, E164, ProviderName } from '../domain/model.js';
import { partsOf } from '../domain/phone.js';
import { BusinessError, ErrorCode } from '../errors.js';

export interface SimulatorDeps {
  log: Logger;
  /** Provider delays are multiplied by this (e.g. 0.001: AVANSER's 7 minutes become 0.42 s). */
  timeScale: number;
  /** What the provider's portal or settings would hold: our webhook URL for an event. */
  webhookUrl(event: string): string;
}

export interface SimulatedCallInput {
  /** The number dialled: a tracking number, service number or GreenVN the simulator owns. */
  to: E164;
  from: E164;
  outcome: Exclude<CallStatus, 'RINGING'>;
  durationSeconds?: number;
  /** Exotel: the PIN an unregistered caller enters. */
  pin?: string;
}

export interface SimulatedCall {
  provider: ProviderName;
  /** The provider's call id, as the webhooks will carry it. */
  providerCallId: string;
}

export interface Simulator<Live> {
  readonly provider: ProviderName;
  readonly baseUrl: string;
  /** Settings that point this provider's real client at the simulator. */
  readonly live: Live;
  /** Does this simulator own the number (so a simulated call to it is its to place)? */
  owns(e164: E164): boolean;
  /** Place a call: emits the provider's real webhooks to our routes. */
  simulateIncomingCall(input: SimulatedCallInput): Promise<SimulatedCall>;
  /** Resolves once every scheduled provider action has run and its callbacks were delivered (or given up). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Numeric ids (Delacon's and AVANSER's call ids are numbers) that no other run of a simulator
 * gives: they count up from the start time in ms × 10⁶ plus a random part, so that a
 * persistent store never takes a new run's call for one it has seen. Two runs could only meet
 * if the earlier gave over a million ids per millisecond it ran.
 */
export function runUniqueIds(): () => string {
  let next = BigInt(Date.now()) * 1_000_000n + BigInt(randomInt(1_000_000));
  return () => String(next++);
}

/** Start `handler` on 127.0.0.1 on a free port. Connections are closed with the server. */
export async function listenOnLoopback(handler: http.RequestListener): Promise<LoopbackServer> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Read a request body as text, refusing more than `limit` bytes. */
export async function readText(req: http.IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Australian national prefixes of the capitals (the sandbox's own table, for where a landline caller is). */
const AU_AREAS: Array<[prefix: string, city: string, state: string]> = [
  ['02', 'Sydney', 'NSW'],
  ['03', 'Melbourne', 'VIC'],
  ['07', 'Brisbane', 'QLD'],
  ['088', 'Adelaide', 'SA'],
  ['089', 'Perth', 'WA'],
];

/** The city and state of an Australian landline caller; undefined for mobiles and other countries. */
export function australianLandlineArea(e164: E164): { city: string; state: string } | undefined {
  const { country, national } = partsOf(e164);
  const area = country === 'AU' ? AU_AREAS.find(([prefix]) => national.startsWith(prefix)) : undefined;
  return area && { city: area[1], state: area[2] };
}

/** Does an `Authorization` header carry these Basic credentials? (compared in constant time) */
export function basicAuthorised(header: string | undefined, username: string, password: string): boolean {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A moment as a provider's clock shows it in one IANA zone: `date` `2017-06-14`, `time`
 * `10:19:24`, `offset` `+10:00` (daylight saving included).
 */
export function zonedTime(at: Date, timeZone: string): { date: string; time: string; offset: string } {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-AU', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}`, offset: p.timeZoneName!.replace('GMT', '') || '+00:00' };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Provider time, compressed: timers that die with the simulator. */
export class SandboxClock {
  private readonly timers = new Set<NodeJS.Timeout>();
  constructor(readonly scale: number) {}

  /** Real milliseconds for a provider delay. */
  ms(providerMs: number): number {
    return Math.max(1, Math.round(providerMs * this.scale));
  }

  /** Run `fn` after a provider delay; returns a cancel function. */
  after(providerMs: number, fn: () => void | Promise<void>): () => void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      void fn();
    }, this.ms(providerMs));
    this.timers.add(t);
    return () => {
      clearTimeout(t);
      this.timers.delete(t);
    };
  }

  sleep(providerMs: number): Promise<void> {
    return new Promise((resolve) => this.after(providerMs, resolve));
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

export interface Callback {
  url: string;
  method: 'GET' | 'POST';
  json?: unknown;
  form?: Record<string, string>;
  /** A body sent as written (a provider's not-quite-JSON), with its content type. */
  raw?: { body: string; contentType: string };
  /** Appended to the URL's own query string, which is preserved (AVANSER Call-URI). */
  query?: Record<string, string>;
}

export interface DeliveryPolicy {
  attempts: number;
  /** Provider time between attempts. */
  intervalMs: number;
  /** Did the receiver accept? Default: any 2xx. */
  accepted?(status: number, body: string): boolean;
}

/** Accepted when the receiver's JSON answer has `field` equal to `value` (Delacon's `RESULT: ACCEPTED`, `success: "true"`). */
export function replyHas(field: string, value: string): NonNullable<DeliveryPolicy['accepted']> {
  return (status, body) => {
    try {
      return status >= 200 && status < 300 && (JSON.parse(body) as Record<string, unknown>)[field] === value;
    } catch {
      return false;
    }
  };
}

export interface DeliveryResult {
  delivered: boolean;
  attempts: number;
  lastStatus?: number;
  lastBody?: string;
}

/**
 * Delivers a simulator's callbacks to our webhook routes the way providers do: a few
 * attempts, spaced out, until the receiver says it accepted.
 */
export class CallbackSender {
  private readonly inflight = new Set<Promise<DeliveryResult>>();
  private closed = false;
  constructor(
    private readonly clock: SandboxClock,
    private readonly log: Logger,
  ) {}

  deliver(callback: Callback, policy: DeliveryPolicy = { attempts: 3, intervalMs: 60_000 }): Promise<DeliveryResult> {
    const p = this.run(callback, policy).finally(() => this.inflight.delete(p));
    this.inflight.add(p);
    return p;
  }

  private async run(cb: Callback, policy: DeliveryPolicy): Promise<DeliveryResult> {
    const url = new URL(cb.url);
    for (const [k, v] of Object.entries(cb.query ?? {})) url.searchParams.append(k, v);
    const accepted = policy.accepted ?? ((status) => status >= 200 && status < 300);
    let last: { status?: number; body?: string } = {};
    for (let attempt = 1; attempt <= policy.attempts && !this.closed; attempt++) {
      try {
        const res = await got(url, {
          method: cb.method,
          json: cb.json,
          form: cb.form,
          body: cb.raw?.body,
          headers: cb.raw ? { 'content-type': cb.raw.contentType } : {},
          throwHttpErrors: false,
          retry: { limit: 0 },
          timeout: { request: 5_000 },
        });
        last = { status: res.statusCode, body: res.body };
        if (accepted(res.statusCode, res.body)) return { delivered: true, attempts: attempt, lastStatus: res.statusCode, lastBody: res.body };
      } catch (err) {
        last = {};
        this.log.debug({ err, url: url.pathname }, 'sandbox callback attempt failed');
      }
      if (attempt < policy.attempts) await this.clock.sleep(policy.intervalMs);
    }
    this.log.warn({ url: url.pathname, status: last.status }, 'sandbox callback not accepted');
    return { delivered: false, attempts: policy.attempts, lastStatus: last.status, lastBody: last.body };
  }

  /** Wait for deliveries under way (tests use this to know every webhook has landed). */
  async drain(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  close(): void {
    this.closed = true;
  }
}

/** Why the sandbox will not place a call; each is a userError of `simulateIncomingCall`. */
const REFUSALS = {
  /** The simulator has no such number. */
  NOT_OWNED: ErrorCode.NUMBER_NOT_OWNED,
  /** The number is the simulator's but cannot take calls yet (activating, no allocation). */
  NOT_ACTIVE: ErrorCode.NOT_FOUND,
  /** Still being set up at the provider. */
  PENDING: ErrorCode.VALIDATION_FAILED,
  /** The provider's pages have no value for this outcome. */
  OUTCOME: ErrorCode.VALIDATION_FAILED,
  /** The provider sends no call webhooks at all. */
  UNSUPPORTED: ErrorCode.UNSUPPORTED_BY_PROVIDER,
} as const;

/** Refuse a simulated call: a sandbox-control answer, not the provider's wire. */
export function refuseCall(reason: keyof typeof REFUSALS, message: string, field?: string[]): never {
  throw new BusinessError(REFUSALS[reason], message, field);
}

/**
 * The one simulator lifecycle: `listen()` on loopback, answer the provider's API (`serve`),
 * run provider-time work in the background (`schedule`, `track`), `drain()` it, `close()`.
 * A provider's simulator extends it and adds its own test controls.
 */
export abstract class LoopbackSimulator<Live> implements Simulator<Live> {
  abstract readonly provider: ProviderName;
  abstract get live(): Live;
  protected readonly clock: SandboxClock;
  protected readonly sender: CallbackSender;
  private server?: LoopbackServer;
  private readonly work = new Set<Promise<unknown>>();

  constructor(protected readonly deps: SimulatorDeps) {
    this.clock = new SandboxClock(deps.timeScale);
    this.sender = new CallbackSender(this.clock, deps.log);
  }

  get baseUrl(): string {
    if (!this.server) throw new Error('the simulator is not listening');
    return this.server.url;
  }

  /** Start answering on 127.0.0.1. */
  async listen(): Promise<this> {
    this.server = await listenOnLoopback((req, res) => {
      this.serve(req, res).catch((err: unknown) => {
        this.deps.log.error({ err }, 'sandbox simulator failed');
        if (!res.headersSent) this.internalError(req, res);
        else res.destroy();
      });
    });
    return this;
  }

  /** One API request, answered in the provider's format. */
  protected abstract serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;

  /** What the provider answers when it breaks (its own 500). */
  protected abstract internalError(req: http.IncomingMessage, res: http.ServerResponse): void;

  abstract owns(e164: E164): boolean;
  abstract simulateIncomingCall(input: SimulatedCallInput): Promise<SimulatedCall>;

  /** Background work `drain()` waits for; a failure is logged, never thrown. */
  protected track(work: Promise<unknown>): void {
    const p = work.catch((err: unknown) => this.deps.log.warn({ err }, 'sandbox background work failed')).finally(() => this.work.delete(p));
    this.work.add(p);
  }

  /** Run `fn` after a provider delay (scaled by the clock), tracked. */
  protected schedule(providerMs: number, fn: () => unknown): void {
    this.track(this.clock.sleep(providerMs).then(fn));
  }

  async drain(): Promise<void> {
    while (this.work.size > 0) await Promise.allSettled([...this.work]);
    await this.sender.drain();
  }

  async close(): Promise<void> {
    this.clock.dispose();
    this.sender.close();
    await this.server?.close();
  }
}

/**
 * Idempotency keys whose provider call may have been carried out. A mutation with a key holds
 * the key while it runs (renewing the hold), and writes down each provider call that changes
 * something before sending it. When the answer is lost (timeout, reset, 5xx, unreadable) the
 * outcome is unknown, not "nothing happened": the key is kept with that record, and before
 * anything is sent again the provider is asked what the call did (`recover` on its adapter). Only
 * a failure that proves nothing was done (refused connection, 4xx, open circuit) frees the key.
 * A key left held by a process that died is taken over once its hold lapses.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Attempt, AdapterResult, ProviderAdapter, Recoverable } from '../datasources/provider.js';
import type { Registry } from '../datasources/registry.js';
import type { AllocationRecord, NumberOutcome, ProviderName } from '../domain/model.js';
import { ErrorCode, GatewayError } from '../errors.js';
import type { IdempotencyKeyStore } from '../store/idempotency-keys.js';
import type { ProvisionResult } from './orders.js';

/** A provider call as written on its key before it was sent. */
export interface AttemptRecord {
  provider: ProviderName;
  operation: Recoverable;
  args: unknown[];
  /** Derived from the key: what the provider is given to echo back (AVANSER callback URI, Exotel connection id). */
  marker: string;
  startedAt: string;
  /** Can the provider be asked what it did? When not, only a person can settle it. */
  recoverable: boolean;
  /** When the answer was lost, or the key was found abandoned by a process that died. */
  lostAt?: string;
  /** The gateway's result once the attempt was found done: the next request with the key replays it. */
  recovered?: unknown;
}

/** What a client is told when the outcome of its request cannot be known now. */
export function unknownOutcome(attempt: AttemptRecord, cause: unknown, fresh: boolean): GatewayError {
  const p = attempt.provider;
  if (!fresh && cause instanceof GatewayError && cause.code === ErrorCode.OUTCOME_UNKNOWN) return cause;
  const what = fresh
    ? `${cause instanceof GatewayError ? `${cause.message}; the` : 'The'} request may have been carried out at ${p}.`
    : `The outcome of the earlier request with this idempotencyKey is not known: ${p} did not answer it.`;
  const next = attempt.recoverable
    ? `The gateway is reconciling with ${p}: retry with the same idempotencyKey for the result, and do not use a new key meanwhile.`
    : `${p} offers no way to look it up: check at ${p} before ordering again with a new idempotencyKey.`;
  return new GatewayError(ErrorCode.OUTCOME_UNKNOWN, `${what} ${next}`, { provider: p });
}

/** One mutation's hold on its idempotency key. */
export class KeyRun {
  /** The attempt this request sent, once it sent one. */
  private sent?: AttemptRecord;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly store: IdempotencyKeyStore,
    private readonly principal: string,
    private readonly key: string,
    /** Stable for the key and its request, so a provider can be asked about it later. */
    readonly marker: string,
    /** An earlier attempt under this key whose outcome must be settled before anything is sent. */
    readonly previous: AttemptRecord | undefined,
    holdMs: number,
    private readonly log: Logger,
  ) {
    this.heartbeat = setInterval(() => void store.hold(principal, key, holdMs).catch((err: unknown) => log.warn({ err }, 'idempotency key hold not renewed')), holdMs / 3);
    this.heartbeat.unref();
  }

  /** Write the call down on the key before it is sent. */
  async record(attempt: AttemptRecord): Promise<void> {
    await this.store.recordAttempt(this.principal, this.key, attempt);
    this.sent = attempt;
  }

  async complete(payload: unknown): Promise<void> {
    clearInterval(this.heartbeat);
    await this.store.complete(this.principal, this.key, payload);
  }

  /**
   * The request failed without a result. A failure that proves nothing was done frees the key;
   * otherwise the key keeps its attempt, and the client gets OUTCOME_UNKNOWN. Returns the error
   * to throw.
   */
  async failed(err: unknown): Promise<unknown> {
    clearInterval(this.heartbeat);
    const attempt = this.sent ?? this.previous;
    if (!attempt || (this.sent && err instanceof GatewayError && err.nothingDone)) {
      await this.store.abandon(this.principal, this.key);
      return err;
    }
    await this.store.release(this.principal, this.key, { ...attempt, lostAt: attempt.lostAt ?? new Date().toISOString() });
    if (this.sent) {
      const cause = err instanceof GatewayError ? err.code : 'error';
      this.log.warn({ provider: attempt.provider, operation: attempt.operation, cause }, 'a provider call lost its answer: its idempotency key is kept until the outcome is known');
    }
    return unknownOutcome(attempt, err, this.sent !== undefined);
  }
}

/** What the gateway makes of each recoverable call's result (also of one recovered later). */
export type GatewayResult<K extends Recoverable> = { provision: ProvisionResult; allocate: AllocationRecord; reserveNumbers: NumberOutcome[] }[K];

/** How the gateway records each recoverable call's result; `marker` is set under an idempotency key. */
export type ResultRecorders = { [K in Recoverable]: (provider: ProviderName, result: AdapterResult<K>, marker?: string) => Promise<GatewayResult<K>> };

/** How many open idempotency keys one reconciliation pass looks at. */
const RECONCILE_BATCH = 50;

/** Provider calls that change something, sent under the caller's idempotency key, and the keys whose call lost its answer. */
export class Attempts {
  /** How long a request holds its key without renewing the hold: a dead process's keys free up after this. */
  private readonly holdMs: number;
  /** After a lost answer, how long a request may still be on its way to the provider. */
  private readonly graceMs: number;

  constructor(
    private readonly registry: Registry,
    private readonly keys: IdempotencyKeyStore,
    private readonly recorders: ResultRecorders,
    private readonly log: Logger,
    upstreamTimeoutMs: number,
  ) {
    this.holdMs = 3 * upstreamTimeoutMs;
    this.graceMs = upstreamTimeoutMs;
  }

  /** Take the key for a request: `run` holds it; else the key's first result (`replay`), or why not (`conflict`, `busy`). */
  async begin(principal: string, key: string, operation: string, requestHash: string) {
    const begun = await this.keys.begin(principal, key, operation, requestHash, this.holdMs);
    if (begun.state !== 'new' && begun.state !== 'resume') return begun;
    const marker = createHash('sha256').update(`${principal}\0${key}\0${requestHash}`).digest('hex').slice(0, 32);
    const previous = begun.state === 'resume' ? this.lost(begun.attempt as AttemptRecord) : undefined;
    return { state: 'run' as const, run: new KeyRun(this.keys, principal, key, marker, previous, this.holdMs, this.log) };
  }

  /**
   * A call that changes something at the provider. Under an idempotency key it is written down
   * before it is sent; when an earlier request with the key lost its answer, the provider is
   * asked what that one did first, and the call is sent only if sending it again does nothing twice.
   */
  async send<K extends Recoverable>(run: KeyRun | undefined, provider: ProviderName, operation: K, args: Parameters<NonNullable<ProviderAdapter[K]>>): Promise<GatewayResult<K>> {
    if (run?.previous) {
      const settled = await this.reconcile(run.previous);
      if (settled === 'unknown') throw unknownOutcome(run.previous, undefined, false);
      if (settled !== 'resend') return settled.result as GatewayResult<K>;
    }
    await run?.record({ provider, operation, args, marker: run.marker, startedAt: new Date().toISOString(), recoverable: this.registry.supports(provider, 'recover') });
    const record = this.recorders[operation] as (p: ProviderName, r: unknown, m?: string) => Promise<GatewayResult<K>>;
    return record(provider, await this.registry.call(provider, operation, ...args), run?.marker);
  }

  /**
   * Settle keys left open: a lost answer nobody has asked about again, or a key held by a
   * process that died. Runs at start and on a timer; the next request with such a key replays
   * what was found.
   */
  async reconcileOpenKeys(): Promise<void> {
    for (const { principal, key } of await this.keys.open(RECONCILE_BATCH)) {
      const claimed = await this.keys.claim(principal, key, this.holdMs);
      if (!claimed) continue;
      if (claimed.attempt === null) {
        // Its request died before sending anything.
        await this.keys.abandon(principal, key);
        continue;
      }
      const attempt = this.lost(claimed.attempt as AttemptRecord);
      try {
        const settled = await this.reconcile(attempt);
        if (settled === 'resend') await this.keys.abandon(principal, key);
        else await this.keys.release(principal, key, settled === 'unknown' ? attempt : { ...attempt, recovered: settled.result });
      } catch (err) {
        this.log.warn({ err, provider: attempt.provider, operation: attempt.operation }, 'reconciling a lost answer failed');
        await this.keys.release(principal, key, attempt);
      }
    }
  }

  /** Settle an attempt whose answer was lost: its result (recorded by the gateway), `resend`, or `unknown`. */
  private async reconcile(attempt: AttemptRecord): Promise<{ result: unknown } | 'resend' | 'unknown'> {
    if (attempt.recovered !== undefined) return { result: attempt.recovered };
    if (!attempt.recoverable) return 'unknown';
    const recovery = await this.registry.call(attempt.provider, 'recover', {
      operation: attempt.operation,
      args: attempt.args,
      startedAt: attempt.startedAt,
      settled: Date.now() - Date.parse(attempt.lostAt ?? attempt.startedAt) >= this.graceMs,
    } as Attempt);
    if (recovery.state !== 'done') return recovery.state;
    const record = this.recorders[attempt.operation] as (p: ProviderName, r: unknown, m: string) => Promise<unknown>;
    return { result: await record(attempt.provider, recovery.result, attempt.marker) };
  }

  /** An attempt taken over: it is lost from now on if its holder never said when. */
  private lost(attempt: AttemptRecord): AttemptRecord {
    return attempt.lostAt ? attempt : { ...attempt, lostAt: new Date().toISOString() };
  }
}

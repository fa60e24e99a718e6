/**
 * Mutations under the caller's idempotency key: the first result is kept and replayed; the
 * same key with another input, or while its first request runs, is refused. The provider
 * calls a keyed mutation makes are written down on its key (attempts.ts), so that a lost
 * answer is found out, not sent twice.
 */
import { createHash } from 'node:crypto';
import { BusinessError, ErrorCode } from '../errors.js';
import type { IdempotencyKeyStore } from '../store/idempotency-keys.js';
import type { Attempts, KeyRun } from './attempts.js';

const KEY_FIELD = ['input', 'idempotencyKey'];

export class Idempotency {
  constructor(
    private readonly attempts: Attempts,
    private readonly keys: IdempotencyKeyStore,
  ) {}

  /**
   * Run a mutation once per key of the principal (without a key, simply run it). `work` gets
   * the key's hold, for the provider calls it makes, and returns the answer, kept for replay;
   * when it throws, nothing is kept, and the key is freed or, while the outcome is unknown,
   * kept with its attempt (the error is then OUTCOME_UNKNOWN). Refusals of the key itself are
   * BusinessErrors on `input.idempotencyKey`.
   */
  async once<R>(principal: string, operation: string, input: { idempotencyKey?: string | null }, work: (run?: KeyRun) => Promise<R>): Promise<R> {
    const { idempotencyKey: key, ...request } = input;
    if (key === undefined || key === null) return work();
    if (key.length === 0 || key.length > 200) throw new BusinessError(ErrorCode.VALIDATION_FAILED, 'idempotencyKey must be 1 to 200 characters', KEY_FIELD);
    const hash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const begun = await this.attempts.begin(principal, key, operation, hash);
    if (begun.state === 'replay') return begun.response as R;
    if (begun.state === 'conflict') throw new BusinessError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'this idempotencyKey was used for a different request', KEY_FIELD);
    if (begun.state === 'busy') throw new BusinessError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'a request with this idempotencyKey is still in progress', KEY_FIELD);
    let answer: R;
    try {
      answer = await work(begun.run);
    } catch (err) {
      throw await begun.run.failed(err);
    }
    await begun.run.complete(answer);
    return answer;
  }

  /** Settle keys whose provider call lost its answer, or whose holder died (on a timer). */
  reconcileOpenKeys(): Promise<void> {
    return this.attempts.reconcileOpenKeys();
  }

  /** Keys are kept 48 h (the purge timer in app.ts); this forgets those older than `hours`. */
  purge(hours: number): Promise<void> {
    return this.keys.purge(hours);
  }
}

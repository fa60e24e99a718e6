/**
 * Idempotency keys: a mutation's first result, kept for replay; while it runs, the hold on
 * the key and the provider call it is about to make (see src/gateway/attempts.ts).
 */
import type { Db } from './db.js';

export type IdempotentStart =
  | { state: 'new' }
  | { state: 'conflict' }
  | { state: 'busy' }
  | { state: 'replay'; response: unknown }
  | { state: 'resume'; attempt: unknown };


export class IdempotencyKeyStore {
  constructor(private readonly db: Db) {}

  /**
   * Start an idempotent mutation, holding its key for `holdMs`. `new`: go ahead; `resume`: an
   * earlier request with this key was given up (or died) after recording `attempt`, which must
   * be settled first; `replay`: here is the first result; `conflict`: the key was used for a
   * different request; `busy`: another request holds it.
   */
  async begin(principal: string, key: string, operation: string, requestHash: string, holdMs = 60_000): Promise<IdempotentStart> {
    const inserted = await this.db.query(
      `INSERT INTO idempotency_keys (principal, key, operation, request_hash, held_until) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
       ON CONFLICT DO NOTHING RETURNING key`,
      [principal, key, operation, requestHash, holdMs / 1000],
    );
    if (inserted.length === 1) return { state: 'new' };
    const rows = await this.db.query<{ operation: string; request_hash: string; response: unknown }>(
      'SELECT operation, request_hash, response FROM idempotency_keys WHERE principal = $1 AND key = $2',
      [principal, key],
    );
    const row = rows[0];
    if (!row) return this.begin(principal, key, operation, requestHash, holdMs);
    if (row.operation !== operation || row.request_hash !== requestHash) return { state: 'conflict' };
    if (row.response !== null) return { state: 'replay', response: row.response };
    const claimed = await this.claim(principal, key, holdMs);
    if (!claimed) return { state: 'busy' };
    return claimed.attempt === null ? { state: 'new' } : { state: 'resume', attempt: claimed.attempt };
  }

  /** Take a key nobody holds (no response yet, hold lapsed); undefined when someone holds it or it is settled. */
  async claim(principal: string, key: string, holdMs: number): Promise<{ attempt: unknown } | undefined> {
    const rows = await this.db.query<{ attempt: unknown }>(
      `UPDATE idempotency_keys SET held_until = now() + make_interval(secs => $3)
       WHERE principal = $1 AND key = $2 AND response IS NULL AND (held_until IS NULL OR held_until < now()) RETURNING attempt`,
      [principal, key, holdMs / 1000],
    );
    return rows[0];
  }

  /** Keep holding a key while its request runs. */
  async hold(principal: string, key: string, holdMs: number): Promise<void> {
    await this.db.query('UPDATE idempotency_keys SET held_until = now() + make_interval(secs => $3) WHERE principal = $1 AND key = $2 AND response IS NULL', [principal, key, holdMs / 1000]);
  }

  /** Write down the provider call a held key is about to make, before it is sent. */
  async recordAttempt(principal: string, key: string, attempt: unknown): Promise<void> {
    await this.db.query('UPDATE idempotency_keys SET attempt = $3 WHERE principal = $1 AND key = $2 AND response IS NULL', [principal, key, attempt]);
  }

  /** Let go of a key whose outcome is still unknown, keeping its attempt for whoever settles it. */
  async release(principal: string, key: string, attempt: unknown): Promise<void> {
    await this.db.query('UPDATE idempotency_keys SET attempt = $3, held_until = NULL WHERE principal = $1 AND key = $2 AND response IS NULL', [principal, key, attempt]);
  }

  async complete(principal: string, key: string, response: unknown): Promise<void> {
    await this.db.query('UPDATE idempotency_keys SET response = $3, held_until = NULL WHERE principal = $1 AND key = $2', [principal, key, response]);
  }

  /** Forget an unfinished key: nothing was done, the next request with it starts afresh. */
  async abandon(principal: string, key: string): Promise<void> {
    await this.db.query('DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND response IS NULL', [principal, key]);
  }

  /**
   * Keys without a response that nobody holds and that need settling: given up with an unknown
   * outcome, or left by a process that died. Attempts already found out (`recovered`, waiting
   * for the client's retry) or that no provider can settle (`recoverable: false`) are left out.
   */
  async open(limit: number): Promise<Array<{ principal: string; key: string }>> {
    return this.db.query(
      `SELECT principal, key FROM idempotency_keys
       WHERE response IS NULL AND (held_until IS NULL OR held_until < now())
         AND (attempt IS NULL OR (attempt->'recovered' IS NULL AND attempt->>'recoverable' = 'true'))
       ORDER BY created_at LIMIT $1`,
      [limit],
    );
  }

  /** Keys are kept 48 h (the purge timer in app.ts); this drops those older than `hours`. */
  async purge(hours: number): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [hours], { planEachRun: true });
  }
}

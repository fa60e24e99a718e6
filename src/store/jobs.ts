/**
 * Jobs that run on one instance at a time, over any number of instances sharing the store: a
 * lease row per job (PostgreSQL or, in-process, the embedded store), taken in one statement.
 */
import type { Db } from './db.js';

export class JobStore {
  constructor(private readonly db: Db) {}

  /**
   * Take the job for `holder` for `leaseSeconds`: refused while another holder's lease runs,
   * and (with `notWithinSeconds`) when a run started that recently. Concurrent takers meet on
   * the row: one statement wins, the others see its lease.
   */
  async take(name: string, holder: string, leaseSeconds: number, notWithinSeconds?: number): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO jobs (name, holder, held_until, started_at) VALUES ($1, $2, now() + make_interval(secs => $3), now())
       ON CONFLICT (name) DO UPDATE SET holder = $2, held_until = now() + make_interval(secs => $3), started_at = now()
         WHERE (jobs.held_until IS NULL OR jobs.held_until < now())
           AND ($4::float8 IS NULL OR jobs.started_at IS NULL OR jobs.started_at <= now() - make_interval(secs => $4::float8))
       RETURNING 1`,
      [name, holder, leaseSeconds, notWithinSeconds ?? null],
    );
    return rows.length === 1;
  }

  /** Keep holding while the run goes on; false when the lease was lost (it lapsed and another took it). */
  async renew(name: string, holder: string, leaseSeconds: number): Promise<boolean> {
    const rows = await this.db.query(`UPDATE jobs SET held_until = now() + make_interval(secs => $3) WHERE name = $1 AND holder = $2 RETURNING 1`, [name, holder, leaseSeconds]);
    return rows.length === 1;
  }

  /** Let go; a completed run leaves its report (a failed one keeps the last). */
  async release<R>(name: string, holder: string, report?: R): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET holder = NULL, held_until = NULL, finished_at = now(), report = COALESCE($3::jsonb, report) WHERE name = $1 AND holder = $2`,
      [name, holder, report === undefined ? null : JSON.stringify(report)],
    );
  }

  /** What the job's last completed run reported; null before the first. */
  async report<R>(name: string): Promise<R | null> {
    const [row] = await this.db.query<{ report: R | null }>('SELECT report FROM jobs WHERE name = $1', [name]);
    return row?.report ?? null;
  }
}

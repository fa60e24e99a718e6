/**
 * One SQL dialect (PostgreSQL) over two engines: embedded PGlite by default, a PostgreSQL
 * server when DATABASE_URL is set. Repositories see only `Queryable`.
 */
import { access, mkdir, mkdtemp, readdir, rename, rm, statfs } from 'node:fs/promises';
import { constants, cpSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { storeQueries } from '../observability/metrics.js';
import { migrate, SCHEMA_FINGERPRINT } from './migrations.js';
import { storeThread } from './store-thread.js';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], opts?: QueryOptions): Promise<T[]>;
  /** Run a multi-statement script (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * An error of the data itself, not of the store: SQLSTATE class 22 (data exception: a NUL, a
 * lone surrogate, bad JSON) or 54 (program limit: an index row too large, nesting too deep).
 */
export function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|54)/.test(code);
}

export interface QueryOptions {
  /**
   * The statement's best plan depends on its values (a date range, a filter's fields, a
   * batch's size): it is planned for each run's values, never kept as a generic plan
   * (PLAN_CACHE_MODE says why).
   */
  planEachRun?: boolean;
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Store round trips since start: the bench counts them to prove batching. */
  readonly queryCount: number;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DbOptions {
  databaseUrl?: string;
  /** Embedded data directory, or `memory` for a throwaway store. */
  dataDir: string;
  /** Embedded store: how often tables that grew are analysed (ANALYZE_EVERY_MS by default). */
  analyzeEveryMs?: number;
}

/**
 * Statements are kept prepared by the engine (parsed once, not at every run): the store's
 * statements are few and fixed, but some texts are built from a filter's fields, so only the
 * first `PREPARED_MAX` distinct texts get a name; any other runs as a one-off, as does a
 * statement planned for each run's values (`planEachRun`).
 */
const PREPARED_MAX = 200;

/**
 * Whether a kept statement keeps its plan. A generic plan guesses the rows a date range
 * selects (measured: callStats by day over 90 days 303 → 67 ms on PostgreSQL planned per run)
 * and a batch's size, so such statements are one-offs (`planEachRun`), planned for their
 * values. The others are lookups and writes by key, whose best plan does not depend on them:
 * - PGlite plans in WebAssembly (~0.5-0.7 ms for each of a call merge's statements), so there
 *   they always run their generic plan. Left to choose (`auto`), PostgreSQL costs that plan
 *   against one for a single row: batched statements (unnest of arrays, guessed at ten rows)
 *   were planned at most runs (measured: a call's merge ~1.6 → ~0.8 ms of the store's time,
 *   a receipt's mark ~0.9 → ~0.3). A generic plan is made for the tables as they are then
 *   and kept until they are analysed, which the embedded store does as they grow
 *   (analyzeGrown); the thread runs a one-off under `force_custom_plan` (pglite-worker.js).
 * - A PostgreSQL server plans natively (a merge's CPU per change the same with the bigger
 *   statements) and analyses when autovacuum gets to it (a plan kept meanwhile slowed a seed
 *   of 100,000 calls 11.7 → 15.5 s): every run is planned for its values.
 */
const PLAN_CACHE_MODE = { pglite: 'force_generic_plan', postgres: 'force_custom_plan' } as const;

function statementNames(): (sql: string, opts?: QueryOptions) => string {
  const names = new Map<string, string>();
  return (sql, opts) => {
    if (opts?.planEachRun) return '';
    let name = names.get(sql);
    if (name === undefined && names.size < PREPARED_MAX) names.set(sql, (name = `s${names.size + 1}`));
    return name ?? '';
  };
}

export async function openDb(opts: DbOptions): Promise<Db> {
  const db = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir, opts.analyzeEveryMs ?? ANALYZE_EVERY_MS);
  await migrate(db);
  return db;
}

// ---- PGlite ----

/** The installed PGlite version names the template: a new PGlite gets a fresh one. */
const PGLITE_TAG: string = JSON.parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))), '..', 'package.json'), 'utf8'),
).version;

const SCRATCH = path.join(os.tmpdir(), 'switchboard');

/**
 * PGlite's first open runs initdb (~5 s). We keep a fresh, migrated cluster as a template
 * directory, built the first time it is missing, and start every new store from a copy of it.
 */
export async function ensurePgliteTemplate(): Promise<string> {
  const dir = path.join(SCRATCH, `pglite-${PGLITE_TAG}-schema-${SCHEMA_FINGERPRINT}`);
  if (existsSync(path.join(dir, 'PG_VERSION'))) return dir;
  const building = `${dir}.${process.pid}.tmp`;
  await rm(building, { recursive: true, force: true });
  await mkdir(SCRATCH, { recursive: true });
  const fresh = await startPglite({ dataDir: building });
  await migrate(fresh);
  await fresh.close();
  // Build aside, then rename, so concurrent processes never open half a template; when
  // another process got there first, its template stands and ours goes.
  await rename(building, dir).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
    await rm(building, { recursive: true, force: true });
  });
  return dir;
}

/**
 * Where throwaway stores go: RAM-backed /dev/shm when it has room, else the temp directory.
 * Copying the template's ~1,000 files took ~1.1 s on this disk and ~0.1 s on tmpfs.
 */
export async function throwawayRoot(): Promise<string> {
  const shm = await statfs('/dev/shm').catch(() => undefined);
  const writable = await access('/dev/shm', constants.W_OK).then(() => true, () => false);
  return writable && shm && shm.bavail * shm.bsize >= 2 ** 30 ? '/dev/shm' : SCRATCH;
}

const THROWAWAY = /^switchboard-store-(\d+)-/;

/** Throwaway stores left by processes that died before closing them. */
async function sweepThrowaways(root: string): Promise<void> {
  for (const name of await readdir(root).catch(() => [])) {
    const pid = Number(THROWAWAY.exec(name)?.[1]);
    if (pid && !isAlive(pid)) await rm(path.join(root, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `memory` is a throwaway store: a copy of the template, deleted on close. PGlite's own
 * in-memory file system was measured against it: it keeps the 40 MB cluster inside the
 * process and opened in ~1.0 s against ~0.55 s (RSS ~350 MB against ~180 MB).
 */
async function openPglite(dataDir: string, analyzeEveryMs: number): Promise<Db> {
  let dir = path.resolve(dataDir);
  let afterClose: (() => Promise<void>) | undefined;
  if (dataDir === 'memory') {
    const root = await throwawayRoot();
    await sweepThrowaways(root);
    dir = await mkdtemp(path.join(root, `switchboard-store-${process.pid}-`));
    afterClose = () => rm(dir, { recursive: true, force: true });
  }
  // An existing store reaches its thread without a pause, before boot's other work takes the turn.
  // The copy is synchronous: fs/promises' cp waits on the thread pool for each of ~4,000 calls
  // (300-400 ms on tmpfs against 70 ms), and boot has nothing else to do meanwhile.
  if (!existsSync(path.join(dir, 'PG_VERSION'))) cpSync(await ensurePgliteTemplate(), dir, { recursive: true, mode: constants.COPYFILE_FICLONE });
  // PostgreSQL's 128 MB of shared buffers would all be resident in the WASM heap; an embedded
  // store's working set is far smaller (measured: 497 → 324 MB RSS with 3,000 receipts).
  let timer: NodeJS.Timeout | undefined;
  const db = await startPglite({ dataDir: dir, startParams: ['-c', 'shared_buffers=16MB', '-c', `plan_cache_mode=${PLAN_CACHE_MODE.pglite}`] }, async () => {
    clearInterval(timer);
    await afterClose?.();
  });
  // The first analysis does not hold the open (boot): statistics from the last run are on disk.
  // Later ones only once something was written since the last: a table grows by writes alone,
  // and the check costs the store's thread ~1-2 ms (an idle gateway checked every second).
  let analyzing: Promise<void> | undefined;
  let checkedAt = -1;
  const analyze = () => {
    if (analyzing || db.writes === checkedAt) return;
    checkedAt = db.writes;
    analyzing = analyzeGrown(db).catch(() => undefined).finally(() => (analyzing = undefined));
  };
  analyze();
  timer = setInterval(analyze, analyzeEveryMs).unref();
  return db;
}

export const ANALYZE_EVERY_MS = 1_000;

/**
 * PGlite runs no autovacuum, so nothing gathers the planner's statistics: without them it took
 * a 90-day range of 90,000 calls for ~100 rows and sorted them on disk (callStats by day: ~1.2 s
 * cold, ~300 ms warm, against ~100 ms analysed). An analysis also renews the generic plans
 * made for the table (PLAN_CACHE_MODE), and with statistics the planner keeps one for more
 * statements. Checked every second, a plan made while the table was small does not stay while
 * it fills (with a check a minute, a stored call's update went ~1.1 → ~2.6 ms over its first
 * 7,500 calls one at a time; dropping plans instead, without statistics, left the planner
 * planning the merge's first statement at each run: bench/HISTORY.md, the twenty-sixth
 * session). The embedded store analyses each table that grew by a fifth (and 8 pages) since
 * its last analysis: on open and every ANALYZE_EVERY_MS that saw a write. Sizes, not activity
 * counters: PGlite loses those on close.
 */
async function analyzeGrown(db: Queryable): Promise<void> {
  // One script, not a query: housekeeping is not counted among the store's round trips.
  await db.exec(`DO $$ DECLARE grown text; BEGIN
    SELECT string_agg(format('%I', relname), ', ') INTO grown FROM pg_class
    WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
      AND pg_relation_size(oid) / current_setting('block_size')::int > relpages * 1.2 + 8;
    IF grown IS NOT NULL THEN EXECUTE 'ANALYZE ' || grown; END IF;
  END $$`);
}

/** A statement that only reads: it grows no table. */
const READS_ONLY = /^\s*select\b/i;

/** What went wrong in the store's thread, as an Error again (SQLSTATE `code` and the rest kept). */
function storeError(e: { message: string }): Error {
  return Object.assign(new Error(e.message), e);
}

/**
 * PGlite on its own thread (src/store/pglite-worker.js says why). `startParams` are added to
 * PGlite's defaults. The worker keeps the process alive only while a statement is pending, as
 * an in-thread PGlite did.
 */
async function startPglite(opts: { dataDir: string; startParams?: string[] }, afterClose?: () => Promise<void>): Promise<Db & { readonly writes: number }> {
  const worker = storeThread({ dataDir: opts.dataDir, extraStartParams: opts.startParams });
  const pending = new Map<number, { resolve: (v: any) => void; reject: (err: unknown) => void }>();
  let lastId = 0;
  let stopped: Error | undefined;
  const stop = (err: Error) => {
    stopped ??= err;
    for (const p of pending.values()) p.reject(stopped);
    pending.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: 'ready' | Array<{ id: number; result?: unknown; error?: { message: string } }>) => {
      if (m === 'ready') return resolve();
      for (const r of m) {
        const p = pending.get(r.id);
        pending.delete(r.id);
        if (r.error) p?.reject(storeError(r.error));
        else p?.resolve(r.result);
      }
      if (pending.size === 0) worker.unref();
    });
    worker.on('error', (err) => {
      reject(err);
      stop(new Error(`the embedded store stopped: ${err.message}`));
    });
    worker.on('exit', () => {
      reject(new Error('the embedded store did not start'));
      stop(new Error('the embedded store is closed'));
    });
  });
  // The statements asked for in one turn of the event loop go as one message, in order: under
  // load, waking the other thread once per statement cost more than many statements did.
  let outbox: Array<Record<string, unknown>> = [];
  const flush = () => {
    const batch = outbox;
    outbox = [];
    try {
      worker.postMessage(batch);
    } catch {
      // A value that cannot cross to the thread (a bug of ours) fails its own statement, not the batch or the process.
      for (const m of batch) {
        try {
          worker.postMessage([m]);
        } catch (err) {
          pending.get(m.id as number)?.reject(err);
          pending.delete(m.id as number);
        }
      }
    }
  };
  const call = <T>(op: string, args: Record<string, unknown> = {}): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = ++lastId;
    if (pending.size === 0) worker.ref();
    if (outbox.push({ id, op, ...args }) === 1) queueMicrotask(flush);
    return new Promise<T>((resolve, reject) => pending.set(id, { resolve, reject }));
  };
  await ready;
  worker.unref();
  const name = statementNames();
  let count = 0;
  // Statements that may write, as sent (scripts, i.e. migrations and housekeeping, are not).
  let writes = 0;
  const session = (id: number): Queryable => ({
    query: (sql, params, opts) => {
      count++;
      if (!READS_ONLY.test(sql)) writes++;
      storeQueries.inc({ engine: 'pglite' });
      return call('query', { session: id, name: name(sql, opts), sql, params });
    },
    exec: (sql) => call('exec', { session: id, sql }),
  });
  return {
    engine: 'pglite',
    ...session(0),
    async transaction(fn) {
      const id = await call<number>('begin');
      let result;
      try {
        result = await fn(session(id));
      } catch (err) {
        await call('end', { session: id, commit: false }).catch(() => undefined);
        throw err;
      }
      await call('end', { session: id, commit: true });
      return result;
    },
    get queryCount() {
      return count;
    },
    get writes() {
      return writes;
    },
    ping: async () => !stopped && (await call<boolean>('ping').catch(() => false)),
    close: async () => {
      try {
        if (!stopped) await call('close');
        await worker.terminate();
      } finally {
        await afterClose?.();
      }
    },
  };
}

// ---- PostgreSQL ----

async function openPostgres(url: string): Promise<Db> {
  // Loaded only when configured: the embedded store's boot does not pay for it.
  const { default: pg } = await import('pg');
  // Timestamps come back as Date from both engines; bigint (int8) as number, as PGlite does.
  pg.types.setTypeParser(20, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000, options: `-c plan_cache_mode=${PLAN_CACHE_MODE.postgres}` });
  // An idle client's error (server restart) must not crash the process.
  pool.on('error', () => undefined);
  let count = 0;
  const name = statementNames();
  const run = async <T>(q: pg.Pool | pg.PoolClient, sql: string, params?: unknown[], opts?: QueryOptions): Promise<T[]> => {
    count++;
    storeQueries.inc({ engine: 'postgres' });
    // node-postgres prepares a named statement on each connection the first time it runs there.
    return (await q.query({ name: name(sql, opts) || undefined, text: sql, values: params })).rows as T[];
  };
  return {
    engine: 'postgres',
    query: (sql, params, opts) => run(pool, sql, params, opts),
    exec: async (sql) => void (await pool.query(sql)),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: (sql, params, opts) => run(client, sql, params, opts), exec: async (sql) => void (await client.query(sql)) });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    get queryCount() {
      return count;
    },
    ping: async () => {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
  };
}

/**
 * One SQL dialect (PostgreSQL) over two engines: embedded PGlite by default, a PostgreSQL
 * server when DATABASE_URL is set. Repositories see only `Queryable`.
 */
import { access, cp, mkdir, mkdtemp, readdir, rename, rm, statfs } from 'node:fs/promises';
import { constants, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { storeQueries } from '../observability/metrics.js';
import { migrate, SCHEMA_FINGERPRINT } from './migrations.js';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
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
  const fresh = await PGlite.create({ dataDir: building });
  await migrate(wrapPglite(fresh));
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
  const template = await ensurePgliteTemplate();
  let dir = path.resolve(dataDir);
  let afterClose: (() => Promise<void>) | undefined;
  if (dataDir === 'memory') {
    const root = await throwawayRoot();
    await sweepThrowaways(root);
    dir = await mkdtemp(path.join(root, `switchboard-store-${process.pid}-`));
    afterClose = () => rm(dir, { recursive: true, force: true });
  }
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await cp(template, dir, { recursive: true, mode: constants.COPYFILE_FICLONE });
  // PostgreSQL's 128 MB of shared buffers would all be resident in the WASM heap; an embedded
  // store's working set is far smaller (measured: 497 → 324 MB RSS with 3,000 receipts).
  const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];
  const lite = await PGlite.create({ dataDir: dir, startParams });
  await analyzeGrown(lite);
  const timer = setInterval(() => void analyzeGrown(lite).catch(() => undefined), analyzeEveryMs).unref();
  return wrapPglite(lite, async () => {
    clearInterval(timer);
    await afterClose?.();
  });
}

export const ANALYZE_EVERY_MS = 60_000;

/**
 * PGlite runs no autovacuum, so nothing gathers the planner's statistics: without them it took
 * a 90-day range of 90,000 calls for ~100 rows and sorted them on disk (callStats by day: ~1.2 s
 * cold, ~300 ms warm, against ~100 ms analysed). The embedded store analyses each table that
 * grew by a fifth (and 8 pages) since its last analysis: on open and every ANALYZE_EVERY_MS.
 * Sizes, not activity counters: PGlite loses those on close.
 */
async function analyzeGrown(lite: PGlite): Promise<void> {
  const { rows } = await lite.query<{ name: string }>(
    `SELECT format('%I', relname) AS name FROM pg_class
     WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
       AND pg_relation_size(oid) / current_setting('block_size')::int > relpages * 1.2 + 8`,
  );
  if (rows.length) await lite.exec(`ANALYZE ${rows.map((r) => r.name).join(', ')}`);
}

function wrapPglite(lite: PGlite, afterClose?: () => Promise<void>): Db {
  let count = 0;
  const run = async <T>(q: PGlite | Transaction, sql: string, params?: unknown[]): Promise<T[]> => {
    count++;
    storeQueries.inc({ engine: 'pglite' });
    return (await q.query<T>(sql, params)).rows;
  };
  return {
    engine: 'pglite',
    query: (sql, params) => run(lite, sql, params),
    exec: async (sql) => void (await lite.exec(sql)),
    transaction: (fn) =>
      lite.transaction((tx) => fn({ query: (sql, params) => run(tx, sql, params), exec: async (sql) => void (await tx.exec(sql)) })),
    get queryCount() {
      return count;
    },
    ping: async () => !lite.closed && (await lite.query('select 1')).rows.length === 1,
    close: async () => {
      await lite.close().finally(afterClose);
    },
  };
}

// ---- PostgreSQL ----

async function openPostgres(url: string): Promise<Db> {
  // Loaded only when configured: the embedded store's boot does not pay for it.
  const { default: pg } = await import('pg');
  // Timestamps come back as Date from both engines; bigint (int8) as number, as PGlite does.
  pg.types.setTypeParser(20, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client's error (server restart) must not crash the process.
  pool.on('error', () => undefined);
  let count = 0;
  const run = async <T>(q: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]): Promise<T[]> => {
    count++;
    storeQueries.inc({ engine: 'postgres' });
    return (await q.query(sql, params)).rows as T[];
  };
  return {
    engine: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => void (await pool.query(sql)),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: (sql, params) => run(client, sql, params), exec: async (sql) => void (await client.query(sql)) });
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

/**
 * One SQL dialect (PostgreSQL) over two engines: embedded PGlite by default, a PostgreSQL
 * server when DATABASE_URL is set. Repositories see only `Queryable`.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { storeQueries } from '../observability/metrics.js';
import { migrate, SCHEMA_FINGERPRINT } from './migrations.js';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Run a multi-statement script (migrations). */
  exec(sql: string): Promise<void>;
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
  /** Embedded data directory, or `memory`. */
  dataDir: string;
}

export async function openDb(opts: DbOptions): Promise<Db> {
  const db = opts.databaseUrl ? openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir);
  await migrate(db);
  return db;
}

// ---- PGlite ----


/** The installed PGlite version names the template: a new PGlite gets a fresh one. */
const PGLITE_TAG: string = JSON.parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))), '..', 'package.json'), 'utf8'),
).version;

/**
 * PGlite's first open runs initdb (~5 s). We keep a dump of a fresh, migrated cluster and
 * start new stores from it (<1 s), creating the dump the first time it is missing. The dump is
 * not compressed: gunzipping 40 MB took longer than reading it.
 */
function templatePath(): string {
  return path.join(os.tmpdir(), 'switchboard', `pglite-${PGLITE_TAG}-schema-${SCHEMA_FINGERPRINT}.tar`);
}

export async function ensurePgliteTemplate(): Promise<string> {
  const file = templatePath();
  if (existsSync(file)) return file;
  const fresh = await PGlite.create();
  await migrate(wrapPglite(fresh));
  const dump = Buffer.from(await (await fresh.dumpDataDir('none')).arrayBuffer());
  await fresh.close();
  await mkdir(path.dirname(file), { recursive: true });
  // Write then rename so concurrent processes never read half a template.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, dump);
  await rename(tmp, file);
  return file;
}

async function openPglite(dataDir: string): Promise<Db> {
  const memory = dataDir === 'memory';
  const isNew = memory || !existsSync(path.join(dataDir, 'PG_VERSION'));
  const loadDataDir = isNew ? new Blob([await readFile(await ensurePgliteTemplate())]) : undefined;
  if (!memory) await mkdir(dataDir, { recursive: true });
  // PostgreSQL's 128 MB of shared buffers would all be resident in the WASM heap; an embedded
  // store's working set is far smaller (measured: 497 → 324 MB RSS with 3,000 receipts).
  const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];
  return wrapPglite(await PGlite.create({ dataDir: memory ? undefined : path.resolve(dataDir), loadDataDir, startParams }));
}

function wrapPglite(lite: PGlite): Db {
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
    close: () => lite.close(),
  };
}

// ---- PostgreSQL ----

// Timestamps come back as Date from both engines; bigint (int8) as number, as PGlite does.
pg.types.setTypeParser(20, (v) => Number(v));

function openPostgres(url: string): Db {
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

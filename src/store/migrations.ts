/**
 * Versioned migrations, run at boot in order, each once, inside one transaction holding an
 * advisory lock so that instances starting together do not race. Append; never edit.
 *
 * Records live in `data` (jsonb, the domain record as is); columns exist only for what is
 * looked up, filtered, ordered or kept unique. `seq` gives stable cursor order.
 */
import { createHash } from 'node:crypto';
import { backfillCallFacets } from './calls.js';
import type { Db, Queryable } from './db.js';

/** `backfill` runs after `sql`, in the same transaction: for derived columns that only code can compute. */
const MIGRATIONS: Array<{ version: number; name: string; sql: string; backfill?: (tx: Queryable) => Promise<void> }> = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE orders (
        seq bigserial UNIQUE,
        id uuid PRIMARY KEY,
        provider text NOT NULL,
        status text NOT NULL,
        provider_ref text,
        service_ref text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        data jsonb NOT NULL
      );
      CREATE INDEX orders_provider_ref ON orders (provider, provider_ref);
      CREATE INDEX orders_pending_service ON orders (provider, service_ref) WHERE status = 'PENDING';

      CREATE TABLE services (
        seq bigserial UNIQUE,
        provider text NOT NULL,
        provider_ref text NOT NULL,
        updated_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        PRIMARY KEY (provider, provider_ref)
      );

      CREATE TABLE numbers (
        seq bigserial UNIQUE,
        provider text NOT NULL,
        e164 text NOT NULL,
        updated_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        PRIMARY KEY (provider, e164)
      );
      CREATE INDEX numbers_e164 ON numbers (e164);

      CREATE TABLE allocations (
        seq bigserial UNIQUE,
        provider text NOT NULL,
        provider_ref text NOT NULL,
        connection_id text NOT NULL,
        green_vn text,
        state text NOT NULL,
        updated_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        PRIMARY KEY (provider, provider_ref)
      );
      CREATE UNIQUE INDEX allocations_connection ON allocations (provider, connection_id);
      CREATE INDEX allocations_green_vn ON allocations (provider, green_vn) WHERE state = 'ACTIVE';

      CREATE TABLE allocation_events (
        seq bigserial UNIQUE,
        id uuid PRIMARY KEY,
        provider text NOT NULL,
        allocation_ref text,
        at timestamptz NOT NULL,
        data jsonb NOT NULL
      );
      CREATE INDEX allocation_events_ref ON allocation_events (provider, allocation_ref);

      CREATE TABLE call_events (
        seq bigserial UNIQUE,
        id uuid PRIMARY KEY,
        provider text NOT NULL,
        provider_call_id text NOT NULL,
        to_number text,
        service_ref text,
        allocation_ref text,
        status text NOT NULL,
        updated_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        UNIQUE (provider, provider_call_id)
      );
      CREATE INDEX call_events_to ON call_events (to_number);
      CREATE INDEX call_events_service ON call_events (provider, service_ref);
      CREATE INDEX call_events_allocation ON call_events (provider, allocation_ref);

      CREATE TABLE webhook_receipts (
        id bigserial PRIMARY KEY,
        provider text NOT NULL,
        event text NOT NULL,
        method text NOT NULL,
        query jsonb NOT NULL,
        content_type text,
        body text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL,
        reason text,
        event_key text
      );
      CREATE INDEX webhook_receipts_recent ON webhook_receipts (provider, event, received_at);

      -- One row per provider event applied: a second delivery finds it and changes nothing.
      CREATE TABLE webhook_events (
        provider text NOT NULL,
        event text NOT NULL,
        event_key text NOT NULL,
        receipt_id bigint NOT NULL,
        PRIMARY KEY (provider, event, event_key)
      );

      CREATE TABLE idempotency_keys (
        principal text NOT NULL,
        key text NOT NULL,
        operation text NOT NULL,
        request_hash text NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, key)
      );
      CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
    `,
  },
  {
    version: 2,
    name: 'webhook receipts keep any body; claims expire',
    sql: `
      -- NULL: the body is its text; 'base64': its bytes (not UTF-8, or holding NUL), in base64.
      ALTER TABLE webhook_receipts ADD COLUMN body_encoding text;
      -- A claim whose receipt is still 'received' a lease after this was abandoned (the process
      -- died between claim and mark): a retry or the sweep takes it over.
      ALTER TABLE webhook_events ADD COLUMN claimed_at timestamptz NOT NULL DEFAULT now();
      -- What the sweep looks for: few rows, as receipts leave 'received' within milliseconds.
      CREATE INDEX webhook_receipts_unfinished ON webhook_receipts (received_at) WHERE status = 'received';
    `,
  },
  {
    version: 3,
    name: 'idempotency attempts',
    sql: `
      -- attempt: the provider call a mutation is about to make (written before it is sent), kept
      -- when its answer is lost so the outcome can be looked up at the provider.
      -- held_until: a running request holds its key until then, renewing it while it runs; a key
      -- without a response whose hold has lapsed was given up (or its process died).
      ALTER TABLE idempotency_keys ADD COLUMN attempt jsonb, ADD COLUMN held_until timestamptz;
      CREATE INDEX idempotency_keys_open ON idempotency_keys (held_until) WHERE response IS NULL;
    `,
  },
  {
    version: 4,
    name: 'jobs run by one instance at a time',
    sql: `
      -- One row per background job that must run on one instance at a time (reconciliation).
      -- holder/held_until: the instance running it and its lease, renewed while it runs (a holder
      -- that died lets go when its lease lapses); started_at: when it last started, so instances
      -- ticking on their own timers run it once per interval between them; report: what its last
      -- completed run found.
      CREATE TABLE jobs (
        name text PRIMARY KEY,
        holder text,
        held_until timestamptz,
        started_at timestamptz,
        finished_at timestamptz,
        report jsonb
      );
    `,
  },
  {
    version: 5,
    name: 'numbers know their country',
    sql: `
      -- The number's ISO country (libphonenumber's, written by the store on save), for the
      -- inventory's country filter. Rows kept before: by calling code, the providers' countries.
      ALTER TABLE numbers ADD COLUMN country text;
      UPDATE numbers SET country = CASE WHEN e164 LIKE '+61%' THEN 'AU' WHEN e164 LIKE '+91%' THEN 'IN' WHEN e164 LIKE '+1%' THEN 'US' END;
      CREATE INDEX numbers_country ON numbers (country, seq);
    `,
  },
  {
    version: 6,
    name: 'call facets and first callers',
    sql: `
      -- What filters, orders and statistics read of a call (domain/calls.ts callFacets), written
      -- beside it at every merge. A table of its own, not columns of call_events: a call's row
      -- carries its payloads (~1-2 kB, inline), and scanning 100,000 of them for statistics
      -- took 100-180 ms on PGlite against 15-35 ms for these narrow rows.
      CREATE TABLE call_facets (
        seq bigint PRIMARY KEY,
        provider text NOT NULL,
        status text NOT NULL,
        started_at timestamptz NOT NULL,
        from_number text,
        to_number text,
        service_ref text,
        service_name text,
        allocation_ref text,
        duration_seconds int NOT NULL,
        source text,
        campaign text,
        keywords text,
        landing_page text,
        custom_id text,
        custom_group text,
        sale boolean NOT NULL
      );
      -- Date ranges and the history's order (the tiebreaker makes a cursor's place unique).
      CREATE INDEX call_facets_started ON call_facets (started_at, seq);
      CREATE INDEX call_facets_from ON call_facets (from_number, started_at);
      -- Each caller's first call in the store (by start, then seq): firstTimeCallers. Concurrent
      -- merges settle it through this row's lock.
      CREATE TABLE call_callers (
        from_number text PRIMARY KEY,
        first_started_at timestamptz NOT NULL,
        first_seq bigint NOT NULL
      );
      CREATE UNIQUE INDEX call_callers_first ON call_callers (first_seq);
      -- Lists read call_facets now; only the allocation's calls still read call_events by a column.
      DROP INDEX call_events_to;
      DROP INDEX call_events_service;
    `,
    backfill: (tx) => backfillCallFacets(tx),
  },
  {
    version: 7,
    name: "a caller's row keeps its first call before its last write",
    sql: `
      -- So that the statement storing a call's change can return it (PostgreSQL before 18
      -- returns only the new row of an upsert, and a read beside it misses what another merge
      -- committed meanwhile): the first call a new one displaced, and whether a changed call
      -- was its caller's first. Live statistics take each change's first calls from the store
      -- this way instead of keeping every caller in memory.
      ALTER TABLE call_callers ADD COLUMN previous_seq bigint;
    `,
  },
  {
    version: 8,
    name: "a call's facets say whether it is its caller's first",
    sql: `
      -- firstTimeCallers read from the call's own row: joining every caller's first call took a
      -- quarter of callStats by day over 90 days (~20 of ~80 ms on PGlite, 100,000 calls).
      -- NULL is false: rows written by an instance older than this migration leave it out.
      ALTER TABLE call_facets ADD COLUMN first_call boolean;
      UPDATE call_facets f SET first_call = true FROM call_callers k WHERE f.seq = k.first_seq;
      -- Kept by the store itself as callers' rows change, in the statement that changes them, so
      -- that every writer (and every count's snapshot) sees the flag and the caller's row agree.
      -- A new call that is its caller's first is flagged as the store inserts it, so the trigger
      -- on new callers' rows writes only what other statements leave out: a stored call whose
      -- caller is first known, a row an older instance wrote.
      CREATE FUNCTION call_callers_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        UPDATE call_facets f SET first_call = true FROM new_callers n WHERE f.seq = n.first_seq AND f.first_call IS NOT TRUE;
        RETURN NULL;
      END $fn$;
      CREATE FUNCTION call_callers_moved() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        UPDATE call_facets SET first_call = false
        WHERE seq = OLD.first_seq AND first_call AND NOT EXISTS (SELECT 1 FROM call_callers k WHERE k.first_seq = OLD.first_seq);
        IF TG_OP = 'UPDATE' THEN
          UPDATE call_facets SET first_call = true WHERE seq = NEW.first_seq AND first_call IS NOT TRUE;
        END IF;
        RETURN NULL;
      END $fn$;
      -- A statement's new callers at once (a batch of new calls); a caller's first call moving, by
      -- row and only when it moves: most statements rewrite a caller's row with its first unchanged.
      CREATE TRIGGER call_callers_inserted AFTER INSERT ON call_callers REFERENCING NEW TABLE AS new_callers
        FOR EACH STATEMENT EXECUTE FUNCTION call_callers_inserted();
      CREATE TRIGGER call_callers_moved AFTER UPDATE OF first_seq ON call_callers
        FOR EACH ROW WHEN (OLD.first_seq IS DISTINCT FROM NEW.first_seq) EXECUTE FUNCTION call_callers_moved();
      CREATE TRIGGER call_callers_deleted AFTER DELETE ON call_callers FOR EACH ROW EXECUTE FUNCTION call_callers_moved();
    `,
  },
];

/** Names the schema the migrations build: a PGlite template made before a new migration is not reused. */
export const SCHEMA_FINGERPRINT = createHash('sha256')
  .update(MIGRATIONS.map((m) => `${m.version}\n${m.sql}`).join('\n'))
  .digest('hex')
  .slice(0, 12);

export async function migrate(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // Any constant works: it only has to be the same for every instance.
    await tx.query('SELECT pg_advisory_xact_lock(727001)');
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await m.backfill?.(tx);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
  });
}

/**
 * Webhook receipts: every delivery's raw bytes, kept before it is answered, and the claim on
 * each provider event (`webhook_events`) that lets one delivery of it be applied.
 */
import { batched } from './batching.js';
import type { Db } from './db.js';
import { sortedPage, type Page, type PageRequest, type Sort, type Source } from './queries.js';

export interface WebhookReceipt {
  provider: string;
  event: string;
  method: string;
  query: Record<string, string>;
  contentType?: string;
  /** The body's text, or its bytes in base64 (see `storableBody`). */
  body: string;
  bodyEncoding?: 'base64';
}

/** A receipt as stored, enough to read its delivery again. */
export interface StoredReceipt {
  provider: string;
  event: string;
  method: string;
  query: Record<string, string>;
  content_type: string | null;
  body: string;
  body_encoding: string | null;
}

/** A receipt as kept, with what became of it (for operators). */
export interface ReceiptRow extends StoredReceipt {
  id: number;
  status: string;
  reason: string | null;
  event_key: string | null;
  received_at: string;
}

export interface ReceiptFilter {
  provider?: string;
  status?: string;
  /** Received strictly after / before these ISO instants. */
  receivedAfter?: string;
  receivedBefore?: string;
}

/** What a claim takes over: one left unfinished past the lease (parameter `lease`) by a receipt still `received` (its process died). */
const abandonedClaim = (lease: string) => `webhook_events.claimed_at < now() - make_interval(secs => ${lease})
  AND EXISTS (SELECT 1 FROM webhook_receipts r WHERE r.id = webhook_events.receipt_id AND r.status = 'received')`;

const ROW = `id, provider, event, method, query, content_type, body, body_encoding, status, reason, event_key, received_at`;

/** Where pages read receipts: each row as one record of the ROW columns. */
const RECEIPTS: Source = { from: 'webhook_receipts', seq: 'id', record: `jsonb_build_object(${ROW.split(', ').map((c) => `'${c}', ${c}`).join(', ')})` };

const row = (r: ReceiptRow): ReceiptRow => ({ ...r, id: Number(r.id), received_at: new Date(r.received_at).toISOString() });

export class ReceiptStore {
  constructor(
    private readonly db: Db,
    /** How long a claim may stay unfinished before a retry or the sweep takes it over. */
    readonly claimLeaseSeconds: number,
  ) {}

  /** A webhook's raw receipt, when it could not be read (no event to claim). */
  async save(r: WebhookReceipt & { status: string; reason?: string }): Promise<number> {
    const rows = await this.db.query<{ id: number }>(
      'INSERT INTO webhook_receipts (provider, event, method, query, content_type, body, body_encoding, status, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id',
      [r.provider, r.event, r.method, r.query, r.contentType ?? null, r.body, r.bodyEncoding ?? null, r.status, r.reason ?? null],
    );
    return Number(rows[0]!.id);
  }

  /**
   * Store a webhook's raw receipt and claim its provider event for applying, in one statement.
   * Not claimed: the event was applied (or is being applied) already, and the receipt says
   * `duplicate`. A claim older than the lease whose receipt is still `received` was abandoned
   * (its process died before marking it): this delivery takes it over.
   */
  receive(r: WebhookReceipt, eventKey: string): Promise<{ receiptId: number; claimed: boolean }> {
    return this.receiveInBatches({ ...r, eventKey });
  }

  private readonly receiveInBatches = batched(async (rs: Array<WebhookReceipt & { eventKey: string }>) => {
    const rows = await this.db.query<{ id: number; claimed: boolean }>(
      `WITH input AS (
         SELECT nextval('webhook_receipts_id_seq') AS id, i.*
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS i(provider, event, method, query, content_type, body, body_encoding, event_key, n)),
       claimed AS (
         -- In key order, so that two gateways' batches never wait on each other in a cycle; one
         -- row per key, as a statement may not update a row twice.
         INSERT INTO webhook_events (provider, event, event_key, receipt_id)
         SELECT DISTINCT ON (provider, event, event_key) provider, event, event_key, id FROM input ORDER BY provider, event, event_key, id
         ON CONFLICT (provider, event, event_key) DO UPDATE SET receipt_id = EXCLUDED.receipt_id, claimed_at = now()
           WHERE ${abandonedClaim('$9')}
         RETURNING receipt_id),
       stored AS (
         INSERT INTO webhook_receipts (id, provider, event, method, query, content_type, body, body_encoding, event_key, status)
         SELECT id, provider, event, method, query::jsonb, content_type, body, body_encoding, event_key, CASE WHEN id IN (SELECT receipt_id FROM claimed) THEN 'received' ELSE 'duplicate' END FROM input)
       SELECT id, id IN (SELECT receipt_id FROM claimed) AS claimed FROM input ORDER BY n`,
      [
        rs.map((r) => r.provider),
        rs.map((r) => r.event),
        rs.map((r) => r.method),
        rs.map((r) => JSON.stringify(r.query)),
        rs.map((r) => r.contentType ?? null),
        rs.map((r) => r.body),
        rs.map((r) => r.bodyEncoding ?? null),
        rs.map((r) => r.eventKey),
        this.claimLeaseSeconds,
      ],
    );
    return rows.map((row) => ({ receiptId: Number(row.id), claimed: row.claimed }));
  });

  /**
   * The outcome of applying a claimed event; `release` gives the claim back so the provider's retry can apply it.
   * Batched within the turn it is asked in (`batched`'s `inTurn`), so it is still sent before
   * anything a subscriber, told of the event, asks next. One statement per webhook was about a
   * third of the embedded store's statement time per webhook.
   */
  mark(id: number, status: string, opts: { reason?: string; release?: boolean } = {}): Promise<void> {
    return this.markInBatches({ id, status, reason: opts.reason ?? null, release: opts.release ?? false });
  }

  private readonly markInBatches = batched(
    async (ms: Array<{ id: number; status: string; reason: string | null; release: boolean }>) => {
      await this.db.query(
        `WITH input AS (SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::boolean[]) AS i(id, status, reason, release)),
         released AS (
           DELETE FROM webhook_events e USING webhook_receipts r, input i
           WHERE i.release AND r.id = i.id AND e.receipt_id = r.id AND (e.provider, e.event, e.event_key) = (r.provider, r.event, r.event_key))
         UPDATE webhook_receipts r SET status = i.status, reason = i.reason FROM input i WHERE r.id = i.id`,
        [ms.map((m) => m.id), ms.map((m) => m.status), ms.map((m) => m.reason), ms.map((m) => m.release)],
      );
      return ms.map(() => undefined);
    },
    { inTurn: true },
  );

  /** Receipts left `received` longer than the lease: their process died before marking them (for the sweep). */
  async unfinished(limit = 100): Promise<Array<StoredReceipt & { id: number; event_key: string }>> {
    return this.db.query(
      `SELECT id, provider, event, method, query, content_type, body, body_encoding, event_key FROM webhook_receipts
       WHERE status = 'received' AND received_at < now() - make_interval(secs => $1) ORDER BY received_at LIMIT $2`,
      [this.claimLeaseSeconds, limit],
      { planEachRun: true },
    );
  }

  /**
   * Take an unfinished receipt's claim back for the sweep: `resumed` when the receipt still held
   * it past the lease (now renewed: apply it), `superseded` when a later delivery took the claim
   * over (the receipt is marked so), `busy` when another sweep resumed it within the lease.
   */
  async resumeClaim(receiptId: number): Promise<'resumed' | 'superseded' | 'busy'> {
    const [row] = await this.db.query<{ resumed: boolean; superseded: boolean }>(
      `WITH r AS (SELECT id, provider, event, event_key FROM webhook_receipts WHERE id = $1 AND status = 'received'),
       claim AS (SELECT e.receipt_id FROM webhook_events e JOIN r USING (provider, event, event_key)),
       resumed AS (
         UPDATE webhook_events e SET claimed_at = now() FROM r
         WHERE (e.provider, e.event, e.event_key) = (r.provider, r.event, r.event_key) AND e.receipt_id = r.id
           AND e.claimed_at < now() - make_interval(secs => $2)
         RETURNING 1),
       superseded AS (
         UPDATE webhook_receipts SET status = 'superseded', reason = 'a later delivery took the claim over'
         WHERE id IN (SELECT id FROM r) AND NOT EXISTS (SELECT 1 FROM claim WHERE receipt_id = $1)
         RETURNING 1)
       SELECT EXISTS (SELECT 1 FROM resumed) AS resumed, EXISTS (SELECT 1 FROM superseded) AS superseded`,
      [receiptId, this.claimLeaseSeconds],
    );
    return row!.resumed ? 'resumed' : row!.superseded ? 'superseded' : 'busy';
  }

  /**
   * Claim the event of a receipt nothing was applied from (`unmatched`, `rejected`, `failed`)
   * for an operator's replay; the receipt is `received` again until marked. Not claimed: the
   * receipt is in another state, or its event was `applied` by another delivery (or is `busy`
   * being applied).
   */
  async claimForReplay(id: number, eventKey: string): Promise<'claimed' | 'applied' | 'busy'> {
    const [r] = await this.db.query<{ claimed: boolean; holder: string | null }>(
      `WITH r AS (SELECT id, provider, event FROM webhook_receipts WHERE id = $1 AND status IN ('unmatched', 'rejected', 'failed')),
       claimed AS (
         INSERT INTO webhook_events (provider, event, event_key, receipt_id) SELECT provider, event, $2, id FROM r
         ON CONFLICT (provider, event, event_key) DO UPDATE SET receipt_id = EXCLUDED.receipt_id, claimed_at = now()
           WHERE ${abandonedClaim('$3')}
         RETURNING receipt_id),
       marked AS (UPDATE webhook_receipts SET status = 'received', reason = NULL, event_key = $2 WHERE id IN (SELECT receipt_id FROM claimed) RETURNING 1)
       SELECT EXISTS (SELECT 1 FROM marked) AS claimed,
         (SELECT x.status FROM webhook_events e JOIN webhook_receipts x ON x.id = e.receipt_id JOIN r ON (e.provider, e.event) = (r.provider, r.event) WHERE e.event_key = $2) AS holder`,
      [id, eventKey, this.claimLeaseSeconds],
    );
    return r!.claimed ? 'claimed' : r!.holder === 'applied' ? 'applied' : 'busy';
  }

  async one(id: number): Promise<ReceiptRow | null> {
    const [r] = await this.db.query<ReceiptRow>(`SELECT ${ROW} FROM webhook_receipts WHERE id = $1`, [id]);
    return r ? row(r) : null;
  }

  /** Receipts newest first, a page at a time (the cursor is the receipt's id). */
  async page(f: ReceiptFilter, req: PageRequest): Promise<Page<ReceiptRow>> {
    const args = [f.provider ?? null, f.status ?? null, f.receivedAfter ?? null, f.receivedBefore ?? null];
    const where = [
      '($1::text IS NULL OR provider = $1) AND ($2::text IS NULL OR status = $2)',
      '($3::timestamptz IS NULL OR received_at > $3) AND ($4::timestamptz IS NULL OR received_at < $4)',
    ];
    const newest: Sort = { column: 'id', key: 'id', fromKey: (p) => p, descending: true };
    const { items, ...more } = await sortedPage<ReceiptRow>(this.db, RECEIPTS, where, args, newest, req);
    return { items: items.map(({ seq, record }) => ({ seq, record: row(record) })), ...more };
  }

  /** A provider's receipts (of one event), oldest first: for inspection. */
  async list(
    provider: string,
    event?: string,
  ): Promise<Array<{ id: number; event: string; method: string; query: Record<string, string>; status: string; reason: string | null; body: string; body_encoding: string | null; event_key: string | null }>> {
    return this.db.query('SELECT id, event, method, query, status, reason, body, body_encoding, event_key FROM webhook_receipts WHERE provider = $1 AND ($2::text IS NULL OR event = $2) ORDER BY id', [provider, event ?? null]);
  }
}

/**
 * Migration 5: numbers know their country. The store writes it on save (libphonenumber's);
 * rows kept before the migration get theirs from the calling code, so the inventory's
 * country filter finds them too.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';

let db: Db;
beforeAll(async () => {
  db = await openDb({ dataDir: 'memory' });
});
afterAll(async () => {
  await db?.close();
});

const countries = async () => (await db.query<{ e164: string; country: string | null }>('SELECT e164, country FROM numbers ORDER BY e164')).map((r) => [r.e164, r.country]);

it('gives rows kept before it their country, and every saved number its own', async () => {
  // The database as version 4 left it, with rows in it.
  await db.exec("DROP INDEX numbers_country; ALTER TABLE numbers DROP COLUMN country; DELETE FROM schema_migrations WHERE version = 5");
  for (const e164 of ['+61280740901', '+918040001234', '+18015550100'])
    await db.query("INSERT INTO numbers (provider, e164, updated_at, data) VALUES ('AVANSER', $1, now(), $2)", [e164, { provider: 'AVANSER', e164, status: 'ACTIVE', capabilities: [] }]);
  await migrate(db);
  expect(await countries()).toEqual([
    ['+18015550100', 'US'],
    ['+61280740901', 'AU'],
    ['+918040001234', 'IN'],
  ]);
  // A Canadian number saved now: libphonenumber's country, not the calling code's guess.
  await new Store(db).numbers.save([{ provider: 'VOIP_INNOVATIONS', e164: '+14165550123', status: 'ACTIVE', capabilities: [] }]);
  expect((await countries())[0]).toEqual(['+14165550123', 'CA']);
});

/**
 * The embedded store's engine on a thread of its own (src/store/db.ts `openPglite` starts it):
 * PGlite runs PostgreSQL compiled to WASM synchronously, so on the main thread every statement
 * stopped the gateway's JavaScript; here the two use both cores. Plain JavaScript, so the same
 * file runs under tsx, vitest and the bundle; it imports nothing of ours.
 *
 * Messages in: arrays of `{ id, op, … }`; out: arrays of `{ id, result }` or `{ id, error }`. `session` 0 is
 * outside any transaction; `begin` opens one (PGlite holds every other statement until it
 * ends) and answers its session number, `end` commits or rolls it back.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, parse, protocol } from '@electric-sql/pglite';
import parseDate from 'postgres-date';

const { serialize } = protocol;
// The WebAssembly compiles while the thread waits for its store: a thread started at boot
// (src/store/store-thread.ts) is told its store by the first message, once config is read.
const dist = path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
const compile = async (file) => WebAssembly.compile(await readFile(path.join(dist, file)));
const compiled = Promise.all([compile('pglite.wasm'), compile('initdb.wasm')]);
compiled.catch(() => undefined); // awaited below; meanwhile a failure is not unhandled
const { dataDir, extraStartParams } = workerData ?? (await new Promise((resolve) => parentPort.once('message', resolve)));
const [pgliteWasmModule, initdbWasmModule] = await compiled;
// timestamptz as node-postgres reads it: PGlite's own reading takes years 1-99 for 19xx or 20xx and BC for no date.
const TIMESTAMPTZ = 1184;
const lite = await PGlite.create({
  dataDir,
  pgliteWasmModule,
  initdbWasmModule,
  parsers: { [TIMESTAMPTZ]: parseDate },
  ...(extraStartParams && { startParams: [...PGlite.defaultStartParams, ...extraStartParams] }),
});

/** Parameter types of each named statement prepared so far. */
const prepared = new Map();

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A one-off runs between these two (in the same call into the engine, so in the same
 * transaction: a failure rolls the setting back with it): it is planned for its values,
 * whatever the session's plan_cache_mode (db.ts PLAN_CACHE_MODE).
 */
await lite.execProtocol(
  concat([
    serialize.parse({ name: 'plan_this_run', text: 'SET plan_cache_mode = force_custom_plan' }),
    serialize.parse({ name: 'plan_as_session', text: 'RESET plan_cache_mode' }),
    serialize.sync(),
  ]),
);
const runOf = (statement) => concat([serialize.bind({ statement }), serialize.execute({})]);
const [PLAN_THIS_RUN, PLAN_AS_SESSION] = [runOf('plan_this_run'), runOf('plan_as_session')];

/**
 * One statement. PGlite's own `query` parses and plans it every time, in six calls into the
 * engine; a named statement is parsed and described once, then each run is one call
 * (bind, execute, sync). `name` '' is a one-off (the unnamed statement).
 */
async function query(name, text, params) {
  let types = prepared.get(name);
  if (!types || !name) {
    const { messages } = await lite.execProtocol(concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]), { syncToFs: false });
    types = parse.parseDescribeStatementResults(messages);
    if (name) prepared.set(name, types);
  }
  const values = params.map((p, i) => (p === null || p === undefined ? null : (lite.serializers[types[i]] ?? String)(p)));
  const statement = [serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({})];
  const { messages } = await lite.execProtocol(concat(name ? [...statement, serialize.sync()] : [PLAN_THIS_RUN, ...statement, PLAN_AS_SESSION, serialize.sync()]));
  // One result per statement run: the one-off's follows its setting's.
  return parse.parseResults(messages, lite.parsers)[name ? 0 : 1].rows;
}

/** Open transactions: session → its PGlite transaction and what ends it. */
const sessions = new Map();
let lastSession = 0;
const ROLLBACK = Symbol('rollback');

/** Opens a transaction; answers its session once PGlite's transaction lock is ours. */
function begin() {
  return new Promise((opened, failed) => {
    const session = ++lastSession;
    const s = {};
    sessions.set(session, s);
    s.finished = lite.transaction((tx) => {
      s.tx = tx;
      opened(session);
      return new Promise((commit, rollback) => Object.assign(s, { commit, rollback }));
    });
    s.finished.catch((err) => {
      sessions.delete(session);
      failed(err);
    });
  });
}

/** Ends a session: resolves once PGlite committed (or rolled back); a failed commit rejects. */
async function end(session, commit) {
  const s = sessions.get(session);
  sessions.delete(session);
  if (commit) s.commit();
  else s.rollback(ROLLBACK);
  await s.finished.catch((err) => {
    if (err !== ROLLBACK) throw err;
  });
}

const ops = {
  query: ({ session, name, sql, params }) => {
    const q = () => query(name, sql, params ?? []);
    // Inside a transaction PGlite's transaction lock is held already; outside, wait for it.
    return session ? lite._runExclusiveQuery(q) : lite._runExclusiveTransaction(() => lite._runExclusiveQuery(q));
  },
  exec: async ({ session, sql }) => void (await (session ? sessions.get(session).tx : lite).exec(sql)),
  begin,
  end: ({ session, commit }) => end(session, commit),
  ping: async () => !lite.closed && (await lite.query('select 1')).rows.length === 1,
  close: () => lite.close(),
};

/** What a store error says, as plain data (SQLSTATE `code` included) for the main thread. */
function plain(err) {
  const out = { message: String(err?.message ?? err) };
  for (const [k, v] of Object.entries(err ?? {})) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

// Answers ready in the same turn go back as one message (db.ts sends its statements so too).
let answers = [];
function answer(a) {
  if (answers.push(a) > 1) return;
  setImmediate(() => {
    parentPort.postMessage(answers);
    answers = [];
  });
}

parentPort.on('message', (batch) => {
  for (const m of batch) {
    Promise.resolve()
      .then(() => ops[m.op](m))
      .then(
        (result) => answer({ id: m.id, result }),
        (err) => answer({ id: m.id, error: plain(err) }),
      );
  }
});
parentPort.postMessage('ready');

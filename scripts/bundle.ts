/**
 * Bundles the compiled gateway (dist/src/main.js) into one file, dist/switchboard.mjs, which
 * `npm start` runs. Resolving and linking some 1,300 module files was the largest part of
 * boot (measured: median boot 2.65 → 1.97 s). It bundles tsc's output, not the sources:
 * esbuild does not emit the decorator metadata type-graphql reads.
 *
 * Then the local explorer (src/explorer/browser.js: GraphiQL, React, Monaco and its workers)
 * into dist/explorer: content-hashed files, each also gzip- and brotli-compressed, and a
 * manifest.json the server reads (src/server/explorer.ts).
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

/**
 * graphql-js from its ES modules (`*.mjs`), for every importer, deep imports included. By
 * default the bundle took its CommonJS build, whose exports are getters: each use of one in our
 * code (`Kind`, `execute`, ...) went through esbuild's interop getter and then graphql's own, a
 * few hundred ns on a request's path (profile of bench scenario 1). One build for all, or the
 * bundle would hold two graphql-js ("from another module or realm").
 */
const graphqlModules: Plugin = {
  name: 'graphql-modules',
  setup(b) {
    b.onResolve({ filter: /^graphql(\/|$)/ }, async ({ path: spec, kind, importer, resolveDir, pluginData }) => {
      if (pluginData === 'graphql-modules') return undefined;
      const found = await b.resolve(spec, { kind, importer, resolveDir, pluginData: 'graphql-modules' });
      return found.errors.length > 0 ? { errors: found.errors } : { path: found.path.replace(/\.js$/, '.mjs') };
    });
  },
};

/**
 * keepNames wraps every named function in esbuild's `__name`, closures made per request
 * included, and each `defineProperty` of `name` gives the closure a hidden class of its own
 * and goes through the runtime. Only a constructor's name names anything (type-graphql's types,
 * errors), so this one skips a function whose name is already right (the fast path's body
 * reader, a declaration) and one without a `prototype` of its own (an arrow, a method, an async
 * function: got makes a dozen such closures a call). `hasOwn`, because reading a function's
 * `prototype` makes it. A renamed class still gets its name. Measured: a declaration's skip took
 * scenario 1 from 57-58 to 55-56 µs of CPU a request; the arrows' names were 3.8% of scenario
 * 2's gateway CPU (profile).
 */
const KEEP_NAME = '(t, v) => t.name === v || !Object.hasOwn(t, "prototype") ? t : Object.defineProperty(t, "name", { value: v, configurable: true })';

await build({
  entryPoints: [new URL('../src/main.js', import.meta.url).pathname],
  outfile: new URL('../switchboard.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  minifyWhitespace: true,
  // type-graphql names GraphQL types after their classes; bundling must not rename them.
  keepNames: true,
  logLevel: 'warning',
  // PGlite finds its WASM and data files next to its own module; pg and the Redis clients load
  // only when configured; class-validator is type-graphql's optional validator, unused here.
  // Apollo's createhash picks node:crypto only when `module.require` exists, which a bundled
  // module lacks: inside the bundle it hashed every query with a JavaScript SHA-256.
  external: ['@electric-sql/pglite', 'pg', 'ioredis', '@graphql-yoga/redis-event-target', 'class-validator', '@apollo/utils.createhash'],
  plugins: [graphqlModules],
  // Bundled CommonJS packages still call require() for Node's built-ins.
  // Also the leaner `__name` (KEEP_NAME): esbuild maps the banner, so the source map holds.
  banner: { js: `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); const __keepName = ${KEEP_NAME};` },
});

const bundleFile = fileURLToPath(new URL('../switchboard.mjs', import.meta.url));
const KEEP_NAMES = 'var __name=(target,value)=>__defProp(target,"name",{value,configurable:true});';
const LEANER = 'var __name=__keepName;'.padEnd(KEEP_NAMES.length);
const bundled = readFileSync(bundleFile, 'utf8');
if (bundled.split(KEEP_NAMES).length !== 2) throw new Error("esbuild's __name helper changed: see scripts/bundle.ts");
writeFileSync(bundleFile, bundled.replace(KEEP_NAMES, LEANER));

// The embedded store's thread (src/store/db.ts) is found next to the module that starts it:
// the bundle, and tsc's output (which the bench imports). Plain JavaScript, copied as it is.
const storeWorker = fileURLToPath(new URL('../../src/store/pglite-worker.js', import.meta.url));
for (const dir of ['..', '../src/store']) copyFileSync(storeWorker, fileURLToPath(new URL(`${dir}/pglite-worker.js`, import.meta.url)));

const explorerDir = fileURLToPath(new URL('../explorer/', import.meta.url));
const resolve = (specifier: string) => fileURLToPath(import.meta.resolve(specifier));
rmSync(explorerDir, { recursive: true, force: true });
const result = await build({
  entryPoints: {
    explorer: fileURLToPath(new URL('../../src/explorer/browser.js', import.meta.url)),
    // Monaco runs its language services in workers; GraphiQL asks for them by these labels.
    'editor.worker': resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
    'json.worker': resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
    'graphql.worker': resolve('monaco-graphql/esm/graphql.worker.js'),
  },
  outdir: explorerDir,
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: true,
  metafile: true,
  loader: { '.ttf': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

const files = Object.keys(result.metafile.outputs).map((out) => path.basename(out));
const entry = (name: string, ext: string) => {
  const file = files.find((f) => f.startsWith(`${name}-`) && f.endsWith(ext));
  if (!file) throw new Error(`the explorer build made no ${name}*${ext}`);
  return file;
};
for (const file of files) {
  const body = readFileSync(path.join(explorerDir, file));
  writeFileSync(path.join(explorerDir, `${file}.gz`), gzipSync(body, { level: 9 }));
  writeFileSync(path.join(explorerDir, `${file}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
}
mkdirSync(explorerDir, { recursive: true });
writeFileSync(
  path.join(explorerDir, 'manifest.json'),
  JSON.stringify({
    script: entry('explorer', '.js'),
    style: entry('explorer', '.css'),
    workers: { editor: entry('editor.worker', '.js'), json: entry('json.worker', '.js'), graphql: entry('graphql.worker', '.js') },
    files,
  }),
);

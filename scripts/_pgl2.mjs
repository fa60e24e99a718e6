import { PGlite } from '@electric-sql/pglite';
import { readFile } from 'node:fs/promises';
const dir = '/work/main/node_modules/@electric-sql/pglite/dist/';
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];
const pre = process.argv[3] === 'pre';
let mods = {};
const t0 = performance.now();
if (pre) { const [a, b] = await Promise.all([readFile(dir + 'pglite.wasm'), readFile(dir + 'initdb.wasm')]); mods = { pgliteWasmModule: await WebAssembly.compile(a), initdbWasmModule: await WebAssembly.compile(b) }; }
const t1 = performance.now();
const db = await PGlite.create({ dataDir: process.argv[2], startParams, ...mods });
const t2 = performance.now();
console.log(pre ? 'pre' : 'std', 'compile', (t1 - t0).toFixed(0), 'create', (t2 - t1).toFixed(0));
await db.close();

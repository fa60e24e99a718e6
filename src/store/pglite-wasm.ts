/**
 * PGlite compiles its 9 MB of WebAssembly at every open (~0.4 s on a background thread).
 * Compiled once per process and handed to each open: boot starts it before the rest of the
 * gateway loads, so the two overlap, and a process that opens several stores compiles once.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PgliteModules {
  pgliteWasmModule: WebAssembly.Module;
  initdbWasmModule: WebAssembly.Module;
}

// Node's global WebAssembly: the ES2023 lib declares only its types.
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } }).WebAssembly;

let compiled: Promise<PgliteModules> | undefined;

function compile(): Promise<PgliteModules> {
  const dir = path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  const one = async (file: string) => wasm.compile(await readFile(path.join(dir, file)));
  return Promise.all([one('pglite.wasm'), one('initdb.wasm')]).then(([pgliteWasmModule, initdbWasmModule]) => ({ pgliteWasmModule, initdbWasmModule }));
}

/** PGlite's modules, compiled on first use; a failed compile is retried by the next caller (PGlite then reports it). */
export function pgliteModules(): Promise<PgliteModules> {
  compiled ??= compile().catch((err: unknown) => {
    compiled = undefined;
    throw err;
  });
  return compiled;
}

/** The store is a PostgreSQL server: drop what boot compiled ahead. */
export function forgetPgliteModules(): void {
  compiled?.catch(() => undefined);
  compiled = undefined;
}

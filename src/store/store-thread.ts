/**
 * The embedded store's thread (pglite-worker.js). Boot starts one before the rest of the
 * gateway loads: importing PGlite and compiling its 9 MB of WebAssembly then overlap the
 * gateway's own loading on the other core, and the thread is told later which store to open.
 */
import { Worker } from 'node:worker_threads';

export interface StoreOpen {
  dataDir: string;
  /** Added to PGlite's default start parameters. */
  extraStartParams?: string[];
}

let spare: Worker | undefined;

const spawn = (workerData?: StoreOpen) => new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData });

/** At boot, first thing. */
export function prestartStoreThread(): void {
  if (spare) return;
  const worker = spawn();
  worker.unref();
  // A thread that fails before it is used is replaced: the new one reports its own failure.
  worker.on('error', () => undefined);
  worker.once('exit', () => {
    if (spare === worker) spare = undefined;
  });
  spare = worker;
}

/** A thread that opens `open`: the one started at boot when there is one. */
export function storeThread(open: StoreOpen): Worker {
  const worker = spare;
  spare = undefined;
  if (!worker) return spawn(open);
  worker.ref();
  worker.postMessage(open);
  return worker;
}

/** The store is a PostgreSQL server: the thread started at boot is not needed. */
export function dropSpareStoreThread(): void {
  void spare?.terminate();
  spare = undefined;
}

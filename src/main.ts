/**
 * The process entry: the embedded store's thread starts first (PGlite's import and WebAssembly
 * compile run on the other core), then the gateway loads (src/boot.ts, evaluated only now, even
 * inside the bundle) and boots.
 */
import { prestartStoreThread } from './store/store-thread.js';

prestartStoreThread();
await import('./boot.js');

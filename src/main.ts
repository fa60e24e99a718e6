/**
 * The process entry: PGlite's WebAssembly starts compiling first (on a background thread), then
 * the gateway loads (src/boot.ts, evaluated only now, even inside the bundle) and boots.
 */
import { pgliteModules } from './store/pglite-wasm.js';

pgliteModules().catch(() => undefined); // an open that needs it reports the failure
await import('./boot.js');

/**
 * Bundles the compiled gateway (dist/src/main.js) into one file, dist/switchboard.mjs, which
 * `npm start` runs. Resolving and linking some 1,300 module files was the largest part of
 * boot (measured: median boot 2.65 → 1.97 s). It bundles tsc's output, not the sources:
 * esbuild does not emit the decorator metadata type-graphql reads.
 */
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../src/main.js', import.meta.url).pathname],
  outfile: new URL('../switchboard.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  // type-graphql names GraphQL types after their classes; bundling must not rename them.
  keepNames: true,
  logLevel: 'warning',
  // PGlite finds its WASM and data files next to its own module; pg and the Redis clients load
  // only when configured; class-validator is type-graphql's optional validator, unused here.
  // Apollo's createhash picks node:crypto only when `module.require` exists, which a bundled
  // module lacks: inside the bundle it hashed every query with a JavaScript SHA-256.
  external: ['@electric-sql/pglite', 'pg', 'ioredis', '@graphql-yoga/redis-event-target', 'class-validator', '@apollo/utils.createhash'],
  // Bundled CommonJS packages still call require() for Node's built-ins.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});

/**
 * The build (`npm run build`, and `prepare` at `npm ci`): tsc, then scripts/bundle.ts (the
 * gateway bundle and the local explorer). It records a digest of its inputs in
 * dist/.build-inputs, so `npm start` (scripts/start.mjs) rebuilds only when they changed:
 * hashing them takes milliseconds, the build takes 25–85 s on a 2-core machine.
 * Plain JavaScript: it runs before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What the build reads: sources (gateway, explorer, build scripts), compiler settings, dependency versions. */
const INPUTS = ['src', 'scripts', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** What `npm start` needs of the build. */
const OUTPUTS = ['dist/switchboard.mjs', 'dist/pglite-worker.js', 'dist/explorer/manifest.json'];
const STAMP = 'dist/.build-inputs';

function files(root, entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)));
}

/** A digest of every input file's path and content. */
export function inputsDigest(root = ROOT) {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((entry) => files(root, entry)).sort()) {
    hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

/** True when the last build's inputs differ from the files now, or its outputs are missing. */
export function isStale(root = ROOT) {
  if (!OUTPUTS.every((out) => existsSync(path.join(root, out)))) return true;
  try {
    return readFileSync(path.join(root, STAMP), 'utf8') !== inputsDigest(root);
  } catch {
    return true;
  }
}

/** Build, then record the inputs as they were when it started (a file edited meanwhile stays stale). */
export function build(root = ROOT) {
  const digest = inputsDigest(root);
  for (const args of [[path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], [path.join(root, 'dist/scripts/bundle.js')]]) {
    const { status } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (status !== 0) throw new Error(`build failed: ${path.relative(root, args[0])} exited with ${status}`);
  }
  writeFileSync(path.join(root, STAMP), digest);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    build();
  } catch (err) {
    console.error(`switchboard: ${err.message}`);
    process.exit(1);
  }
}

/**
 * `npm start`: build only when the build's inputs changed since the last build (scripts/build.mjs),
 * then run the bundled gateway in this process, so signals reach it directly.
 */
import { build, isStale } from './build.mjs';

if (isStale()) {
  process.stderr.write('switchboard: sources changed since the last build (or none yet): building…\n');
  try {
    build();
  } catch (err) {
    process.stderr.write(`switchboard: ${err.message}\n`);
    process.exit(1);
  }
}
await import('../dist/switchboard.mjs');

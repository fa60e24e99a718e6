/**
 * `npm run bench [-- --quick] [-- --only=1,3] [-- --cpu-prof=DIR]`: every budget line of
 * DESIGN §9, each against a baseline measured in the same run. Reports; never fails on a
 * budget, but exits 1 when a scenario itself breaks.
 */
import { fileURLToPath } from 'node:url';
import type { Options, Row } from './lib.js';
import { machine, machineLine, printTable, writeResults } from './report.js';
import { batching } from './scenarios/batching.js';
import { boot } from './scenarios/boot.js';
import { callHistory } from './scenarios/call-history.js';
import { fanout } from './scenarios/fanout.js';
import { gatewayAlone } from './scenarios/gateway-alone.js';
import { ingest } from './scenarios/ingest.js';
import { twoInstances } from './scenarios/two-instances.js';
import { upstream } from './scenarios/upstream.js';

const SCENARIOS: Array<[string, (o: Options) => Promise<Row[]>]> = [
  ['1 gateway alone', gatewayAlone],
  ['2 one upstream call', upstream],
  ['3 fan-out', fanout],
  ['4 ingest', ingest],
  ['5 boot', boot],
  ['6 batching', batching],
  ['7 call history', callHistory],
  ['8 two instances', twoInstances],
];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const opts: Options = { quick, seconds: quick ? 2 : 10, cpuProfDir: args.find((a) => a.startsWith('--cpu-prof='))?.slice(11) };

const m = machine(quick ? 'quick' : only ? 'partial' : 'full');
process.stdout.write(`Switchboard bench (${m.mode}): ${machineLine(m)}\n`);
const rows: Row[] = [];
const failures: string[] = [];
for (const [name, run] of SCENARIOS) {
  if (only && !only.includes(name.split(' ')[0]!)) continue;
  const t0 = performance.now();
  process.stdout.write(`… ${name}\n`);
  try {
    rows.push(...(await run(opts)));
    process.stdout.write(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  } catch (err) {
    failures.push(`${name}: ${(err as Error).message}`);
    process.stderr.write(`bench: ${name} failed: ${(err as Error).stack}\n`);
  }
}
process.stdout.write('\n');
printTable(rows);
const missed = rows.filter((r) => r.ok === false).length;
process.stdout.write(`\n${rows.length} figures, ${missed} budget line(s) missed, ${failures.length} scenario(s) broken\n`);
writeResults(fileURLToPath(new URL('../../bench/results/', import.meta.url)), m, rows, failures);
process.exit(failures.length ? 1 : 0);

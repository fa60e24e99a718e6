/**
 * Scenario 1's turns keep the server under load to one CPU and the load generator to another
 * (bench/lib.ts): every thread of a process, and back on every CPU after the turn.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpuList, cpuSets, setCpus } from '../../bench/lib.js';

/** The CPUs each thread of a process may run on, from /proc. */
const threadCpus = (pid: number) =>
  readdirSync(`/proc/${pid}/task`).map((t) => cpuList(/Cpus_allowed_list:\s*(\S+)/.exec(readFileSync(`/proc/${pid}/task/${t}/status`, 'utf8'))![1]!));

describe('bench: CPUs apart', () => {
  it('reads the kernel\'s and taskset\'s CPU lists', () => {
    expect(cpuList('0')).toEqual([0]);
    expect(cpuList('0,1')).toEqual([0, 1]);
    expect(cpuList('0-3,6,8-9')).toEqual([0, 1, 2, 3, 6, 8, 9]);
  });

  // Where taskset does not run (or one CPU), cpuSets() is undefined and the bench shares the CPUs.
  const found = cpuSets();
  it.runIf(found)('keeps every thread of a process to one CPU, then gives every CPU back', async () => {
    const sets = found!;
    expect(sets.server).not.toBe(sets.load);
    // A process with a worker thread: node's own threads and the worker's.
    const child = spawn(process.execPath, ['-e', "new (require('node:worker_threads').Worker)('setInterval(() => {}, 1000)', { eval: true }); setInterval(() => {}, 1000)"], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const all = cpuList(sets.all);
      expect(threadCpus(child.pid!).every((cpus) => cpus.join() === all.join())).toBe(true);
      setCpus(child.pid!, sets.server);
      const threads = threadCpus(child.pid!);
      expect(threads.length).toBeGreaterThan(2);
      expect(threads.every((cpus) => cpus.join() === sets.server)).toBe(true);
      setCpus(child.pid!, sets.all);
      expect(threadCpus(child.pid!).every((cpus) => cpus.join() === all.join())).toBe(true);
    } finally {
      child.kill();
    }
  });
});

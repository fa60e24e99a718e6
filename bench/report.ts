/** The figures as a table on stdout, and as bench/results/latest.json and latest.md. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Row } from './lib.js';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  date: string;
  /** 1-minute load average when the run started: other work on the machine skews figures. */
  loadAtStart: number;
  /** `partial`: only some scenarios (--only). */
  mode: 'quick' | 'full' | 'partial';
}

export function machine(mode: Machine['mode']): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
    loadAtStart: Math.round(os.loadavg()[0]! * 100) / 100,
    mode,
  };
}

const verdict = (r: Row) => (r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED');
const num = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(n));

function cells(r: Row): string[] {
  return [
    r.scenario,
    r.figure,
    `${num(r.value)} ${r.unit}`,
    r.target,
    verdict(r),
    r.baseline ? `${num(r.baseline.value)} (${r.baseline.label})` : '',
    r.ratio === undefined ? '' : String(r.ratio),
    r.note ?? '',
  ];
}

const HEAD = ['scenario', 'figure', 'measured', 'target', '', 'baseline (same run)', 'ratio', 'note'];

export function markdownTable(rows: Row[]): string {
  const line = (c: string[]) => `| ${c.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(HEAD), line(HEAD.map(() => '---')), ...rows.map((r) => line(cells(r)))].join('\n');
}

export function printTable(rows: Row[]): void {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((c) => c[i]!.length)));
  for (const [i, c] of all.entries()) {
    process.stdout.write(`${c.map((x, j) => x.padEnd(widths[j]!)).join('  ').trimEnd()}\n`);
    if (i === 0) process.stdout.write(`${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  }
}

export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; ${m.mode} run on ${m.date.slice(0, 10)}, load average ${m.loadAtStart} at start`;
}

/** A full run writes latest.*, others quick.* or partial.* (ignored by git): CI never overwrites figures. */
export function writeResults(dir: string, m: Machine, rows: Row[], failures: string[]): void {
  mkdirSync(dir, { recursive: true });
  const name = m.mode === 'full' ? 'latest' : m.mode;
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify({ machine: m, rows, failures }, null, 2)}\n`);
  const md = [
    '# Benchmark results',
    '',
    `Machine: ${machineLine(m)}.`,
    '',
    markdownTable(rows),
    ...(failures.length ? ['', '## Scenarios that did not run', '', ...failures.map((f) => `- ${f}`)] : []),
    '',
  ].join('\n');
  writeFileSync(path.join(dir, `${name}.md`), md);
}

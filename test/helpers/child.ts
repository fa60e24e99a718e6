/**
 * The gateway as its own process (`node --import tsx src/main.ts`), for what an in-process
 * gateway cannot show: signals, `kill -9` between steps, restarts on the same DATA_DIR, exit
 * codes and what reaches stdout/stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildGateway {
  child: ChildProcess;
  /** `http://host:port` from the ready line. */
  url: string;
  /** Every JSON log line so far (stdout). */
  logs: Array<Record<string, unknown>>;
  /** Everything written to stdout and stderr so far, as text. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Only what the test gives, plus PATH and HOME: the gateway reads nothing else of ours. */
export function childEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env };
}

/**
 * Run `src/main.ts` with `env` until it exits; resolves with its exit code and output. Each child
 * compiles the whole import graph with tsx first (~3 s idle, 30 s+ on a loaded 2-core machine):
 * the timeouts bound hangs, not speed.
 */
export function runChild(env: Record<string, string>, timeoutMs = 90_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** Start the gateway and wait for its "ready" log line. */
export async function startChildGateway(env: Record<string, string>, timeoutMs = 90_000): Promise<ChildGateway> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: childEnv({ LOG_LEVEL: 'info', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const logs: Array<Record<string, unknown>> = [];
  let text = '';
  child.stderr!.on('data', (d: Buffer) => (text += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within ${timeoutMs} ms:\n${text}`)), timeoutMs);
    void exited.then((code) => reject(new Error(`exited with ${code} before it was ready:\n${text}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      text += `${line}\n`;
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      if (entry.msg === 'Switchboard is ready') {
        clearTimeout(timer);
        resolve(entry.url as string);
      }
    });
  }).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  return {
    child,
    url,
    logs,
    output: () => text,
    exited,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

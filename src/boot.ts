/**
 * Boot: validate config, start, drain on SIGTERM/SIGINT. A bad value, or one that does not
 * work here (port taken, host unknown, database unreachable), stops it with one line naming
 * the variable (exit 2).
 */
import 'reflect-metadata';
import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './observability/logger.js';
import { dropSpareStoreThread } from './store/store-thread.js';
import { readyLines } from './server/banner.js';

async function orExit<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`switchboard: configuration error: ${err.message}\n`);
    process.exit(2);
  }
}

const config = await orExit(async () => loadConfig());
if (config.databaseUrl) dropSpareStoreThread();
const log = createLogger(config.logLevel);
const running = await orExit(() => startApp(config, log));
log.info({ url: running.url, graphql: `${running.url}/graphql`, sandbox: config.sandbox, devKey: config.devKey?.source }, 'Switchboard is ready');
// For people, not log collectors; keys and tokens never go into a JSON log line.
const generatedWebhook = config.webhookTokenGenerated ? { token: config.webhookToken, publicUrl: running.publicUrl } : undefined;
if (config.logLevel !== 'silent') process.stderr.write(readyLines(running.url, config.devKey, generatedWebhook));
if (generatedWebhook) log.warn('No WEBHOOK_TOKEN set: a token for this run only is printed on stderr; providers must be given a new one at every start');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'draining');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    running.close().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

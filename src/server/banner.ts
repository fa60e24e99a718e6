/**
 * The plain lines `main` prints for people (on stderr, beside the JSON logs) once the gateway
 * is ready: where the explorer is and, without configured keys, the dev key and where it is kept.
 */
import type { DevKey } from '../config.js';

export function readyLines(url: string, devKey: DevKey | undefined): string {
  const lines = [`Switchboard is ready: explorer ${url}/ (local GraphiQL ${url}/graphiql), GraphQL ${url}/graphql`];
  if (devKey) {
    const kept = { SWITCHBOARD_DEV_KEY: 'from SWITCHBOARD_DEV_KEY', file: `kept in ${devKey.file}`, run: 'for this run only (DATA_DIR=memory)' }[devKey.source];
    lines.push(`Dev API key (read, write, admin), ${kept}: ${devKey.key}`, `  send it as "Authorization: Bearer ${devKey.key}"; on loopback the explorer has it pre-filled`);
  }
  return `${lines.join('\n')}\n`;
}

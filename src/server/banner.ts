/**
 * The plain lines `main` prints for people (on stderr, beside the JSON logs) once the gateway
 * is ready: where the explorer is and, when they were generated, the dev key (and where it is
 * kept) and the webhook token. Secrets go here, never into a JSON log line.
 */
import type { DevKey } from '../config.js';

export function readyLines(url: string, devKey: DevKey | undefined, generatedWebhook?: { token: string; publicUrl: string }): string {
  const lines = [`Switchboard is ready: explorer ${url}/ (local GraphiQL ${url}/graphiql), GraphQL ${url}/graphql`];
  if (devKey) {
    const kept = { SWITCHBOARD_DEV_KEY: 'from SWITCHBOARD_DEV_KEY', file: `kept in ${devKey.file}`, run: 'for this run only (DATA_DIR=memory)' }[devKey.source];
    lines.push(`Dev API key (read, write, admin), ${kept}: ${devKey.key}`, `  send it as "Authorization: Bearer ${devKey.key}"; on loopback the explorer has it pre-filled`);
  }
  if (generatedWebhook) {
    const { token, publicUrl } = generatedWebhook;
    lines.push(`Webhook token (no WEBHOOK_TOKEN set), for this run only: ${token}`, `  providers call ${publicUrl}/webhooks/<provider>/<event>?token=${token}`);
  }
  return `${lines.join('\n')}\n`;
}

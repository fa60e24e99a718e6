/**
 * Delacon as the core sees it: its configuration slice, its adapter, its webhooks, its
 * sandbox simulator and its blocks in the core's GraphQL inputs.
 */
import type { ConfigEnv, ProviderSettings } from '../../config.js';
import type { ProviderModule } from '../provider.js';
import { DelaconAdapter } from './adapter.js';
import { DelaconClient } from './client.js';
import { DelaconProvisionInput, DelaconServiceUpdateInput } from './inputs.js';
import { startDelaconSimulator } from './simulator.js';
import { webhookRoutes } from './webhooks.js';

/** A live account: `DELACON_AUTH_TOKEN`, `DELACON_BASE_URL`. */
export interface DelaconConfig {
  authToken: string;
  baseUrl: string;
}

export const delaconModule = {
  name: 'DELACON',
  slug: 'delacon',
  settings: (env: ConfigEnv): ProviderSettings<DelaconConfig> => ({
    ...env.account(['DELACON_AUTH_TOKEN'], 'DELACON_BASE_URL', (v) => ({
      authToken: v.DELACON_AUTH_TOKEN!,
      baseUrl: env.url('DELACON_BASE_URL', 'https://pla.delaconcorp.com', 'https://pla.delaconcorp.com'),
    })),
    // A WAIT order is settled by the Post Provisioning Response, which Delacon "will try for 3
    // times"; the interval is not documented, so how long to wait for it is ours to choose.
    orderStaleAfterSeconds: env.int('DELACON_ORDER_STALE_AFTER_SECONDS', 86_400, 1, 30 * 86_400, '86400'),
  }),
  create: (live, deps) => new DelaconAdapter(new DelaconClient(live, deps)),
  webhooks: webhookRoutes,
  startSimulator: startDelaconSimulator,
  inputs: { block: 'delacon', provision: DelaconProvisionInput, serviceUpdate: DelaconServiceUpdateInput },
} satisfies ProviderModule<DelaconConfig>;

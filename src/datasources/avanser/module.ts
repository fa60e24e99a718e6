/**
 * AVANSER as the core sees it: its configuration slice, its adapter, its webhooks, its
 * sandbox simulator and its blocks in the core's GraphQL inputs.
 */
import type { ConfigEnv, ProviderSettings } from '../../config.js';
import type { ProviderModule } from '../provider.js';
import { AvanserAdapter } from './adapter.js';
import { AvanserClient } from './client.js';
import { AvanserProvisionInput, AvanserServiceUpdateInput } from './inputs.js';
import { startAvanserSimulator } from './simulator.js';
import { webhookRoutes } from './webhooks.js';

/** A live account: `AVANSER_USERNAME`, `AVANSER_PASSWORD`, `AVANSER_BASE_URL`. */
export interface AvanserConfig {
  username: string;
  password: string;
  baseUrl: string;
}

export const avanserModule = {
  name: 'AVANSER',
  slug: 'avanser',
  settings: (env: ConfigEnv): ProviderSettings<AvanserConfig> => ({
    ...env.account(['AVANSER_USERNAME', 'AVANSER_PASSWORD'], 'AVANSER_BASE_URL', (v) => ({
      username: v.AVANSER_USERNAME!,
      password: v.AVANSER_PASSWORD!,
      baseUrl: env.url('AVANSER_BASE_URL', 'https://tapi.avanser.com', 'https://tapi-sandbox.avanser.com'),
    })),
    // AVANSER documents no horizon for a request ("ready to be used within minutes"; ~7 minutes
    // in the quick reference): how long to keep polling one is ours to choose.
    orderStaleAfterSeconds: env.int('AVANSER_ORDER_STALE_AFTER_SECONDS', 86_400, 1, 30 * 86_400, '86400'),
  }),
  create: (live, deps) => new AvanserAdapter(new AvanserClient(live, deps), deps),
  webhooks: webhookRoutes,
  startSimulator: startAvanserSimulator,
  inputs: { block: 'avanser', provision: AvanserProvisionInput, serviceUpdate: AvanserServiceUpdateInput },
  stockCountries: ['AU'],
  autoFields: ['numbers', 'search', 'count', 'country'],
} satisfies ProviderModule<AvanserConfig>;

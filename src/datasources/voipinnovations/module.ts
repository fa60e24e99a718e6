/**
 * VoIP Innovations as the core sees it: its configuration slice, its adapter, its webhooks
 * (none), its sandbox simulator and its blocks in the core's GraphQL inputs.
 */
import type { ConfigEnv, ProviderSettings } from '../../config.js';
import type { ProviderModule } from '../provider.js';
import { VoipInnovationsAdapter } from './adapter.js';
import { VoipInnovationsClient } from './client.js';
import { VoipInnovationsProvisionInput, VoipInnovationsServiceUpdateInput } from './inputs.js';
import { startVoipInnovationsSimulator } from './simulator.js';
import { webhookRoutes } from './webhooks.js';

/** A live account: `VOIPINNOVATIONS_LOGIN`, `VOIPINNOVATIONS_SECRET`, `VOIPINNOVATIONS_URL`, `VOIPINNOVATIONS_ENDPOINT_FIELD`. */
export interface VoipInnovationsConfig {
  login: string;
  secret: string;
  url: string;
  /** DIDParam element that carries the endpoint group: `endpointId` today, `epg` in the old WSDL. */
  endpointField: 'endpointId' | 'epg';
}

export const voipInnovationsModule = {
  name: 'VOIP_INNOVATIONS',
  slug: 'voipinnovations',
  settings(env: ConfigEnv): ProviderSettings<VoipInnovationsConfig> {
    const endpointField = env.value('VOIPINNOVATIONS_ENDPOINT_FIELD') ?? 'endpointId';
    if (endpointField !== 'endpointId' && endpointField !== 'epg') env.fail('VOIPINNOVATIONS_ENDPOINT_FIELD', `"${endpointField}" is neither endpointId nor epg`, 'epg');
    return env.account(['VOIPINNOVATIONS_LOGIN', 'VOIPINNOVATIONS_SECRET'], 'VOIPINNOVATIONS_URL', (v) => ({
      login: v.VOIPINNOVATIONS_LOGIN!,
      secret: v.VOIPINNOVATIONS_SECRET!,
      url: env.url('VOIPINNOVATIONS_URL', 'https://backoffice.voipinnovations.com/Services/APIService.asmx', 'https://backoffice.voipinnovations.com/Services/APIService.asmx'),
      endpointField,
    }));
  },
  create: (live, deps) => new VoipInnovationsAdapter(new VoipInnovationsClient(live, deps)),
  webhooks: webhookRoutes,
  startSimulator: startVoipInnovationsSimulator,
  inputs: { block: 'voipInnovations', provision: VoipInnovationsProvisionInput, serviceUpdate: VoipInnovationsServiceUpdateInput },
  stockCountries: ['US'],
  autoFields: ['numbers'],
} satisfies ProviderModule<VoipInnovationsConfig>;

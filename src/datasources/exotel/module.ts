/**
 * Exotel Lead Assist as the core sees it: its configuration slice (with the account
 * timezone), its adapter, its webhooks and its sandbox simulator. Its GraphQL inputs are the
 * GreenVN mutations' own (inputs.ts).
 */
import type { ConfigEnv, ProviderSettings } from '../../config.js';
import type { ProviderModule } from '../provider.js';
import { ExotelAdapter } from './adapter.js';
import { ExotelClient } from './client.js';
import { startExotelSimulator } from './simulator.js';
import { webhookRoutes } from './webhooks.js';

/** A live account: `EXOTEL_TENANT_SID`, `EXOTEL_API_KEY`, `EXOTEL_API_TOKEN`, `EXOTEL_BASE_URL`. */
export interface ExotelConfig {
  tenantSid: string;
  apiKey: string;
  apiToken: string;
  baseUrl: string;
}

export interface ExotelSettings extends ProviderSettings<ExotelConfig> {
  /** `EXOTEL_TIMEZONE`: the account's offset, for Exotel timestamps that carry no zone. */
  timezone: string;
}

const OFFSET = /^[+-](0\d|1[0-4]):[0-5]\d$/;

export const exotelModule = {
  name: 'EXOTEL',
  slug: 'exotel',
  settings(env: ConfigEnv): ExotelSettings {
    const timezone = env.value('EXOTEL_TIMEZONE') ?? '+05:30';
    if (!OFFSET.test(timezone)) env.fail('EXOTEL_TIMEZONE', `"${timezone}" is not an offset ±HH:MM`, '+05:30');
    const account = env.account(['EXOTEL_TENANT_SID', 'EXOTEL_API_KEY', 'EXOTEL_API_TOKEN'], 'EXOTEL_BASE_URL', (v) => ({
      tenantSid: v.EXOTEL_TENANT_SID!,
      apiKey: v.EXOTEL_API_KEY!,
      apiToken: v.EXOTEL_API_TOKEN!,
      baseUrl: env.url('EXOTEL_BASE_URL', 'https://leadassist.exotel.in', 'https://leadassist.exotel.in'),
    }));
    return { ...account, timezone };
  },
  create: (live, deps) => new ExotelAdapter(new ExotelClient(live, deps)),
  webhooks: webhookRoutes,
  startSimulator: startExotelSimulator,
  inputs: { block: 'exotel' },
} satisfies ProviderModule<ExotelConfig, ExotelSettings>;

/**
 * The providers behind the gateway, one module per folder. A new provider is a folder with
 * the same files as the others, its line here and its name in `PROVIDERS` (src/domain/model.ts);
 * a name without its module here does not compile.
 */
import type { ProviderName } from '../domain/model.js';
import { avanserModule } from './avanser/module.js';
import { delaconModule } from './delacon/module.js';
import { exotelModule } from './exotel/module.js';
import type { ProviderModule } from './provider.js';
import { voipInnovationsModule } from './voipinnovations/module.js';

const BY_NAME: { readonly [K in ProviderName]: ProviderModule<any, any> & { readonly name: K } } = {
  DELACON: delaconModule,
  AVANSER: avanserModule,
  EXOTEL: exotelModule,
  VOIP_INNOVATIONS: voipInnovationsModule,
};

/** In the order `providers` lists them. */
export const PROVIDER_MODULES: readonly ProviderModule<any, any>[] = Object.values(BY_NAME);

/** The providers themselves: which are live, sandboxed or off, healthy, and what each supports. */
import type { ProviderStatus, Registry } from '../datasources/registry.js';

export class Providers {
  constructor(private readonly registry: Registry) {}

  status(): ProviderStatus[] {
    return this.registry.status();
  }
}

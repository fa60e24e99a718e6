/**
 * Every check of the provider contract (suite.ts) for every provider (providers.ts), each
 * provider LIVE against its simulator through a fault proxy, on one gateway per provider and
 * a second one for the checks that fail its calls as outages (they load its circuit breaker).
 * A check a provider declares N/A is reported skipped with the reason; a known gap runs as
 * `it.fails` with the gap in its name.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestGateway, WEBHOOK_TOKEN, type TestGateway } from '../helpers/gateway.js';
import { PROVIDERS } from './providers.js';
import { CHECKS, type Upstream } from './suite.js';

describe.each(PROVIDERS.map((p) => [p.provider, p] as const))('%s', (_name, p) => {
  let gw: TestGateway;
  let outageGw: TestGateway;
  let upstream: Upstream;

  beforeAll(async () => {
    upstream = await p.start((event) => `${gw.url}/webhooks/${p.slug}/${event}?token=${WEBHOOK_TOKEN}`);
    // Other providers off; a short deadline keeps failing calls quick; the per-key rate limit is not tested here.
    const env = { SANDBOX: 'off', UPSTREAM_TIMEOUT_MS: '2000', RATE_LIMIT_PER_MINUTE: '100000', ...upstream.env };
    [gw, outageGw] = await Promise.all([startTestGateway(env), startTestGateway(env)]);
  });
  afterAll(async () => {
    await Promise.all([gw?.close(), outageGw?.close()]);
    await upstream?.close();
  });

  for (const check of CHECKS) {
    const reason = p.notApplicable[check.id];
    if (reason) {
      it.skip(`${check.id} N/A: ${reason}`, () => undefined);
      continue;
    }
    const cases = check.cases(p);
    if (cases.length === 0) {
      it(`${check.id} ${check.must}`, () => {
        throw new Error(`${p.provider} declares nothing for ${check.id}: give it what the check needs, or declare it N/A with a reason`);
      });
    }
    for (const c of cases) {
      const name = c.name ? `${check.id} ${c.name}` : check.id;
      const gap = Object.entries(p.gaps).find(([key]) => name === key || name.startsWith(`${key} `))?.[1];
      const title = `${name}: ${check.must}`;
      const run = () => c.run({ gw: check.outage ? outageGw : gw, proxy: upstream.proxy, p });
      if (gap) it.fails(`${title} (known gap: ${gap})`, run);
      else it(title, run);
    }
  }
});

/**
 * 6. Batching: one page of 100 call events with their numbers, services and allocations.
 * Seeded through GraphQL in the sandbox (AVANSER services and Exotel allocations, then a
 * simulated call to each); the cost is read from the gateway's own counters.
 */
import { graphql, metric, round, startGateway, type Options, type Row } from '../lib.js';

/** Six numbers of the AVANSER simulator's stock, 40 calls among them. */
const AVANSER_NUMBERS = ['280740801', '280740802', '280740805', '296301234', '280740810', '399998888'].map((n) => `+61${n}`);
const AVANSER_CALLS = 40;
/** The Exotel simulator's pool holds 22 GreenVNs: three calls through each of 20 allocations. */
const EXOTEL_ALLOCATIONS = 20;
const CALLS_PER_ALLOCATION = 3;
// Lean on purpose: the query cost (src/server/limits.ts) grows 1.5× per level (limit 20,000).
const PAGE = `query BenchPage {
  callEvents(first: 100) { edges { node { id number { e164 service { name } } service { name } allocation { greenVN } } } }
}`;
async function seed(url: string): Promise<void> {
  const { provisionNumbers } = await graphql<{ provisionNumbers: { numbers: Array<{ e164: string; ok: boolean }>; userErrors: unknown[] } }>(
    url,
    'mutation BenchProvision($input: ProvisionNumbersInput!) { provisionNumbers(input: $input) { numbers { e164 ok } userErrors { message } } }',
    { input: { provider: 'AVANSER', avanser: { name: 'bench', answerPoint: '+61290000000', numbers: AVANSER_NUMBERS } } },
  );
  if (provisionNumbers.userErrors.length) throw new Error(`AVANSER provisioning: ${JSON.stringify(provisionNumbers.userErrors)}`);
  // AVANSER assigns the closest match when a number is not in stock: call the numbers it gave.
  const services = provisionNumbers.numbers.filter((n) => n.ok).map((n) => n.e164);
  const calls = Array.from({ length: AVANSER_CALLS }, (_, i) => ({ from: `+6141200${String(i).padStart(4, '0')}`, to: services[i % services.length]! }));
  for (let i = 0; i < EXOTEL_ALLOCATIONS; i++) {
    const from = `+9198110${String(i).padStart(5, '0')}`;
    const { allocateGreenVN } = await graphql<{ allocateGreenVN: { allocation: { greenVN: string } | null; userErrors: unknown[] } }>(
      url,
      'mutation BenchAllocate($input: AllocateGreenVNInput!) { allocateGreenVN(input: $input) { allocation { greenVN } userErrors { message } } }',
      { input: { aPartyNumbers: [from], bPartyNumbers: [`+9198765${String(i).padStart(5, '0')}`], usage: 'TWO_WAY' } },
    );
    if (!allocateGreenVN.allocation) throw new Error(`Exotel allocation: ${JSON.stringify(allocateGreenVN.userErrors)}`);
    for (let j = 0; j < CALLS_PER_ALLOCATION; j++) calls.push({ from, to: allocateGreenVN.allocation.greenVN });
  }
  await place(url, calls);
  let count = 0;
  for (let waited = 0; waited < 20_000 && count < 100; waited += 200) {
    count = await callCount(url);
    if (count < 100) await new Promise((r) => setTimeout(r, 200));
  }
  if (count < 100) throw new Error(`only ${count} of 100 simulated calls arrived`);
}

async function callCount(url: string): Promise<number> {
  const { callEvents } = await graphql<{ callEvents: { edges: unknown[] } }>(url, 'query BenchCount { callEvents(first: 100) { edges { cursor } } }');
  return callEvents.edges.length;
}

/** AVANSER activates services after a (compressed) delay: retry a call while its number is not live yet. */
async function place(url: string, calls: Array<{ from: string; to: string }>): Promise<void> {
  for (const call of calls) {
    for (let attempt = 0; ; attempt++) {
      const { simulateIncomingCall } = await graphql<{ simulateIncomingCall: { userErrors: Array<{ code: string; message: string }> } }>(
        url,
        'mutation BenchCall($input: SimulateIncomingCallInput!) { simulateIncomingCall(input: $input) { userErrors { code message } } }',
        { input: { ...call, outcome: 'ANSWERED', durationSeconds: 30 } },
      );
      if (!simulateIncomingCall.userErrors.length) break;
      if (attempt >= 50) throw new Error(`call to ${call.to}: ${JSON.stringify(simulateIncomingCall.userErrors)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function batching(opts: Options): Promise<Row[]> {
  const gateway = await startGateway(opts);
  try {
    await seed(gateway.url);
    // The sandbox's background poller also queries the store (once a second): the least of
    // a few runs is the page's own cost.
    let best = { queries: Infinity, upstream: Infinity, linked: { numbers: 0, services: 0, allocations: 0 } };
    for (let i = 0; i < 5; i++) {
      const q0 = await metric(gateway.url, 'switchboard_store_queries_total');
      const u0 = await metric(gateway.url, 'switchboard_upstream_request_seconds_count');
      type Node = { number: { service: unknown } | null; service: unknown; allocation: unknown };
      const { callEvents } = await graphql<{ callEvents: { edges: Array<{ node: Node }> } }>(gateway.url, PAGE);
      const queries = (await metric(gateway.url, 'switchboard_store_queries_total')) - q0;
      const upstream = (await metric(gateway.url, 'switchboard_upstream_request_seconds_count')) - u0;
      const nodes = callEvents.edges.map((e) => e.node);
      const linked = { numbers: nodes.filter((n) => n.number).length, services: nodes.filter((n) => n.service).length, allocations: nodes.filter((n) => n.allocation).length };
      if (nodes.length !== 100) throw new Error(`the page has ${nodes.length} calls, not 100`);
      if (queries < best.queries) best = { queries, upstream, linked };
    }
    const types = 4; // call events, numbers, services, allocations
    const { numbers, services, allocations } = best.linked;
    return [
      { scenario: '6 batching', figure: 'store queries for the page', value: best.queries, unit: 'queries', target: `≤ ${types} (one per type)`, ok: best.queries <= types, baseline: { label: 'N+1 would be', value: 1 + 3 * 100 }, ratio: round(best.queries / types), note: `100 calls: ${numbers} with a number, ${services} with a service, ${allocations} with an allocation` },
      { scenario: '6 batching', figure: 'upstream calls for the page', value: best.upstream, unit: 'calls', target: '≤ 1 per provider', ok: best.upstream <= 2 },
    ];
  } finally {
    await gateway.stop();
  }
}

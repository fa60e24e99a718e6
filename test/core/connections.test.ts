/**
 * Relay: every connection pages forward (first/after) and backward (last/before) over the same
 * list with a truthful PageInfo, bad page arguments are BAD_USER_INPUT, and every id the API
 * returns resolves through node(id) to the same object type.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RO_KEY, RW_KEY, startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;

/** Data a query asks of each node type: its id and type, and the nodes it links to. */
const NODE = '__typename id';
const NUMBER = `${NODE} e164 order { ${NODE} } service { ${NODE} }`;
const CALL = `${NODE} allocation { ${NODE} } number { ${NODE} } service { ${NODE} }`;

/** Every connection of the API, with arguments that give it items in the sandbox once seeded. */
const CONNECTIONS = [
  { name: 'availableNumbers', args: 'provider: VOIP_INNOVATIONS, filter: { state: "UT" }', node: NUMBER },
  { name: 'availableNumbers', args: 'provider: AVANSER, filter: { szu: "sydney" }', node: NUMBER },
  { name: 'numbers', args: 'provider: VOIP_INNOVATIONS', node: NUMBER },
  { name: 'numbers', args: 'provider: DELACON', node: NUMBER },
  { name: 'services', args: 'provider: VOIP_INNOVATIONS', node: NODE },
  { name: 'services', args: '', node: NODE },
  { name: 'orders', args: '', node: `${NODE} service { ${NODE} }` },
  { name: 'allocations', args: '', node: `${NODE} calls { ${NODE} }` },
  { name: 'callEvents', args: '', node: CALL },
  { name: 'callEvents', args: 'orderBy: { field: DURATION, direction: ASC }', node: CALL },
  { name: 'numbers', args: 'filter: {}, orderBy: { field: E164, direction: ASC }', node: NUMBER },
  { name: 'numbers', args: 'filter: { country: "US" }', node: NUMBER },
] as const;
type Conn = { name: string; args: string; node: string };

interface Page {
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const PAGE = 'edges { cursor node { NODE } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

async function page(c: Conn, paging: Record<string, unknown>): Promise<Page> {
  const r = await gw.post(`query($first: Int, $after: String, $last: Int, $before: String) { c: ${c.name}(${c.args}${c.args ? ', ' : ''}first: $first, after: $after, last: $last, before: $before) { ${PAGE.replace('NODE', c.node)} } }`, paging);
  expect(r.body.errors, `${c.name}(${c.args}) ${JSON.stringify(paging)}`).toBeUndefined();
  const p = (r.body.data as { c: Page }).c;
  // The page's ends are its edges' cursors.
  expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
  expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor ?? null);
  return p;
}

const ids = (p: Page) => p.edges.map((e) => e.node.id);

const gql = async (query: string, variables: Record<string, unknown> = {}) => {
  const r = await gw.post(query, variables);
  expect(r.body.errors, query).toBeUndefined();
  return r.body.data as Record<string, any>;
};

beforeAll(async () => {
  gw = await startTestGateway({ SWITCHBOARD_API_KEYS: `${RW_KEY}=read,write,admin;${RO_KEY}=read` });
  // Orders, owned numbers and services at VoIP Innovations; allocations and their calls at Exotel.
  const stock = await gql('{ availableNumbers(provider: VOIP_INNOVATIONS, filter: { state: "UT" }, first: 6) { edges { node { e164 } } } }');
  const e164s: string[] = stock.availableNumbers.edges.map((e: { node: { e164: string } }) => e.node.e164);
  for (const e164 of e164s.slice(0, 3)) {
    const out = await gql('mutation($input: ProvisionNumbersInput!) { provisionNumbers(input: $input) { userErrors { code } } }', {
      input: { provider: 'VOIP_INNOVATIONS', voipInnovations: { numbers: [e164], endpointGroup: 8675 } },
    });
    expect(out.provisionNumbers.userErrors).toEqual([]);
  }
  for (let i = 0; i < 3; i++) {
    const a = `+9198110000${10 + i}`;
    const out = await gql('mutation($input: AllocateGreenVNInput!) { allocateGreenVN(input: $input) { allocation { greenVN } userErrors { code } } }', {
      input: { aPartyNumbers: [a], bPartyNumbers: [`+9198765000${10 + i}`], usage: 'TWO_WAY' },
    });
    expect(out.allocateGreenVN.userErrors).toEqual([]);
    await gql('mutation($input: SimulateIncomingCallInput!) { simulateIncomingCall(input: $input) { providerCallId } }', {
      input: { from: a, to: out.allocateGreenVN.allocation.greenVN, outcome: 'ANSWERED', durationSeconds: 5 },
    });
  }
  // The calls' webhooks arrive on their own time.
  for (let deadline = Date.now() + 15_000; (await gql('{ callEvents(first: 10) { edges { node { id } } } }')).callEvents.edges.length < 3; ) {
    if (Date.now() > deadline) throw new Error('the simulated calls never arrived');
    await new Promise((r) => setTimeout(r, 100));
  }
}, 60_000);
afterAll(async () => {
  await gw?.close();
});

/** Every id of the list, two at a time, forward (first/after) or backward (last/before), checking PageInfo on the way. */
async function walk(c: Conn, backward: boolean): Promise<string[]> {
  const all: string[] = [];
  let cursor: string | null = null;
  for (let n = 0; ; n++) {
    const p = await page(c, backward ? { last: 2, before: cursor } : { first: 2, after: cursor });
    const { hasNextPage, hasPreviousPage, startCursor, endCursor } = p.pageInfo;
    // The side the walk comes from has items once past the first page; the other says whether it goes on.
    expect(backward ? hasNextPage : hasPreviousPage).toBe(n > 0);
    if (backward) all.unshift(...ids(p));
    else all.push(...ids(p));
    if (!(backward ? hasPreviousPage : hasNextPage)) return all;
    cursor = backward ? startCursor : endCursor;
  }
}

describe('every connection pages both ways', () => {
  // Receipts have ids but are not nodes (operators only), so they page here and nowhere else.
  const lists: Conn[] = [...CONNECTIONS, { name: 'webhookReceipts', args: '', node: 'id' }];
  it.each(lists.map((c) => [`${c.name}(${c.args})`, c] as const))('%s: forward by 2 and backward by 2 give the whole list, in the same order', async (_, c) => {
    const whole = ids(await page(c, { first: 100 }));
    // DELACON has no owned numbers in this seed: an empty list still pages.
    if (c.name !== 'numbers' || !c.args.includes('DELACON')) expect(whole.length, 'seeded').toBeGreaterThanOrEqual(3);

    expect(await walk(c, false)).toEqual(whole);
    expect(await walk(c, true)).toEqual(whole);

    if (whole.length >= 3) {
      // A cursor from one direction works in the other: the items between two cursors.
      const firstTwo = await page(c, { first: 2 });
      const back = await page(c, { last: 5, before: firstTwo.pageInfo.endCursor });
      expect(ids(back)).toEqual(whole.slice(0, 1));
      expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    }
  });
});

describe('page arguments', () => {
  const codeOf = async (paging: string) => {
    const r = await gw.post(`{ orders(${paging}) { edges { cursor } } }`);
    expect((r.body.data as { orders?: unknown } | null)?.orders ?? null).toBeNull();
    return { code: r.body.errors?.[0]?.extensions?.code, message: r.body.errors?.[0]?.message };
  };

  it.each([
    ['first: 2, last: 2', /forward \(first, after\) or backward \(last, before\), not both/],
    ['first: 2, before: "Yzk"', /not both/],
    ['last: 2, after: "Yzk"', /not both/],
    ['after: "Yzk", before: "Yzk"', /not both/],
    ['first: 0', /first must be between 1 and 100/],
    ['first: 101', /first must be between 1 and 100/],
    ['last: 0', /last must be between 1 and 100/],
    ['last: -3', /last must be between 1 and 100/],
    ['after: "nonsense"', /is not a cursor from this list/],
    ['last: 1, before: "nonsense"', /is not a cursor from this list/],
  ])('%s is BAD_USER_INPUT', async (paging, message) => {
    const { code, message: text } = await codeOf(paging);
    expect(code).toBe('BAD_USER_INPUT');
    expect(text).toMatch(message);
  });

  it('without first or last, a page is 20 items', async () => {
    const [c] = CONNECTIONS;
    expect((await page(c, {})).edges.length).toBe(Math.min(20, ids(await page(c, { first: 100 })).length));
  });
});

/** Every `{ __typename, id }` object anywhere in an answer. */
function nodesIn(value: unknown, found: Map<string, string> = new Map()): Map<string, string> {
  if (Array.isArray(value)) for (const v of value) nodesIn(v, found);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.id === 'string' && typeof o.__typename === 'string') found.set(o.id, o.__typename);
    for (const v of Object.values(o)) nodesIn(v, found);
  }
  return found;
}

describe('node(id)', () => {
  it('resolves every id of any page of any connection to an object of the same type and id', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CONNECTIONS), fc.integer({ min: 1, max: 5 }), fc.boolean(), async (c, size, backward) => {
        const answer = await page(c, backward ? { last: size } : { first: size });
        for (const [id, type] of nodesIn(answer)) {
          const { node } = await gql('query($id: ID!) { node(id: $id) { __typename id } }', { id });
          expect(node, `${type} ${id} from ${c.name}(${c.args})`).toEqual({ __typename: type, id });
        }
      }),
      { numRuns: 25 },
    );
  });

  it('every node type is among the ids the connections return', async () => {
    const types = new Set<string>();
    for (const c of CONNECTIONS) for (const t of nodesIn(await page(c, { first: 100 })).values()) types.add(t);
    expect([...types].sort()).toEqual(['Allocation', 'CallEvent', 'Order', 'PhoneNumber', 'Service']);
  });

  it('an id that names nothing of ours is null, not an error', async () => {
    const forged = (s: string) => Buffer.from(s).toString('base64url');
    for (const id of ['nonsense', forged('PhoneNumber:NOWHERE:+14352151002'), forged('PhoneNumber:AVANSER:not-a-number'), forged('Service:NOWHERE:1'), forged('PhoneNumber:AVANSER:+61299999999')]) {
      expect((await gql('query($id: ID!) { node(id: $id) { id } }', { id })).node, id).toBeNull();
    }
  });
});

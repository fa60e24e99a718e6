/**
 * Neither the webhook token nor an API key ever appears in a log line or an answer: webhooks
 * (right and wrong token, odd methods and URLs, sandbox callbacks), GraphQL over HTTP and
 * WebSocket, refusals of every kind, with the gateway's own logger at its most verbose level
 * writing to a captured stream.
 */
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { OnCallEventDocument, SimulateIncomingCallDocument } from '../generated/graphql.js';
import { fixture } from '../delacon/helpers.js';
import { RO_KEY, RW_KEY, startTestGateway, subscribe, WEBHOOK_TOKEN, wsResult, type TestGateway } from '../helpers/gateway.js';

const SECRETS = { WEBHOOK_TOKEN, RW_KEY, RO_KEY };
const lines: string[] = [];
const answers: string[] = [];
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({}, createLogger('trace', { write: (line: string) => void lines.push(line) }));
});
afterAll(async () => {
  await gw?.close();
});

/** fetch, keeping everything the client saw (status, headers, body). */
async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`${gw.url}${path}`, init);
  const body = await res.clone().text();
  answers.push(`${res.status} ${JSON.stringify([...res.headers])} ${body}`);
  return res;
}

const graphql = (query: string, authorization = `Bearer ${RW_KEY}`, variables: Record<string, unknown> = {}) =>
  call('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });

describe('webhooks', () => {
  it('log their requests with the token redacted, whatever the route, method or answer', async () => {
    const t = encodeURIComponent(WEBHOOK_TOKEN);
    const delacon = fixture('call-start.json').replace('1122334', '93000001');
    expect((await call(`/webhooks/delacon/calls?token=${t}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: delacon })).status).toBe(200);
    expect((await call(`/webhooks/delacon/calls?token=${t}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"PLA_Call_Id": ' })).status).toBeGreaterThanOrEqual(400);
    expect((await call(`/webhooks/delacon/calls?a=1&token=${t}&b=2`, { method: 'OPTIONS' })).status).toBe(404);
    expect((await call(`/webhooks/delacon/nope?token=${t}`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await call(`/webhooks/%zz/calls?token=${t}`)).status).toBe(400);
    expect((await call(`/nowhere?token=${t}`)).status).toBe(404);
    // A token parameter however its name is written is redacted too.
    await call(`/webhooks/delacon/calls?%74oken=${t}`, { method: 'POST', body: delacon });
    await call(`/webhooks/delacon/calls?TOKEN=${t}`, { method: 'POST', body: delacon });
    expect((await call(`/webhooks/delacon/calls?token=wrong-token-0123456789`, { method: 'POST', body: delacon })).status).toBe(401);

    // Sandbox callbacks carry the token to our routes: a simulated AVANSER call (Call-URI report, GET).
    const sub = subscribe(gw.ws(), OnCallEventDocument, { filter: { provider: 'AVANSER' } });
    await sub.ready;
    const simulated = await graphql(print(SimulateIncomingCallDocument), undefined, { input: { to: '+61280740801', from: '+61405061663', outcome: 'ANSWERED' } });
    expect(simulated.status).toBe(200);
    await sub.next(10_000);
    sub.stop();

    const requestLines = lines.filter((l) => l.includes('"url":"/webhooks/'));
    expect(requestLines.length).toBeGreaterThanOrEqual(9);
    expect(requestLines.some((l) => l.includes('/webhooks/avanser/calls?') && l.includes('token=[redacted]'))).toBe(true);
  });
});

describe('GraphQL', () => {
  it('log and answer without the API key, over HTTP and WebSocket, accepted or refused', async () => {
    for (const authorization of [`Bearer ${RW_KEY}`, `bearer  ${RO_KEY}`, RW_KEY, `Basic ${RO_KEY}`]) await graphql('{ providers { provider } }', authorization);
    await graphql('{ providers { provider ');
    await graphql('{ providerz }');
    await graphql('mutation { deallocateGreenVN(input: { allocationId: "x" }) { userErrors { code } } }', `Bearer ${RO_KEY}`);
    await call(`/graphql?query=${encodeURIComponent('{ providers { provider } }')}`, { headers: { authorization: `Bearer ${RW_KEY}`, 'apollo-require-preflight': '1' } });
    await call('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${RW_KEY}` }, body: '{"query": ' });

    const client = gw.ws(RO_KEY);
    answers.push(JSON.stringify(await wsResult(client, '{ providers { provider } }')));
    answers.push(JSON.stringify(await wsResult(client, '{ providerz }')));
    answers.push(JSON.stringify(await wsResult(client, 'mutation { deallocateGreenVN(input: { allocationId: "x" }) { userErrors { code } } }')));
    expect(lines.some((l) => l.includes('"url":"/graphql'))).toBe(true);
  });

  it('a request the fast path answers (in front of Fastify) is logged as Fastify logs one: method, URL, status, time', async () => {
    const before = lines.length;
    expect((await graphql('{ providers { mode } }')).status).toBe(200);
    const logged = lines.slice(before).map((l) => JSON.parse(l) as { msg: string; req?: unknown; res?: unknown; responseTime?: unknown });
    expect(logged.filter((l) => l.msg === 'request completed')).toEqual([
      expect.objectContaining({ req: { method: 'POST', url: '/graphql', remoteAddress: '127.0.0.1' }, res: { statusCode: 200 }, responseTime: expect.any(Number) }),
    ]);
  });
});

describe('everything seen', () => {
  it('carries no secret', () => {
    expect(lines.length).toBeGreaterThan(30);
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(lines.filter((l) => l.includes(secret)), `${name} in the log`).toEqual([]);
      expect(answers.filter((a) => a.includes(secret)), `${name} in an answer`).toEqual([]);
    }
  });
});

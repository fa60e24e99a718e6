/**
 * The README's Relay network layer, as written there, against a real gateway: queries over
 * HTTP with the key, subscriptions over graphql-ws with the key in connection_init. Relay's
 * compiler makes the request parameters in an app; here they are written by hand.
 */
import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import { Environment, Network, Observable, RecordSource, Store, type FetchFunction, type GraphQLResponse, type RequestParameters, type SubscribeFunction } from 'relay-runtime';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RW_KEY, startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw?.close());

/** The README's snippet, with its constants given by the test. */
function relayEnvironment(GRAPHQL_URL: string, WS_URL: string, KEY: string) {
  const fetchGraphQL: FetchFunction = async (request, variables) => {
    const res = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ query: request.text, variables }),
    });
    return (await res.json()) as GraphQLResponse;
  };
  const ws = createClient({ url: WS_URL, connectionParams: { authorization: `Bearer ${KEY}` }, webSocketImpl: WebSocket });
  const subscribe: SubscribeFunction = (request, variables) =>
    Observable.create<GraphQLResponse>((sink) => ws.subscribe({ operationName: request.name, query: request.text!, variables }, sink as never));
  return { environment: new Environment({ network: Network.create(fetchGraphQL, subscribe), store: new Store(new RecordSource()) }), ws };
}

const params = (name: string, operationKind: 'query' | 'subscription', text: string): RequestParameters => ({ cacheID: name, id: null, name, operationKind, text, metadata: {} });

it('runs a query over HTTP and a subscription over graphql-ws through Relay’s network layer', async () => {
  const { environment, ws } = relayEnvironment(gw.graphqlUrl, gw.wsUrl, RW_KEY);
  try {
    const network = environment.getNetwork();
    const query = await network.execute(params('ProvidersQuery', 'query', 'query ProvidersQuery { providers { provider } }'), {}, {}).toPromise();
    expect(query).toMatchObject({ data: { providers: [{ provider: 'DELACON' }, { provider: 'AVANSER' }, { provider: 'EXOTEL' }, { provider: 'VOIP_INNOVATIONS' }] } });

    const events: unknown[] = [];
    const subscription = network
      .execute(params('CallsSubscription', 'subscription', 'subscription CallsSubscription { callEvents(filter: { provider: EXOTEL }) { provider providerCallId } }'), {}, {})
      .subscribe({ next: (r) => events.push(r) });
    await new Promise<void>((resolve) => ws.on('connected', () => setTimeout(resolve, 100)));
    const sample = JSON.parse(readFileSync(new URL('../fixtures/exotel/call-event.json', import.meta.url), 'utf8')) as Record<string, string>;
    const body = { ...sample, call_sid: 'relay-quick-start-call', greenvn: '+918040001001', from: '+919811000001', to: '+919876543210' };
    expect((await gw.webhook('exotel/calls', body)).status).toBe(200);
    await expect.poll(() => events, { timeout: 5_000 }).toEqual([{ data: { callEvents: { provider: 'EXOTEL', providerCallId: 'relay-quick-start-call' } } }]);
    subscription.unsubscribe();
  } finally {
    await ws.dispose();
  }
});

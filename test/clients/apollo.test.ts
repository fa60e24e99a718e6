/**
 * The README's Apollo Client set-up as written there (HttpLink for queries, GraphQLWsLink for
 * subscriptions, split on the operation), with the persisted-queries link in front: a query
 * is sent by its hash once the gateway knows it, and a subscription arrives over the WebSocket.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloClient, HttpLink, InMemoryCache, gql, split } from '@apollo/client/core';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RW_KEY, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import './fixtures.js'; // a global WebSocket for GraphQLWsLink, as in a browser

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw?.close());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

it('runs queries by persisted hash over HTTP and subscriptions over graphql-ws', async () => {
  const KEY = RW_KEY;
  const bodies: Array<Record<string, unknown>> = [];
  const recording: typeof fetch = (input, init) => {
    bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    return fetch(input, init);
  };
  const wsClient = createClient({ url: gw.wsUrl, connectionParams: { authorization: `Bearer ${KEY}` }, webSocketImpl: WebSocket });
  const client = () => {
    const http = createPersistedQueryLink({ sha256 }).concat(new HttpLink({ uri: gw.graphqlUrl, headers: { authorization: `Bearer ${KEY}` }, fetch: recording }));
    const ws = new GraphQLWsLink(wsClient);
    const isSubscription = ({ query }: { query: Parameters<typeof getMainDefinition>[0] }) => {
      const d = getMainDefinition(query);
      return d.kind === 'OperationDefinition' && d.operation === 'subscription';
    };
    return new ApolloClient({ link: split(isSubscription, ws, http), cache: new InMemoryCache() });
  };
  try {
    const query = gql`query Providers { providers { provider } }`;
    const first = await client().query({ query, fetchPolicy: 'no-cache' });
    expect(first.data.providers).toHaveLength(4);
    // Unknown hash, then hash and text: the gateway now knows it, and another client sends the hash alone.
    expect(bodies.map((b) => 'query' in b)).toEqual([false, true]);
    const second = await client().query({ query, fetchPolicy: 'no-cache' });
    expect(second.data).toEqual(first.data);
    expect(bodies.map((b) => 'query' in b)).toEqual([false, true, false]);

    const events: unknown[] = [];
    const subscription = client()
      .subscribe({ query: gql`subscription Calls { callEvents(filter: { provider: EXOTEL }) { providerCallId } }` })
      .subscribe({ next: (r) => events.push(r.data) });
    await new Promise<void>((resolve) => wsClient.on('connected', () => setTimeout(resolve, 100)));
    const sample = JSON.parse(readFileSync(new URL('../fixtures/exotel/call-event.json', import.meta.url), 'utf8')) as Record<string, string>;
    expect((await gw.webhook('exotel/calls', { ...sample, call_sid: 'apollo-quick-start-call', greenvn: '+918040001001', from: '+919811000001', to: '+919876543210' })).status).toBe(200);
    await expect.poll(() => events, { timeout: 5_000 }).toEqual([{ callEvents: { __typename: 'CallEvent', providerCallId: 'apollo-quick-start-call' } }]);
    expect(bodies).toHaveLength(3); // the subscription went over the WebSocket
    subscription.unsubscribe();
  } finally {
    await wsClient.dispose();
  }
});

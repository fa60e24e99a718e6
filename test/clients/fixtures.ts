/**
 * The real client libraries a frontend or mobile team uses, each set up as its documentation
 * (and the README's quick start) says, behind one small interface so that one suite runs over
 * every transport (as graphql-ws's tests/use.ts runs one suite over every server adapter):
 * connect with a key, subscribe, read results or refusals, stop, count keep-alives.
 *
 * What each library reports is normalised into a `Result`: data and GraphQL errors as the
 * library exposes them (an HTTP refusal's JSON errors included, with its status), or the close
 * code of a WebSocket the server closed. Keep-alives are counted below the library (ping
 * frames and `ka` messages on the socket it opened, heartbeats in the body it read), so the
 * library still parses every byte it is sent.
 */
import { createHash } from 'node:crypto';
import { ApolloClient, ApolloError, HttpLink, InMemoryCache, gql, type ApolloLink } from '@apollo/client/core';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { Client as UrqlClient, CombinedError, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createSseClient, NetworkError } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { SubscriptionClient } from 'subscriptions-transport-ws';
import WebSocket from 'ws';

// GraphQLWsLink reads the global WebSocket (a browser's) to sort an operation's errors from a
// closed socket's; Node 20 has none, so it would throw where a browser does not.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

export interface Result {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  /** An HTTP refusal's status. */
  status?: number;
  /** The code the server closed the WebSocket with. */
  closeCode?: number;
}

/** One subscription's results, in order. */
export class Feed {
  private readonly queue: Result[] = [];
  private readonly waiters: Array<(r: Result) => void> = [];

  push(result: Result): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(result);
    else this.queue.push(result);
  }

  next(timeoutMs = 5_000): Promise<Result> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const waiter = (r: Result) => {
        clearTimeout(timer);
        resolve(r);
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no result within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Everything that arrives within `ms`. */
  async drain(ms: number): Promise<Result[]> {
    await new Promise((r) => setTimeout(r, ms));
    return this.queue.splice(0);
  }
}

export interface Sub {
  feed: Feed;
  stop(): void;
}

export interface Connection {
  subscribe(query: string, variables?: Record<string, unknown>): Sub;
  /** Keep-alives received so far on this connection (or this client's streams). */
  keepAlives(): number;
  close(): Promise<void>;
}

export interface ClientFixture {
  name: string;
  transport: 'graphql-transport-ws' | 'graphql-ws' | 'multipart' | 'sse';
  /** One socket carries many operations (and so has the per-connection cap). */
  socket: boolean;
  /** How a refused key shows. */
  authRefusal: Partial<Result>;
  connect(graphqlUrl: string, key: string): Connection;
}

const wsUrl = (graphqlUrl: string) => graphqlUrl.replace(/^http/, 'ws');
type Counter = { n: number };

/** The `ws` WebSocket, counting the server's ping frames and `ka` messages on each socket a library opens. */
function countingWebSocket(counter: Counter) {
  return class extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      // The libraries learn of failures from the close event; an 'error' nobody listens to would be thrown.
      this.on('error', () => undefined);
      this.on('ping', () => counter.n++);
      this.on('message', (data) => {
        if (String(data) === '{"type":"ka"}') counter.n++;
      });
    }
  };
}

/** fetch, counting the heartbeats (`{}` parts, SSE comments) in the bodies it hands the library. */
function countingFetch(counter: Counter): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    if (!res.body) return res;
    let text = '';
    const decoder = new TextDecoder();
    const body = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          text += decoder.decode(chunk, { stream: true });
          counter.n = (text.match(/\r\n\r\n\{\}\r\n--graphql|^:\n\n|\n\n:\n\n/g) ?? []).length;
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

function errorsOf(value: unknown): Result['errors'] {
  const errors = (value as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? (errors as Result['errors']) : undefined;
}

/** An Apollo Client error as a Result: GraphQL errors, an HTTP refusal's body, or the socket's close code. */
function fromApollo(err: unknown): Result {
  // GraphQLWsLink hands a closed socket over as a plain Error.
  const closed = /^Socket closed with event (\d+)/.exec((err as Error).message ?? '');
  if (closed) return { closeCode: Number(closed[1]) };
  if (err instanceof ApolloError && err.graphQLErrors.length) return { errors: err.graphQLErrors as Result['errors'] };
  if (err instanceof ApolloError && err.protocolErrors.length) return { errors: err.protocolErrors as Result['errors'] };
  // A refused HTTP request: a ServerError with the status and the parsed body (alone, or in an ApolloError).
  const network = (err instanceof ApolloError ? err.networkError : err) as { statusCode?: number; result?: unknown; message?: string } | null;
  return { status: network?.statusCode, errors: errorsOf(network?.result) ?? [{ message: network?.message ?? String(err) }] };
}

function apollo(link: ApolloLink): (query: string, variables: Record<string, unknown> | undefined, feed: Feed) => () => void {
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return (query, variables, feed) => {
    const sub = client.subscribe({ query: gql(query), variables, fetchPolicy: 'no-cache' }).subscribe({
      next: (r) => feed.push({ data: r.data as Result['data'], errors: r.errors as Result['errors'] }),
      error: (err) => feed.push(fromApollo(err)),
    });
    return () => sub.unsubscribe();
  };
}

/** A CombinedError (urql) as a Result. */
function fromUrql(error: CombinedError): Result {
  if (error.graphQLErrors.length) return { errors: error.graphQLErrors as unknown as Result['errors'], status: (error.response as Response | undefined)?.status };
  const network = error.networkError as unknown as { code?: number } | undefined;
  if (typeof network?.code === 'number') return { closeCode: network.code };
  return { status: (error.response as Response | undefined)?.status, errors: [{ message: error.message }] };
}

function urql(client: UrqlClient) {
  return (query: string, variables: Record<string, unknown> | undefined, feed: Feed) => {
    const { unsubscribe } = client.subscription(query, variables ?? {}).subscribe((r) => feed.push(r.error ? fromUrql(r.error) : { data: r.data as Result['data'] }));
    return unsubscribe;
  };
}

/** A connection whose `start` opens one subscription and returns how to stop it. */
function connection(counter: Counter, start: (query: string, variables: Record<string, unknown> | undefined, feed: Feed) => () => void, close: () => unknown = () => undefined): Connection {
  const stops = new Set<() => void>();
  return {
    subscribe(query, variables) {
      const feed = new Feed();
      const stop = start(query, variables, feed);
      stops.add(stop);
      return { feed, stop };
    },
    keepAlives: () => counter.n,
    /** Stops what is still subscribed (HTTP clients have nothing else to close). */
    close: async () => {
      for (const stop of stops) stop();
      await close();
    },
  };
}

function graphqlWsClient(graphqlUrl: string, key: string, counter: Counter) {
  return createWsClient({
    url: wsUrl(graphqlUrl),
    webSocketImpl: countingWebSocket(counter),
    connectionParams: { authorization: `Bearer ${key}` },
    retryAttempts: 0,
    lazy: true,
  });
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const CLIENTS: ClientFixture[] = [
  {
    name: 'graphql-ws client',
    transport: 'graphql-transport-ws',
    socket: true,
    authRefusal: { closeCode: 4403 },
    connect(url, key) {
      const counter = { n: 0 };
      const client = graphqlWsClient(url, key, counter);
      return connection(
        counter,
        (query, variables, feed) =>
          client.subscribe(
            { query, variables },
            {
              next: (r) => feed.push(r as Result),
              // An operation's errors come as an array; anything else is the socket closing.
              error: (err) => feed.push(Array.isArray(err) ? { errors: err } : { closeCode: (err as { code?: number }).code }),
              complete: () => undefined,
            },
          ),
        () => client.dispose(),
      );
    },
  },
  {
    name: 'Apollo Client GraphQLWsLink',
    transport: 'graphql-transport-ws',
    socket: true,
    authRefusal: { closeCode: 4403 },
    connect(url, key) {
      const counter = { n: 0 };
      const client = graphqlWsClient(url, key, counter);
      return connection(counter, apollo(new GraphQLWsLink(client)), () => client.dispose());
    },
  },
  {
    name: 'urql graphql-ws exchange',
    transport: 'graphql-transport-ws',
    socket: true,
    authRefusal: { closeCode: 4403 },
    connect(url, key) {
      const counter = { n: 0 };
      const ws = graphqlWsClient(url, key, counter);
      const client = new UrqlClient({
        url,
        exchanges: [
          subscriptionExchange({
            forwardSubscription: (request) => ({
              subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
            }),
          }),
        ],
      });
      return connection(counter, urql(client), () => ws.dispose());
    },
  },
  {
    name: 'subscriptions-transport-ws client (legacy graphql-ws)',
    transport: 'graphql-ws',
    socket: true,
    authRefusal: { errors: [{ message: 'Unknown API key', extensions: { code: 'UNAUTHENTICATED' } }] },
    connect(url, key) {
      const counter = { n: 0 };
      const feeds = new Set<Feed>();
      const client = new SubscriptionClient(
        wsUrl(url),
        {
          connectionParams: bearer(key),
          // A connection_error comes before any operation's result: every open operation sees it.
          connectionCallback: (error) => {
            if (error) for (const feed of feeds) feed.push({ errors: [error as unknown as { message: string }] });
          },
        },
        countingWebSocket(counter),
      );
      return connection(
        counter,
        (query, variables, feed) => {
          feeds.add(feed);
          const sub = client.request({ query, variables }).subscribe({
            next: (r) => feed.push(r as Result),
            error: (err: unknown) => feed.push({ errors: Array.isArray(err) ? err : [err as { message: string }] }),
          });
          return () => {
            feeds.delete(feed);
            sub.unsubscribe();
          };
        },
        () => client.close(),
      );
    },
  },
  {
    name: 'Apollo Client HttpLink (multipart)',
    transport: 'multipart',
    socket: false,
    authRefusal: { status: 401, errors: [{ message: 'Unknown API key', extensions: { code: 'UNAUTHENTICATED' } }] },
    connect(url, key) {
      const counter = { n: 0 };
      return connection(counter, apollo(new HttpLink({ uri: url, headers: bearer(key), fetch: countingFetch(counter) })));
    },
  },
  {
    name: 'Apollo Client HttpLink (multipart) with persisted queries',
    transport: 'multipart',
    socket: false,
    authRefusal: { status: 401, errors: [{ message: 'Unknown API key', extensions: { code: 'UNAUTHENTICATED' } }] },
    connect(url, key) {
      const counter = { n: 0 };
      return connection(counter, apollo(createPersistedQueryLink({ sha256 }).concat(new HttpLink({ uri: url, headers: bearer(key), fetch: countingFetch(counter) }))));
    },
  },
  {
    name: 'urql fetchSubscriptions (SSE)',
    transport: 'sse',
    socket: false,
    authRefusal: { status: 401, errors: [{ message: 'Unknown API key', extensions: { code: 'UNAUTHENTICATED' } }] },
    connect(url, key) {
      const counter = { n: 0 };
      const client = new UrqlClient({ url, exchanges: [cacheExchange, fetchExchange], fetchSubscriptions: true, fetchOptions: { headers: bearer(key) }, fetch: countingFetch(counter) });
      return connection(counter, urql(client));
    },
  },
  {
    name: 'graphql-sse client',
    transport: 'sse',
    socket: false,
    authRefusal: { status: 401, errors: [{ message: 'Unknown API key', extensions: { code: 'UNAUTHENTICATED' } }] },
    connect(url, key) {
      const counter = { n: 0 };
      const client = createSseClient({ url, headers: bearer(key), fetchFn: countingFetch(counter), retryAttempts: 0 });
      return connection(
        counter,
        (query, variables, feed) =>
          client.subscribe(
            { query, variables },
            {
              next: (r) => feed.push(r as Result),
              // A refused request is a NetworkError holding the answer: its body has the errors.
              error: async (err) => {
                const response = err instanceof NetworkError ? err.response : undefined;
                feed.push(response ? { status: response.status, errors: errorsOf(await response.json().catch(() => undefined)) } : { errors: [{ message: String(err) }] });
              },
              complete: () => undefined,
            },
          ),
        () => client.dispose(),
      );
    },
  },
];

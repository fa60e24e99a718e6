/**
 * A real gateway on a free loopback port for one test file, and clients that talk to it the
 * way a frontend does: HTTP POST with the typed documents, graphql-ws for subscriptions.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import pino, { type Logger } from 'pino';
import WebSocket from 'ws';
import { startApp, type Running } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

export const RW_KEY = 'rw-key-123456';
export const RO_KEY = 'ro-key-1234567';
export const WEBHOOK_TOKEN = 'test-webhook-token-0123456789';

export const BASE_ENV: Record<string, string> = {
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: 'memory',
  SWITCHBOARD_API_KEYS: `${RW_KEY}=read,write;${RO_KEY}=read`,
  WEBHOOK_TOKEN,
  LOG_LEVEL: 'silent',
  // Reconciliation reads every provider's lists at start: tests that look at it run it themselves.
  RECONCILIATION_INTERVAL_SECONDS: '0',
};

export interface GraphQLResponse<T> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> };
}

export interface TestGateway {
  running: Running;
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  /** POST a typed document to /graphql; `key: null` sends no Authorization header. */
  post<TData, TVars>(document: TypedDocumentNode<TData, TVars> | DocumentNode | string, variables?: TVars, key?: string | null): Promise<GraphQLResponse<TData>>;
  /** POST a document and fail on any GraphQL error; returns data. */
  request<TData, TVars>(document: TypedDocumentNode<TData, TVars>, variables?: TVars, key?: string): Promise<TData>;
  /** POST a provider webhook to /webhooks/<provider>/<event>. */
  webhook(path: string, body: unknown, opts?: { token?: string | null; form?: boolean }): Promise<Response>;
  /** A graphql-ws client; `key: null` connects without credentials. */
  ws(key?: string | null): Client;
  /** A metric's value from /metrics (`labels` as written there, e.g. `provider="AVANSER"`); 0 when it has no line. */
  metric(name: string, labels?: string): Promise<number>;
  close(): Promise<void>;
}

/** `log`: a logger of the test's own, to assert on what the gateway logs. */
export async function startTestGateway(envOverrides: Record<string, string> = {}, log?: Logger): Promise<TestGateway> {
  const config = loadConfig({ ...BASE_ENV, ...envOverrides });
  const running = await startApp(config, log ?? pino({ level: config.logLevel }));
  const url = running.url;
  const graphqlUrl = `${url}/graphql`;
  const wsUrl = graphqlUrl.replace(/^http/, 'ws');
  const clients = new Set<Client>();

  const post: TestGateway['post'] = async (document, variables, key = RW_KEY) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
    if (key !== null) headers.authorization = `Bearer ${key}`;
    const query = typeof document === 'string' ? document : print(document as DocumentNode);
    const res = await fetch(graphqlUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables: variables ?? {} }) });
    const text = await res.text();
    let body: GraphQLResponse<never>['body'];
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`not JSON (HTTP ${res.status}): ${text.slice(0, 300)}`);
    }
    return { status: res.status, headers: res.headers, body } as GraphQLResponse<never>;
  };

  return {
    running,
    url,
    graphqlUrl,
    wsUrl,
    post,
    async request(document, variables, key = RW_KEY) {
      const r = await post(document, variables, key);
      if (r.body.errors?.length || !r.body.data) throw new Error(`GraphQL errors (HTTP ${r.status}): ${JSON.stringify(r.body.errors)}`);
      return r.body.data;
    },
    webhook(path, body, opts = {}) {
      const token = opts.token === undefined ? WEBHOOK_TOKEN : opts.token;
      const target = `${url}/webhooks/${path}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
      const form = opts.form ?? false;
      return fetch(target, {
        method: 'POST',
        headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
        body: form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body),
      });
    },
    async metric(name, labels) {
      const line = `${name}${labels ? `{${labels}}` : ''} `;
      const text = await (await fetch(`${url}/metrics`)).text();
      const found = text.split('\n').find((l) => l.startsWith(line));
      return found ? Number(found.slice(line.length)) : 0;
    },
    ws(key = RW_KEY) {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        lazy: false,
        retryAttempts: 0,
        connectionParams: key === null ? {} : { authorization: `Bearer ${key}` },
        // Unhandled connection errors would otherwise surface as uncaught rejections.
        onNonLazyError: () => undefined,
      });
      clients.add(client);
      return client;
    },
    async close() {
      await Promise.all([...clients].map((c) => c.dispose()));
      await running.close();
    },
  };
}

/** Events of one subscription, as an async queue with timeouts. */
export interface Subscription<T> {
  /** The next event; rejects after `timeoutMs`, or on a subscription error. */
  next(timeoutMs?: number): Promise<T>;
  /** Resolves with every event that arrives within `ms` (for "nothing more arrives"). */
  drain(ms: number): Promise<T[]>;
  /** Resolves once the server has acknowledged the subscription (best effort: a short settle). */
  ready: Promise<void>;
  stop(): void;
}

export function subscribe<TData, TVars>(client: Client, document: TypedDocumentNode<TData, TVars>, variables?: TVars): Subscription<TData> {
  const queue: TData[] = [];
  const waiters: Array<{ resolve: (v: TData) => void; reject: (e: unknown) => void }> = [];
  let failure: unknown;
  const fail = (err: unknown) => {
    failure = err instanceof Error ? err : new Error(`subscription failed: ${JSON.stringify(err, (_k, v) => (v instanceof Object && 'code' in v && 'reason' in v ? { code: v.code, reason: v.reason } : v))}`);
    for (const w of waiters.splice(0)) w.reject(failure);
  };
  const stop = client.subscribe<TData>(
    { query: print(document as DocumentNode), variables: (variables ?? {}) as Record<string, unknown> },
    {
      next(result) {
        if (result.errors?.length) return fail(new Error(`subscription errors: ${JSON.stringify(result.errors)}`));
        const value = result.data as TData;
        const w = waiters.shift();
        if (w) w.resolve(value);
        else queue.push(value);
      },
      error: fail,
      complete: () => undefined,
    },
  );
  // graphql-ws has no "subscribed" acknowledgement: wait for the connection, then a moment.
  const ready = new Promise<void>((resolve) => {
    const off = client.on('connected', () => {
      off();
      setTimeout(resolve, 50);
    });
    setTimeout(resolve, 1_000);
  });
  return {
    ready,
    stop,
    next(timeoutMs = 5_000) {
      if (failure) return Promise.reject(failure);
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return new Promise<TData>((resolve, reject) => {
        const waiter = {
          resolve: (v: TData) => {
            clearTimeout(timer);
            resolve(v);
          },
          reject: (e: unknown) => {
            clearTimeout(timer);
            reject(e);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no subscription event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    async drain(ms) {
      await new Promise((r) => setTimeout(r, ms));
      return queue.splice(0);
    },
  };
}

/** How a graphql-ws connection attempt ends: `connected`, or the close code and reason. */
export function connectionOutcome(client: Client, timeoutMs = 5_000): Promise<{ connected: true } | { connected: false; code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no connection outcome')), timeoutMs);
    client.on('connected', () => {
      clearTimeout(timer);
      resolve({ connected: true });
    });
    client.on('closed', (event) => {
      clearTimeout(timer);
      const e = event as { code: number; reason: string };
      resolve({ connected: false, code: e.code, reason: String(e.reason) });
    });
  });
}

/** One operation over graphql-ws: its first result, or the errors it was refused with. */
export function wsResult(client: Client, query: string, variables: Record<string, unknown> = {}, timeoutMs = 5_000): Promise<{ data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no result over the WebSocket')), timeoutMs);
    let settled = false;
    const done = (value: { data?: unknown; errors?: never }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    client.subscribe(
      { query, variables },
      {
        next: (result) => done(result as never),
        // graphql-ws hands an operation's errors as an array; anything else is the socket failing.
        error: (err) => (Array.isArray(err) ? done({ errors: err as never }) : (clearTimeout(timer), reject(new Error(`socket failed: ${JSON.stringify(err, ['code', 'reason'])}`)))),
        complete: () => undefined,
      },
    );
  });
}

/** A raw socket on a subprotocol (by default the legacy one): every message it gets, and how it closes. */
export function rawSocket(wsUrl: string, protocol: 'graphql-ws' | 'graphql-transport-ws' = 'graphql-ws') {
  const socket = new WebSocket(wsUrl, protocol);
  const messages: Array<{ type: string; id?: string; payload?: unknown }> = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  const opened = new Promise((resolve) => socket.once('open', resolve));
  return {
    socket,
    messages,
    closed,
    async send(message: unknown) {
      await opened;
      socket.send(typeof message === 'string' ? message : JSON.stringify(message));
    },
    /** Resolves once a message matches. */
    async until(match: (m: { type: string; id?: string }) => boolean, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!messages.some(match)) {
        if (Date.now() > deadline) throw new Error(`no such message; got ${JSON.stringify(messages)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return messages.find(match)!;
    },
  };
}

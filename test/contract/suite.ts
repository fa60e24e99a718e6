/**
 * The provider contract: what the gateway promises alike for every provider, each promise a
 * check with a stable id and one MUST line (as graphql-http numbers its audits), written once
 * here and run for each provider by contract.test.ts (as graphql-ws runs one suite over every
 * transport). What differs per provider (how to start its simulator, what it lacks, which of
 * its calls changes something, its webhooks and the vendor's samples) is declared in
 * providers.ts, the one file that knows the provider folders.
 *
 * Checks talk to stable surfaces only: GraphQL over HTTP and WebSocket and webhooks over HTTP
 * on a real gateway (its /metrics included), the simulators over their own HTTP, and a fault
 * proxy between the gateway and the simulator that breaks or counts upstream requests.
 *
 * Ids never change meaning; a new promise gets the next id. The checks marked `outage` fail
 * upstream calls with 5xx answers or resets, which count against the provider's circuit
 * breaker: they run on a gateway of their own, in order, CT-013 (which opens the breaker) last.
 * The breaker opens only after 10 calls within 10 s, so a provider's CT-011 and CT-012 together
 * must stay under 10 upstream calls; an early open shows as CT-011/CT-012 cases reaching nothing.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { expect } from 'vitest';
import type { ProviderName } from '../../src/domain/model.js';
import type { Fault, FaultProxy, FaultRule } from '../helpers/fault-proxy.js';
import { subscribe, WEBHOOK_TOKEN, type GraphQLResponse, type TestGateway } from '../helpers/gateway.js';

export type CheckId = `CT-${string}`;

/** Which upstream requests a fault hits: method, path, headers. */
export type Match = Pick<FaultRule, 'method' | 'path' | 'headers'>;

/** A webhook as the provider sends it, to `/webhooks/<slug>/<event>` (our `token` is added). */
export interface Delivery {
  event: string;
  method: 'GET' | 'POST';
  query?: Record<string, string>;
  body?: string;
  contentType?: string;
}

/** A GraphQL request whose answer carries a code (a userError or a GraphQL error). */
export interface GraphQLCall {
  document: string;
  variables?: Record<string, unknown>;
}

/** A call through the gateway that makes upstream requests matching `rule`. */
export interface UpstreamCall {
  rule: Match;
  send(gw: TestGateway): Promise<GraphQLResponse<any>>;
}

/** A vendor page's own sample, and where on the page it is. */
export interface VendorSample {
  name: string;
  source: string;
}

/** What the simulator answered. */
export interface SimAnswer {
  status: number;
  body: unknown;
}

/** The provider's simulator behind a fault proxy, and the LIVE settings that point a gateway at the proxy. */
export interface Upstream {
  env: Record<string, string>;
  proxy: FaultProxy;
  close(): Promise<void>;
}

/** One provider, as the contract needs to know it (implemented in providers.ts). */
export interface ProviderContract {
  provider: ProviderName;
  /** Its webhooks are served at `/webhooks/<slug>/<event>`. */
  slug: string;
  /** Start the simulator, its callbacks going to `webhookUrl(event)` (the gateway's, token included). */
  start(webhookUrl: (event: string) => string): Promise<Upstream>;
  /** The operations of OPERATIONS it lacks. */
  lacks: Operation[];
  /** Input the gateway must refuse before any upstream call, with the code it refuses it with. */
  badInputs: Array<GraphQLCall & { label: string; code: string }>;
  /** An upstream call that stays failed when its answers are, to see how failures map. */
  probe: UpstreamCall;
  /** Calls that change something and that a repeat would do twice. */
  nonIdempotent: Array<UpstreamCall & { label: string }>;
  /** Place a call in the simulator and wait until all its webhooks are delivered (later checks count webhooks). */
  placeCall?(gw: TestGateway): Promise<{ providerCallId: string; from: string }>;
  /** The provider's call webhook (its vendor sample) under another call id. */
  callWebhook?(callId: string): Delivery;
  /** Every webhook route, with a delivery for it and what its answers hold, in its own format, when it accepts and when it refuses. */
  routes: Array<{ event: string; sample: Delivery; accepted: Record<string, unknown>; refusal: Record<string, unknown> }>;
  /** The vendor pages' sample webhooks, verbatim. */
  vendorWebhooks: Array<VendorSample & { delivery: Delivery }>;
  /** The vendor pages' sample requests, sent to the simulator in turn, and the answer the page shows. */
  vendorRequests: Array<VendorSample & { send(): Promise<SimAnswer>; status: number; documented: unknown }>;
  /** Checks that do not apply, and why. */
  notApplicable: Partial<Record<CheckId, string>>;
  /**
   * Known failures on main, by check id or `<id> <case>` (a prefix of the case's name): run
   * with `it.fails`, so CI stays green and the gap stays visible until it is fixed.
   */
  gaps: Record<string, string>;
}

export interface Context {
  gw: TestGateway;
  proxy: FaultProxy;
  p: ProviderContract;
}

export interface Check {
  id: CheckId;
  must: string;
  /** Fails upstream calls as outages: run on the gateway kept for those. */
  outage?: boolean;
  /** One test each; none means the provider declared nothing for this check. */
  cases(p: ProviderContract): Array<{ name?: string; run(ctx: Context): Promise<void> }>;
}

/** Operations addressed to a provider, each with input that passes GraphQL validation. */
export const OPERATIONS = {
  availableNumbers: 'query($provider: Provider!) { availableNumbers(provider: $provider, first: 1) { edges { node { e164 } } } }',
  availableNumberCount: 'query($provider: Provider!) { availableNumberCount(provider: $provider) { total } }',
  numberTypes: 'query($provider: Provider!) { numberTypes(provider: $provider, region: AUSTRALIA) { key } }',
  portability: 'query($provider: Provider!) { portability(provider: $provider, numbers: ["+61280740802"]) { portable } }',
  portDetails: 'query($provider: Provider!) { portDetails(provider: $provider, portId: 1) { status } }',
  provisionNumbers: 'mutation($provider: ProvisionProvider!) { provisionNumbers(input: { provider: $provider }) { userErrors { code } } }',
  reserveNumbers: 'mutation($provider: Provider!) { reserveNumbers(input: { provider: $provider, numbers: ["+61280740802"] }) { userErrors { code } } }',
  releaseNumbers: 'mutation($provider: Provider!) { releaseNumbers(input: { provider: $provider, numbers: ["+61280740802"] }) { userErrors { code } } }',
  updateService: 'mutation($provider: Provider!) { updateService(input: { provider: $provider, serviceRef: "1" }) { userErrors { code } } }',
} as const;
export type Operation = keyof typeof OPERATIONS;

/** Written into every faulty upstream answer: none of it may reach a client. */
const UPSTREAM_BODY = 'upstream-says-7d1c0e';
const WRONG_TOKEN = 'not-the-webhook-token-0123456789';
const CALL_EVENTS = parse('subscription($provider: Provider!) { callEvents(filter: { provider: $provider }) { provider providerCallId from } }') as TypedDocumentNode<
  { callEvents: { provider: string; providerCallId: string; from: string | null } },
  { provider: string }
>;

const errorCode = (r: GraphQLResponse<unknown>) => r.body.errors?.[0]?.extensions?.code as string | undefined;

/** userError codes of every payload in the answer. */
function userErrorCodes(r: GraphQLResponse<unknown>): string[] {
  const payloads = Object.values((r.body.data ?? {}) as Record<string, { userErrors?: Array<{ code: string }> } | null>);
  return payloads.flatMap((p) => p?.userErrors?.map((e) => e.code) ?? []);
}

const codes = (r: GraphQLResponse<unknown>) => [errorCode(r), ...userErrorCodes(r)].filter(Boolean);

/** Send `call`'s request with a fault on every matching upstream request; the answer and how many requests the fault hit. */
async function faulted({ gw, proxy }: Context, call: UpstreamCall, fault: Fault): Promise<{ answer: GraphQLResponse<any>; hits: number }> {
  const before = proxy.requests.length;
  // A rewrite edits the simulator's answer; every other fault stands in for one.
  proxy.add({ ...call.rule, fault, forward: fault.kind === 'rewrite' });
  try {
    const answer = await call.send(gw);
    expect(JSON.stringify(answer.body)).not.toContain(UPSTREAM_BODY);
    return { answer, hits: proxy.requests.slice(before).filter((r) => r.fault === fault.kind).length };
  } finally {
    proxy.clear();
  }
}

/** The probe's answer when every upstream answer is `fault`; it must have reached the upstream (no cache, no check before). */
async function probeWith(ctx: Context, fault: Fault): Promise<GraphQLResponse<any>> {
  const { answer, hits } = await faulted(ctx, ctx.p.probe, fault);
  expect(hits).toBeGreaterThan(0);
  return answer;
}

const answer = (status: number, headers: Record<string, string> = {}): Fault => ({ kind: 'answer', status, body: JSON.stringify({ message: UPSTREAM_BODY }), headers });

/** A delivery accepted: 200 and the route's answer for it. */
function expectAccepted(p: ProviderContract, d: Delivery, reply: { status: number; text: string }): void {
  expect(reply.status).toBe(200);
  expect(JSON.parse(reply.text)).toMatchObject(p.routes.find((r) => r.event === d.event)!.accepted);
}

async function deliver(gw: TestGateway, slug: string, d: Delivery, token = WEBHOOK_TOKEN): Promise<{ status: number; text: string }> {
  const url = new URL(`${gw.url}/webhooks/${slug}/${d.event}`);
  url.searchParams.set('token', token);
  for (const [k, v] of Object.entries(d.query ?? {})) url.searchParams.append(k, v);
  const res = await fetch(url, { method: d.method, headers: d.contentType ? { 'content-type': d.contentType } : {}, body: d.body });
  return { status: res.status, text: await res.text() };
}

/** How the gateway counted a route's webhooks, by result (from /metrics). */
async function webhookResults(gw: TestGateway, provider: ProviderName, event: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${gw.url}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const [, labels, value] of text.matchAll(/^switchboard_webhooks_total\{([^}]*)\} (\d+)$/gm)) {
    const l = Object.fromEntries([...labels!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (l.provider === provider && l.event === event) counts[l.result!] = Number(value);
  }
  return counts;
}

/** What a delivery changed in the route's counts. */
async function counted(gw: TestGateway, p: ProviderContract, event: string, act: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await webhookResults(gw, p.provider, event);
  await act();
  const after = await webhookResults(gw, p.provider, event);
  return Object.fromEntries(Object.entries(after).flatMap(([k, v]) => (v === (before[k] ?? 0) ? [] : [[k, v - (before[k] ?? 0)]])));
}

/**
 * Where `actual` lacks the shape of a vendor's sample: every field of the sample, with the same
 * JSON type (a null in the sample says nothing of the type). An object whose keys are all digits
 * is keyed by number (AVANSER's stock): each entry has the shape of the sample's first; an array's
 * items have the shape of the sample's first item.
 */
function shapeDiff(actual: unknown, sample: unknown, path = '$'): string[] {
  if (sample === null) return [];
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (kind(actual) !== kind(sample)) return [`${path}: ${kind(actual)}, the sample has ${kind(sample)}`];
  if (Array.isArray(sample)) {
    return sample.length === 0 ? [] : (actual as unknown[]).flatMap((item, i) => shapeDiff(item, sample[0], `${path}[${i}]`));
  }
  if (kind(sample) !== 'object') return [];
  const s = sample as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const keys = Object.keys(s);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return Object.entries(a).flatMap(([k, v]) => (/^\d+$/.test(k) ? shapeDiff(v, s[keys[0]!], `${path}.${k}`) : [`${path}.${k}: not a number key`]));
  }
  return keys.flatMap((k) => (k in a ? shapeDiff(a[k], s[k], `${path}.${k}`) : [`${path}.${k}: missing`]));
}

export const CHECKS: Check[] = [
  {
    id: 'CT-001',
    must: 'MUST refuse bad input with its code before any upstream call',
    cases: (p) =>
      p.badInputs.map((bad) => ({
        name: bad.label,
        async run({ gw, proxy }) {
          const before = proxy.requests.length;
          expect(codes(await gw.post(bad.document, bad.variables))).toContain(bad.code);
          expect(proxy.requests.length).toBe(before);
        },
      })),
  },
  {
    id: 'CT-002',
    must: 'MUST answer an operation the provider lacks with UNSUPPORTED_BY_PROVIDER: a userError for a mutation, a GraphQL error for a query (and never one it has)',
    cases: (p) =>
      (Object.keys(OPERATIONS) as Operation[]).map((op) => ({
        name: `${p.lacks.includes(op) ? 'lacks' : 'has'} ${op}`,
        async run({ gw }) {
          const r = await gw.post(OPERATIONS[op], { provider: p.provider });
          if (!p.lacks.includes(op)) return expect(codes(r)).not.toContain('UNSUPPORTED_BY_PROVIDER');
          if (OPERATIONS[op].startsWith('mutation')) {
            expect(r.body.errors).toBeUndefined();
            expect(userErrorCodes(r)).toEqual(['UNSUPPORTED_BY_PROVIDER']);
          } else {
            expect(r.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNSUPPORTED_BY_PROVIDER']);
          }
        },
      })),
  },
  {
    id: 'CT-003',
    must: 'MUST answer an upstream 401 with UPSTREAM_AUTH_FAILED, nothing of the upstream body in it',
    cases: () => [{ run: async (ctx) => expect(errorCode(await probeWith(ctx, answer(401)))).toBe('UPSTREAM_AUTH_FAILED') }],
  },
  {
    id: 'CT-004',
    must: 'MUST answer an upstream 429 with RATE_LIMITED and the Retry-After seconds as retryAfterSeconds, nothing of the upstream body in it',
    cases: () => [
      {
        async run(ctx) {
          // Beyond any call's deadline, so that the gateway does not wait for it.
          const error = (await probeWith(ctx, answer(429, { 'retry-after': '120' }))).body.errors?.[0];
          expect(error?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 120 });
        },
      },
    ],
  },
  {
    id: 'CT-005',
    must: 'MUST answer an unreadable upstream answer (HTTP 200, not its format) with UPSTREAM_ERROR, nothing of the upstream body in it',
    cases: () => [
      {
        async run(ctx) {
          const html: Fault = { kind: 'answer', status: 200, body: `<html><body>${UPSTREAM_BODY}</body></html>`, headers: { 'content-type': 'text/html' } };
          expect(errorCode(await probeWith(ctx, html))).toBe('UPSTREAM_ERROR');
        },
      },
    ],
  },
  {
    id: 'CT-014',
    must: 'MUST answer UPSTREAM_ERROR for an answer in the provider’s format whose text the store cannot keep (a NUL in every string value), not INTERNAL',
    cases: () => [
      {
        async run(ctx) {
          // Every JSON string value (not key) ends in an escaped NUL.
          const nul: Fault = { kind: 'rewrite', edit: (body) => body.replace(/"((?:[^"\\]|\\.)*)"(\s*[,}\]])/g, '"$1\\u0000"$2') };
          expect(errorCode(await probeWith(ctx, nul))).toBe('UPSTREAM_ERROR');
        },
      },
    ],
  },
  {
    id: 'CT-006',
    must: 'MUST deliver a call placed in the simulator on callEvents',
    cases: (p) =>
      p.placeCall
        ? [
            {
              async run({ gw }) {
                const sub = subscribe(gw.ws(), CALL_EVENTS, { provider: p.provider });
                await sub.ready;
                const placed = await p.placeCall!(gw);
                let event;
                do event = (await sub.next(10_000)).callEvents;
                while (event.providerCallId !== placed.providerCallId);
                sub.stop();
                expect(event).toEqual({ provider: p.provider, providerCallId: placed.providerCallId, from: placed.from });
              },
            },
          ]
        : [],
  },
  {
    id: 'CT-007',
    must: 'MUST NOT publish a repeated webhook again, and MUST answer the repeat as it answered the first',
    cases: (p) =>
      p.callWebhook
        ? [
            {
              async run({ gw }) {
                const callId = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
                const sub = subscribe(gw.ws(), CALL_EVENTS, { provider: p.provider });
                await sub.ready;
                const delivery = p.callWebhook!(callId);
                const first = await deliver(gw, p.slug, delivery);
                expectAccepted(p, delivery, first);
                expect(await deliver(gw, p.slug, delivery)).toEqual(first);
                const events = [(await sub.next()).callEvents, ...(await sub.drain(300)).map((e) => e.callEvents)];
                sub.stop();
                expect(events.filter((e) => e.providerCallId === callId)).toHaveLength(1);
              },
            },
          ]
        : [],
  },
  {
    id: 'CT-008',
    must: 'MUST refuse a webhook with a wrong token with 401 in the route’s own format, keeping nothing',
    cases: (p) => [
      {
        name: 'every route is listed',
        async run({ gw }) {
          const { providers } = (await gw.post('{ providers { provider webhookEvents } }')).body.data as { providers: Array<{ provider: string; webhookEvents: string[] }> };
          expect(p.routes.map((r) => r.event).sort()).toEqual(providers.find((s) => s.provider === p.provider)!.webhookEvents.sort());
        },
      },
      ...p.routes.map((route) => ({
        name: route.event,
        async run({ gw }: Context) {
          let refused = { status: 0, text: '' };
          const changed = await counted(gw, p, route.event, async () => (refused = await deliver(gw, p.slug, route.sample, WRONG_TOKEN)));
          expect(refused.status).toBe(401);
          expect(JSON.parse(refused.text)).toMatchObject(route.refusal);
          expect(refused.text).not.toContain(WRONG_TOKEN);
          expect(changed).toEqual({ unauthorized: 1 });
        },
      })),
    ],
  },
  {
    id: 'CT-009',
    must: 'MUST accept and keep each vendor sample webhook',
    cases: (p) =>
      p.vendorWebhooks.map((sample) => ({
        name: sample.name,
        async run({ gw }) {
          let reply = { status: 0, text: '' };
          const changed = await counted(gw, p, sample.delivery.event, async () => (reply = await deliver(gw, p.slug, sample.delivery)));
          expectAccepted(p, sample.delivery, reply);
          // Kept: applied, or held until what it refers to is known.
          expect(Object.entries(changed)).toEqual([[expect.stringMatching(/^(applied|unmatched)$/), 1]]);
        },
      })),
  },
  {
    id: 'CT-010',
    must: 'MUST (the simulator) accept each vendor sample request and answer it in the shape the vendor page shows',
    cases: (p) =>
      p.vendorRequests.map((sample) => ({
        name: sample.name,
        async run() {
          const got = await sample.send();
          expect(got.status).toBe(sample.status);
          expect(shapeDiff(got.body, sample.documented)).toEqual([]);
        },
      })),
  },
  {
    id: 'CT-011',
    outage: true,
    must: 'MUST answer an upstream 500, 502 or 503 with UPSTREAM_UNAVAILABLE, nothing of the upstream body in it',
    cases: () =>
      [500, 502, 503].map((status) => ({
        name: String(status),
        run: async (ctx: Context) => expect(errorCode(await probeWith(ctx, answer(status)))).toBe('UPSTREAM_UNAVAILABLE'),
      })),
  },
  {
    id: 'CT-012',
    outage: true,
    must: 'MUST NOT retry a call that changes something: one upstream request after a 503 or a reset',
    cases: (p) =>
      p.nonIdempotent.flatMap((call) =>
        (
          [
            ['503', answer(503)],
            ['reset', { kind: 'reset' }],
          ] as const
        ).map(([label, fault]) => ({
          name: `${call.label} after ${label}`,
          async run(ctx: Context) {
            const { answer: r, hits } = await faulted(ctx, call, fault);
            expect(hits).toBe(1);
            expect(['UPSTREAM_UNAVAILABLE', 'OUTCOME_UNKNOWN']).toContain(errorCode(r));
          },
        })),
      ),
  },
  {
    id: 'CT-013',
    outage: true,
    must: 'MUST stop calling a provider that keeps answering 500: after at most 10 failing calls, calls fail as UPSTREAM_UNAVAILABLE without reaching it',
    cases: (p) => [
      {
        async run({ gw, proxy }) {
          const start = proxy.requests.length;
          const hits = () => proxy.requests.length - start;
          proxy.add({ ...p.probe.rule, fault: answer(500), forward: false });
          const calls: Array<{ code?: string; hits: number }> = [];
          for (let i = 0; i < 14; i++) calls.push({ code: errorCode(await p.probe.send(gw)), hits: hits() });
          proxy.clear();
          expect(calls.map((c) => c.code)).toEqual(Array(14).fill('UPSTREAM_UNAVAILABLE'));
          const opened = calls.findIndex((c, i) => c.hits === (calls[i - 1]?.hits ?? 0));
          expect(opened).toBeGreaterThan(0);
          expect(opened).toBeLessThanOrEqual(10);
          expect(calls.slice(opened).every((c) => c.hits === calls[opened - 1]!.hits)).toBe(true);
        },
      },
    ],
  },
];

/**
 * The four providers as the contract suite (suite.ts) knows them: how to start each simulator
 * behind a fault proxy and point a LIVE gateway at it, what each lacks, which of its calls
 * change something, how to make a call happen, its webhook routes and the vendor pages' own
 * samples (in test/fixtures/<provider>/, each named with its page section).
 *
 * The only file of the suite that imports from src/datasources: when the provider folders move,
 * only the imports and the simulator types here change. A fifth provider is one more entry.
 */
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { expect } from 'vitest';
import { avanserModule } from '../../src/datasources/avanser/module.js';
import type { AvanserSimulator } from '../../src/datasources/avanser/simulator.js';
import { delaconModule } from '../../src/datasources/delacon/module.js';
import type { DelaconSimulator } from '../../src/datasources/delacon/simulator.js';
import { exotelModule } from '../../src/datasources/exotel/module.js';
import type { ExotelSimulator } from '../../src/datasources/exotel/simulator.js';
import { voipInnovationsModule } from '../../src/datasources/voipinnovations/module.js';
import type { Simulator } from '../../src/sandbox/simulator.js';
import { behindProxy } from '../helpers/fault-proxy.js';
import type { TestGateway } from '../helpers/gateway.js';
import type { Delivery, ProviderContract, SimAnswer, Upstream } from './suite.js';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const json = (path: string): unknown => JSON.parse(fixture(path));

/** Start a simulator and a fault proxy in front of it; `env` gives the gateway its LIVE settings for the proxy. */
async function behindFaultProxy<Live extends object>(sim: Simulator<Live>, env: (live: Live) => Record<string, string>): Promise<Upstream> {
  const { proxy, live } = await behindProxy(sim);
  return {
    env: env(live),
    proxy,
    async close() {
      await proxy.close();
      await sim.close();
    },
  };
}

// Provider time at 1/100: a call's pushes come within a few hundred ms, and the vendor's
// allocation sample (a 600 s policy) outlives the few cases that use it.
const simDeps = (webhookUrl: (event: string) => string) => ({ log: pino({ level: 'silent' }), timeScale: 0.01, webhookUrl });

/** A request to a simulator, its JSON answer read. */
async function call(url: string, method: string, headers: Record<string, string>, body?: string): Promise<SimAnswer> {
  const res = await fetch(url, { method, headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

/** GraphQL data, or a failure naming the errors. */
function data<T>(r: { body: { data?: unknown; errors?: unknown } }): T {
  if (r.body.errors || !r.body.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.body.errors)}`);
  return r.body.data as T;
}

const PROVISION = 'mutation($input: ProvisionNumbersInput!) { provisionNumbers(input: $input) { orders { status } userErrors { code } } }';
const UPDATE_SERVICE = 'mutation($input: UpdateServiceInput!) { updateService(input: $input) { userErrors { code } } }';
const SEARCH = 'query($provider: Provider!, $filter: NumberSearchInput!) { availableNumbers(provider: $provider, filter: $filter) { edges { node { e164 } } } }';
const RESERVE = 'mutation($input: NumbersInput!) { reserveNumbers(input: $input) { userErrors { code } } }';
const ALLOCATE = 'mutation($input: AllocateGreenVNInput!) { allocateGreenVN(input: $input) { allocation { id greenVN } userErrors { code } } }';
const UPDATE_PARTIES = 'mutation($input: UpdateAllocationPartiesInput!) { updateAllocationParties(input: $input) { userErrors { code } } }';
const REASSIGN = 'mutation($input: ReassignGreenVNInput!) { reassignGreenVN(input: $input) { userErrors { code } } }';

const any = expect.any(String);

function delacon(): ProviderContract {
  let sim: DelaconSimulator;
  const callStart = fixture('delacon/call-start.json');
  return {
    provider: 'DELACON',
    slug: 'delacon',
    async start(webhookUrl) {
      sim = (await delaconModule.startSimulator(simDeps(webhookUrl))) as DelaconSimulator;
      return behindFaultProxy(sim, (live) => ({ DELACON_AUTH_TOKEN: live.authToken, DELACON_BASE_URL: live.baseUrl }));
    },
    lacks: ['availableNumbers', 'availableNumberCount', 'portability', 'portDetails', 'reserveNumbers', 'releaseNumbers'],
    badInputs: [
      { label: 'no numbers ordered', document: PROVISION, variables: { input: { provider: 'DELACON', delacon: { companyId: '999', count: 0 } } }, code: 'VALIDATION_FAILED' },
      {
        label: 'a termination number outside the region',
        document: PROVISION,
        variables: {
          input: {
            provider: 'DELACON',
            delacon: { businessName: 'B', businessCategory: 'C', email: 'a@b.example', terminationNumber: '+442079460000', region: 'AUSTRALIA', numberType: '02', count: 1, acceptTerms: true },
          },
        },
        code: 'INVALID_NUMBER',
      },
      { label: 'an SMS message over 160 characters', document: UPDATE_SERVICE, variables: { input: { provider: 'DELACON', serviceRef: '999', delacon: { smsMessage: 'x'.repeat(161) } } }, code: 'VALIDATION_FAILED' },
    ],
    // A region nothing else asks for: Delacon's number types are cached once read.
    probe: { rule: { method: 'POST', path: /\/rest\/config\/getnumbertypes\// }, send: (gw) => gw.post('{ numberTypes(region: NEW_ZEALAND) { key } }') },
    nonIdempotent: [
      {
        label: 'Create Customer',
        rule: { method: 'POST', path: /\/rest\/config\/provision$/ },
        send: (gw) => gw.post(PROVISION, { input: { provider: 'DELACON', delacon: { companyId: sim.seed.companyId, count: 1 } } }),
      },
    ],
    async placeCall() {
      const from = '+61412345678';
      const placed = await sim.simulateIncomingCall({ to: sim.seed.numbers[0]!, from, outcome: 'ANSWERED', durationSeconds: 5 });
      await sim.drain();
      return { providerCallId: placed.providerCallId, from };
    },
    callWebhook: (callId) => ({ event: 'calls', method: 'POST', contentType: 'application/json', body: callStart.replace('"1122334"', `"${callId}"`) }),
    routes: [
      // The reply's keys are the page's (Live Call Data Push §Overview, third block).
      {
        event: 'calls',
        sample: { event: 'calls', method: 'POST', contentType: 'application/json', body: callStart },
        accepted: { PLA_Call_Id: any, success: 'true', error: '' },
        refusal: { PLA_Call_Id: any, success: 'false', error: any },
      },
      {
        event: 'orders',
        sample: { event: 'orders', method: 'POST', contentType: 'application/x-www-form-urlencoded', body: fixture('delacon/post-provisioning-response.txt') },
        accepted: { RESULT: 'ACCEPTED' },
        refusal: { RESULT: 'FAIL', MESSAGE: any },
      },
    ],
    vendorWebhooks: [
      {
        name: 'call start',
        source: 'Live Call Data Push §Overview, first block',
        delivery: { event: 'calls', method: 'POST', contentType: 'application/json', body: callStart },
      },
      {
        // Not valid JSON on the page: it ends with a trailing comma.
        name: 'call end',
        source: 'Live Call Data Push §Overview, second block',
        delivery: { event: 'calls', method: 'POST', contentType: 'application/json', body: fixture('delacon/call-end.txt') },
      },
    ],
    vendorRequests: [
      {
        // The page gives the request as its URL only; the sample answer is Japan's.
        name: 'Get Region Number Types for Japan',
        source: 'Provisioning API §Get Region Number Types',
        send: () => call(`${sim.live.baseUrl}/rest/config/getnumbertypes/Japan`, 'POST', { auth: sim.live.authToken }),
        status: 200,
        documented: (json('delacon/responses.json') as { numberTypes: { ok: unknown } }).numberTypes.ok,
      },
    ],
    notApplicable: {},
    gaps: {},
  };
}

function avanser(): ProviderContract {
  let sim: AvanserSimulator;
  const report = json('avanser/call-report.json') as Record<string, string>;
  // The page shows the Call-URI report's parameters one per line: on the wire they are a GET query.
  const callReport = (callid = report.callid!): Delivery => ({ event: 'calls', method: 'GET', query: { ...report, callid } });
  const confirmation = (name: string): Delivery => ({ event: 'requests', method: 'POST', contentType: 'application/json', body: fixture(`avanser/${name}`) });
  const api = (method: string, path: string, body?: string) => call(`${sim.live.baseUrl}/v1${path}`, method, basic(sim.live.username, sim.live.password), body);
  return {
    provider: 'AVANSER',
    slug: 'avanser',
    async start(webhookUrl) {
      sim = (await avanserModule.startSimulator(simDeps(webhookUrl))) as AvanserSimulator;
      return behindFaultProxy(sim, (live) => ({ AVANSER_USERNAME: live.username, AVANSER_PASSWORD: live.password, AVANSER_BASE_URL: live.baseUrl }));
    },
    lacks: ['availableNumberCount', 'numberTypes', 'portability', 'portDetails', 'reserveNumbers', 'releaseNumbers'],
    badInputs: [
      { label: 'a filter AVANSER cannot search by', document: SEARCH, variables: { provider: 'AVANSER', filter: { state: 'NSW' } }, code: 'UNSUPPORTED_FILTER' },
      { label: 'a latitude out of range', document: SEARCH, variables: { provider: 'AVANSER', filter: { latitude: 100, longitude: 0 } }, code: 'VALIDATION_FAILED' },
      {
        label: 'a number listed twice',
        document: PROVISION,
        variables: { input: { provider: 'AVANSER', avanser: { numbers: ['+61280740802', '+61280740802'], name: 'x', serviceType: 'VOICEMAIL' } } },
        code: 'DUPLICATE_NUMBERS',
      },
      {
        label: 'a transfer without an answer point',
        document: PROVISION,
        variables: { input: { provider: 'AVANSER', avanser: { numbers: ['+61280740802'], name: 'x', serviceType: 'TRANSFER' } } },
        code: 'VALIDATION_FAILED',
      },
    ],
    probe: { rule: { method: 'GET', path: /\/v1\/numbers/ }, send: (gw) => gw.post(SEARCH, { provider: 'AVANSER', filter: { szu: 'sydney' } }) },
    nonIdempotent: [
      {
        label: 'new service request',
        rule: { method: 'POST', path: /\/v1\/requests$/ },
        send: (gw) => gw.post(PROVISION, { input: { provider: 'AVANSER', avanser: { numbers: ['+61280740802'], name: 'contract', serviceType: 'VOICEMAIL' } } }),
      },
    ],
    async placeCall() {
      // A service the sandbox account starts with.
      const from = '+61405061663';
      const placed = await sim.simulateIncomingCall({ to: '+61399998888', from, outcome: 'ANSWERED', durationSeconds: 5 });
      await sim.drain();
      return { providerCallId: placed.providerCallId, from };
    },
    callWebhook: (callId) => callReport(callId),
    routes: [
      // AVANSER documents no reply: any 200 is taken as accepted.
      { event: 'requests', sample: confirmation('callback-by-number.json'), accepted: { ok: true }, refusal: { ok: false, error: any } },
      { event: 'calls', sample: callReport(), accepted: { ok: true }, refusal: { ok: false, error: any } },
    ],
    vendorWebhooks: [
      { name: 'confirmation of a request by number', source: 'Telco API §Confirmation Callback (first)', delivery: confirmation('callback-by-number.json') },
      { name: 'confirmation of a request by SZU', source: 'Telco API §Confirmation Callback (second)', delivery: confirmation('callback-by-szu.json') },
      { name: 'confirmation of a service update', source: 'Telco API §Submit a service update, Confirmation Callback', delivery: confirmation('callback-update.json') },
      { name: 'Call-URI report', source: 'Telco API §Call-URI reports', delivery: callReport() },
    ],
    vendorRequests: [
      {
        name: 'stock search for Sydney',
        source: 'Telco API §Request available numbers for Sydney',
        send: () => api('GET', '/numbers?country=AU&szu=sydney'),
        status: 200,
        documented: json('avanser/search-sydney.json'),
      },
      {
        name: 'new service by number',
        source: 'Telco API §Submit Request (first)',
        send: () => api('POST', '/requests', fixture('avanser/request-by-number.json')),
        status: 200,
        documented: json('avanser/ack-by-number.json'),
      },
      {
        name: 'new service by SZU',
        source: 'Telco API §Submit Request (second)',
        send: () => api('POST', '/requests', fixture('avanser/request-by-szu.json')),
        status: 200,
        documented: json('avanser/ack-by-szu.json'),
      },
      {
        name: 'service update',
        source: 'Telco API §Submit a service update',
        send: () => api('POST', '/services/61280740801', fixture('avanser/update-request.json')),
        status: 200,
        documented: json('avanser/ack-update.json'),
      },
    ],
    notApplicable: {},
    gaps: {},
  };
}

function exotel(): ProviderContract {
  let sim: ExotelSimulator;
  let n = 0;
  /** An Indian mobile number no other case uses. */
  const party = () => `+9198110${String(++n).padStart(5, '0')}`;
  async function allocate(gw: TestGateway): Promise<{ id: string; greenVN: string; from: string }> {
    const from = party();
    const { allocateGreenVN } = data<{ allocateGreenVN: { allocation: { id: string; greenVN: string } } }>(
      await gw.post(ALLOCATE, { input: { aPartyNumbers: [from], bPartyNumbers: [party()], usage: 'TWO_WAY' } }),
    );
    return { ...allocateGreenVN.allocation, from };
  }
  /** The allocation the probe and the changing calls work on, made once per gateway (each has its own store). */
  const held = new WeakMap<TestGateway, Promise<{ id: string }>>();
  const allocationId = async (gw: TestGateway) => {
    if (!held.has(gw)) held.set(gw, allocate(gw));
    return (await held.get(gw)!).id;
  };
  /** The vendor's requests run in turn on the allocation the first one makes. */
  let vendorRef = '';
  const api = async (method: string, path: string, body?: string) => {
    const { tenantSid, apiKey, apiToken, baseUrl } = sim.live;
    return call(`${baseUrl}/v1/tenants/${tenantSid}/greenvn${path}`, method, basic(apiKey, apiToken), body);
  };
  const callEvent = fixture('exotel/call-event.json');
  const posted = (event: string, body: string): Delivery => ({ event, method: 'POST', contentType: 'application/json', body });
  return {
    provider: 'EXOTEL',
    slug: 'exotel',
    async start(webhookUrl) {
      sim = (await exotelModule.startSimulator(simDeps(webhookUrl))) as ExotelSimulator;
      return behindFaultProxy(sim, (live) => ({ EXOTEL_TENANT_SID: live.tenantSid, EXOTEL_API_KEY: live.apiKey, EXOTEL_API_TOKEN: live.apiToken, EXOTEL_BASE_URL: live.baseUrl }));
    },
    lacks: ['availableNumbers', 'availableNumberCount', 'numberTypes', 'portability', 'portDetails', 'provisionNumbers', 'reserveNumbers', 'releaseNumbers', 'updateService'],
    badInputs: [
      { label: 'the same number on both parties', document: ALLOCATE, variables: { input: { aPartyNumbers: ['+919811099001'], bPartyNumbers: ['+919811099001'], usage: 'TWO_WAY' } }, code: 'SAME_NUMBER_BOTH_PARTIES' },
      {
        label: 'a region Exotel does not have',
        document: ALLOCATE,
        variables: { input: { aPartyNumbers: ['+919811099002'], bPartyNumbers: ['+919811099003'], usage: 'TWO_WAY', preferences: { region: 'XX' } } },
        code: 'REGION_NOT_SUPPORTED',
      },
      {
        label: 'a number twice in one party',
        document: ALLOCATE,
        variables: { input: { aPartyNumbers: ['+919811099004', '+919811099004'], bPartyNumbers: ['+919811099005'], usage: 'TWO_WAY' } },
        code: 'DUPLICATE_NUMBERS',
      },
    ],
    // Exotel has no read the gateway makes on demand: updating the parties reaches it on every call (sent once, never repeated).
    probe: { rule: { method: 'PUT', path: /\/call-party$/ }, send: async (gw) => gw.post(UPDATE_PARTIES, { input: { allocationId: await allocationId(gw), bPartyNumbers: [party()] } }) },
    // Creating an allocation is retried once on purpose: Exotel refuses a second one under the same connection id.
    nonIdempotent: [
      { label: 'update VN', rule: { method: 'PUT', path: /\/vn$/ }, send: async (gw) => gw.post(REASSIGN, { input: { allocationId: await allocationId(gw) } }) },
      {
        label: 'update parties',
        rule: { method: 'PUT', path: /\/call-party$/ },
        send: async (gw) => gw.post(UPDATE_PARTIES, { input: { allocationId: await allocationId(gw), bPartyNumbers: [party()] } }),
      },
    ],
    async placeCall(gw) {
      const { greenVN, from } = await allocate(gw);
      const placed = await sim.simulateIncomingCall({ to: greenVN, from, outcome: 'ANSWERED', durationSeconds: 5 });
      await sim.drain();
      return { providerCallId: placed.providerCallId, from };
    },
    callWebhook: (callId) => posted('calls', JSON.stringify({ ...JSON.parse(callEvent), call_sid: callId })),
    routes: [
      // Exotel documents no reply: any 2xx is taken as accepted.
      { event: 'calls', sample: posted('calls', callEvent), accepted: { status: 'ok' }, refusal: { status: 'error', reason: any } },
      { event: 'deallocations', sample: posted('deallocations', fixture('exotel/deallocation-event.json')), accepted: { status: 'ok' }, refusal: { status: 'error', reason: any } },
      // Built from the page's field table (the page shows no JSON for it).
      { event: 'verifications', sample: posted('verifications', fixture('exotel/verification-success.json')), accepted: { status: 'ok' }, refusal: { status: 'error', reason: any } },
    ],
    vendorWebhooks: [
      { name: 'call event', source: 'Lead Assist GreenVN §Call event callback, first sample', delivery: posted('calls', callEvent) },
      { name: 'call event with insights', source: 'Lead Assist GreenVN §Call event callback, second sample', delivery: posted('calls', fixture('exotel/call-event-insights.json')) },
      { name: 'deallocation event', source: 'Lead Assist GreenVN §Deallocation callback', delivery: posted('deallocations', fixture('exotel/deallocation-event.json')) },
    ],
    vendorRequests: [
      {
        name: 'create',
        source: 'Lead Assist GreenVN §Create GreenVN allocation (curl)',
        async send() {
          const got = await api('POST', '', fixture('exotel/create-request.json'));
          vendorRef = (got.body as { data?: { greenvn_id?: string } }).data?.greenvn_id ?? 'none';
          return got;
        },
        status: 200,
        documented: json('exotel/create-response.json'),
      },
      { name: 'get', source: 'Lead Assist GreenVN §Get GreenVN allocation', send: () => api('GET', `/${vendorRef}`), status: 200, documented: json('exotel/get-response.json') },
      {
        // The page masks its numbers (`+91995XXXXX40`): Exotel answers invalid numbers with code 16, in the page's error envelope.
        name: 'update parties (masked numbers)',
        source: 'Lead Assist GreenVN §Update call parties',
        send: () => api('PUT', `/${vendorRef}/call-party`, fixture('exotel/update-parties-request.json')),
        status: 400,
        documented: json('exotel/error-duplicate-connection.json'),
      },
      {
        name: 'update VN',
        source: 'Lead Assist GreenVN §Update GreenVN',
        send: () => api('PUT', `/${vendorRef}/vn`, fixture('exotel/update-vn-request.json')),
        status: 200,
        documented: json('exotel/update-vn-response.json'),
      },
      { name: 'delete', source: 'Lead Assist GreenVN §Delete GreenVN allocation', send: () => api('DELETE', `/${vendorRef}`), status: 200, documented: json('exotel/delete-response.json') },
    ],
    notApplicable: {},
    gaps: {},
  };
}

function voipInnovations(): ProviderContract {
  const soapAction = (operation: string) => ({ soapaction: new RegExp(`/${operation}"`) });
  return {
    provider: 'VOIP_INNOVATIONS',
    slug: 'voipinnovations',
    async start(webhookUrl) {
      const sim = await voipInnovationsModule.startSimulator(simDeps(webhookUrl));
      return behindFaultProxy(sim, (live) => ({ VOIPINNOVATIONS_LOGIN: live.login, VOIPINNOVATIONS_SECRET: live.secret, VOIPINNOVATIONS_URL: live.url }));
    },
    lacks: ['numberTypes'],
    badInputs: [
      { label: 'a search without criteria', document: SEARCH, variables: { provider: 'VOIP_INNOVATIONS', filter: {} }, code: 'VALIDATION_FAILED' },
      { label: 'a filter VoIP Innovations cannot search by', document: SEARCH, variables: { provider: 'VOIP_INNOVATIONS', filter: { prefix: '435' } }, code: 'UNSUPPORTED_FILTER' },
      { label: 'a number outside North America', document: RESERVE, variables: { input: { provider: 'VOIP_INNOVATIONS', numbers: ['+61280740802'] } }, code: 'INVALID_NUMBER' },
      {
        label: 'no endpoint group',
        document: PROVISION,
        variables: { input: { provider: 'VOIP_INNOVATIONS', voipInnovations: { numbers: ['+14352151002'], endpointGroup: 0 } } },
        code: 'VALIDATION_FAILED',
      },
    ],
    probe: { rule: { headers: soapAction('getDIDs') }, send: (gw) => gw.post(SEARCH, { provider: 'VOIP_INNOVATIONS', filter: { state: 'UT' } }) },
    nonIdempotent: [
      {
        label: 'reserveDID (first step of provisioning)',
        rule: { headers: soapAction('reserveDID') },
        send: (gw) => gw.post(PROVISION, { input: { provider: 'VOIP_INNOVATIONS', voipInnovations: { numbers: ['+14352151002'], endpointGroup: 8674 } } }),
      },
    ],
    routes: [],
    vendorWebhooks: [],
    vendorRequests: [],
    notApplicable: {
      'CT-006': 'VoIP Innovations sends no call webhooks: calls go straight to the account’s endpoint groups',
      'CT-007': 'VoIP Innovations sends no webhooks',
      'CT-009': 'VoIP Innovations sends no webhooks',
      'CT-010': 'the vendor page (API 3.0 wiki) shows no sample payloads: its parameter tables are elided',
      'CT-014': 'SOAP answers are XML 1.0, which cannot carry a NUL (the parser drops `&#0;`)',
    },
    gaps: {},
  };
}

export const PROVIDERS: ProviderContract[] = [delacon(), avanser(), exotel(), voipInnovations()];

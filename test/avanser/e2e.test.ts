/**
 * AVANSER end to end: GraphQL in, the sandbox AVANSER on loopback, its callbacks and call
 * reports through the gateway's real webhook routes, and out again on the subscriptions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvanserClient } from '../../src/datasources/avanser/client.js';
import type { AvanserSimulator } from '../../src/datasources/avanser/simulator.js';
import {
  AvanserOnCallDocument,
  AvanserProvisionDocument,
  AvanserServiceDocument,
  AvanserServicesDocument,
  AvanserStockDocument,
  NumbersAtDocument,
  OnNumberUpdatedDocument,
  OnOrderUpdatedDocument,
  OrderByIdDocument,
  SimulateIncomingCallDocument,
  UpdateServiceDocument,
  type AvanserProvisionInput,
  type NumberSearchInput,
  type OnOrderUpdatedSubscription,
} from '../generated/graphql.js';
import { startTestGateway, subscribe, WEBHOOK_TOKEN, type Subscription, type TestGateway } from '../helpers/gateway.js';
import { capturingLog, silentLog } from './helpers.js';

const { log, lines } = capturingLog();
let gw: TestGateway;
let sim: AvanserSimulator;
beforeAll(async () => {
  gw = await startTestGateway({}, log);
  sim = gw.running.registry.entry('AVANSER').simulator as AvanserSimulator;
});
afterAll(async () => {
  await gw?.close();
});

const SETTINGS = { name: 'Sydney sales', customId: 'cust-42', customGroup: 'sales', answerPoint: '+61401603859', answerPointName: 'Front desk', recordCalls: true };
type Order = OnOrderUpdatedSubscription['orderUpdated'];

async function stock(filter: NumberSearchInput) {
  const { availableNumbers } = await gw.request(AvanserStockDocument, { filter });
  return availableNumbers.edges.map((e) => e.node);
}

const provision = async (input: Partial<AvanserProvisionInput>) => (await gw.request(AvanserProvisionDocument, { input: { ...SETTINGS, ...input } })).provisionNumbers;

/** Subscribe to AVANSER orders, run `act`, and wait for that order to leave PENDING. */
async function settled<T>(act: () => Promise<T>, orderOf: (result: T) => { id: string }, timeoutMs = 5_000): Promise<{ result: T; order: Order; sub: Subscription<OnOrderUpdatedSubscription> }> {
  const sub = subscribe(gw.ws(), OnOrderUpdatedDocument, { filter: { provider: 'AVANSER' } });
  await sub.ready;
  const result = await act();
  const { id } = orderOf(result);
  for (;;) {
    const { orderUpdated } = await sub.next(timeoutMs);
    if (orderUpdated.id === id && orderUpdated.status !== 'PENDING') return { result, order: orderUpdated, sub };
  }
}

/** Provision one service and wait for its confirmation. */
async function provisioned(input: Partial<AvanserProvisionInput>) {
  const { result, order, sub } = await settled(() => provision(input), (p) => p.orders[0]!);
  sub.stop();
  return { payload: result, order };
}

/** The number as numbers(provider: AVANSER) lists it. */
const numberAt = async (e164: string) => (await gw.request(NumbersAtDocument, { provider: 'AVANSER' })).numbers.edges.map((e) => e.node).find((n) => n.e164 === e164);

const receiptsFor = async (requestId: string) => (await gw.running.store.receipts.list('AVANSER', 'requests')).filter((r) => r.event_key?.includes(requestId));

/** Callbacks kept back by the simulator while `fn` runs, released afterwards (late, harmless). */
async function withHeldCallbacks(fn: () => Promise<void>) {
  sim.holdCallbacks(true);
  try {
    await fn();
  } finally {
    sim.holdCallbacks(false);
    await sim.releaseHeldCallbacks();
  }
}

describe('availableNumbers', () => {
  it('searches AVANSER stock by SZU, prefix, location, coordinates and class, showing kind and pool', async () => {
    expect(await stock({ szu: 'sydney' })).toEqual([
      { e164: '+61280740802', national: '0280740802', kind: 'GEOGRAPHIC', pool: 'PRIVATE', region: 'NSW: Sydney', status: 'AVAILABLE', capabilities: ['VOICE'] },
      expect.objectContaining({ e164: '+61280740805', pool: 'PRIVATE' }),
      expect.objectContaining({ e164: '+61296301234', region: 'NSW: Parramatta', pool: 'PRIVATE' }),
    ]);
    expect((await stock({ prefix: '0882' })).map((n) => [n.e164, n.region, n.pool])).toEqual([['+61882001234', 'SA: Adelaide', 'PUBLIC']]);
    expect((await stock({ country: 'AU', location: 'Perth' })).map((n) => n.e164)).toEqual(['+61892001234']);
    expect((await stock({ latitude: -27.47, longitude: 153.02, kind: 'LANDLINE' })).map((n) => [n.e164, n.kind])).toEqual([['+61738001234', 'GEOGRAPHIC']]);
    // AVANSER's TOLLFREE class (13/1300) is local rate; its FREECALL class (1800) is free to the caller.
    expect((await stock({ kind: 'LOCAL_RATE' })).map((n) => [n.e164, n.kind, n.pool])).toEqual([
      ['+611300123456', 'LOCAL_RATE', 'PUBLIC'],
      ['+611300654321', 'LOCAL_RATE', 'PUBLIC'],
    ]);
    expect((await stock({ kind: 'TOLL_FREE' })).map((n) => [n.e164, n.kind])).toEqual([['+611800123456', 'TOLL_FREE']]);
    // The deprecated names search the same numbers and are answered with the current ones.
    expect(await stock({ kind: 'FREECALL' })).toEqual(await stock({ kind: 'TOLL_FREE' }));
    expect(await stock({ kind: 'LANDLINE', szu: 'sydney' })).toEqual(await stock({ kind: 'GEOGRAPHIC', szu: 'sydney' }));
    expect((await stock({ kind: 'MOBILE' })).map((n) => [n.e164, n.kind, n.pool, n.capabilities])).toEqual([
      ['+61481000101', 'MOBILE', 'PRIVATE', ['VOICE', 'SMS']],
      ['+61481000102', 'MOBILE', 'PRIVATE', ['VOICE', 'SMS']],
    ]);
  });

  it('refuses a filter AVANSER cannot search by', async () => {
    const res = await gw.post(AvanserStockDocument, { filter: { state: 'NSW' } });
    expect(res.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNSUPPORTED_FILTER' }) })]);
  });

  it('falls back on public stock once private stock is used up; strict private does not', async () => {
    expect((await stock({ kind: 'TOLL_FREE' })).map((n) => [n.e164, n.pool])).toEqual([['+611800123456', 'PRIVATE']]);
    const { payload } = await provisioned({ search: { type: 'NUMBER_TYPE', kind: 'TOLL_FREE' } });
    expect(payload.orders.map((o) => o.serviceRef)).toEqual(['+611800123456']);
    expect((await stock({ kind: 'TOLL_FREE' })).map((n) => [n.e164, n.pool])).toEqual([['+611800654321', 'PUBLIC']]);

    sim.setStockMode('AU', 'FREECALL', 'STRICT_PRIVATE');
    try {
      expect(await stock({ kind: 'TOLL_FREE' })).toEqual([]);
      const refused = await provision({ search: { type: 'NUMBER_TYPE', kind: 'TOLL_FREE' } });
      expect(refused.orders).toEqual([]);
      expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'NO_NUMBER_AVAILABLE' })]);
    } finally {
      sim.setStockMode('AU', 'FREECALL', 'PRIVATE');
    }
  });
});

describe('provisionNumbers', () => {
  it('a number outside Australia is searched in its own country when none is given (no AU default over it)', async () => {
    const result = await provision({ numbers: ['+442079460100'] });
    expect(result.userErrors).toEqual([]);
    expect(result.orders[0]).toMatchObject({ status: 'PENDING', serviceRef: '+442079460100' });
  });

  it('a specific number: PENDING with its service, completed by the confirmation callback on orderUpdated', async () => {
    const { result, order } = await settled(() => provision({ numbers: ['+61280740802'], missedCallNotifications: { emails: ['ops@example.com.au'] } }), (p) => p.orders[0]!);
    expect(result.userErrors).toEqual([]);
    // AVANSER has acknowledged the request, not activated the number.
    expect(result.numbers).toEqual([expect.objectContaining({ e164: '+61280740802', ok: true, status: 'PENDING' })]);
    const pending = result.orders[0]!;
    expect(pending).toMatchObject({ provider: 'AVANSER', kind: 'PROVISION', status: 'PENDING', serviceRef: '+61280740802', numbers: ['+61280740802'] });
    expect(pending.providerRef).toMatch(/^[0-9a-f]{40}$/);
    expect(pending.service).toMatchObject({ providerRef: '+61280740802', name: 'Sydney sales', destination: '+61401603859', customId: 'cust-42', customGroup: 'sales' });
    expect(pending.service!.settings).toContainEqual({ key: 'status', value: 'pending' });

    expect(order).toMatchObject({ id: pending.id, status: 'COMPLETED', message: 'Request completed successfully' });
    expect(order.history.map((h) => h.status)).toEqual(['PENDING', 'COMPLETED']);
    // AVANSER's own words: its acknowledgement carries no status word, the confirmation `completed` and the account.
    expect(pending).toMatchObject({ providerStatus: null, accountId: null });
    expect(order).toMatchObject({ providerStatus: 'completed', accountId: '7001' });
    expect((await gw.request(OrderByIdDocument, { id: pending.id })).order).toMatchObject({ providerStatus: 'completed', accountId: '7001' });
    // The callback, not a poll, settled it: its receipt was applied.
    expect((await receiptsFor(pending.providerRef!)).map((r) => r.status)).toEqual(['applied']);
    expect((await gw.request(AvanserServiceDocument, { serviceRef: '+61280740802' })).service!.settings).toContainEqual({ key: 'status', value: 'active' });

    // AVANSER was given the gateway's own webhook URLs for this service.
    const held = (await new AvanserClient(sim.live, { log: silentLog, timeoutMs: 2_000 }).listServices()).find((s) => s.service_number === '61280740802');
    const gateway = (uri: string | undefined) => {
      const u = new URL(uri!);
      return [u.port, u.pathname, u.searchParams.get('token')];
    };
    expect(gateway(held?.call_uri)).toEqual([new URL(gw.url).port, '/webhooks/avanser/calls', WEBHOOK_TOKEN]);
    expect(gateway(held?.callback_uri)).toEqual([new URL(gw.url).port, '/webhooks/avanser/requests', WEBHOOK_TOKEN]);

    const { service } = await gw.request(AvanserServiceDocument, { serviceRef: '+61280740802' });
    expect(service).toMatchObject({ id: pending.service!.id, name: 'Sydney sales', destination: '+61401603859', destinationName: 'Front desk', recording: true, customId: 'cust-42' });
    expect(service!.settings).toEqual(expect.arrayContaining([{ key: 'status', value: 'active' }, { key: 'missedCallEmails', value: 'ops@example.com.au' }]));
    expect(JSON.stringify(service)).not.toContain(WEBHOOK_TOKEN);
  });

  it('by search, with the service settings', async () => {
    const { payload, order } = await provisioned({ search: { type: 'COORDINATES', latitude: -33.815, longitude: 151.0 }, serviceType: 'VOICEMAIL', answerPoint: undefined, recordCalls: false });
    expect(payload.orders.map((o) => [o.status, o.serviceRef])).toEqual([['PENDING', '+61296301234']]);
    expect(order.status).toBe('COMPLETED');
    const { service } = await gw.request(AvanserServiceDocument, { serviceRef: '+61296301234' });
    expect(service).toMatchObject({ name: 'Sydney sales', recording: false, destination: null });
    expect(service!.settings).toContainEqual({ key: 'type', value: 'voicemail' });
  });

  it('a late callback: the poller completes the order, the callback arriving after changes nothing', async () => {
    await withHeldCallbacks(async () => {
      const { result, order, sub } = await settled(() => provision({ search: { type: 'LOCATION', location: 'Brisbane' } }), (p) => p.orders[0]!, 8_000);
      const ref = result.orders[0]!.providerRef!;
      // The poller's reading of AVANSER's status; the request list carries no account id.
      expect(order).toMatchObject({ status: 'COMPLETED', serviceRef: '+61738001234', message: 'Request completed successfully', providerStatus: 'completed', accountId: null });
      expect(await receiptsFor(ref)).toEqual([]);
      // Read back before the order settled: the stored service is the active one, as a callback would have said.
      const [stored] = await gw.running.store.services.byRefs([{ provider: 'AVANSER', providerRef: '+61738001234' }]);
      expect(stored?.settings.status).toBe('active');
      await sim.releaseHeldCallbacks();
      expect((await receiptsFor(ref)).map((r) => r.status)).toEqual(['applied']);
      expect(await sub.drain(300)).toEqual([]);
      expect(await numberAt('+61738001234')).toMatchObject({ status: 'ACTIVE' });
      sub.stop();
    });
  });

  it('a failing activation (answer point in 0491 570) fails the order with AVANSER’s message', async () => {
    const { order } = await provisioned({ search: { type: 'LOCATION', location: 'Perth' }, answerPoint: '+61491570156' });
    expect(order).toMatchObject({ status: 'FAILED', serviceRef: '+61892001234', message: 'Request failed: the answer point did not answer the activation test' });
    expect((await gw.request(AvanserServiceDocument, { serviceRef: '+61892001234' })).service).toBeNull();
    expect((await stock({ location: 'Perth' })).map((n) => n.e164)).toEqual(['+61892001234']);
  });
});

describe('a number follows its order', () => {
  /** The numberUpdated events of one number while `act` runs, until it leaves PENDING. */
  async function statuses(e164: string, act: () => Promise<unknown>): Promise<string[]> {
    const sub = subscribe(gw.ws(), OnNumberUpdatedDocument, { filter: { provider: 'AVANSER', e164 } });
    await sub.ready;
    await act();
    const seen: string[] = [];
    while (seen.at(-1) === undefined || seen.at(-1) === 'PENDING') seen.push((await sub.next()).numberUpdated.status);
    sub.stop();
    return seen;
  }

  it('PENDING while AVANSER activates it, ACTIVE once the order completed', async () => {
    let order: Order | undefined;
    const seen = await statuses('+61481000101', async () => {
      const { payload, order: settledOrder } = await provisioned({ numbers: ['+61481000101'] });
      expect(payload.numbers).toEqual([expect.objectContaining({ e164: '+61481000101', ok: true, status: 'PENDING' })]);
      order = settledOrder;
    });
    expect(order?.status).toBe('COMPLETED');
    expect(seen).toEqual(['PENDING', 'ACTIVE']);
    expect(await numberAt('+61481000101')).toMatchObject({ status: 'ACTIVE', provider: 'AVANSER' });
  });

  it('a failed activation releases it: numbers(provider: AVANSER) shows it RELEASED, back in AVANSER’s stock', async () => {
    const seen = await statuses('+611300123456', async () => {
      const { order } = await provisioned({ numbers: ['+611300123456'], answerPoint: '+61491570157' });
      expect(order.status).toBe('FAILED');
    });
    expect(seen).toEqual(['PENDING', 'RELEASED']);
    expect(await numberAt('+611300123456')).toMatchObject({ status: 'RELEASED' });
    expect((await stock({ kind: 'LOCAL_RATE' })).map((n) => n.e164)).toContain('+611300123456');
  });
});

describe('the confirmation callback', () => {
  const confirm = (query: Record<string, string>) => fetch(`${gw.url}/webhooks/avanser/requests?${new URLSearchParams({ token: WEBHOOK_TOKEN, ...query })}`);

  it('is accepted as a GET query', async () => {
    await withHeldCallbacks(async () => {
      const { result, order, sub } = await settled(
        async () => {
          const p = await provision({ search: { type: 'LOCATION', location: 'Adelaide' } });
          const res = await confirm({ request_id: p.orders[0]!.providerRef!, service_number: '61882001234', status: 'completed', message: 'Activated (GET)' });
          expect(res.status).toBe(200);
          return p;
        },
        (p) => p.orders[0]!,
      );
      sub.stop();
      expect(order).toMatchObject({ id: result.orders[0]!.id, status: 'COMPLETED', message: 'Activated (GET)' });
    });
  });

  it('is accepted as POST JSON, correlated by service number when the request id is unknown (mismatch logged)', async () => {
    await withHeldCallbacks(async () => {
      const other = 'f'.repeat(40);
      const { result, order, sub } = await settled(
        async () => {
          const p = await provision({ search: { type: 'PREFIX', prefix: '039' } });
          const res = await gw.webhook('avanser/requests', { request_id: other, service_number: '61390001234', status: 'completed', message: 'Activated (POST)', answer_point: '61401603859' });
          expect(res.status).toBe(200);
          return p;
        },
        (p) => p.orders[0]!,
      );
      sub.stop();
      expect(order).toMatchObject({ id: result.orders[0]!.id, serviceRef: '+61390001234', status: 'COMPLETED', message: 'Activated (POST)' });
      expect(lines).toContainEqual(expect.objectContaining({ msg: 'order settled by service despite a different provider reference', expected: result.orders[0]!.providerRef, got: other }));
    });
  });
});

describe('services and updateService', () => {
  it('lists the account’s services', async () => {
    const { services } = await gw.request(AvanserServicesDocument, {});
    const byRef = new Map(services.edges.map((e) => [e.node.providerRef, e.node]));
    expect(byRef.get('+61280740801')).toMatchObject({ provider: 'AVANSER', name: 'service #1', destination: '+61401603859', recording: true, customId: 'custom_id #1' });
    expect(byRef.get('+61399998888')).toMatchObject({ name: 'Melbourne after hours', recording: false });
  });

  it('updates answer point, recording and notifications asynchronously, confirmed on orderUpdated', async () => {
    const avanser = { answerPoint: '+61732001234', answerPointName: 'Brisbane desk', recordCalls: false, missedCallNotifications: { emails: ['ops@example.com.au'], smsNumbers: ['+61401603859'] } };
    const { result, order, sub } = await settled(
      async () => (await gw.request(UpdateServiceDocument, { input: { provider: 'AVANSER', serviceRef: '+61280740801', avanser } })).updateService,
      (u) => u.order!,
    );
    sub.stop();
    expect(result.order).toMatchObject({ kind: 'SERVICE_UPDATE', status: 'PENDING', serviceRef: '+61280740801' });
    expect(result.parts).toEqual([{ fields: ['answerPoint', 'answerPointName', 'recordCalls', 'missedCallNotifications'], applied: false, pending: true, code: null, message: 'Success' }]);
    expect(order).toMatchObject({ id: result.order!.id, status: 'COMPLETED' });

    const { service } = await gw.request(AvanserServiceDocument, { serviceRef: '+61280740801' });
    expect(service).toMatchObject({ name: 'service #1', destination: '+61732001234', destinationName: 'Brisbane desk', recording: false, customId: 'custom_id #1' });
    expect(service!.settings).toEqual(expect.arrayContaining([{ key: 'missedCallEmails', value: 'ops@example.com.au' }, { key: 'missedCallSms', value: '+61401603859' }]));
  });
});

describe('calls', () => {
  it('a call to a provisioned service number arrives on callEvents, linked to its service', async () => {
    const { payload } = await provisioned({ numbers: ['+61280740805'], customId: 'cust-77', customGroup: 'north' });
    const serviceId = payload.orders[0]!.service!.id;
    const sub = subscribe(gw.ws(), AvanserOnCallDocument, { filter: { serviceId } });
    await sub.ready;
    const { simulateIncomingCall } = await gw.request(SimulateIncomingCallDocument, { input: { to: '+61280740805', from: '+61405061663', outcome: 'ANSWERED', durationSeconds: 30 } });
    expect(simulateIncomingCall.provider).toBe('AVANSER');
    const { callEvents: call } = await sub.next();
    sub.stop();
    expect(call).toMatchObject({
      provider: 'AVANSER',
      providerCallId: simulateIncomingCall.providerCallId,
      status: 'ANSWERED',
      from: '+61405061663',
      to: '+61280740805',
      forwardedTo: '+61401603859',
      forwardedToName: 'Front desk',
      answeredBy: '+61401603859',
      answeredByName: 'Front desk',
      durationSeconds: 30,
      // The report's own custom id and group, and the account and switch call id.
      customId: 'cust-77',
      customGroup: 'north',
      providerAccount: expect.any(String),
      switchCallId: expect.stringMatching(/^ECS1-\d+\.\d+$/),
      serviceRef: '+61280740805',
      serviceName: 'Sydney sales',
      callerLocation: { description: 'Mobile', state: 'MOB', country: 'AU' },
      service: { id: serviceId, providerRef: '+61280740805', customId: 'cust-77', customGroup: 'north' },
    });
    expect(Date.parse(call.startedAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(call.endedAt!) - Date.parse(call.startedAt!)).toBe(30_000);
    // The report as AVANSER sent it, custom id and group included.
    expect(call.raw).toEqual({ report: expect.objectContaining({ callid: simulateIncomingCall.providerCallId, callstatus: 'avanser_answered_call', callcode: '1', custom_id: 'cust-77', custom_group: 'north' }) });
  });

  it('a missed call to a seeded sandbox service', async () => {
    await gw.request(AvanserServiceDocument, { serviceRef: '+61399998888' }); // the gateway learns of it
    const sub = subscribe(gw.ws(), AvanserOnCallDocument, { filter: { provider: 'AVANSER', number: '+61399998888' } });
    await sub.ready;
    await gw.request(SimulateIncomingCallDocument, { input: { to: '+61399998888', from: '+61298765432', outcome: 'MISSED' } });
    const { callEvents: call } = await sub.next();
    sub.stop();
    expect(call).toMatchObject({ status: 'MISSED', from: '+61298765432', answeredBy: null, durationSeconds: 0, callerLocation: { description: 'Sydney', state: 'NSW' } });
    expect(call.service).toMatchObject({ providerRef: '+61399998888', name: 'Melbourne after hours' });
  });
});

/**
 * Answers the gateway cannot read, for every provider and every operation: a fault proxy in
 * front of each simulator replaces the simulator's 200 with a body the mapping cannot rely on.
 * Each must fail as UPSTREAM_ERROR (never an empty list, never an order without a reference),
 * with the body in the log, cut short and without tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { avanserModule } from '../../src/datasources/avanser/module.js';
import { delaconModule } from '../../src/datasources/delacon/module.js';
import { exotelModule } from '../../src/datasources/exotel/module.js';
import type { ProviderModule, ProviderAdapter } from '../../src/datasources/provider.js';
import { soapEnvelope } from '../../src/datasources/voipinnovations/client.js';
import type { XmlObject } from '../../src/datasources/voipinnovations/wire.js';
import { voipInnovationsModule } from '../../src/datasources/voipinnovations/module.js';
import type { E164 } from '../../src/domain/model.js';
import { ErrorCode, GatewayError } from '../../src/errors.js';
import { capturingLog, silentLog } from '../avanser/helpers.js';
import { behindProxy, type FaultProxy } from '../helpers/fault-proxy.js';

const nowhere = (event: string) => `http://127.0.0.1:9/webhooks/x/${event}?token=unused-token-0123456789`;
const SECRET = 'leaked-webhook-token-0123456789';

interface Setup {
  port: ProviderAdapter;
  proxy: FaultProxy;
  lines: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

async function setUp(module: ProviderModule<any, any>): Promise<Setup> {
  const sim = await module.startSimulator({ log: silentLog, timeScale: 0.001, webhookUrl: nowhere });
  const { proxy, live } = await behindProxy(sim);
  const { log, lines } = capturingLog();
  const port = module.create(live, { log, timeoutMs: 2_000, webhookUrl: nowhere });
  return { port, proxy, lines, close: async () => (await proxy.close(), await sim.close()) };
}

const avanser = (response: unknown) => JSON.stringify({ '@transaction': { id: 'x', 'account-id': '7001' }, response });
const exotel = (data: unknown) => JSON.stringify({ success: true, status: 200, code: null, message: null, data });
const soap = (operation: string, result: XmlObject) => soapEnvelope({ [`${operation}Response`]: { '@_xmlns': 'http://tempuri.org/', [`${operation}Result`]: result } });
const provisionAvanser = { provider: 'AVANSER' as const, avanser: { numbers: ['+61280740802' as E164], name: 'x', serviceType: 'VOICEMAIL' as const } };
const allocation = { connectionId: 'c-1', aPartyNumbers: ['+919811000001' as E164], bPartyNumbers: ['+919876543210' as E164], usage: 'TWO_WAY' as const };

type Case = [operation: string, call: (p: ProviderAdapter) => Promise<unknown>, body: string];

const CASES: Array<[ProviderModule<any, any>, Case[]]> = [
  [
    avanserModule,
    [
      ['searchNumbers', (p) => p.searchNumbers!({ szu: 'sydney' }, 10), avanser(42)],
      ['searchNumbers', (p) => p.searchNumbers!({ szu: 'sydney' }, 10), avanser('no stock today')],
      ['searchNumbers', (p) => p.searchNumbers!({ szu: 'sydney' }, 10), avanser({ '61280740802': 'GEO' })],
      ['searchNumbers', (p) => p.searchNumbers!({ szu: 'sydney' }, 10), '<html>gateway error</html>'],
      ['provision', (p) => p.provision!(provisionAvanser), avanser({ message: 'Success', code: 200 })],
      ['provision', (p) => p.provision!(provisionAvanser), avanser({ request_id: 7, service_number: '61280740802' })],
      ['provision', (p) => p.provision!(provisionAvanser), avanser('ok')],
      ['orderStatus', (p) => p.orderStatus!('a'.repeat(40)), avanser([1])],
      ['updateService', (p) => p.updateService!({ provider: 'AVANSER', serviceRef: '+61280740801', avanser: { name: 'y' } }), avanser({ request_id: '' })],
      ['listServices', (p) => p.listServices!(), avanser([{ name: 'no number', callback_uri: `https://gw.example/webhooks/avanser/requests?token=${SECRET}` }])],
      ['getService', (p) => p.getService!('+61280740801'), avanser({ '61280740801': { name: 5 } })],
    ],
  ],
  [
    exotelModule,
    [
      ['allocate', (p) => p.allocate!(allocation), exotel(null)],
      ['allocate', (p) => p.allocate!(allocation), exotel({ greenvn_id: '', greenvn: '+918040001001' })],
      ['allocate', (p) => p.allocate!(allocation), exotel({ greenvn_id: 'a1', aparty_numbers: '+919811000001' })],
      ['getAllocation', (p) => p.getAllocation!('a1'), JSON.stringify('active')],
      ['updateParties', (p) => p.updateParties!('a1', { aPartyNumbers: ['+919811000002' as E164] }), exotel([{ greenvn_id: 'a1' }, { greenvn_id: 'a2' }])],
      ['reassign', (p) => p.reassign!('a1', {}), exotel({ greenvn_id: { id: 'a1' } })],
      ['deallocate', (p) => p.deallocate!('a1'), '[1, 2]'],
    ],
  ],
  [
    voipInnovationsModule,
    [
      ['searchNumbers', (p) => p.searchNumbers!({ state: 'UT' }, 10), soap('getDIDs', { responseMessage: 'Success' })],
      ['searchNumbers', (p) => p.searchNumbers!({ state: 'UT' }, 10), soap('getDIDs', { responseCode: '100', DIDLocators: { DIDLocator: [{ tn: { digits: '4352151002' } }] } })],
      ['countNumbers', (p) => p.countNumbers!({ state: 'UT' }, 'STATE'), soap('getDIDCount', { responseCode: '100', DIDCounts: { DIDCount: [{ didCount: { n: '5' } }] } })],
      ['ownedNumbers', (p) => p.ownedNumbers!(), soap('queryDID', { responseCode: '100' })],
      ['getNumber', (p) => p.getNumber!('+14352151001' as E164), soap('queryDID', { responseCode: '' })],
      ['reserveNumbers', (p) => p.reserveNumbers!(['+14355861001' as E164]), soap('reserveDID', { responseCode: '100', DIDs: { DID: [{ tn: '4355861001', statusCode: { code: '100' } }] } })],
      ['releaseNumbers', (p) => p.releaseNumbers!(['+14352151001' as E164]), '<html>not soap</html>'],
      ['checkPortability', (p) => p.checkPortability!(['+14155550100' as E164]), soap('isPortable', { IsPortable: 'true' })],
      ['portDetails', (p) => p.portDetails!(36623), soap('getPortDetails', { responseCode: '100', PortDetails: { id: '36623', dids: { PortDID: [{ tn: { x: '1' } }] } } })],
      ['provision', (p) => p.provision!({ provider: 'VOIP_INNOVATIONS', voipInnovations: { numbers: ['+14355861002' as E164], endpointGroup: 8674 } }), soap('reserveDID', {})],
      ['updateService', (p) => p.updateService!({ provider: 'VOIP_INNOVATIONS', serviceRef: '+14352151001', voipInnovations: { cnam: true } }), soap('queryDID', { responseCode: '100', DIDs: { DID: [{ tn: '4352151001', status: { a: 'b' } }] } })],
      ['listServices', (p) => p.listServices!(), soap('auditDIDs', { responseCode: { nested: '100' } })],
    ],
  ],
  [
    delaconModule,
    [
      ['numberTypes', (p) => p.numberTypes!('AUSTRALIA'), JSON.stringify({ NumberTypes: 'all of them' })],
      ['numberTypes', (p) => p.numberTypes!('JAPAN'), JSON.stringify({ Region: 'ja-jp', NumberTypes: [{ desc: 'no key' }] })],
      ['provision', (p) => p.provision!({ provider: 'DELACON', delacon: { companyId: '1001', count: 1 } }), JSON.stringify({ RESULT: 'WAIT', MESSAGE: 'received' })],
      ['provision', (p) => p.provision!({ provider: 'DELACON', delacon: { companyId: '1001', count: 1 } }), JSON.stringify({ RESULT: 'OK', OrderId: '53', CID: '1001' })],
      ['provision', (p) => p.provision!({ provider: 'DELACON', delacon: { companyId: '1001', count: 1 } }), '[]'],
      ['updateService', (p) => p.updateService!({ provider: 'DELACON', serviceRef: '1001', delacon: { whisper: true } }), JSON.stringify({ RESULT: 5 })],
    ],
  ],
];

describe.each(CASES)('%s', (module, cases) => {
  let t: Setup;
  beforeAll(async () => {
    t = await setUp(module);
  });
  afterAll(() => t.close());

  it.each(cases)('%s: an unreadable 200 is UPSTREAM_ERROR, logged cut short without tokens (%#)', async (_op, call, body) => {
    t.proxy.add({ fault: { kind: 'answer', status: 200, body }, times: 1 });
    const lines = t.lines.length;
    const err = await call(t.port).then(
      (value) => expect.unreachable(`taken as success: ${JSON.stringify(value)}`),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).code).toBe(ErrorCode.UPSTREAM_ERROR);
    expect((err as GatewayError).message).not.toContain(body.slice(0, 20));
    const logged = t.lines.slice(lines).find((l) => l.msg === 'upstream answer unreadable');
    expect(logged).toMatchObject({ provider: module.name, status: 200, problem: expect.any(String) });
    expect(String(logged!.body).length).toBeLessThanOrEqual(500);
    expect(JSON.stringify(t.lines)).not.toContain(SECRET);
  });
});

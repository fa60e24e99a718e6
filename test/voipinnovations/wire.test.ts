/** Envelopes in and out against recorded VoIP Innovations XML (test/fixtures/voipinnovations). */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  VoipInnovationsClient,
  didParams,
  readEnvelope,
  requestEnvelope,
  toDIDResponse,
  toPortResponse,
} from '../../src/datasources/voipinnovations/client.js';
import type { Operation } from '../../src/datasources/voipinnovations/wire.js';
import {
  aggregateCounts,
  dateOf,
  didToNumber,
  didToService,
  isDummy,
  locatorToNumber,
  outcomesOf,
  portDetailsOf,
} from '../../src/datasources/voipinnovations/mapping.js';
import { ErrorCode, GatewayError } from '../../src/errors.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/voipinnovations/${name}`, import.meta.url), 'utf8');
/** Structure with prefixes and attributes kept, whitespace between elements ignored. */
const structure = (xml: string) => new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml);

function didResponseOf(op: Operation, name: string) {
  const { result } = readEnvelope(op, fixture(name));
  expect(result).toBeDefined();
  return toDIDResponse(result!);
}

describe('request envelopes', () => {
  it('builds assignDID as the recorded request: login/secret first, DIDParams in WSDL order, values escaped', () => {
    const xml = requestEnvelope(
      'assignDID',
      'api-user',
      'p&ss<word>',
      didParams(
        [
          { tn: '4352154006', cnam: true, refId: 'ACME & Sons', endpointGroup: 8674 },
          { tn: '4352154007', endpointGroup: 8674 },
        ],
        'endpointId',
      ),
    );
    expect(structure(xml)).toEqual(structure(fixture('assign_did_request.xml')));
    expect(xml.indexOf('<login>')).toBeLessThan(xml.indexOf('<secret>'));
    expect(xml.indexOf('<secret>')).toBeLessThan(xml.indexOf('<didParams>'));
  });

  it('names the endpoint-group element after the configuration (epg for the old WSDL)', () => {
    const xml = requestEnvelope('configDID', 'u', 'p', didParams([{ tn: '4352154006', endpointGroup: 8675 }], 'epg'));
    expect(xml).toContain('<DIDParam><tn>4352154006</tn><epg>8675</epg></DIDParam>');
    expect(xml).not.toContain('endpointId');
  });

  it('sends a tn-only DIDParam for release', () => {
    expect(requestEnvelope('releaseDID', 'u', 'p', didParams([{ tn: '4352154974' }], 'endpointId'))).toContain(
      '<didParams><DIDParam><tn>4352154974</tn></DIDParam></didParams>',
    );
  });
});

describe('response envelopes', () => {
  it('reads assignDID: the endpoint group comes from the status text when endpointId is 0', () => {
    const res = didResponseOf('assignDID', 'assign_did.xml');
    expect(res.responseCode).toBe('100');
    expect(res.DIDs).toHaveLength(1);
    expect(res.DIDs[0]!.tn).toBe('4352154006');
    const [outcome] = outcomesOf(['+14352154006'], res.DIDs, 'ACTIVE', new Date());
    expect(outcome).toMatchObject({ e164: '+14352154006', ok: true, status: 'ACTIVE', message: "Assigned to endpoint '8674' rewritten as '4352154006' Tier 2" });
    expect(didToService({ ...res.DIDs[0]! }, '2024-01-01T00:00:00.000Z')?.destination).toBe('8674');
  });

  it('reads queryDID of an owned number', () => {
    const res = didResponseOf('queryDID', 'query_did.xml');
    const number = didToNumber(res.DIDs[0]!, 'AVAILABLE');
    expect(number).toMatchObject({
      provider: 'VOIP_INNOVATIONS',
      e164: '+14353198001',
      kind: 'GEOGRAPHIC',
      status: 'ACTIVE',
      tier: '1',
      serviceRef: '+14353198001',
      // An owned DID's cnam is the inbound caller-name lookup.
      capabilities: ['VOICE', 'T38', 'CNAM_LOOKUP'],
      details: { endpointGroup: '13550', network: 'Onvoy' },
    });
    expect(didToService(res.DIDs[0]!, '2024-01-01T00:00:00.000Z')).toMatchObject({ providerRef: '+14353198001', destination: '13550', settings: { cnam: 'true', t38: 'true', tier: '1' } });
  });

  it('reads the queryDID "no records" dummy row as no number', () => {
    const res = didResponseOf('queryDID', 'query_did_not_found.xml');
    expect(res.DIDs).toHaveLength(1);
    expect(isDummy(res.DIDs[0]!)).toBe(true);
    expect(didToNumber(res.DIDs[0]!)).toBeUndefined();
  });

  it('reads releaseDID 106231 as released', () => {
    const res = didResponseOf('releaseDID', 'release_did.xml');
    const [outcome] = outcomesOf(['+14352154974'], res.DIDs, 'RELEASED', new Date());
    expect(outcome).toMatchObject({ ok: true, status: 'RELEASED' });
    expect(outcome!.code).toBeUndefined();
  });

  it('reads the auditDIDs dummy row as an empty account, not a number', () => {
    const res = didResponseOf('auditDIDs', 'audit_dids_empty.xml');
    expect(res.DIDs.map((d) => didToNumber(d)).filter(Boolean)).toEqual([]);
    expect(res.DIDs.map((d) => didToService(d, '2024-01-01T00:00:00.000Z')).filter(Boolean)).toEqual([]);
  });

  it('reads reserveDID: a reservation lapses after 30 minutes', () => {
    const res = didResponseOf('reserveDID', 'reserve_did.xml');
    const now = new Date('2024-05-01T10:00:00Z');
    expect(outcomesOf(['+14358797726'], res.DIDs, 'RESERVED', now)[0]).toMatchObject({
      ok: true,
      status: 'RESERVED',
      reservedUntil: '2024-05-01T10:30:00.000Z',
    });
  });

  it('reads configDID', () => {
    const res = didResponseOf('configDID', 'config_did.xml');
    expect(outcomesOf(['+14352154006'], res.DIDs, 'ACTIVE', new Date())[0]).toMatchObject({ ok: true, status: 'ACTIVE' });
  });

  it('reads getDIDs locators, TF as toll-free, TNs kept as strings', () => {
    const res = didResponseOf('getDIDs', 'get_dids.xml');
    expect(res.DIDLocators.map(locatorToNumber)).toEqual([
      {
        provider: 'VOIP_INNOVATIONS', e164: '+14352151234', kind: 'GEOGRAPHIC', status: 'AVAILABLE', region: 'UT',
        // A locator's outboundCNAM: the number can send a caller name.
        capabilities: ['VOICE', 'T38', 'OUTBOUND_CNAM'], rateCenter: 'BRIGHAM CY', lata: '660', tier: '1',
      },
      {
        provider: 'VOIP_INNOVATIONS', e164: '+18772001234', kind: 'TOLL_FREE', status: 'AVAILABLE', region: undefined,
        capabilities: ['VOICE', 'SMS'], rateCenter: 'TOLL-FREE', lata: '0', tier: '1',
      },
    ]);
  });

  it('reads getDIDCount rows and sums them by the grouping', () => {
    const rows = didResponseOf('getDIDCount', 'get_did_count.xml').DIDCounts;
    expect(rows).toHaveLength(6);
    expect(aggregateCounts(rows, 'STATE')).toEqual([{ count: 110, state: 'UT' }]);
    expect(aggregateCounts(rows, 'RATE_CENTER')).toEqual([
      { count: 74, state: 'UT', rateCenter: 'BRIGHAM CY', lata: '660' },
      { count: 19, state: 'UT', rateCenter: 'CEDAR CITY', lata: '660' },
      { count: 17, state: 'UT', rateCenter: 'GLNCNYONCY', lata: '666' },
    ]);
    expect(aggregateCounts(rows, 'LATA')).toEqual([{ count: 93, lata: '660' }, { count: 17, lata: '666' }]);
    expect(aggregateCounts(rows, 'TIER')).toEqual([{ count: 89, tier: '1' }, { count: 20, tier: '4' }, { count: 1, tier: '777' }]);
  });

  it('reads a count past what GraphQL’s Int holds, or no whole count, as no more than the Int holds', () => {
    const row = (didCount: string) => ({ state: 'UT', didCount }) as (typeof rows)[number];
    const rows = didResponseOf('getDIDCount', 'get_did_count.xml').DIDCounts;
    for (const didCount of ['Infinity', '2.5', '-5', '1e3', 'x']) expect(aggregateCounts([row(didCount)], 'STATE')).toEqual([{ count: 0, state: 'UT' }]);
    expect(aggregateCounts([row('3000000000')], 'STATE')).toEqual([{ count: 0, state: 'UT' }]);
    expect(aggregateCounts([row('2000000000'), row('2000000000')], 'STATE')).toEqual([{ count: 2 ** 31 - 1, state: 'UT' }]);
  });

  it('reads only .NET dateTimes as dates: no V8 guesses, no day the calendar lacks', () => {
    expect(dateOf('2024-06-03T09:00:00')).toBe('2024-06-03T09:00:00.000Z');
    expect(dateOf('2024-06-03T09:00:00.5+10:00')).toBe('2024-06-02T23:00:00.500Z');
    expect(dateOf('2024-06-03')).toBe('2024-06-03T00:00:00.000Z');
    expect(dateOf('2024-02-29T00:00:00')).toBe('2024-02-29T00:00:00.000Z');
    for (const v of ['2024-02-30T00:00:00', '2023-02-29', '1', 'March 7', '0000-01-01', '2024-13-01', '2024-06-03 09:00:00', '']) expect(dateOf(v), v).toBeUndefined();
  });

  it('reads a port id or endpoint group past what GraphQL’s Int holds as none', () => {
    const res = toPortResponse(readEnvelope('getPortDetails', fixture('get_port_details.xml')).result!);
    expect(portDetailsOf({ ...res.PortDetails!, id: '3000000000' })).toBeNull();
    expect(portDetailsOf({ ...res.PortDetails!, id: '1e3' })).toBeNull();
    expect(portDetailsOf({ ...res.PortDetails!, defaultEndpointGroup: '99999999999' })?.defaultEndpointGroup).toBeUndefined();
  });

  it('reads isPortable: the placeholder PortDetails (id 0, nil dates) is no port order', () => {
    const res = toPortResponse(readEnvelope('isPortable', fixture('is_portable.xml')).result!);
    expect(res.IsPortable).toBe(true);
    expect(portDetailsOf(res.PortDetails)).toBeNull();
  });

  it('reads getPortDetails with nil and zone-less dates', () => {
    const res = toPortResponse(readEnvelope('getPortDetails', fixture('get_port_details.xml')).result!);
    expect(portDetailsOf(res.PortDetails)).toEqual({
      portId: 36623,
      status: 'PENDING SIGNATURE',
      endUser: 'Rob Richey',
      billingNumber: '+13125550101',
      portingFrom: 'AT&T',
      submittedAt: '2024-03-01T14:05:00.000Z',
      focAt: undefined,
      requestedFocAt: '2024-03-07T00:00:00.000Z',
      numbers: ['+13125550101'],
      // An empty salesRep is none; tier "0" is the port's own value, kept.
      salesRep: undefined,
      defaultEndpointGroup: 8674,
      numberDetails: [{ e164: '+13125550101', tier: '0', rateCenter: 'CHICAGO', state: 'IL', lata: '358', endpointGroup: 8674, cnamLookup: true, e911: true }],
    });
  });

  it('reads a SOAP fault', () => {
    expect(readEnvelope('getDIDs', fixture('soap_fault.xml'))).toEqual({ faultCode: 'soap:Client' });
  });

  it('reads nothing from a body that is not an envelope of the operation', () => {
    expect(readEnvelope('getDIDs', fixture('assign_did.xml'))).toEqual({});
    expect(readEnvelope('getDIDs', '<html>Service Unavailable</html>')).toEqual({});
  });
});

describe('the client over HTTP, replaying recorded answers', () => {
  let answer: { status: number; body: string };
  let seen: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let server: http.Server;
  let client: VoipInnovationsClient;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        res.writeHead(answer.status, { 'content-type': 'text/xml; charset=utf-8' });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/Services/APIService.asmx`;
    client = new VoipInnovationsClient({ login: 'api-user', secret: 's3cret', url, endpointField: 'endpointId' }, { log: pino({ level: 'silent' }), timeoutMs: 2_000 });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts SOAP 1.1 with the quoted SOAPAction and text/xml', async () => {
    seen = [];
    answer = { status: 200, body: fixture('assign_did.xml') };
    const res = await client.assignDID([{ tn: '4352154006', endpointGroup: 8674 }]);
    expect(res.DIDs[0]!.statusCode).toBe('100');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers.soapaction).toBe('"http://tempuri.org/assignDID"');
    expect(seen[0]!.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(seen[0]!.body).toContain('<assignDID xmlns="http://tempuri.org/"><login>api-user</login><secret>s3cret</secret>');
  });

  it('turns a soap:Client fault into UPSTREAM_ERROR without retrying a write', async () => {
    seen = [];
    answer = { status: 500, body: fixture('soap_fault.xml') };
    const err = await client.reserveDID([{ tn: '4352154006' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).code).toBe(ErrorCode.UPSTREAM_ERROR);
    expect((err as GatewayError).message).not.toContain('SOAPAction');
    expect(seen).toHaveLength(1);
  });

  it('turns 902 into UPSTREAM_AUTH_FAILED', async () => {
    answer = { status: 200, body: fixture('audit_dids_auth_failed.xml') };
    const err = await client.auditDIDs().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).code).toBe(ErrorCode.UPSTREAM_AUTH_FAILED);
  });

  it('hands business codes (948) back to the caller', async () => {
    answer = { status: 200, body: fixture('assign_did_bad_group.xml') };
    const res = await client.assignDID([{ tn: '4352154006', endpointGroup: 1 }]);
    expect(res).toMatchObject({ responseCode: '948', DIDs: [] });
  });

  it('refuses a 200 that is not the expected envelope', async () => {
    answer = { status: 200, body: '<html>maintenance</html>' };
    const err = await client.auditDIDs().catch((e: unknown) => e);
    expect((err as GatewayError).code).toBe(ErrorCode.UPSTREAM_ERROR);
  });
});

/** The simulator's own rules, spoken to in raw SOAP the way other clients (Kazoo, savon) do. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voipInnovationsModule } from '../../src/datasources/voipinnovations/module.js';
import { startVoipInnovationsSimulator, type VoipInnovationsSimulator } from '../../src/datasources/voipinnovations/simulator.js';

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
let sim: VoipInnovationsSimulator;

beforeAll(async () => {
  sim = await startVoipInnovationsSimulator({ log: pino({ level: 'silent' }), timeScale: 0.0005, webhookUrl: () => 'http://127.0.0.1:9/' });
});
afterAll(() => sim.close());

const parse = (xml: string) => new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: false }).parse(xml);

async function post(action: string | undefined, xml: string, contentType = 'text/xml; charset=utf-8') {
  const res = await fetch(sim.live.url, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(action === undefined ? {} : { soapaction: action }) },
    body: xml,
  });
  const text = await res.text();
  if (res.headers.get('content-type')?.startsWith('text/xml')) expect(XMLValidator.validate(text)).toBe(true);
  return { status: res.status, text, doc: res.headers.get('content-type')?.startsWith('text/xml') ? parse(text) : undefined };
}

/** A request the way the WSDL has it: default namespace on the operation element. */
const envelope = (op: string, inner: string, secret = sim.live.secret) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP11}"><soap:Body><${op} xmlns="http://tempuri.org/"><login>sandbox</login><secret>${secret}</secret>${inner}</${op}></soap:Body></soap:Envelope>`;
const call = (op: string, inner = '', secret?: string) => post(`"http://tempuri.org/${op}"`, envelope(op, inner, secret));
const result = (doc: any, op: string) => doc.Envelope.Body[`${op}Response`][`${op}Result`];
const fault = (doc: any) => doc.Envelope.Body.Fault;

describe('the SOAP endpoint', () => {
  it('serves a WSDL of the ten operations at ?wsdl', async () => {
    const res = await fetch(`${sim.live.url}?WSDL`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = parse(text);
    const defs = doc.definitions;
    expect(defs['@_targetNamespace']).toBe('http://tempuri.org/');
    const ops = defs.binding.operation.map((o: any) => [o['@_name'], o.operation['@_soapAction']]);
    expect(ops).toEqual(
      ['auditDIDs', 'queryDID', 'assignDID', 'getDIDs', 'configDID', 'releaseDID', 'reserveDID', 'isPortable', 'getDIDCount', 'getPortDetails'].map((op) => [op, `http://tempuri.org/${op}`]),
    );
    expect(defs.service.port.address['@_location']).toBe(sim.live.url);
    const didParam = defs.types.schema.complexType.find((t: any) => t['@_name'] === 'DIDParam');
    expect(didParam.sequence.element.map((e: any) => e['@_name'])).toEqual(['tn', 'cnam', 'refId', 'endpointId', 'epg']);
    const portDetail = defs.types.schema.complexType.find((t: any) => t['@_name'] === 'PortDetail');
    expect(portDetail.sequence.element.find((e: any) => e['@_name'] === 'focDate')).toMatchObject({ '@_type': 's:dateTime', '@_nillable': 'true' });
    const portId = defs.types.schema.element.find((e: any) => e['@_name'] === 'getPortDetails').complexType.sequence.element[2];
    expect(portId).toMatchObject({ '@_name': 'portId', '@_type': 's:int', '@_minOccurs': '1' });
  });

  it('answers other paths and methods the way IIS would', async () => {
    expect((await fetch(`${sim.baseUrl}/other.asmx`)).status).toBe(404);
    expect((await fetch(sim.live.url)).status).toBe(405);
    expect((await post('"http://tempuri.org/auditDIDs"', envelope('auditDIDs', ''), 'application/json')).status).toBe(415);
  });

  it('faults (soap:Client, HTTP 500) on a missing or unknown SOAPAction', async () => {
    for (const action of [undefined, '"http://tempuri.org/getDID"', '"http://example.com/auditDIDs"']) {
      const res = await post(action, envelope('auditDIDs', ''));
      expect(res.status).toBe(500);
      expect(fault(res.doc)).toMatchObject({ faultcode: 'soap:Client' });
    }
  });

  it('faults when the body element does not match the SOAPAction or its namespace', async () => {
    const mismatch = await post('"http://tempuri.org/auditDIDs"', envelope('queryDID', '<did>4352151001</did>'));
    expect(mismatch.status).toBe(500);
    expect(fault(mismatch.doc).faultstring).toContain('queryDID');
    const wrongNs = await post('"http://tempuri.org/auditDIDs"', envelope('auditDIDs', '').replace('http://tempuri.org/', 'http://example.com/'));
    expect(wrongNs.status).toBe(500);
    expect(fault(wrongNs.doc).faultcode).toBe('soap:Client');
  });

  it('faults on a SOAP 1.2 envelope and on malformed XML', async () => {
    const v12 = await post('"http://tempuri.org/auditDIDs"', envelope('auditDIDs', '').replace(SOAP11, 'http://www.w3.org/2003/05/soap-envelope'));
    expect(v12.status).toBe(500);
    expect(fault(v12.doc).faultcode).toBe('soap:VersionMismatch');
    const broken = await post('"http://tempuri.org/auditDIDs"', '<soap:Envelope><soap:Body><auditDIDs>');
    expect(broken.status).toBe(500);
    expect(fault(broken.doc).faultcode).toBe('soap:Client');
  });

  it('accepts prefixed, qualified elements in any order (Kazoo style) and ignores unqualified ones', async () => {
    const kazoo = (login: string) =>
      `<?xml version='1.0' encoding='UTF-8'?><env:Envelope xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xmlns:tns='http://tempuri.org/' xmlns:env='${SOAP11}'>` +
      `<env:Body><tns:queryDID><tns:did>4352151001</tns:did>${login}</tns:queryDID></env:Body></env:Envelope>`;
    const qualified = await post('http://tempuri.org/queryDID', kazoo(`<tns:login>sandbox</tns:login><tns:secret>${sim.live.secret}</tns:secret>`));
    expect(qualified.status).toBe(200);
    expect(result(qualified.doc, 'queryDID')).toMatchObject({ responseCode: '100', DIDs: { DID: { availability: 'assigned', endpointId: '8674' } } });
    // Unqualified children are in no namespace: XmlSerializer does not bind them, so no credentials.
    const unqualified = await post('http://tempuri.org/queryDID', kazoo(`<login>sandbox</login><secret>${sim.live.secret}</secret>`));
    expect(result(unqualified.doc, 'queryDID').responseCode).toBe('902');
  });

  it('answers 902 over HTTP 200 for a wrong secret, with every DIDResponse element present', async () => {
    const res = await call('auditDIDs', '', 'nope');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<auditDIDsResponse xmlns="http://tempuri.org/"><auditDIDsResult>');
    expect(result(res.doc, 'auditDIDs')).toEqual({
      responseCode: '902',
      responseMessage: 'Username/Password/IP not found',
      DIDs: '',
      DIDLocators: '',
      DIDCounts: '',
      DIDGroups: '',
      ConferenceLine: '',
    });
  });

  it('reports the account-wide conference line (Enabled, PIN) on every answer to the account', async () => {
    const { pin } = sim.account.conferenceLine;
    expect(pin).toMatch(/^\d{6}$/);
    expect(result((await call('auditDIDs', '')).doc, 'auditDIDs').ConferenceLine).toEqual({ Enabled: 'true', PIN: pin });
    sim.account.conferenceLine.enabled = false;
    try {
      expect(result((await call('getDIDs', '<state>WY</state>')).doc, 'getDIDs')).toMatchObject({ responseCode: '101', ConferenceLine: { Enabled: 'false', PIN: pin } });
    } finally {
      sim.account.conferenceLine.enabled = true;
    }
  });
});

describe('the DID rules', () => {
  it('getDIDs: 302490 without criteria, 101 when nothing matches, locators otherwise', async () => {
    expect(result((await call('getDIDs', '<state/><lata/><rateCenter/><npa/><nxx/><tier/><t38/><cnam/>')).doc, 'getDIDs').responseCode).toBe('302490');
    expect(result((await call('getDIDs', '<state>WY</state>')).doc, 'getDIDs').responseCode).toBe('101');
    // Kazoo's six-digit nxx (NPA-NXX) works too.
    const found = result((await call('getDIDs', '<nxx>877200</nxx><cnam>true</cnam>')).doc, 'getDIDs');
    expect(found.responseCode).toBe('100');
    expect(found.DIDLocators.DIDLocator.map((l: any) => l.tn)).toEqual(['8772001001', '8772001002', '8772001003']);
    expect(found.DIDLocators.DIDLocator[0]).toEqual({ tn: '8772001001', rateCenter: 'TOLL-FREE', state: 'TF', tier: '1', lataId: '0', outboundCNAM: 'true', t38: 'false', sms: 'false' });
  });

  it('getDIDCount: one row per rate center, tier and feature set, ordered by orderby', async () => {
    const rows = result((await call('getDIDCount', '<npa>435</npa><orderby>TIER</orderby>')).doc, 'getDIDCount').DIDCounts.DIDCount;
    expect(rows.map((r: any) => [r.tier, r.rateCenter, r.didCount])).toEqual([
      ['1', 'BRIGHAM CY', '5'],
      ['2', 'CEDAR CITY', '4'],
      ['4', 'PARK CITY', '3'],
      ['777', 'HEBER CITY', '2'],
    ]);
  });

  it('queryDID: a dummy 102420 row for unknown numbers, 944 for malformed ones', async () => {
    const unknown = result((await call('queryDID', '<did>4352159990</did>')).doc, 'queryDID');
    expect(unknown.responseCode).toBe('100');
    expect(unknown.DIDs.DID).toMatchObject({ tn: '', statusCode: '102420', tier: '-99999', availability: 'Unavailable' });
    expect(result((await call('queryDID', '<did>+14352151001</did>')).doc, 'queryDID').responseCode).toBe('944');
  });

  it('answers one DID per DIDParam, in request order, and 948 for a group the account does not own', async () => {
    const params = ['4352151006', '4352159990', '2122041002'].map((tn) => `<DIDParam><tn>${tn}</tn></DIDParam>`).join('');
    const reserved = result((await call('reserveDID', `<didParams>${params}</didParams>`)).doc, 'reserveDID');
    expect(reserved.DIDs.DID.map((d: any) => [d.tn, d.statusCode])).toEqual([
      ['4352151006', '100'],
      ['4352159990', '103420'],
      ['2122041002', '103235'],
    ]);
    const badGroup = result((await call('assignDID', '<didParams><DIDParam><tn>4352151006</tn><endpointId>1234</endpointId></DIDParam></didParams>')).doc, 'assignDID');
    expect(badGroup).toMatchObject({ responseCode: '948', DIDs: '' });
    // A missing endpoint group binds as 0: not the account's either.
    expect(result((await call('assignDID', '<didParams><DIDParam><tn>4352151006</tn></DIDParam></didParams>')).doc, 'assignDID').responseCode).toBe('948');
    expect(result((await call('assignDID', '<didParams><DIDParam><tn>435215</tn><epg>8674</epg></DIDParam></didParams>')).doc, 'assignDID').responseCode).toBe('944');
  });

  it('auditDIDs: a 101200 dummy row once nothing is owned', async () => {
    const release = '<didParams><DIDParam><tn>4352151001</tn></DIDParam><DIDParam><tn>8012241001</tn></DIDParam></didParams>';
    const released = result((await call('releaseDID', release)).doc, 'releaseDID');
    expect(released.DIDs.DID.map((d: any) => d.statusCode)).toEqual(['106231', '106231']);
    expect(sim.owns('+14352151001')).toBe(false);
    const audit = result((await call('auditDIDs')).doc, 'auditDIDs');
    expect(audit.responseCode).toBe('100');
    expect(audit.DIDs.DID).toMatchObject({ tn: '', statusCode: '101200', status: 'UNKNOWN', tier: '-99999' });
    // Released by this account and still in stock: releasing again reads "currently available".
    expect(result((await call('releaseDID', release)).doc, 'releaseDID').DIDs.DID[0].statusCode).toBe('106231');
  });

  it('isPortable and getPortDetails answer PortResponse', async () => {
    const portable = result((await call('isPortable', '<tn>3125550199</tn>')).doc, 'isPortable');
    expect(portable).toMatchObject({ responseCode: '100', IsPortable: 'true', PortDetails: { id: '0', submittedDate: { '@_nil': 'true' } } });
    expect(result((await call('isPortable', '<tn>9072000001</tn>')).doc, 'isPortable').IsPortable).toBe('false');
    expect(result((await call('isPortable', '<tn>12</tn>')).doc, 'isPortable').responseCode).toBe('944');
    const port = result((await call('getPortDetails', '<portId>36623</portId>')).doc, 'getPortDetails');
    expect(port.PortDetails).toMatchObject({ id: '36623', status: 'PENDING SIGNATURE', dids: { PortDID: { tn: '3125550101', endpointGroup: '8674' } } });
    expect(result((await call('getPortDetails', '<portId>5</portId>')).doc, 'getPortDetails').responseCode).toBe('101');
    const notInt = await call('getPortDetails', '<portId>abc</portId>');
    expect(notInt.status).toBe(500);
    expect(fault(notInt.doc).faultcode).toBe('soap:Client');
  });

  it('escapes what it echoes', async () => {
    const res = await post('"http://tempuri.org/<x>&"', envelope('auditDIDs', ''));
    expect(res.status).toBe(500);
    expect(res.text).toContain('&lt;x&gt;&amp;');
    expect(fault(res.doc).faultstring).toContain('<x>&');
  });
});

describe('variants and the sandbox surface', () => {
  it('[inferred] releaseDID success as 100 instead of 106231: our client reads both as released', async () => {
    const other = await startVoipInnovationsSimulator({ log: pino({ level: 'silent' }), timeScale: 0.0005, webhookUrl: () => 'http://127.0.0.1:9/' }, { variants: { releaseSuccess: '100' } });
    try {
      const release = `<didParams><DIDParam><tn>4352151001</tn></DIDParam></didParams>`;
      const res = await fetch(other.live.url, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"http://tempuri.org/releaseDID"' },
        body: envelope('releaseDID', release, other.live.secret),
      });
      expect(result(parse(await res.text()), 'releaseDID').DIDs.DID).toMatchObject({ tn: '4352151001', statusCode: '100', status: 'Number currently available' });
      const port = voipInnovationsModule.create(other.live, { log: pino({ level: 'silent' }), timeoutMs: 2000, webhookUrl: () => '' });
      expect(await port.releaseNumbers!(['+18012241001'])).toEqual([expect.objectContaining({ e164: '+18012241001', ok: true })]);
    } finally {
      await other.close();
    }
  });

  it('places no calls: VoIP Innovations sends no call webhooks', async () => {
    await expect(sim.simulateIncomingCall({ to: '+14352151001', from: '+12125550100', outcome: 'ANSWERED' })).rejects.toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER' });
    await sim.drain();
  });
});

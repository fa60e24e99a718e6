/**
 * A loopback VoIP Innovations `APIService.asmx`, written from the vendor's "API 3.0" page
 * (§3.1–3.10) and the public WSDL and fixtures the README cites, never from our client: SOAP
 * 1.1 with the real envelope, namespace and SOAPAction checks (ASP.NET-style faults over HTTP
 * 500), login/secret (902), a DID inventory by state / rate center / LATA / tier, 30-minute
 * reservations on the sandbox clock, endpoint groups, port orders, and the documented
 * response types and status codes. No callbacks: VoIP Innovations sends none.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type http from 'node:http';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { VoipInnovationsConfig } from './module.js';
import type { E164 } from '../../domain/model.js';
import { LoopbackSimulator, readText, refuseCall, type SimulatedCall, type SimulatedCallInput, type SimulatorDeps } from '../../sandbox/simulator.js';

/** The SOAP 1.1 envelope namespace and the service's target namespace (README, "SOAP"). */
const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const TNS = 'http://tempuri.org/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
/** The methods of the vendor page (§3.1–3.10), spelled as the WSDL spells them (case matters). */
const METHODS = ['auditDIDs', 'queryDID', 'assignDID', 'getDIDs', 'configDID', 'releaseDID', 'reserveDID', 'isPortable', 'getDIDCount', 'getPortDetails'] as const;
type Method = (typeof METHODS)[number];
/** §3.7: "reserve an available DID for a maximum of 30 minutes". */
const RESERVATION_MS = 30 * 60_000;

type XmlValue = string | XmlObject | XmlObject[];
interface XmlObject {
  [name: string]: XmlValue;
}

/** Where the README marks a fact inferred, the simulator can speak either variant. */
export interface VoipInnovationsVariants {
  /** releaseDID's per-DID success: `106231` "Number currently available" (the public fixture) or `100` [I]. */
  releaseSuccess: '106231' | '100';
}

const PATH = '/Services/APIService.asmx';
const NEVER = '1900-01-01T00:00:00';
/** NPAs without VoIP Innovations coverage: numbers there cannot be ported in. */
const NO_COVERAGE = new Set(['907', '808', '671', '684']);

export interface SimAccount {
  login: string;
  secret: string;
  /** Endpoint groups the account owns; `tollFree: false` ones cannot serve toll-free DIDs (258). */
  endpointGroups: Map<number, { name: string; tollFree: boolean }>;
  /** Tiers the account may buy (others: 259). */
  tiers: Set<string>;
  /** 800 origination (toll-free, 250) and standard origination (251). */
  tollFreeOrigination: boolean;
  standardOrigination: boolean;
  /** The account-wide conference bridge every DIDResponse reports (`ConferenceLine{Enabled, PIN}`). */
  conferenceLine: { enabled: boolean; pin: string };
}

interface SimDID {
  tn: string;
  state: string;
  rateCenter: string;
  lata: string;
  tier: string;
  t38: boolean;
  outboundCnam: boolean;
  sms: boolean;
  network: string;
  hold: 'none' | 'reserved' | 'assigned';
  /** Held by this account (else by "another company" when hold is not none). */
  mine: boolean;
  reservedAt?: number;
  cancelExpiry?: () => void;
  endpointGroup?: number;
  cnam: boolean;
  refId: string;
  releasedByUs?: boolean;
  /** Answers 221 "unknown error" to reserve and assign. */
  defect?: boolean;
}

interface SimPort {
  id: number;
  status: string;
  endUser: string;
  billingTN: string;
  portingFrom: string;
  submittedDate?: string;
  focDate?: string;
  requestedFocDate?: string;
  salesRep?: string;
  /** The WSDL's PortDID facts per number (tier, rate center, state, LATA, CNAM and E911 asked for). */
  dids: { tn: string; tier: string; rateCenter: string; state: string; lata: string; cnam: boolean; e911: boolean }[];
  endpointGroup: number;
}

type Failure = 'fault' | 'clientFault' | 900 | 901;
type Bound = string | { [name: string]: Bound | Bound[] };
type Args = Record<string, Bound | Bound[] | undefined>;
type Scope = Readonly<Record<string, string>>;

class Fault extends Error {
  constructor(
    readonly code: 'soap:Client' | 'soap:Server' | 'soap:VersionMismatch',
    message: string,
  ) {
    super(message);
  }
}

/** What failNext's faults say, as ASP.NET words them. */
const FAULTS = {
  fault: new Fault('soap:Server', 'Server was unable to process request. ---> Timeout expired.'),
  clientFault: new Fault('soap:Client', 'Server was unable to read request. ---> There is an error in XML document (1, 412).'),
};

// ---- Stock ----

/** [state, rate center, LATA, NPA-NXX, tier, features (t T.38, c outbound CNAM, s SMS), how many] */
const STOCK: Array<[string, string, string, string, string, string, number]> = [
  ['UT', 'BRIGHAM CY', '660', '435215', '1', 'tcs', 6],
  ['UT', 'CEDAR CITY', '660', '435586', '2', 'tc', 4],
  ['UT', 'PARK CITY', '660', '435649', '4', '', 3],
  ['UT', 'HEBER CITY', '660', '435654', '777', '', 2],
  ['UT', 'SALT LAKE', '660', '801224', '1', 'tcs', 5],
  ['NY', 'NWYRCYZN01', '132', '212204', '1', 'tcs', 4],
  ['NY', 'BROOKLYN', '132', '718230', '2', 'c', 3],
  ['TX', 'AUSTIN', '558', '512220', '1', 'ts', 4],
  ['CA', 'SN FRCNCS', '722', '415200', '2', 'tc', 3],
  ['TF', 'TOLL-FREE', '0', '877200', '1', 'c', 3],
  ['TF', 'TOLL-FREE', '0', '888200', '1', 'c', 2],
];

function seedInventory(): Map<string, SimDID> {
  const inventory = new Map<string, SimDID>();
  for (const [state, rateCenter, lata, npaNxx, tier, features, count] of STOCK) {
    for (let i = 1; i <= count; i++) {
      const tn = `${npaNxx}${String(1000 + i)}`;
      inventory.set(tn, {
        tn, state, rateCenter, lata, tier,
        t38: features.includes('t'), outboundCnam: features.includes('c'), sms: features.includes('s'),
        network: 'Onvoy', hold: 'none', mine: false, cnam: false, refId: '',
      });
    }
  }
  const set = (tn: string, patch: Partial<SimDID>) => Object.assign(inventory.get(tn)!, patch);
  // Owned by the account, so `numbers` shows something at start.
  set('4352151001', { hold: 'assigned', mine: true, endpointGroup: 8674 });
  set('8012241001', { hold: 'assigned', mine: true, endpointGroup: 8675, cnam: true, refId: 'front-desk' });
  // Held by other companies, released earlier, or broken.
  set('2122041001', { hold: 'reserved', mine: false });
  set('2122041002', { hold: 'assigned', mine: false });
  set('5122201001', { hold: 'assigned', mine: false, releasedByUs: true });
  set('4152001001', { defect: true });
  return inventory;
}

const PORTS: SimPort[] = [
  {
    id: 36623, status: 'PENDING SIGNATURE', endUser: 'Rob  Richey', billingTN: '3125550101', portingFrom: '', endpointGroup: 8674,
    dids: [{ tn: '3125550101', tier: '0', rateCenter: '', state: '', lata: '', cnam: false, e911: false }],
  },
  {
    id: 36624, status: 'FOC RECEIVED', endUser: 'Acme Dental', billingTN: '3055550123', portingFrom: 'AT&T',
    submittedDate: '2024-03-01T14:05:00', focDate: '2024-03-08T00:00:00', requestedFocDate: '2024-03-07T00:00:00',
    salesRep: 'Dana Porter', endpointGroup: 8675,
    dids: [
      { tn: '3055550123', tier: '1', rateCenter: 'MIAMI', state: 'FL', lata: '460', cnam: true, e911: true },
      { tn: '3055550124', tier: '2', rateCenter: 'MIAMI', state: 'FL', lata: '460', cnam: false, e911: false },
    ],
  },
];

// ---- XML in ----

const parser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: false,
  parseTagValue: false,
  isArray: (name) => name.endsWith('DIDParam'),
});

function scopeOf(node: unknown, parent: Scope): Scope {
  if (typeof node !== 'object' || node === null) return parent;
  let scope = parent;
  for (const [k, v] of Object.entries(node)) {
    // '@_xmlns' declares the default namespace, '@_xmlns:p' the prefix p.
    if (k === '@_xmlns' || k.startsWith('@_xmlns:')) scope = { ...scope, [k.slice(8)]: String(v) };
  }
  return scope;
}

interface Child {
  ns?: string;
  local: string;
  value: unknown;
  scope: Scope;
}

/** Element children with namespace-resolved names (an element's own xmlns applies to its name). */
function children(node: unknown, parent: Scope): Child[] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node)
    .filter(([k]) => !k.startsWith('@_') && !k.startsWith('?') && k !== '#text')
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((value) => {
      const scope = scopeOf(value, parent);
      const i = k.indexOf(':');
      return { ns: scope[i < 0 ? '' : k.slice(0, i)], local: k.slice(i + 1), value, scope };
    }));
}

/** What XmlSerializer binds: elements in http://tempuri.org/ by local name; others are ignored. */
function bind(value: unknown, scope: Scope): Bound {
  const kids = children(value, scope);
  if (kids.length === 0) {
    const text = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['#text'] : value;
    return text === undefined ? '' : String(text);
  }
  const out: Record<string, Bound | Bound[]> = {};
  for (const kid of kids.filter((k) => k.ns === TNS)) {
    const bound = bind(kid.value, kid.scope);
    if (kid.local === 'DIDParam') ((out.DIDParam ??= []) as Bound[]).push(bound);
    else out[kid.local] = bound;
  }
  return out;
}

/** Check the envelope and return the operation's arguments. */
function readRequest(operation: Method, xml: string): Args {
  if (XMLValidator.validate(xml) !== true) throw new Fault('soap:Client', 'Server was unable to read request. ---> There is an error in XML document (1, 1).');
  const [root, ...more] = children(parser.parse(xml), {});
  if (!root || more.length > 0 || root.local !== 'Envelope') throw new Fault('soap:Client', 'Server was unable to read request: the root element is not a SOAP Envelope.');
  if (root.ns !== SOAP_ENV) throw new Fault('soap:VersionMismatch', `Possible SOAP version mismatch: Envelope namespace ${root.ns ?? '(none)'} was unexpected. Expecting ${SOAP_ENV}.`);
  const body = children(root.value, root.scope).find((c) => c.local === 'Body' && c.ns === SOAP_ENV);
  const [call] = body ? children(body.value, body.scope) : [];
  if (!call) throw new Fault('soap:Client', 'Server was unable to read request: the SOAP Body is missing or empty.');
  if (call.local !== operation || call.ns !== TNS) {
    throw new Fault('soap:Client', `Server did not recognize the request element ${call.local} in namespace ${call.ns ?? '(none)'} for SOAPAction ${TNS}${operation}.`);
  }
  const args = bind(call.value, call.scope);
  return typeof args === 'string' ? {} : args;
}

const str = (v: Bound | Bound[] | undefined): string => (typeof v === 'string' ? v.trim() : '');
/** The child elements of a bound element; text (or nothing) has none. */
const argsOf = (v: Bound | Bound[] | undefined): Args => (typeof v === 'object' && !Array.isArray(v) ? v : {});
const isTrue = (v: string) => v === '1' || v.toLowerCase() === 'true';

// ---- XML out ----

// suppressBooleanAttributes would turn xsi:nil="true" into a bare (invalid) attribute.
const xmlOut = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true, suppressBooleanAttributes: false });

/** A SOAP 1.1 answer as ASMX writes one: the body element inside `soap:Envelope`/`soap:Body`. */
function envelope(body: XmlObject): string {
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP_ENV}" xmlns:xsi="${XSI}"><soap:Body>${xmlOut.build(body)}</soap:Body></soap:Envelope>`;
}

const nil = (v: string | undefined): string | XmlObject => v ?? { '@_xsi:nil': 'true' };
const list = (item: string, rows: XmlObject[]): string | XmlObject => (rows.length ? { [item]: rows } : '');

function didResponse(responseCode: string, responseMessage: string, rows: { DIDs?: XmlObject[]; DIDLocators?: XmlObject[]; DIDCounts?: XmlObject[] } = {}): XmlObject {
  return {
    responseCode,
    responseMessage,
    DIDs: list('DID', rows.DIDs ?? []),
    DIDLocators: list('DIDLocator', rows.DIDLocators ?? []),
    DIDCounts: list('DIDCount', rows.DIDCounts ?? []),
    DIDGroups: '',
    ConferenceLine: '',
  };
}

function portResponse(responseCode: string, responseMessage: string, port: SimPort | undefined, portable: boolean): XmlObject {
  const details: XmlObject = port
    ? {
        id: String(port.id), status: port.status, endUser: port.endUser, billingTN: port.billingTN, portingFrom: port.portingFrom, salesRep: port.salesRep ?? '',
        submittedDate: nil(port.submittedDate), focDate: nil(port.focDate), requestedFocDate: nil(port.requestedFocDate),
        dids: list('PortDID', port.dids.map((d) => ({
          tn: d.tn, tier: d.tier, rateCenter: d.rateCenter, state: d.state, lata: d.lata, endpointGroup: String(port.endpointGroup), cnam: String(d.cnam), e911: String(d.e911),
        }))),
        defaultEndpointGroup: String(port.endpointGroup),
      }
    : { id: '0', submittedDate: nil(undefined), focDate: nil(undefined), requestedFocDate: nil(undefined), defaultEndpointGroup: nil(undefined) };
  return { responseCode, responseMessage, PortDetails: details, IsPortable: String(portable) };
}

/** A DID row in WSDL order. */
function didRow(tn: string, statusCode: string, status: string, d?: SimDID, extra: { availability?: string; tier?: string; endpointId?: number; expireDate?: string; rewrite?: string } = {}): XmlObject {
  return {
    tn, availability: extra.availability ?? '', rewrite: extra.rewrite ?? '', status, statusCode, tier: extra.tier ?? d?.tier ?? '', refId: d?.refId ?? '',
    failover: '', forward: '', cnamName: '', state: d?.state ?? '', rateCenter: d?.rateCenter ?? '', didGroupId: '', Network: d?.network ?? '',
    endpointId: String(extra.endpointId ?? 0), expireDate: extra.expireDate ?? NEVER, has411: 'false', has911: 'false', cnam: String(d?.cnam ?? false),
    cnamStorageActive: 'false', cnamStorageAvailability: 'false', t38: String(d?.t38 ?? false),
  };
}

const dummyRow = (statusCode: string, status: string) => didRow('', statusCode, status, undefined, { availability: 'Unavailable', tier: '-99999' });

/** An owned DID as queryDID/auditDIDs show it. */
function assignedRow(d: SimDID): XmlObject {
  const status = `Number currently assigned to you with refid '${d.refId}' rewritten as '${d.tn}' to endpoint '${d.endpointGroup}'`;
  return didRow(d.tn, '100', status, d, { availability: 'assigned', rewrite: d.tn, endpointId: d.endpointGroup });
}

// ---- WSDL ----

const [S, I, B, D] = ['s:string', 's:int', 's:boolean', 's:dateTime'];
/** [name, type, flags: 1 required, n nillable, * repeated] */
type Field = [string, string, string?];
const SEARCH: Field[] = ['state', 'lata', 'rateCenter', 'npa', 'nxx', 'tier', 't38', 'cnam'].map((n) => [n, S]);
const DID_PARAMS: Field[] = [['didParams', 'tns:ArrayOfDIDParam']];
const METHOD_SCHEMA: Record<Method, [Field[], 'DIDResponse' | 'PortResponse']> = {
  auditDIDs: [[], 'DIDResponse'],
  queryDID: [[['did', S]], 'DIDResponse'],
  assignDID: [DID_PARAMS, 'DIDResponse'],
  getDIDs: [[...SEARCH, ['sms', S], ['network', S]], 'DIDResponse'],
  configDID: [DID_PARAMS, 'DIDResponse'],
  releaseDID: [DID_PARAMS, 'DIDResponse'],
  reserveDID: [DID_PARAMS, 'DIDResponse'],
  isPortable: [[['tn', S]], 'PortResponse'],
  getDIDCount: [[...SEARCH, ['orderby', S], ['sms', S], ['network', S]], 'DIDResponse'],
  getPortDetails: [[['portId', I, '1']], 'PortResponse'],
};
const TYPES: Record<string, Field[]> = {
  ArrayOfDIDParam: [['DIDParam', 'tns:DIDParam', 'n*']],
  // Both names of the endpoint-group field are accepted (epg in the old WSDL, endpointId now).
  DIDParam: [['tn', S], ['cnam', S], ['refId', S], ['endpointId', I], ['epg', I]],
  DIDResponse: [
    ['responseCode', I, '1'], ['responseMessage', S], ['DIDs', 'tns:ArrayOfDID'], ['DIDLocators', 'tns:ArrayOfDIDLocator'],
    ['DIDCounts', 'tns:ArrayOfDIDCount'], ['DIDGroups', 'tns:ArrayOfDIDGroup'], ['ConferenceLine', 'tns:ConferenceLine'],
  ],
  ArrayOfDID: [['DID', 'tns:DID', 'n*']],
  DID: [
    ...['tn', 'availability', 'rewrite', 'status', 'statusCode', 'tier', 'refId', 'failover', 'forward', 'cnamName', 'state', 'rateCenter', 'didGroupId', 'Network'].map((n): Field => [n, S]),
    ['endpointId', I, '1'], ['expireDate', D, 'n'],
    ...['has411', 'has911', 'cnam', 'cnamStorageActive', 'cnamStorageAvailability', 't38'].map((n): Field => [n, B, '1']),
  ],
  ArrayOfDIDLocator: [['DIDLocator', 'tns:DIDLocator', 'n*']],
  DIDLocator: [['tn', S], ['rateCenter', S], ['state', S], ['tier', S], ['lataId', I, '1'], ['outboundCNAM', B, '1'], ['t38', B, '1'], ['sms', B, '1']],
  ArrayOfDIDCount: [['DIDCount', 'tns:DIDCount', 'n*']],
  DIDCount: [['didCount', S], ['rateCenter', S], ['state', S], ['tier', S], ['lataId', I, '1'], ['cnam', B, '1'], ['t38', B, '1'], ['sms', B, '1']],
  ArrayOfDIDGroup: [['DIDGroup', 'tns:DIDGroup', 'n*']],
  DIDGroup: [['Name', S], ['ID', I, '1']],
  ConferenceLine: [['Enabled', B, '1'], ['PIN', S]],
  PortResponse: [['responseCode', I, '1'], ['responseMessage', S], ['PortDetails', 'tns:PortDetail'], ['IsPortable', B, '1']],
  PortDetail: [
    ['id', I, '1'], ['status', S], ['endUser', S], ['billingTN', S], ['portingFrom', S], ['salesRep', S],
    ['submittedDate', D, '1n'], ['focDate', D, '1n'], ['requestedFocDate', D, '1n'], ['dids', 'tns:ArrayOfPortDID'], ['defaultEndpointGroup', I, '1n'],
  ],
  ArrayOfPortDID: [['PortDID', 'tns:PortDID', 'n*']],
  PortDID: [['tn', S], ['tier', S], ['rateCenter', S], ['state', S], ['lata', S], ['endpointGroup', I, '1'], ['cnam', B, '1'], ['e911', B, '1']],
};

const wsdlBuilder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true, suppressBooleanAttributes: false, format: true });

/** The WSDL of what this simulator implements (the ten DID and port operations, SOAP 1.1). */
function wsdl(location: string): string {
  const element = ([name, type, flags = '']: Field) => ({
    '@_minOccurs': flags.includes('1') ? '1' : '0',
    '@_maxOccurs': flags.includes('*') ? 'unbounded' : '1',
    '@_name': name,
    ...(flags.includes('n') ? { '@_nillable': 'true' } : {}),
    '@_type': type,
  });
  const sequence = (fields: Field[]) => ({ 's:sequence': fields.length ? { 's:element': fields.map(element) } : '' });
  const literal = { 'soap:body': { '@_use': 'literal' } };
  return wsdlBuilder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    'wsdl:definitions': {
      '@_xmlns:s': 'http://www.w3.org/2001/XMLSchema',
      '@_xmlns:soap': 'http://schemas.xmlsoap.org/wsdl/soap/',
      '@_xmlns:tns': TNS,
      '@_xmlns:wsdl': 'http://schemas.xmlsoap.org/wsdl/',
      '@_targetNamespace': TNS,
      'wsdl:types': {
        's:schema': {
          '@_elementFormDefault': 'qualified',
          '@_targetNamespace': TNS,
          's:element': METHODS.flatMap((op) => [
            { '@_name': op, 's:complexType': sequence([['login', S], ['secret', S], ...METHOD_SCHEMA[op][0]]) },
            { '@_name': `${op}Response`, 's:complexType': sequence([[`${op}Result`, `tns:${METHOD_SCHEMA[op][1]}`]]) },
          ]),
          's:complexType': Object.entries(TYPES).map(([name, fields]) => ({ '@_name': name, ...sequence(fields) })),
        },
      },
      'wsdl:message': METHODS.flatMap((op) => [
        { '@_name': `${op}SoapIn`, 'wsdl:part': { '@_name': 'parameters', '@_element': `tns:${op}` } },
        { '@_name': `${op}SoapOut`, 'wsdl:part': { '@_name': 'parameters', '@_element': `tns:${op}Response` } },
      ]),
      'wsdl:portType': {
        '@_name': 'APIServiceSoap',
        'wsdl:operation': METHODS.map((op) => ({ '@_name': op, 'wsdl:input': { '@_message': `tns:${op}SoapIn` }, 'wsdl:output': { '@_message': `tns:${op}SoapOut` } })),
      },
      'wsdl:binding': {
        '@_name': 'APIServiceSoap',
        '@_type': 'tns:APIServiceSoap',
        'soap:binding': { '@_transport': 'http://schemas.xmlsoap.org/soap/http' },
        'wsdl:operation': METHODS.map((op) => ({
          '@_name': op,
          'soap:operation': { '@_soapAction': `${TNS}${op}`, '@_style': 'document' },
          'wsdl:input': literal,
          'wsdl:output': literal,
        })),
      },
      'wsdl:service': {
        '@_name': 'APIService',
        'wsdl:port': { '@_name': 'APIServiceSoap', '@_binding': 'tns:APIServiceSoap', 'soap:address': { '@_location': location } },
      },
    },
  });
}

// ---- The service ----

export class VoipInnovationsSimulator extends LoopbackSimulator<VoipInnovationsConfig> {
  readonly provider = 'VOIP_INNOVATIONS';
  /** Methods answered, in order (a retried call shows up twice). */
  readonly calls: Method[] = [];
  readonly variants: VoipInnovationsVariants;
  private readonly inventory = seedInventory();
  private readonly failures: Failure[] = [];
  /** The simulated account: change it to provoke 250/251/258/259/948. */
  readonly account: SimAccount = {
    login: 'sandbox',
    secret: randomBytes(12).toString('hex'),
    endpointGroups: new Map([
      [8674, { name: 'Primary PBX', tollFree: true }],
      [8675, { name: 'Backup PBX', tollFree: true }],
      [8676, { name: 'Fax server', tollFree: false }],
    ]),
    tiers: new Set(['0', '1', '2', '4']),
    tollFreeOrigination: true,
    standardOrigination: true,
    conferenceLine: { enabled: true, pin: String(randomInt(100_000, 1_000_000)) },
  };

  constructor(deps: SimulatorDeps, options: { variants?: Partial<VoipInnovationsVariants> } = {}) {
    super(deps);
    this.variants = { releaseSuccess: '106231', ...options.variants };
  }

  get live(): VoipInnovationsConfig {
    return { login: this.account.login, secret: this.account.secret, url: this.url, endpointField: 'endpointId' };
  }

  private get url(): string {
    return `${this.baseUrl}${PATH}`;
  }

  /** The next `times` calls answer a soap:Server fault, a soap:Client one (both HTTP 500) or the given responseCode. */
  failNext(failure: Failure, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(failure);
  }

  protected async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, contentType: string, body: string) => {
      res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== PATH) return send(404, 'text/plain; charset=utf-8', 'Not Found');
    if (req.method === 'GET' && [...url.searchParams.keys()].some((k) => k.toLowerCase() === 'wsdl')) return send(200, 'text/xml; charset=utf-8', wsdl(this.url));
    if (req.method !== 'POST') return send(405, 'text/plain; charset=utf-8', 'Use SOAP 1.1 POST; the WSDL is at ?wsdl');
    // ASMX binds SOAP 1.1 to text/xml; anything else is not a request it can read.
    if (!/^text\/xml\b/i.test(req.headers['content-type'] ?? '')) return send(415, 'text/plain; charset=utf-8', 'Unsupported Media Type');
    const [status, body] = this.answer(req.headers, await readText(req));
    send(status, 'text/xml; charset=utf-8', body);
  }

  /** Answer one POST: [HTTP status, SOAP envelope]. */
  private answer(headers: http.IncomingHttpHeaders, xml: string): [number, string] {
    try {
      const action = String(headers.soapaction ?? '').trim().replace(/^"(.*)"$/, '$1');
      const operation = METHODS.find((op) => action === `${TNS}${op}`);
      if (!operation) throw new Fault('soap:Client', `Server did not recognize the value of HTTP Header SOAPAction: ${action}.`);
      const args = readRequest(operation, xml);
      this.calls.push(operation);
      const failure = this.failures.shift();
      if (typeof failure === 'string') throw FAULTS[failure];
      const result = failure
        ? this.refusal(operation, String(failure), failure === 900 ? 'An exception occurred' : 'Client IP not found')
        : str(args.login) !== this.account.login || str(args.secret) !== this.account.secret
          ? this.refusal(operation, '902', 'Username/Password/IP not found')
          : this.answered(this.handle(operation, args));
      return [200, envelope({ [`${operation}Response`]: { '@_xmlns': TNS, [`${operation}Result`]: result } })];
    } catch (err) {
      if (!(err instanceof Fault)) throw err;
      return [500, envelope({ 'soap:Fault': { faultcode: err.code, faultstring: err.message, detail: '' } })];
    }
  }

  /** An answer to the account's own credentials carries its conference line (a refusal leaves it empty). */
  private answered(result: XmlObject): XmlObject {
    if (!('ConferenceLine' in result)) return result;
    const { enabled, pin } = this.account.conferenceLine;
    return { ...result, ConferenceLine: { Enabled: String(enabled), PIN: pin } };
  }

  /** A top-level refusal in the operation's response type. */
  private refusal(operation: Method, code: string, message: string): XmlObject {
    return METHOD_SCHEMA[operation][1] === 'PortResponse' ? portResponse(code, message, undefined, false) : didResponse(code, message);
  }

  private handle(operation: Method, args: Args): XmlObject {
    switch (operation) {
      case 'auditDIDs': {
        const rows = [...this.inventory.values()].filter((d) => d.mine && d.hold === 'assigned').map(assignedRow);
        return didResponse('100', 'Success', { DIDs: rows.length ? rows : [dummyRow('101200', 'UNKNOWN')] });
      }
      case 'queryDID':
        return this.query(str(args.did));
      case 'getDIDs':
      case 'getDIDCount':
        return this.search(operation, args);
      case 'reserveDID':
      case 'assignDID':
      case 'configDID':
      case 'releaseDID':
        return this.perDID(operation, args);
      case 'isPortable':
        return this.isPortable(str(args.tn));
      case 'getPortDetails': {
        const portId = str(args.portId);
        // portId is a required xs:int: XmlSerializer refuses anything else.
        if (!/^-?\d+$/.test(portId)) throw new Fault('soap:Client', 'Server was unable to read request. ---> There is an error in XML document. ---> Input string was not in a correct format.');
        const port = PORTS.find((p) => p.id === Number(portId));
        return port ? portResponse('100', 'Success', port, false) : portResponse('101', 'No records found', undefined, false);
      }
    }
  }

  private query(tn: string): XmlObject {
    if (!/^\d{10}$/.test(tn)) return didResponse('944', 'Invalid number');
    const d = this.inventory.get(tn);
    let row: XmlObject;
    if (!d) row = dummyRow('102420', 'Could not find number');
    else if (d.hold !== 'none' && !d.mine) {
      row = d.hold === 'reserved'
        ? didRow(tn, '102230', 'Number reserved for another company', d, { availability: 'Unavailable' })
        : didRow(tn, '102235', 'Number assigned to another company', d, { availability: 'Unavailable' });
    } else if (d.hold === 'assigned') row = assignedRow(d);
    else if (d.hold === 'reserved') {
      const until = new Date(d.reservedAt! + RESERVATION_MS).toISOString().replace('Z', '');
      row = didRow(tn, '100', `Number currently reserved for you until ${until}`, d, { availability: 'reserved', expireDate: until });
    } else row = didRow(tn, '100', 'Number currently Available', d, { availability: 'Available', tier: '-99999' });
    return didResponse('100', 'Success', { DIDs: [row] });
  }

  private search(operation: 'getDIDs' | 'getDIDCount', args: Args): XmlObject {
    const c = Object.fromEntries(['state', 'lata', 'rateCenter', 'npa', 'nxx', 'tier', 't38', 'cnam', 'sms'].map((k) => [k, str(args[k]).toUpperCase()]));
    if (Object.values(c).every((v) => v === '')) return didResponse('302490', 'No search criteria defined');
    const wants = (feature: string) => isTrue(c[feature] ?? '');
    const match = (d: SimDID) =>
      d.hold === 'none' &&
      (!c.state || d.state === c.state) &&
      (!c.lata || d.lata === c.lata) &&
      (!c.rateCenter || d.rateCenter === c.rateCenter) &&
      (!c.npa || d.tn.startsWith(c.npa)) &&
      // Kazoo sends NPA-NXX (six digits) as nxx; three digits are the exchange alone.
      (!c.nxx || (c.nxx.length === 6 ? d.tn.startsWith(c.nxx) : d.tn.slice(3, 6) === c.nxx)) &&
      (!c.tier || d.tier === c.tier) &&
      (!wants('t38') || d.t38) &&
      (!wants('cnam') || d.outboundCnam) &&
      (!wants('sms') || d.sms);
    const found = [...this.inventory.values()].filter(match);
    if (found.length === 0) return didResponse('101', 'No records found');
    if (operation === 'getDIDs') {
      return didResponse('100', 'Success', {
        DIDLocators: found.map((d) => ({ tn: d.tn, rateCenter: d.rateCenter, state: d.state, tier: d.tier, lataId: d.lata, outboundCNAM: String(d.outboundCnam), t38: String(d.t38), sms: String(d.sms) })),
      });
    }
    const counts = new Map<string, XmlObject & { didCount: string }>();
    for (const d of found) {
      const row = { didCount: '0', rateCenter: d.rateCenter, state: d.state, tier: d.tier, lataId: d.lata, cnam: String(d.outboundCnam), t38: String(d.t38), sms: String(d.sms) };
      const key = JSON.stringify({ ...row, didCount: '' });
      const sum = counts.get(key) ?? row;
      sum.didCount = String(Number(sum.didCount) + 1);
      counts.set(key, sum);
    }
    const by = { rc: 'rateCenter', lata: 'lataId', tier: 'tier' }[str(args.orderby).toLowerCase()] ?? 'state';
    const sortKey = (r: XmlObject) => (by === 'tier' || by === 'lataId' ? String(r[by]).padStart(6, '0') : String(r[by])) + String(r.rateCenter) + String(r.tier).padStart(6, '0');
    return didResponse('100', 'Success', { DIDCounts: [...counts.values()].sort((a, b) => sortKey(a).localeCompare(sortKey(b))) });
  }

  private perDID(operation: 'reserveDID' | 'assignDID' | 'configDID' | 'releaseDID', args: Args): XmlObject {
    const dids = [argsOf(args.didParams).DIDParam ?? []].flat().map(argsOf);
    if (dids.length === 0 || dids.some((p) => !/^\d{10}$/.test(str(p.tn)))) return didResponse('944', 'Invalid number');
    if (operation === 'assignDID' || operation === 'configDID') {
      // endpointId (current) or epg (old WSDL); a missing int binds as 0, which nobody owns.
      if (dids.some((p) => !this.account.endpointGroups.has(Number(str(p.endpointId) || str(p.epg) || 0)))) {
        return didResponse('948', 'You do not own the specified endpoint group');
      }
    }
    const rows = dids.map((p) => {
      const tn = str(p.tn);
      const d = this.inventory.get(tn);
      const method = { reserveDID: '3', assignDID: '4', configDID: '5', releaseDID: '6' }[operation];
      if (!d) return didRow(tn, `10${method}420`, 'Could not find number');
      const [code, status] =
        d.hold !== 'none' && !d.mine
          ? d.hold === 'reserved'
            ? [`10${method}230`, 'Number is currently reserved for another company']
            : operation === 'releaseDID' && d.releasedByUs
              ? ['106241', 'Number previously released, but not currently available']
              : [`10${method}235`, 'Number is currently assigned to another company']
          : this[operation](d, p);
      return didRow(tn, code, status, d);
    });
    return didResponse('100', 'Success', { DIDs: rows });
  }

  /** Origination the account lacks for this number, as `RRR` (250 toll-free, 251 standard). */
  private origination(d: SimDID): string | undefined {
    if (d.state === 'TF') return this.account.tollFreeOrigination ? undefined : '250';
    return this.account.standardOrigination ? undefined : '251';
  }

  private reserveDID(d: SimDID, p: Args): [string, string] {
    if (d.hold === 'reserved') return ['103220', 'Number already reserved for you'];
    if (d.hold === 'assigned') return ['103225', 'Number already assigned to you'];
    if (d.defect) return ['103221', 'Unknown error reserving number'];
    if (this.origination(d) === '250') return ['103250', 'You do not purchase 800 Origination Services'];
    if (!this.account.tiers.has(d.tier)) return ['103259', 'Tier not available to your account'];
    Object.assign(d, { hold: 'reserved', mine: true, reservedAt: Date.now(), refId: str(p.refId), cnam: isTrue(str(p.cnam)) });
    // Not assigned within 30 minutes (sandbox time): back to inventory.
    d.cancelExpiry = this.clock.after(RESERVATION_MS, () => {
      if (d.hold === 'reserved' && d.mine) this.free(d);
    });
    return ['100', `Reserved for 30 minutes -- Will be Tier ${d.tier}`];
  }

  private assignDID(d: SimDID, p: Args): [string, string] {
    if (d.hold === 'assigned') return ['104225', 'Number is already assigned to you'];
    if (d.defect) return ['104221', 'Unknown error assigning number'];
    const lacking = this.origination(d);
    if (lacking === '250') return ['104250', 'You do not purchase 800 Origination services'];
    if (lacking === '251') return ['104251', 'You do not purchase standard origination services'];
    if (!this.account.tiers.has(d.tier)) return ['104259', 'Tier not available to your account'];
    const group = this.groupOf(p);
    if (d.state === 'TF' && !this.account.endpointGroups.get(group)!.tollFree) {
      return ['104258', 'Bad Endpoint Group. This remote is not allowed to service this endpoint group'];
    }
    d.cancelExpiry?.();
    this.configure(d, p, group);
    Object.assign(d, { hold: 'assigned', mine: true });
    return ['100', `Assigned to endpoint '${group}' rewritten as '${d.tn}' Tier ${d.tier}`];
  }

  private configDID(d: SimDID, p: Args): [string, string] {
    if (d.hold !== 'assigned') return ['105221', 'Number is not currently assigned to you'];
    const lacking = this.origination(d);
    if (lacking) return [`105${lacking}`, lacking === '250' ? 'You do not purchase 800 Origination services' : 'You do not purchase standard origination services'];
    const group = this.groupOf(p);
    if (d.state === 'TF' && !this.account.endpointGroups.get(group)!.tollFree) {
      return ['105258', 'Bad Endpoint Group. This remote is not allowed to service this endpoint group'];
    }
    this.configure(d, p, group);
    return ['100', `Reconfigured to endpoint '${group}' rewritten as '${d.tn}' Tier ${d.tier}`];
  }

  private releaseDID(d: SimDID): [string, string] {
    if (d.hold === 'reserved') return ['106220', 'Number is still reserved for you'];
    if (d.hold === 'assigned') {
      this.free(d);
      d.releasedByUs = true;
    }
    return [this.variants.releaseSuccess, 'Number currently available'];
  }

  private groupOf(p: Args): number {
    return Number(str(p.endpointId) || str(p.epg));
  }

  /** cnam and refId change only when sent. */
  private configure(d: SimDID, p: Args, group: number): void {
    d.endpointGroup = group;
    if (p.cnam !== undefined) d.cnam = isTrue(str(p.cnam));
    if (p.refId !== undefined) d.refId = str(p.refId);
  }

  private free(d: SimDID): void {
    d.cancelExpiry?.();
    Object.assign(d, { hold: 'none', mine: false, reservedAt: undefined, cancelExpiry: undefined, endpointGroup: undefined, cnam: false, refId: '' });
  }

  /** Portable unless VoIP Innovations already carries the number or has no coverage in its NPA. */
  private isPortable(tn: string): XmlObject {
    if (!/^\d{10}$/.test(tn)) return portResponse('944', 'Invalid number', undefined, false);
    return portResponse('100', 'Success', undefined, !this.inventory.has(tn) && !NO_COVERAGE.has(tn.slice(0, 3)));
  }

  /** The DIDs this account has assigned. */
  owns(e164: E164): boolean {
    const d = e164.startsWith('+1') ? this.inventory.get(e164.slice(2)) : undefined;
    return !!d && d.mine && d.hold === 'assigned';
  }

  /** No call webhooks exist (the page documents none): a call rings the endpoint group directly. */
  async simulateIncomingCall(input: SimulatedCallInput): Promise<SimulatedCall> {
    return refuseCall('UNSUPPORTED', `VoIP Innovations sends no call webhooks: a call to ${input.to} rings its endpoint group directly, so there is no call event to simulate`);
  }

  protected internalError(_req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8' }).end(envelope({ 'soap:Fault': { faultcode: 'soap:Server', faultstring: 'Server was unable to process request.', detail: '' } }));
  }
}

export function startVoipInnovationsSimulator(deps: SimulatorDeps, options?: { variants?: Partial<VoipInnovationsVariants> }): Promise<VoipInnovationsSimulator> {
  return new VoipInnovationsSimulator(deps, options).listen();
}

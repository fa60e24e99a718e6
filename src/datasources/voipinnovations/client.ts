/**
 * VoIP Innovations API 3.0: SOAP 1.1 document/literal to `APIService.asmx`, namespace
 * `http://tempuri.org/`, one SOAPAction per operation, `login`/`secret` first in every call.
 * Envelopes are built and read with fast-xml-parser; values are escaped by the builder.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { VoipInnovationsConfig } from '../../config.js';
import { GatewayError } from '../../errors.js';
import { RETRY_STATUSES, Upstream } from '../upstream.js';
import type { ProviderDeps } from '../provider.js';
import { optional, type Shape } from '../shape.js';
import { codeFailure, httpFailure } from './errors.js';

export const TEMPURI = 'http://tempuri.org/';
export const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XSD = 'http://www.w3.org/2001/XMLSchema';

export const OPERATIONS = [
  'auditDIDs',
  'queryDID',
  'assignDID',
  'getDIDs',
  'configDID',
  'releaseDID',
  'reserveDID',
  'isPortable',
  'getDIDCount',
  'getPortDetails',
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Reads: safe to repeat after a failure. Reserve/assign/config/release are never retried blindly. */
const READS: ReadonlySet<Operation> = new Set(['auditDIDs', 'queryDID', 'getDIDs', 'getDIDCount', 'isPortable', 'getPortDetails']);

/** Repeated elements: arrays even when one comes back. */
const LISTS = new Set(['DID', 'DIDLocator', 'DIDCount', 'DIDParam', 'PortDID', 'DIDGroup']);

// Every leaf is a string: `parseTagValue: false` keeps TNs, tiers and `0412…` as written.
type Leaf = string;
export interface DID {
  tn?: Leaf;
  availability?: Leaf;
  rewrite?: Leaf;
  status?: Leaf;
  statusCode?: Leaf;
  tier?: Leaf;
  refId?: Leaf;
  cnamName?: Leaf;
  state?: Leaf;
  rateCenter?: Leaf;
  Network?: Leaf;
  endpointId?: Leaf;
  expireDate?: Leaf;
  has411?: Leaf;
  has911?: Leaf;
  cnam?: Leaf;
  t38?: Leaf;
}
export interface DIDLocator {
  tn?: Leaf;
  rateCenter?: Leaf;
  state?: Leaf;
  tier?: Leaf;
  lataId?: Leaf;
  outboundCNAM?: Leaf;
  t38?: Leaf;
  sms?: Leaf;
}
export interface DIDCount {
  didCount?: Leaf;
  rateCenter?: Leaf;
  state?: Leaf;
  tier?: Leaf;
  lataId?: Leaf;
  cnam?: Leaf;
  t38?: Leaf;
  sms?: Leaf;
}
export interface PortDID {
  tn?: Leaf;
  tier?: Leaf;
  rateCenter?: Leaf;
  state?: Leaf;
  lata?: Leaf;
  endpointGroup?: Leaf;
}
export interface PortDetail {
  id?: Leaf;
  status?: Leaf;
  endUser?: Leaf;
  billingTN?: Leaf;
  portingFrom?: Leaf;
  submittedDate?: Leaf;
  focDate?: Leaf;
  requestedFocDate?: Leaf;
  dids: PortDID[];
  defaultEndpointGroup?: Leaf;
}

export interface DIDResponse {
  responseCode: string;
  responseMessage: string;
  DIDs: DID[];
  DIDLocators: DIDLocator[];
  DIDCounts: DIDCount[];
}
export interface PortResponse {
  responseCode: string;
  responseMessage: string;
  PortDetails?: PortDetail;
  IsPortable: boolean;
}

/** getDIDs / getDIDCount criteria, in WSDL order; empty strings are "not searched on". */
export interface SearchCriteria {
  state: string;
  lata: string;
  rateCenter: string;
  npa: string;
  nxx: string;
  tier: string;
  t38: string;
  cnam: string;
  sms: string;
}

/** getDIDCount's `orderby` (case-insensitive at VoIP Innovations). */
export type OrderBy = 'state' | 'rc' | 'lata' | 'tier';

export interface DIDParam {
  tn: string;
  /** Inbound CNAM dip on/off. */
  cnam?: boolean;
  refId?: string;
  endpointGroup?: number;
}

type XmlValue = string | number | XmlObject | XmlObject[];
export interface XmlObject {
  [name: string]: XmlValue;
}

// suppressBooleanAttributes would turn xsi:nil="true" into a bare (invalid) attribute.
const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true, suppressBooleanAttributes: false });
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => LISTS.has(name),
});

/** A SOAP 1.1 envelope around one body element (also what the simulator answers with). */
export function soapEnvelope(body: XmlObject): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    'soap:Envelope': { '@_xmlns:soap': SOAP11, '@_xmlns:xsi': XSI, '@_xmlns:xsd': XSD, 'soap:Body': body },
  });
}

/** The request envelope: `<op xmlns="http://tempuri.org/">` with login and secret first. */
export function requestEnvelope(operation: Operation, login: string, secret: string, params: XmlObject = {}): string {
  return soapEnvelope({ [operation]: { '@_xmlns': TEMPURI, login, secret, ...params } });
}

/** `<didParams><DIDParam>…` in WSDL order; the endpoint-group element name is configurable. */
export function didParams(params: DIDParam[], endpointField: VoipInnovationsConfig['endpointField']): XmlObject {
  return {
    didParams: {
      DIDParam: params.map((p) => {
        const el: XmlObject = { tn: p.tn };
        if (p.cnam !== undefined) el.cnam = p.cnam ? '1' : '0';
        if (p.refId !== undefined) el.refId = p.refId;
        if (p.endpointGroup !== undefined) el[endpointField] = p.endpointGroup;
        return el;
      }),
    },
  };
}

export interface SoapReply {
  /** `<op>Result`, when the envelope carried one. */
  result?: Record<string, unknown>;
  /** `soap:Fault/faultcode`, when it carried a fault. */
  faultCode?: string;
}

/** Read a response envelope for `operation` (namespace prefixes removed). */
export function readEnvelope(operation: Operation, xml: string): SoapReply {
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch {
    return {};
  }
  const body = record(record(record(doc).Envelope).Body);
  const fault = body.Fault;
  if (fault !== undefined) return { faultCode: String(record(fault).faultcode ?? 'soap:Server') };
  const result = record(body[`${operation}Response`])[`${operation}Result`];
  return result === undefined ? {} : { result: record(result) };
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** `<DIDs><DID/>…</DIDs>` or an empty `<DIDs/>` (which parses as ''). */
function list<T>(container: unknown, item: string): T[] {
  const items = record(container)[item];
  return Array.isArray(items) ? items.map((i) => record(i) as T) : [];
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function toDIDResponse(result: Record<string, unknown>): DIDResponse {
  return {
    responseCode: text(result.responseCode),
    responseMessage: text(result.responseMessage),
    DIDs: list<DID>(result.DIDs, 'DID'),
    DIDLocators: list<DIDLocator>(result.DIDLocators, 'DIDLocator'),
    DIDCounts: list<DIDCount>(result.DIDCounts, 'DIDCount'),
  };
}

export function toPortResponse(result: Record<string, unknown>): PortResponse {
  const details = result.PortDetails === undefined ? undefined : record(result.PortDetails);
  return {
    responseCode: text(result.responseCode),
    responseMessage: text(result.responseMessage),
    PortDetails: details && ({ ...details, dids: list<PortDID>(details.dids, 'PortDID') } as PortDetail),
    IsPortable: text(result.IsPortable) === 'true',
  };
}

/** Leaves the mappings read: text, or absent (an element with children would be an object). */
const leaves = (...names: string[]): Record<string, Shape> => Object.fromEntries(names.map((n) => [n, 'string?']));
const RESULT: Shape = { responseCode: 'text' };
const DID_RESPONSE: Shape = {
  DIDs: [leaves('tn', 'availability', 'status', 'statusCode', 'tier', 'refId', 'cnamName', 'state', 'rateCenter', 'Network', 'endpointId', 'expireDate', 'cnam', 't38')],
  DIDLocators: [leaves('tn', 'rateCenter', 'state', 'tier', 'lataId', 'outboundCNAM', 't38', 'sms')],
  DIDCounts: [leaves('didCount', 'rateCenter', 'state', 'tier', 'lataId')],
};
const PORT_RESPONSE: Shape = {
  PortDetails: optional({ ...leaves('id', 'status', 'endUser', 'billingTN', 'portingFrom', 'submittedDate', 'focDate', 'requestedFocDate'), dids: [leaves('tn')] }),
};

export class VoipInnovationsClient {
  private readonly upstream: Upstream;

  constructor(
    private readonly live: VoipInnovationsConfig,
    deps: Pick<ProviderDeps, 'log' | 'timeoutMs'>,
  ) {
    // A SOAP fault comes on HTTP 500 whatever its cause: retrying it would only repeat it.
    this.upstream = new Upstream({ provider: 'VOIP_INNOVATIONS', baseUrl: live.url, timeoutMs: deps.timeoutMs, log: deps.log, retryStatuses: RETRY_STATUSES.filter((s) => s !== 500) });
  }

  /**
   * One SOAP call, its result converted and checked. Throws GatewayError for faults,
   * unreadable answers and top-level codes that are infrastructure failures (900/901/902);
   * business codes are the caller's to read.
   */
  private async call<T>(operation: Operation, params: XmlObject, convert: (result: Record<string, unknown>) => T, shape: Shape): Promise<T> {
    const res = await this.upstream.request({
      operation,
      method: 'POST',
      body: requestEnvelope(operation, this.live.login, this.live.secret, params),
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${TEMPURI}${operation}"` },
      idempotent: READS.has(operation),
    });
    const reply = readEnvelope(operation, res.body);
    if (res.status !== 200) throw httpFailure(res, reply.faultCode);
    const result = this.upstream.read<Record<string, unknown>>(reply.result, RESULT, res, operation);
    const failure = codeFailure(text(result.responseCode), { topLevel: true });
    if (failure instanceof GatewayError) throw failure;
    return this.upstream.read<T>(convert(result), shape, res, operation);
  }

  private dids(operation: Operation, params: XmlObject = {}): Promise<DIDResponse> {
    return this.call(operation, params, toDIDResponse, DID_RESPONSE);
  }

  async auditDIDs(): Promise<DIDResponse> {
    return this.dids('auditDIDs');
  }

  async queryDID(tn: string): Promise<DIDResponse> {
    return this.dids('queryDID', { did: tn });
  }

  async getDIDs(criteria: SearchCriteria): Promise<DIDResponse> {
    return this.dids('getDIDs', { ...criteria });
  }

  async getDIDCount(criteria: SearchCriteria, orderby: OrderBy): Promise<DIDResponse> {
    // WSDL order: the eight shared criteria, orderby, then sms.
    const { sms, ...rest } = criteria;
    return this.dids('getDIDCount', { ...rest, orderby, sms });
  }

  async reserveDID(params: DIDParam[]): Promise<DIDResponse> {
    return this.dids('reserveDID', didParams(params, this.live.endpointField));
  }

  async assignDID(params: DIDParam[]): Promise<DIDResponse> {
    return this.dids('assignDID', didParams(params, this.live.endpointField));
  }

  async configDID(params: DIDParam[]): Promise<DIDResponse> {
    return this.dids('configDID', didParams(params, this.live.endpointField));
  }

  async releaseDID(params: DIDParam[]): Promise<DIDResponse> {
    return this.dids('releaseDID', didParams(params, this.live.endpointField));
  }

  async isPortable(tn: string): Promise<PortResponse> {
    return this.call('isPortable', { tn }, toPortResponse, PORT_RESPONSE);
  }

  async getPortDetails(portId: number): Promise<PortResponse> {
    return this.call('getPortDetails', { portId }, toPortResponse, PORT_RESPONSE);
  }
}

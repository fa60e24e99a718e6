/**
 * VoIP Innovations API 3.0: SOAP 1.1 document/literal to `APIService.asmx`, namespace
 * `http://tempuri.org/`, one SOAPAction per operation, `login`/`secret` first in every call.
 * Envelopes are built and read with fast-xml-parser; values are escaped by the builder.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { VoipInnovationsConfig } from './module.js';
import type { ProviderDeps } from '../provider.js';
import { optional, type Shape } from '../shape.js';
import { RETRY_STATUSES, Upstream, type UpstreamRequest, type UpstreamResponse } from '../upstream.js';
import { errorFromResponse } from './errors.js';
import {
  SOAP11,
  TEMPURI,
  type DID,
  type DIDCount,
  type DIDLocator,
  type DIDParam,
  type DIDResponse,
  type OrderBy,
  type Operation,
  type PortDetail,
  type PortDID,
  type PortResponse,
  type SearchCriteria,
  type XmlObject,
} from './wire.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XSD = 'http://www.w3.org/2001/XMLSchema';

/** Reads: safe to repeat after a failure. Reserve/assign/config/release are never retried blindly. */
const READS: ReadonlySet<Operation> = new Set(['auditDIDs', 'queryDID', 'getDIDs', 'getDIDCount', 'isPortable', 'getPortDetails']);

/** Repeated elements: arrays even when one comes back. */
const LISTS = new Set(['DID', 'DIDLocator', 'DIDCount', 'DIDParam', 'PortDID', 'DIDGroup']);

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
    // Only `Enabled` is copied: the PIN stays out of everything the gateway keeps or logs.
    ConferenceLine: result.ConferenceLine === undefined ? undefined : { Enabled: text(record(result.ConferenceLine).Enabled) || undefined },
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
  PortDetails: optional({
    ...leaves('id', 'status', 'endUser', 'billingTN', 'portingFrom', 'salesRep', 'submittedDate', 'focDate', 'requestedFocDate', 'defaultEndpointGroup'),
    dids: [leaves('tn', 'tier', 'rateCenter', 'state', 'lata', 'endpointGroup', 'cnam', 'e911')],
  }),
};

/** One SOAP call: the operation and its parameters after `login` and `secret`. */
export interface SoapCall extends UpstreamRequest {
  operation: Operation;
  params: XmlObject;
}

/** Operations whose result carries a port (the others carry DIDs). */
const PORT_OPERATIONS: ReadonlySet<Operation> = new Set(['isPortable', 'getPortDetails']);

export class VoipInnovationsClient extends Upstream<SoapCall, SoapReply> {
  constructor(
    private readonly live: VoipInnovationsConfig,
    deps: Pick<ProviderDeps, 'log' | 'timeoutMs'>,
  ) {
    // A SOAP fault comes on HTTP 500 whatever its cause: retrying it would only repeat it.
    super({ provider: 'VOIP_INNOVATIONS', baseUrl: live.url, timeoutMs: deps.timeoutMs, log: deps.log, retryStatuses: RETRY_STATUSES.filter((s) => s !== 500) });
  }

  auditDIDs(): Promise<DIDResponse> {
    return this.soap('auditDIDs', {});
  }

  queryDID(tn: string): Promise<DIDResponse> {
    return this.soap('queryDID', { did: tn });
  }

  getDIDs(criteria: SearchCriteria): Promise<DIDResponse> {
    return this.soap('getDIDs', { ...criteria });
  }

  getDIDCount(criteria: SearchCriteria, orderby: OrderBy): Promise<DIDResponse> {
    // WSDL order: the eight shared criteria, orderby, then sms.
    const { sms, ...rest } = criteria;
    return this.soap('getDIDCount', { ...rest, orderby, sms });
  }

  reserveDID(params: DIDParam[]): Promise<DIDResponse> {
    return this.soap('reserveDID', didParams(params, this.live.endpointField));
  }

  assignDID(params: DIDParam[]): Promise<DIDResponse> {
    return this.soap('assignDID', didParams(params, this.live.endpointField));
  }

  configDID(params: DIDParam[]): Promise<DIDResponse> {
    return this.soap('configDID', didParams(params, this.live.endpointField));
  }

  releaseDID(params: DIDParam[]): Promise<DIDResponse> {
    return this.soap('releaseDID', didParams(params, this.live.endpointField));
  }

  isPortable(tn: string): Promise<PortResponse> {
    return this.soap('isPortable', { tn });
  }

  getPortDetails(portId: number): Promise<PortResponse> {
    return this.soap('getPortDetails', { portId });
  }

  /**
   * One SOAP call, its result converted and checked. Faults, unreadable answers and top-level
   * codes that are infrastructure failures (900/901/902) are thrown; business codes are the
   * caller's to read.
   */
  private soap<T extends DIDResponse | PortResponse>(operation: Operation, params: XmlObject): Promise<T> {
    return this.fetch({ operation, method: 'POST', params }, PORT_OPERATIONS.has(operation) ? PORT_RESPONSE : DID_RESPONSE);
  }

  /** The envelope, with login and secret first; only reads may be repeated. */
  protected override willSendRequest(call: SoapCall): UpstreamRequest {
    return {
      ...call,
      body: requestEnvelope(call.operation, this.live.login, this.live.secret, call.params),
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${TEMPURI}${call.operation}"` },
      idempotent: READS.has(call.operation),
    };
  }

  /** The envelope read; a 200 must carry a result with its `responseCode`. */
  protected override parseBody(res: UpstreamResponse, call: SoapCall): SoapReply {
    const reply = readEnvelope(call.operation, res.body);
    if (res.status === 200) this.read(reply.result, RESULT, res, call.operation);
    return reply;
  }

  protected override errorFromResponse(res: UpstreamResponse, reply: SoapReply | undefined, call: SoapCall) {
    return errorFromResponse(res, reply, call);
  }

  protected override payloadOf(reply: SoapReply | undefined, _res: UpstreamResponse, call: SoapCall): DIDResponse | PortResponse {
    const result = reply?.result ?? {};
    return PORT_OPERATIONS.has(call.operation) ? toPortResponse(result) : toDIDResponse(result);
  }
}

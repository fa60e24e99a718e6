/**
 * VoIP Innovations API 3.0 as it travels: SOAP 1.1 document/literal, namespace
 * `http://tempuri.org/`, one SOAPAction per operation; every leaf a string.
 */

export const TEMPURI = 'http://tempuri.org/';
export const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const OPERATIONS = [
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
  cnam?: Leaf;
  e911?: Leaf;
}
export interface PortDetail {
  id?: Leaf;
  status?: Leaf;
  endUser?: Leaf;
  billingTN?: Leaf;
  portingFrom?: Leaf;
  salesRep?: Leaf;
  submittedDate?: Leaf;
  focDate?: Leaf;
  requestedFocDate?: Leaf;
  dids: PortDID[];
  defaultEndpointGroup?: Leaf;
}

/** Account-wide, on every DIDResponse. Its `PIN` is a credential: the client never reads it. */
export interface ConferenceLine {
  Enabled?: Leaf;
}
export interface DIDResponse {
  responseCode: string;
  responseMessage: string;
  DIDs: DID[];
  DIDLocators: DIDLocator[];
  DIDCounts: DIDCount[];
  ConferenceLine?: ConferenceLine;
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

export type XmlValue = string | number | XmlObject | XmlObject[];
export interface XmlObject {
  [name: string]: XmlValue;
}

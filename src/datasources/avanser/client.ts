/**
 * The AVANSER Telco API on the wire: JSON with HTTP Basic auth under `{baseUrl}/v1`, every
 * answer in the `{"@transaction": …, "response": …}` envelope. Lists come as objects keyed by
 * their id (numbers, requests, services); arrays are accepted too.
 */
import type { AvanserConfig } from './module.js';
import type { ProviderDeps } from '../provider.js';
import { optional, type Shape } from '../shape.js';
import { Upstream, type UpstreamRequest, type UpstreamResponse } from '../upstream.js';
import { errorFromResponse } from './errors.js';
import type { AvanserAck, AvanserRequestBody, AvanserRequestEntry, AvanserServiceEntry, AvanserServiceFields, AvanserStockNumber, Envelope } from './wire.js';

/** One AVANSER call; `list` names the id field when the answer is a list (keyed by that id). */
export interface AvanserCall extends UpstreamRequest {
  list?: string;
}

/** What the mapping relies on in each answer's `response`. */
const REQUEST: Shape = { request_id: 'text', status: 'string?', service_number: 'string?', message: 'string?' };
/** An acknowledgement is read as the request it acknowledges. */
const ACK: Shape = REQUEST;
const STOCK_ENTRY: Shape = { number: 'string', type: 'string?', pool: 'string?', region: 'string?', national: 'string?' };
const SERVICE: Shape = {
  service_number: 'string',
  name: 'string?',
  status: 'string?',
  callback_uri: 'string?',
  custom_id: 'string?',
  custom_group: 'string?',
  updated: 'string?',
  service: optional({
    type: 'string?',
    answer_point: 'string?',
    answer_point_name: 'string?',
    record_call: 'boolean?',
    missed_call_notification: optional({ email: optional(['string']), sms: optional(['string']) }),
  }),
};

/**
 * A list as AVANSER writes it: an object keyed by id, each entry with its key copied into
 * `idField`, or an array. Anything else is left as it is, for the shape check to refuse.
 */
function keyed(response: unknown, idField: string): unknown {
  if (Array.isArray(response) || typeof response !== 'object' || response === null) return response;
  return Object.entries(response).map(([key, value]) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? { [idField]: key, ...value } : value));
}

export class AvanserClient extends Upstream<AvanserCall, Envelope> {
  constructor(live: AvanserConfig, deps: Pick<ProviderDeps, 'log' | 'timeoutMs'>) {
    // The sandbox base is documented with its `/v1`; accept it with or without.
    const base = live.baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
    super({
      provider: 'AVANSER',
      baseUrl: `${base}/v1`,
      timeoutMs: deps.timeoutMs,
      log: deps.log,
      username: live.username,
      password: live.password,
      headers: { accept: 'application/json' },
    });
  }

  /** `GET /v1/numbers`: available stock for the criteria. */
  searchNumbers(query: Record<string, string>): Promise<AvanserStockNumber[]> {
    return this.fetch({ operation: 'searchNumbers', method: 'GET', path: '/numbers', searchParams: query, list: 'number' }, [STOCK_ENTRY]);
  }

  /** `POST /v1/requests`: a new service. Never retried: a repeat would order a second number. */
  createRequest(body: AvanserRequestBody): Promise<AvanserAck> {
    return this.fetch({ operation: 'createRequest', method: 'POST', path: '/requests', json: body, idempotent: false }, ACK);
  }

  listRequests(): Promise<AvanserRequestEntry[]> {
    return this.fetch({ operation: 'listRequests', method: 'GET', path: '/requests', list: 'request_id' }, [REQUEST]);
  }

  getRequest(requestId: string): Promise<AvanserRequestEntry> {
    return this.fetch({ operation: 'getRequest', method: 'GET', path: `/requests/${encodeURIComponent(requestId)}` }, REQUEST);
  }

  listServices(): Promise<AvanserServiceEntry[]> {
    return this.fetch({ operation: 'listServices', method: 'GET', path: '/services', list: 'service_number' }, [SERVICE]);
  }

  /** `POST /v1/services/{number}`: an asynchronous update. Not retried either: each POST is a new request. */
  updateService(number: string, body: AvanserServiceFields): Promise<AvanserAck> {
    return this.fetch({ operation: 'updateService', method: 'POST', path: `/services/${encodeURIComponent(number)}`, json: body, idempotent: false }, ACK);
  }

  protected override errorFromResponse(res: UpstreamResponse, body: Envelope | undefined, call: AvanserCall) {
    return errorFromResponse(res, body, call);
  }

  /** The envelope's `response`, lists as arrays. */
  protected override payloadOf(body: Envelope | undefined, res: UpstreamResponse, call: AvanserCall): unknown {
    if (typeof body !== 'object' || body === null || body.response === undefined) throw this.unreadable(res, call.operation, '$.response: missing');
    return call.list ? keyed(body.response, call.list) : body.response;
  }
}

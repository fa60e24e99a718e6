/**
 * The AVANSER Telco API on the wire: JSON with HTTP Basic auth under `{baseUrl}/v1`, every
 * answer in the `{"@transaction": …, "response": …}` envelope. Lists come as objects keyed by
 * their id (numbers, requests, services); arrays are accepted too.
 */
import type { AvanserConfig } from '../../config.js';
import { Upstream, type UpstreamRequest, type UpstreamResponse } from '../upstream.js';
import { optional, type Shape } from '../shape.js';
import type { ProviderDeps } from '../provider.js';
import { avanserFailure, isAvanserFailure } from './errors.js';
import type { AvanserAck, AvanserRequestBody, AvanserRequestEntry, AvanserServiceEntry, AvanserServiceFields, AvanserStockNumber } from './mapping.js';

interface Envelope {
  '@transaction'?: { id?: string; 'account-id'?: string };
  response?: unknown;
}

/** What the mapping relies on in each answer's `response`. */
const ACK: Shape = { request_id: 'text', service_number: 'string?' };
const STOCK_ENTRY: Shape = { number: 'string', type: 'string?', pool: 'string?', region: 'string?' };
const REQUEST: Shape = { request_id: 'text', status: 'string?', service_number: 'string?' };
const SERVICE: Shape = { service_number: 'string', name: 'string?', status: 'string?', callback_uri: 'string?', service: optional({ answer_point: 'string?' }) };

/**
 * A list as AVANSER writes it: an object keyed by id, each entry with its key copied into
 * `idField`, or an array. Anything else is left as it is, for the shape check to refuse.
 */
function keyed(response: unknown, idField: string): unknown {
  if (Array.isArray(response) || typeof response !== 'object' || response === null) return response;
  return Object.entries(response).map(([key, value]) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? { [idField]: key, ...value } : value));
}

export class AvanserClient {
  private readonly upstream: Upstream;

  constructor(live: AvanserConfig, deps: Pick<ProviderDeps, 'log' | 'timeoutMs'>) {
    // The sandbox base is documented with its `/v1`; accept it with or without.
    const base = live.baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
    this.upstream = new Upstream({
      provider: 'AVANSER',
      baseUrl: `${base}/v1`,
      timeoutMs: deps.timeoutMs,
      log: deps.log,
      username: live.username,
      password: live.password,
    });
  }

  /** `GET /v1/numbers`: available stock for the criteria. */
  async searchNumbers(query: Record<string, string>): Promise<AvanserStockNumber[]> {
    return this.list({ operation: 'searchNumbers', method: 'GET', path: '/numbers', searchParams: query }, 'number', STOCK_ENTRY);
  }

  /** `POST /v1/requests`: a new service. Never retried: a repeat would order a second number. */
  async createRequest(body: AvanserRequestBody): Promise<AvanserAck> {
    return this.one({ operation: 'createRequest', method: 'POST', path: '/requests', json: body, idempotent: false }, ACK);
  }

  async listRequests(): Promise<AvanserRequestEntry[]> {
    return this.list({ operation: 'listRequests', method: 'GET', path: '/requests' }, 'request_id', REQUEST);
  }

  async getRequest(requestId: string): Promise<AvanserRequestEntry> {
    return this.one({ operation: 'getRequest', method: 'GET', path: `/requests/${encodeURIComponent(requestId)}` }, REQUEST);
  }

  async listServices(): Promise<AvanserServiceEntry[]> {
    return this.list({ operation: 'listServices', method: 'GET', path: '/services' }, 'service_number', SERVICE);
  }

  /** `POST /v1/services/{number}`: an asynchronous update. Not retried either: each POST is a new request. */
  async updateService(number: string, body: AvanserServiceFields): Promise<AvanserAck> {
    return this.one({ operation: 'updateService', method: 'POST', path: `/services/${encodeURIComponent(number)}`, json: body, idempotent: false }, ACK);
  }

  private async one<T>(req: UpstreamRequest, shape: Shape): Promise<T> {
    const { res, response } = await this.call(req);
    return this.upstream.read<T>(response, shape, res, req.operation);
  }

  private async list<T>(req: UpstreamRequest, idField: string, entry: Shape): Promise<T[]> {
    const { res, response } = await this.call(req);
    return this.upstream.read<T[]>(keyed(response, idField), [entry], res, req.operation);
  }

  /** Send, unwrap `response`, or throw what the error table says. */
  private async call(req: UpstreamRequest): Promise<{ res: UpstreamResponse; response: unknown }> {
    const res = await this.upstream.request({ ...req, headers: { accept: 'application/json' } });
    let body: Envelope | undefined;
    if (res.status < 400) body = this.upstream.json<Envelope>(res, req.operation);
    else {
      try {
        body = JSON.parse(res.body) as Envelope;
      } catch {
        // An error page that is not JSON: its status says enough.
      }
    }
    if (isAvanserFailure(res, body)) throw avanserFailure(res, body);
    if (typeof body !== 'object' || body === null || body.response === undefined) throw this.upstream.unreadable(res, req.operation, '$.response: missing');
    return { res, response: body.response };
  }
}

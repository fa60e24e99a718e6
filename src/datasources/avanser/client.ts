/**
 * The AVANSER Telco API on the wire: JSON with HTTP Basic auth under `{baseUrl}/v1`, every
 * answer in the `{"@transaction": …, "response": …}` envelope. Lists come as objects keyed by
 * their id (numbers, requests, services); arrays are accepted too.
 */
import type { AvanserConfig } from '../../config.js';
import { ErrorCode, GatewayError } from '../../errors.js';
import { Upstream, type UpstreamRequest } from '../http.js';
import type { ProviderDeps } from '../port.js';
import { avanserFailure, isAvanserFailure } from './errors.js';
import type { AvanserAck, AvanserRequestBody, AvanserRequestEntry, AvanserServiceEntry, AvanserServiceFields, AvanserStockNumber } from './mapping.js';

interface Envelope {
  '@transaction'?: { id?: string; 'account-id'?: string };
  response?: unknown;
}

/** Entries of a keyed object (or an array), each with its key copied into `idField`. */
function keyed<T>(response: unknown, idField: string): T[] {
  if (Array.isArray(response)) return response as T[];
  if (typeof response !== 'object' || response === null) return [];
  return Object.entries(response as Record<string, object>).map(([key, value]) => ({ [idField]: key, ...value }) as T);
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
    return keyed(await this.call({ operation: 'searchNumbers', method: 'GET', path: '/numbers', searchParams: query }), 'number');
  }

  /** `POST /v1/requests`: a new service. Never retried: a repeat would order a second number. */
  async createRequest(body: AvanserRequestBody): Promise<AvanserAck> {
    return (await this.call({ operation: 'createRequest', method: 'POST', path: '/requests', json: body, idempotent: false })) as AvanserAck;
  }

  async listRequests(): Promise<AvanserRequestEntry[]> {
    return keyed(await this.call({ operation: 'listRequests', method: 'GET', path: '/requests' }), 'request_id');
  }

  async getRequest(requestId: string): Promise<AvanserRequestEntry> {
    return (await this.call({ operation: 'getRequest', method: 'GET', path: `/requests/${encodeURIComponent(requestId)}` })) as AvanserRequestEntry;
  }

  async listServices(): Promise<AvanserServiceEntry[]> {
    return keyed(await this.call({ operation: 'listServices', method: 'GET', path: '/services' }), 'service_number');
  }

  /** `POST /v1/services/{number}`: an asynchronous update. Not retried either: each POST is a new request. */
  async updateService(number: string, body: AvanserServiceFields): Promise<AvanserAck> {
    return (await this.call({ operation: 'updateService', method: 'POST', path: `/services/${encodeURIComponent(number)}`, json: body, idempotent: false })) as AvanserAck;
  }

  /** Send, unwrap `response`, or throw what the error table says. */
  private async call(req: UpstreamRequest): Promise<unknown> {
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
    if (body?.response === undefined) {
      throw new GatewayError(ErrorCode.UPSTREAM_ERROR, 'AVANSER answered without a response', { provider: 'AVANSER', detail: res.body.slice(0, 500) });
    }
    return body.response;
  }
}

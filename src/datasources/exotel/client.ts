/**
 * Exotel Lead Assist GreenVN over the wire: JSON with Basic auth (API key : API token) to
 * `{base}/v1/tenants/{sid}/greenvn…`, answers in the `{success,status,code,message,data}`
 * envelope (NOTES §3.2–3.3).
 */
import type { Logger } from 'pino';
import type { ExotelConfig } from '../../config.js';
import { BusinessError, ErrorCode, GatewayError } from '../../errors.js';
import { Upstream, type UpstreamRequest, type UpstreamResponse } from '../upstream.js';
import { optional, type Shape } from '../shape.js';
import { exotelFailure } from './errors.js';
import { isObject, unwrapOne, type CreateBody, type Envelope, type GreenVnData, type UpdatePartiesBody, type UpdateVnBody } from './mapping.js';

/** Failures after which Exotel may still have done the work, so a second try must be safe. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set([ErrorCode.UPSTREAM_TIMEOUT, ErrorCode.UPSTREAM_UNAVAILABLE]);
const RETRY_PAUSE_MS = 100;

/** What the mapping relies on in an allocation; the rest of Exotel's loose JSON is read leniently. */
const ALLOCATION: Shape = {
  greenvn_id: 'id',
  connection_id: 'string?',
  state: 'string?',
  usage: 'string?',
  aparty_numbers: optional(['string']),
  bparty_numbers: optional(['string']),
};

export class ExotelClient {
  private readonly upstream: Upstream;

  constructor(live: ExotelConfig, deps: { log: Logger; timeoutMs: number }) {
    this.upstream = new Upstream({
      provider: 'EXOTEL',
      baseUrl: `${live.baseUrl}/v1/tenants/${encodeURIComponent(live.tenantSid)}/greenvn`,
      timeoutMs: deps.timeoutMs,
      log: deps.log,
      username: live.apiKey,
      password: live.apiToken,
      headers: { accept: 'application/json' },
    });
  }

  get healthy(): boolean {
    return this.upstream.healthy;
  }

  /**
   * POST is not idempotent, but `connection_id` is unique at Exotel, so one retry after a
   * lost answer is safe: if the first attempt did allocate, the retry hits code 18 for our own
   * connection id and we read the allocation back instead of failing. A first-attempt 18 is
   * someone else's allocation and stays DUPLICATE_CONNECTION_ID.
   */
  create(body: CreateBody): Promise<GreenVnData> {
    return this.retryOnce(
      () => this.call({ operation: 'createAllocation', method: 'POST', json: body, idempotent: false }),
      (err) => (isCode(err, ErrorCode.DUPLICATE_CONNECTION_ID) ? this.findOwn(body) : undefined),
    );
  }

  get(greenvnId: string): Promise<GreenVnData> {
    return this.call({ operation: 'getAllocation', method: 'GET', path: `/${encodeURIComponent(greenvnId)}` });
  }

  /** A repeated DELETE answers 22, so a retry that hits 22 after a lost answer reads the allocation instead. */
  delete(greenvnId: string): Promise<GreenVnData> {
    return this.retryOnce(
      () => this.call({ operation: 'deleteAllocation', method: 'DELETE', path: `/${encodeURIComponent(greenvnId)}`, idempotent: false }),
      (err) => (isCode(err, ErrorCode.ALREADY_DEALLOCATED) ? this.get(greenvnId) : undefined),
    );
  }

  /** Sets the parties outright, so repeating it is harmless. */
  updateParties(greenvnId: string, body: UpdatePartiesBody): Promise<GreenVnData> {
    return this.call({ operation: 'updateParties', method: 'PUT', path: `/${encodeURIComponent(greenvnId)}/call-party`, json: body });
  }

  /** Each call takes another VN from the pool (and is billed), so it is never repeated. */
  updateVn(greenvnId: string, body: UpdateVnBody): Promise<GreenVnData> {
    return this.call({ operation: 'updateVn', method: 'PUT', path: `/${encodeURIComponent(greenvnId)}/vn`, json: body, idempotent: false });
  }

  /**
   * [I] Exotel documents no lookup by connection id. We try `GET …/greenvn?connection_id=…`
   * (the simulator serves it; `data` may be one allocation or a list) and accept the answer only
   * if it has our parties. `null`: Exotel holds no allocation with this id; `undefined`: it could
   * not tell (no such lookup, or another allocation under the id).
   */
  async lookup(body: CreateBody): Promise<GreenVnData | null | undefined> {
    try {
      const res = await this.upstream.request({ operation: 'findAllocation', method: 'GET', searchParams: { connection_id: body.connection_id } });
      const data = this.data(res, 'findAllocation');
      const found = (Array.isArray(data) ? data : [data]).find((d): d is GreenVnData => isObject(d) && sameAllocation(d, body));
      return found && this.upstream.read<GreenVnData>(found, ALLOCATION, res, 'findAllocation');
    } catch (err) {
      if (isCode(err, ErrorCode.NOT_FOUND)) return null;
      if (err instanceof BusinessError || isCode(err, ErrorCode.UPSTREAM_ERROR)) return undefined;
      throw err;
    }
  }

  /** After a retry hit 18 for our own connection id: the allocation the lost attempt made. */
  private async findOwn(body: CreateBody): Promise<GreenVnData> {
    const found = await this.lookup(body);
    if (found) return found;
    throw new BusinessError(
      ErrorCode.DUPLICATE_CONNECTION_ID,
      'Exotel already holds an allocation with this connection id, probably from an attempt whose answer was lost; it could not be read back',
      ['connectionId'],
    );
  }

  private async retryOnce(send: () => Promise<GreenVnData>, recover: (err: unknown) => Promise<GreenVnData> | undefined): Promise<GreenVnData> {
    try {
      return await send();
    } catch (err) {
      if (!(err instanceof GatewayError && TRANSIENT.has(err.code))) throw err;
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS * (1 + Math.random())));
      try {
        return await send();
      } catch (again) {
        const recovered = recover(again);
        if (recovered) return recovered;
        throw again;
      }
    }
  }

  private async call(req: UpstreamRequest): Promise<GreenVnData> {
    const res = await this.upstream.request(req);
    return this.upstream.read<GreenVnData>(this.data(res, req.operation), ALLOCATION, res, req.operation);
  }

  /** `data` of a successful envelope, or the failure the answer stands for. */
  private data(res: UpstreamResponse, operation: string): unknown {
    if (res.status >= 200 && res.status < 300) {
      const envelope = unwrapOne(this.upstream.json(res, operation));
      if (!isObject(envelope)) throw this.upstream.unreadable(res, operation, '$: expected an envelope');
      if (envelope.success !== false && envelope.success !== 'false') return unwrapOne(envelope.data);
      throw exotelFailure(res, envelope as Envelope);
    }
    throw exotelFailure(res, lenientEnvelope(res.body));
  }
}

/** Error answers (402/429/499 especially) may not be JSON at all. */
function lenientEnvelope(body: string): Envelope | undefined {
  try {
    const value = unwrapOne(JSON.parse(body));
    return isObject(value) ? (value as Envelope) : undefined;
  } catch {
    return undefined;
  }
}

function isCode(err: unknown, code: ErrorCode): boolean {
  return (err instanceof BusinessError || err instanceof GatewayError) && err.code === code;
}

function sameSet(a: unknown, b: string[]): boolean {
  return Array.isArray(a) && a.length === b.length && b.every((n) => a.includes(n));
}

function sameAllocation(d: GreenVnData, body: CreateBody): boolean {
  return d.connection_id === body.connection_id && String(d.state ?? 'active') === 'active' && sameSet(d.aparty_numbers, body.aparty_numbers) && sameSet(d.bparty_numbers, body.bparty_numbers);
}

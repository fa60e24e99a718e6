/**
 * Exotel Lead Assist GreenVN over the wire: JSON with Basic auth (API key : API token) to
 * `{base}/v1/tenants/{sid}/greenvn…`, answers in the `{success,status,code,message,data}`
 * envelope (README: Documented and inferred).
 */
import type { Logger } from 'pino';
import type { ExotelConfig } from './module.js';
import { BusinessError, ErrorCode, GatewayError } from '../../errors.js';
import { Upstream, isSuccess, type UpstreamRequest, type UpstreamResponse } from '../upstream.js';
import { optional, type Shape } from '../shape.js';
import { errorFromResponse } from './errors.js';
import { isObject, unwrapOne } from './mapping.js';
import type { CreateBody, Envelope, GreenVnData, UpdatePartiesBody, UpdateVnBody } from './wire.js';

/** Failures after which Exotel may still have done the work, so a second try must be safe. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set([ErrorCode.UPSTREAM_TIMEOUT, ErrorCode.UPSTREAM_UNAVAILABLE]);
const RETRY_PAUSE_MS = 100;

/** What the mapping relies on in an allocation; the rest of Exotel's loose JSON is read leniently. */
const ALLOCATION: Shape = {
  greenvn_id: 'id',
  connection_id: 'id?',
  flow_id: 'id?',
  state: 'string?',
  usage: 'string?',
  aparty_numbers: optional(['string']),
  bparty_numbers: optional(['string']),
};

export class ExotelClient extends Upstream<UpstreamRequest, Envelope> {
  constructor(live: ExotelConfig, deps: { log: Logger; timeoutMs: number }) {
    super({
      provider: 'EXOTEL',
      baseUrl: `${live.baseUrl}/v1/tenants/${encodeURIComponent(live.tenantSid)}/greenvn`,
      timeoutMs: deps.timeoutMs,
      log: deps.log,
      username: live.apiKey,
      password: live.apiToken,
      headers: { accept: 'application/json' },
    });
  }

  /**
   * POST is not idempotent, but `connection_id` is unique at Exotel, so one retry after a
   * lost answer is safe: if the first attempt did allocate, the retry hits code 18 for our own
   * connection id and we read the allocation back instead of failing. A first-attempt 18 is
   * someone else's allocation and stays DUPLICATE_CONNECTION_ID.
   */
  create(body: CreateBody): Promise<GreenVnData> {
    return this.retryOnce(
      () => this.fetch({ operation: 'createAllocation', method: 'POST', json: body, idempotent: false }, ALLOCATION),
      (err) => (isCode(err, ErrorCode.DUPLICATE_CONNECTION_ID) ? this.findOwn(body) : undefined),
    );
  }

  get(greenvnId: string): Promise<GreenVnData> {
    return this.fetch({ operation: 'getAllocation', method: 'GET', path: `/${encodeURIComponent(greenvnId)}` }, ALLOCATION);
  }

  /** A repeated DELETE answers 22, so a retry that hits 22 after a lost answer reads the allocation instead. */
  delete(greenvnId: string): Promise<GreenVnData> {
    return this.retryOnce(
      () => this.fetch({ operation: 'deleteAllocation', method: 'DELETE', path: `/${encodeURIComponent(greenvnId)}`, idempotent: false }, ALLOCATION),
      (err) => (isCode(err, ErrorCode.ALREADY_DEALLOCATED) ? this.get(greenvnId) : undefined),
    );
  }

  /** A PUT, but never repeated: Exotel bills each update of the parties as a new allocation. */
  updateParties(greenvnId: string, body: UpdatePartiesBody): Promise<GreenVnData> {
    return this.fetch({ operation: 'updateParties', method: 'PUT', path: `/${encodeURIComponent(greenvnId)}/call-party`, json: body, idempotent: false }, ALLOCATION);
  }

  /** Each call takes another VN from the pool (and is billed), so it is never repeated. */
  updateVn(greenvnId: string, body: UpdateVnBody): Promise<GreenVnData> {
    return this.fetch({ operation: 'updateVn', method: 'PUT', path: `/${encodeURIComponent(greenvnId)}/vn`, json: body, idempotent: false }, ALLOCATION);
  }

  /**
   * [I] Exotel documents no lookup by connection id. We try `GET …/greenvn?connection_id=…`
   * (the simulator serves it; `data` may be one allocation or a list) and accept the answer only
   * if it has our parties. `null`: Exotel holds no allocation with this id; `undefined`: it could
   * not tell (no such lookup, or another allocation under the id).
   */
  async lookup(body: CreateBody): Promise<GreenVnData | null | undefined> {
    try {
      const { res, payload } = await this.exchange({ operation: 'findAllocation', method: 'GET', searchParams: { connection_id: body.connection_id } });
      const found = (Array.isArray(payload) ? payload : [payload]).find((d): d is GreenVnData => isObject(d) && sameAllocation(d, body));
      return found && this.read<GreenVnData>(found, ALLOCATION, res, 'findAllocation');
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

  /** The envelope, unwrapped from the one-element array Exotel's own samples show; error answers (402/429/499 especially) may not be JSON at all. */
  protected override parseBody(res: UpstreamResponse, req: UpstreamRequest): Envelope | undefined {
    const envelope = unwrapOne(super.parseBody(res, req));
    if (isObject(envelope)) return envelope as Envelope;
    if (isSuccess(res)) throw this.unreadable(res, req.operation, '$: expected an envelope');
    return undefined;
  }

  protected override errorFromResponse(res: UpstreamResponse, envelope: Envelope | undefined, req: UpstreamRequest) {
    return errorFromResponse(res, envelope, req);
  }

  protected override payloadOf(envelope: Envelope | undefined): unknown {
    return unwrapOne(envelope?.data);
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

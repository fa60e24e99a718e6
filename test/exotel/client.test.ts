import { beforeEach, describe, expect, it } from 'vitest';
import { ExotelClient } from '../../src/datasources/exotel/client.js';
import { EXOTEL_CODES, EXOTEL_STATUSES } from '../../src/datasources/exotel/errors.js';
import type { CreateBody } from '../../src/datasources/exotel/wire.js';
import { BusinessError, ErrorCode, GatewayError } from '../../src/errors.js';
import { log, useSimulator } from './helpers.js';

const t = useSimulator();
let client: ExotelClient;
let n = 0;

beforeEach(() => {
  client = new ExotelClient(t.sim.live, { log, timeoutMs: 2000 });
});

function body(over: Partial<CreateBody> = {}): CreateBody {
  return { connection_id: `conn-${++n}`, aparty_numbers: ['+919811000001'], bparty_numbers: ['+919876543210'], usage: 'twoway', ...over };
}

/** A client that gives up quickly, so a delayed simulator answer is a lost one. */
const impatient = () => new ExotelClient(t.sim.live, { log, timeoutMs: 150 });
const posts = () => t.sim.requests.filter((r) => r.method === 'POST');

async function failure(p: Promise<unknown>): Promise<BusinessError | GatewayError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof BusinessError || err instanceof GatewayError)) throw new Error(`expected a gateway failure, got ${String(err)}`);
  return err;
}

describe('ExotelClient against the simulator', () => {
  it('creates, reads, updates parties, reassigns the VN and deletes', async () => {
    const created = await client.create(body({ aparty_pins: [1234], preferences: { region: 'KA', type: 'landline' }, strictness: 'true', flow_id: '4521' }));
    expect(created).toMatchObject({ state: 'active', green_vn: '+918040001001', aparty_pins: [1234], flow_id: '4521', usage: 'twoway' });
    const id = String(created.greenvn_id);
    expect(await client.get(id)).toEqual(created);

    const parties = await client.updateParties(id, { bparty_numbers: ['+919876543211'], usage: 'oneway' });
    expect(parties).toMatchObject({ aparty_numbers: ['+919811000001'], bparty_numbers: ['+919876543211'], usage: 'oneway' });

    const moved = await client.updateVn(id, { preferences: { region: 'DL', number_type: 'mobile' } });
    expect(moved).toMatchObject({ green_vn: '+919800000001', greenvn_id: id });

    expect(await client.delete(id)).toMatchObject({ state: 'vault', greenvn_id: id });
    expect(await client.get(id)).toMatchObject({ state: 'vault' });
    expect(t.sim.requests.map((r) => `${r.method} ${r.path.replace(id, 'ID').replace(/^.*greenvn/, '')}`)).toEqual(['POST ', 'GET /ID', 'PUT /ID/call-party', 'PUT /ID/vn', 'DELETE /ID', 'GET /ID']);
  });

  it('error paths: unknown id, deleting twice, update after delete, no VN for a strict request', async () => {
    expect(await failure(client.get('nope'))).toMatchObject({ code: ErrorCode.NOT_FOUND });
    const { greenvn_id } = await client.create(body());
    await client.delete(String(greenvn_id));
    expect(await failure(client.delete(String(greenvn_id)))).toMatchObject({ code: ErrorCode.ALREADY_DEALLOCATED });
    expect(await failure(client.updateParties(String(greenvn_id), { aparty_numbers: ['+919811000009'] }))).toMatchObject({ code: ErrorCode.ALREADY_DEALLOCATED });
    await client.create(body({ preferences: { region: 'GJ', type: 'mobile' }, strictness: 'true' }));
    expect(await failure(client.create(body({ preferences: { region: 'GJ', type: 'mobile' }, strictness: 'true' })))).toMatchObject({ code: ErrorCode.NO_NUMBER_AVAILABLE });
  });

  it('wrong credentials and a wrong tenant are infrastructure failures', async () => {
    const wrongKey = new ExotelClient({ ...t.sim.live, apiToken: 'wrong' }, { log, timeoutMs: 2000 });
    const err = await failure(wrongKey.get('x'));
    expect(err).toBeInstanceOf(GatewayError);
    expect(err.code).toBe(ErrorCode.UPSTREAM_AUTH_FAILED);
    expect(err.message).not.toContain(t.sim.live.apiKey);
    const wrongTenant = new ExotelClient({ ...t.sim.live, tenantSid: 'other' }, { log, timeoutMs: 2000 });
    expect(await failure(wrongTenant.get('x'))).toMatchObject({ code: ErrorCode.NOT_PERMITTED });
  });

  it('every error code and extra status the simulator can answer reaches the caller as its table row', async () => {
    const rows = [...Object.entries(EXOTEL_CODES).map(([code, row]) => [{ code: Number(code) }, row] as const), ...Object.entries(EXOTEL_STATUSES).map(([status, row]) => [{ status: Number(status) }, row] as const)];
    for (const [fault, row] of rows) {
      t.sim.failNext({ method: 'PUT', ...fault });
      // Update-VN is never repeated, so each fault is seen exactly once.
      expect(await failure(client.updateVn('any', {})), JSON.stringify(fault)).toMatchObject({ code: row.code });
    }
    expect(t.sim.requests).toHaveLength(rows.length);
  });

  it('429 is not retried for a POST and carries Retry-After', async () => {
    t.sim.failNext({ method: 'POST', status: 429, retryAfterSeconds: 3 });
    const err = await failure(client.create(body()));
    expect((err as GatewayError).extensions).toEqual({ code: ErrorCode.RATE_LIMITED, provider: 'EXOTEL', retryAfterSeconds: 3 });
    expect(posts()).toHaveLength(1);
  });
});

describe('creation retries with the same connection id', () => {
  it('a lost answer: the retry hits 18 for our connection id and reads the allocation back', async () => {
    t.sim.failNext({ method: 'POST', delayMs: 400 });
    const request = body();
    const created = await impatient().create(request);
    expect(created).toMatchObject({ connection_id: request.connection_id, state: 'active' });
    expect(posts().map((r) => r.body)).toEqual([request, request]);
    expect(t.sim.requests.at(-1)).toMatchObject({ method: 'GET', path: expect.stringMatching(new RegExp(`/greenvn\\?connection_id=${request.connection_id}$`)) });
    // One allocation only, the one the first attempt made.
    expect(await client.get(String(created.greenvn_id))).toEqual(created);
  });

  it('a lost answer where Exotel offers no lookup: DUPLICATE_CONNECTION_ID, saying why', async () => {
    await t.restart({ connectionLookup: false });
    t.sim.failNext({ method: 'POST', delayMs: 400 });
    const err = await failure(impatient().create(body()));
    expect(err).toBeInstanceOf(BusinessError);
    expect(err).toMatchObject({ code: ErrorCode.DUPLICATE_CONNECTION_ID, field: ['connectionId'], message: expect.stringContaining('could not be read back') });
  });

  it('an 18 on the first attempt is somebody else\'s allocation: no retry, no read-back', async () => {
    const request = body();
    await client.create(request);
    const err = await failure(client.create({ ...request, aparty_numbers: ['+919811000005'] }));
    expect(err).toMatchObject({ code: ErrorCode.DUPLICATE_CONNECTION_ID, message: 'An allocation with this connection id already exists' });
    expect(posts()).toHaveLength(2);
    expect(t.sim.requests.some((r) => r.method === 'GET')).toBe(false);
  });

  it('a read-back that finds other parties under our connection id is not ours', async () => {
    const request = body();
    await client.create({ ...request, bparty_numbers: ['+919876543219'] });
    t.sim.failNext({ method: 'POST', code: 0 });
    expect(await failure(client.create(request))).toMatchObject({ code: ErrorCode.DUPLICATE_CONNECTION_ID });
  });

  it('Exotel timing out (499) or failing (code 0) once: the retry allocates', async () => {
    t.sim.failNext({ method: 'POST', status: 499 });
    expect(await client.create(body())).toMatchObject({ state: 'active' });
    t.sim.failNext({ method: 'POST', code: 0 });
    expect(await client.create(body())).toMatchObject({ state: 'active' });
    expect(posts()).toHaveLength(4);
  });

  it('failing twice: the failure stands', async () => {
    t.sim.failNext({ method: 'POST', code: 0 });
    t.sim.failNext({ method: 'POST', code: 0 });
    expect(await failure(client.create(body()))).toMatchObject({ code: ErrorCode.UPSTREAM_UNAVAILABLE });
    expect(posts()).toHaveLength(2);
  });

  it('a delete whose answer was lost: the retry hits 22 and reads the allocation', async () => {
    const { greenvn_id } = await client.create(body());
    t.sim.failNext({ method: 'DELETE', delayMs: 400 });
    expect(await impatient().delete(String(greenvn_id))).toMatchObject({ state: 'vault', greenvn_id });
    expect(t.sim.requests.map((r) => r.method)).toEqual(['POST', 'DELETE', 'DELETE', 'GET']);
  });

  it('a reassignment is never repeated: each one is billed and takes another VN', async () => {
    const { greenvn_id } = await client.create(body());
    t.sim.failNext({ method: 'PUT', delayMs: 400 });
    expect(await failure(impatient().updateVn(String(greenvn_id), {}))).toMatchObject({ code: ErrorCode.UPSTREAM_TIMEOUT });
    expect(t.sim.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('an update of the parties is never repeated either: Exotel bills each one as a new allocation', async () => {
    const { greenvn_id } = await client.create(body());
    t.sim.failNext({ method: 'PUT', status: 503 });
    expect(await failure(client.updateParties(String(greenvn_id), { bparty_numbers: ['+919876543219'] }))).toMatchObject({ code: ErrorCode.UPSTREAM_UNAVAILABLE });
    expect(t.sim.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });
});

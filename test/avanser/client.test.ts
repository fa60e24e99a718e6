import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AvanserClient } from '../../src/datasources/avanser/client.js';
import { requestBody } from '../../src/datasources/avanser/mapping.js';
import { startAvanserSimulator, type AvanserSimulator } from '../../src/datasources/avanser/simulator.js';
import { BusinessError, ErrorCode, GatewayError } from '../../src/errors.js';
import { fixture, silentLog, TIME_SCALE } from './helpers.js';

const deps = { log: silentLog, timeoutMs: 2_000 };
const uris = { call_uri: 'http://127.0.0.1:9/calls?token=t', callback_uri: 'http://127.0.0.1:9/requests?token=t' };
const byType = (kind: 'MOBILE' | 'GEOGRAPHIC') => requestBody({ name: 'svc', serviceType: 'TRANSFER', answerPoint: '+61401603859' }, { type: 'NUMBER_TYPE', country: 'AU', kind }, uris);

describe('client on the vendor samples', () => {
  const seen: Array<{ method?: string; url?: string; auth?: string; contentType?: string; body: string }> = [];
  let replies: Record<string, string> = {};
  let server: http.Server;
  let base = '';

  beforeAll(async () => {
    server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString() });
      const reply = replies[`${req.method} ${new URL(req.url!, 'http://x').pathname}`];
      res.writeHead(reply ? 200 : 404, { 'content-type': 'application/json' }).end(reply ?? '');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    seen.length = 0;
    replies = {};
  });

  it('searches with Basic auth and reads the keyed reply', async () => {
    replies['GET /v1/numbers'] = JSON.stringify(fixture('search-sydney.json'));
    const client = new AvanserClient({ username: 'tapi_access', password: 'o7ahoWPITFz4Jxf', baseUrl: base }, deps);
    const stock = await client.searchNumbers({ country: 'AU', szu: 'sydney' });
    expect(stock.map((n) => [n.number, n.pool, n.national])).toEqual([
      ['61280740802', 'private', '0280740802'],
      ['61280740805', 'private', '0280740805'],
    ]);
    // The vendor page's sample token decodes to these credentials.
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/v1/numbers?country=AU&szu=sydney', auth: 'Basic dGFwaV9hY2Nlc3M6bzdhaG9XUElURno0Snhm' });
  });

  it('posts the request as JSON, with or without /v1 in the base URL, and reads the ack', async () => {
    replies['POST /v1/requests'] = JSON.stringify(fixture('ack-by-szu.json'));
    const client = new AvanserClient({ username: 'u', password: 'p', baseUrl: `${base}/v1/` }, deps);
    const body = fixture('request-by-szu.json');
    expect(await client.createRequest(body)).toEqual(fixture('ack-by-szu.json').response);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/requests', contentType: 'application/json' });
    expect(JSON.parse(seen[0]!.body)).toEqual(body);
  });

  it('posts an update to the service number', async () => {
    replies['POST /v1/services/61280740801'] = JSON.stringify(fixture('ack-update.json'));
    const client = new AvanserClient({ username: 'u', password: 'p', baseUrl: base }, deps);
    expect((await client.updateService('61280740801', fixture('update-request.json'))).request_id).toBe('c05977971a1d9fbe8eaa3a410f63d02ea5375c04');
    expect(JSON.parse(seen[0]!.body)).toEqual(fixture('update-request.json'));
  });

  it('reads an empty list given as an array and fails on what is not the envelope', async () => {
    replies['GET /v1/numbers'] = JSON.stringify({ '@transaction': {}, response: [] });
    replies['GET /v1/services'] = 'Service maintenance';
    replies['GET /v1/requests'] = JSON.stringify({ '@transaction': {} });
    const client = new AvanserClient({ username: 'u', password: 'p', baseUrl: base }, deps);
    expect(await client.searchNumbers({ country: 'NZ' })).toEqual([]);
    await expect(client.listServices()).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_ERROR });
    await expect(client.listRequests()).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_ERROR });
    await expect(client.getRequest('nope')).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });

  it.each([
    ['a service’s notification e-mail as a string', 'GET /v1/services', { '61280740801': { name: 'x', service: { missed_call_notification: { email: 'a@b.c' } } } }],
    ['a service’s recording as "yes"', 'GET /v1/services', { '61280740801': { name: 'x', service: { record_call: 'yes' } } }],
    ['a service’s custom id as an object', 'GET /v1/services', { '61280740801': { name: 'x', custom_id: { a: 1 } } }],
    ['a service’s type as an object', 'GET /v1/services', { '61280740801': { name: 'x', service: { type: { a: 1 } } } }],
    ['a stock number’s national form as a list', 'GET /v1/numbers', { '61280740802': { number: '61280740802', national: ['a'] } }],
    ['an acknowledgement’s message as an object', 'POST /v1/requests', { request_id: 'r1', message: { a: 1 } }],
  ])('fails as UPSTREAM_ERROR on %s (a field the mapping reads, of another type)', async (_, route, response) => {
    replies[route] = JSON.stringify({ '@transaction': {}, response });
    const client = new AvanserClient({ username: 'u', password: 'p', baseUrl: base }, deps);
    const call = route === 'GET /v1/services' ? client.listServices() : route === 'GET /v1/numbers' ? client.searchNumbers({ country: 'AU' }) : client.createRequest(fixture('request-by-szu.json'));
    await expect(call).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_ERROR });
  });
});

describe('client on the simulator', () => {
  let sim: AvanserSimulator;
  let client: AvanserClient;

  beforeEach(async () => {
    sim = await startAvanserSimulator({ log: silentLog, timeScale: TIME_SCALE, webhookUrl: (e) => `http://127.0.0.1:9/${e}` });
    client = new AvanserClient(sim.live, deps);
  });
  afterEach(() => sim.close());

  it('refuses wrong credentials as an upstream auth failure', async () => {
    const wrong = new AvanserClient({ ...sim.live, password: 'wrong' }, deps);
    const err = await wrong.searchNumbers({ country: 'AU' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ code: ErrorCode.UPSTREAM_AUTH_FAILED });
  });

  it('runs a request from ack to completion, visible in both request reads and the service list', async () => {
    const ack = await client.createRequest(byType('GEOGRAPHIC'));
    expect(ack).toMatchObject({ request_id: expect.stringMatching(/^[0-9a-f]{40}$/), code: 200, message: 'Success', service_number: '61280740802' });
    expect(await client.getRequest(ack.request_id)).toMatchObject({ status: 'pending', service_number: ack.service_number });
    await sim.drain();
    expect(await client.getRequest(ack.request_id)).toMatchObject({ status: 'completed', message: 'Request completed successfully' });
    expect((await client.listRequests()).map((r) => r.request_id)).toEqual([ack.request_id]);
    const service = (await client.listServices()).find((s) => s.service_number === ack.service_number);
    expect(service).toMatchObject({ name: 'svc', status: 'active', service: { type: 'transfer', answer_point: '61401603859' }, ...uris });
  });

  it('updates a service asynchronously', async () => {
    const ack = await client.updateService('61280740801', { service: { answer_point: '61132307', record_call: false } });
    expect(ack.service_number).toBe('61280740801');
    await sim.drain();
    const service = (await client.listServices()).find((s) => s.service_number === '61280740801');
    expect(service?.service).toMatchObject({ answer_point: '61132307', record_call: false, answer_point_name: 'answerpoint #1' });
  });

  it.each([
    ['no stock', () => client.createRequest(byType('MOBILE')).then(() => client.createRequest(byType('MOBILE'))).then(() => client.createRequest(byType('MOBILE'))), ErrorCode.NO_NUMBER_AVAILABLE],
    ['a number with nothing close', () => client.createRequest({ ...byType('GEOGRAPHIC'), service_number: { country: 'AU', search_type: 'number', number: '6495550123' } }), ErrorCode.NUMBER_NOT_AVAILABLE],
    ['a malformed answer point', () => client.createRequest({ ...byType('GEOGRAPHIC'), service: { type: 'transfer', answer_point: '+61 4' } }), ErrorCode.INVALID_NUMBER],
    ['a missing name', () => client.createRequest({ ...byType('GEOGRAPHIC'), name: '' }), ErrorCode.VALIDATION_FAILED],
    ['an unknown search type', () => client.searchNumbers({ country: 'AU', type: 'SATELLITE' }), ErrorCode.VALIDATION_FAILED],
    ['an unknown service', () => client.updateService('61299999999', { name: 'x' }), ErrorCode.NOT_FOUND],
    ['an unknown request', () => client.getRequest('f'.repeat(40)), ErrorCode.NOT_FOUND],
  ])('maps %s to its business error', async (_, call, code) => {
    const err = await call().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BusinessError);
    expect(err).toMatchObject({ code });
  });

  it('retries a GET that met a 503', async () => {
    sim.failNext({ status: 503, message: 'Maintenance' });
    expect((await client.searchNumbers({ country: 'AU', szu: 'sydney' })).length).toBeGreaterThan(0);
  });

  it('never retries a POST: the request is not ordered twice', async () => {
    sim.failNext({ status: 503, message: 'Maintenance' });
    await expect(client.createRequest(byType('GEOGRAPHIC'))).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_UNAVAILABLE });
    expect(await client.listRequests()).toEqual([]);
    sim.failNext({ status: 503, message: 'Maintenance' });
    await expect(client.updateService('61280740801', { name: 'x' })).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_UNAVAILABLE });
    expect(await client.listRequests()).toEqual([]);
  });

  it('passes on rate limiting with its Retry-After', async () => {
    sim.failNext({ status: 429, message: 'Too many requests', retryAfterSeconds: 30 });
    const err = await client.createRequest(byType('GEOGRAPHIC')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ code: ErrorCode.RATE_LIMITED, extensions: { retryAfterSeconds: 30, provider: 'AVANSER' } });
  });
});

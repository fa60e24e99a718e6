/**
 * The explorer over HTTP: the local GraphiQL page and every file it loads come from this
 * server (compressed as the client allows, cached for good), the landing page falls back to
 * it, and `/schema.graphql` is the running schema for a key with the read scope.
 * (test/core/explorer-browser.test.ts drives both pages in Chromium.)
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { explorerRoutes, loadExplorer } from '../../src/server/explorer.js';
import { SANDBOX_CDN } from '../../src/server/landing.js';
import { ROOT } from '../helpers/child.js';
import { RO_KEY, startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw?.close());

/** The same-origin URLs a page loads: <script src>, <link href>, and the worker URLs in its config. */
function assetUrls(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="([^"]+)"|"(\/graphiql\/assets\/[^"]+)"/g)].map((m) => m[1] ?? m[2]!);
}

describe('GET /graphiql', () => {
  it('serves GraphiQL that loads nothing from another origin; every file it names is served', async () => {
    const res = await fetch(`${gw.url}/graphiql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    const urls = assetUrls(html);
    // The script, the stylesheet and Monaco's three workers.
    expect(urls.filter((u) => u.endsWith('.js'))).toHaveLength(4);
    expect(urls.filter((u) => u.endsWith('.css'))).toHaveLength(1);
    for (const url of urls) {
      const asset = await fetch(gw.url + url, { headers: { 'accept-encoding': 'identity' } });
      expect(asset.status, url).toBe(200);
      expect(asset.headers.get('content-type'), url).toBe(url.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('pre-fills no key when the gateway has configured keys', async () => {
    const html = await (await fetch(`${gw.url}/graphiql`)).text();
    expect(html).toContain('"headers":{}');
  });
});

describe('GET /graphiql/assets/<file>', () => {
  const script = () => loadExplorer()!.assets.script;
  const raw = (encoding: string) => new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    // node:http, not fetch: fetch decompresses and hides what was sent.
    import('node:http').then(({ get }) =>
      get(gw.url + script(), { headers: { 'accept-encoding': encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject),
    );
  });

  it('sends brotli, gzip or the plain file as Accept-Encoding allows, all the same bytes', async () => {
    const plain = await raw('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
    expect(plain.headers.vary).toBe('accept-encoding');

    const br = await raw('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

    const gzip = await raw('gzip, br;q=0');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
  });

  it('serves only the files of the build: unknown names and paths out of the directory are 404', async () => {
    for (const name of ['nope.js', 'manifest.json', '..%2F..%2Fpackage.json', '%2e%2e%2fmanifest.json', `${script().split('/').pop()}.gz`]) {
      const res = await fetch(`${gw.url}/graphiql/assets/${name}`);
      expect(res.status, name).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await res.json()).toEqual({ error: 'Not found', code: 'NOT_FOUND' });
    }
  });
});

describe('the landing page', () => {
  for (const [path, accept] of [['/', '*/*'], ['/graphql', 'text/html']] as const) {
    it(`GET ${path} (Accept: ${accept}) tries Apollo Sandbox, with the local GraphiQL as its fallback`, async () => {
      const res = await fetch(gw.url + path, { headers: { accept } });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(JSON.stringify(SANDBOX_CDN));
      const local = loadExplorer()!.assets;
      for (const url of [local.script, local.style, local.workers.editor]) expect(html).toContain(`"${url}"`);
      expect(html).toContain('Apollo Sandbox did not load');
    });
  }
});

describe('GET /schema.graphql', () => {
  it('serves the running schema as SDL: what schema.graphql holds, and buildable', async () => {
    const res = await fetch(`${gw.url}/schema.graphql`, { headers: { authorization: `Bearer ${RO_KEY}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const sdl = await res.text();
    const committed = readFileSync(`${ROOT}/schema.graphql`, 'utf8').replace(/^#.*\n\n/, '');
    expect(sdl).toBe(committed);
    expect(buildSchema(sdl).getSubscriptionType()?.getFields()).toHaveProperty('callEvents');
  });

  it('answers like /graphql without a valid key: 401 UNAUTHENTICATED in the GraphQL error shape, no SDL', async () => {
    for (const authorization of [undefined, 'Bearer not-a-key-0000', 'Basic abc']) {
      const res = await fetch(`${gw.url}/schema.graphql`, { headers: authorization ? { authorization } : {} });
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(body)).not.toContain('type Query');
    }
  });
});

describe('without a build', () => {
  it('loadExplorer finds nothing in a directory without a manifest', () => {
    expect(loadExplorer(`${ROOT}/src`)).toBeUndefined();
  });

  it('GET /graphiql answers 503 with the small JSON error saying how to build it; its assets 404 the same way', async () => {
    const app = Fastify();
    await app.register(explorerRoutes({ headers: {}, explorer: undefined }));
    const page = await app.inject({ url: '/graphiql' });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(page.json()).toEqual({ error: 'The local GraphiQL is not built: run `npm run build`', code: 'INTERNAL' });
    const asset = await app.inject({ url: '/graphiql/assets/main.js' });
    expect([asset.statusCode, asset.json()]).toEqual([404, { error: 'Not found', code: 'NOT_FOUND' }]);
    await app.close();
  });
});

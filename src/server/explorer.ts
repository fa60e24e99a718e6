/**
 * What a browser or a code generator fetches besides GraphQL itself:
 * - `GET /graphiql`: the local GraphiQL, built by `npm run build` into dist/explorer
 *   (scripts/bundle.ts), so it works with no network but this server;
 * - `GET /graphiql/assets/<file>`: its content-hashed files, precompressed, cached for a year;
 * - `GET /schema.graphql`: the SDL printed from the running schema, for the same callers
 *   introspection serves (a key with the read scope), rate limited like them.
 * Refusals are the small JSON error of every non-GraphQL route.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { GraphQLError, OperationTypeNode, type GraphQLSchema } from 'graphql';
import { printSdl } from '../schema.js';
import { assertScope, type ApiKeys } from './auth.js';
import { sendHttpError } from './errors.js';
import { graphiqlHtml, type ExplorerAssets } from './landing.js';

const ASSETS = '/graphiql/assets/';
const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.ttf': 'font/ttf' };

export interface LocalExplorer {
  dir: string;
  files: Set<string>;
  assets: ExplorerAssets;
}

interface Manifest {
  script: string;
  style: string;
  workers: ExplorerAssets['workers'];
  files: string[];
}

/** The project root: the nearest directory with a package.json above this module (source or bundle). */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** The built explorer, or undefined when dist/explorer is missing (not built yet). */
export function loadExplorer(dir = path.join(projectRoot(), 'dist', 'explorer')): LocalExplorer | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  const url = (file: string) => ASSETS + file;
  return {
    dir,
    files: new Set(manifest.files),
    assets: {
      script: url(manifest.script),
      style: url(manifest.style),
      workers: { editor: url(manifest.workers.editor), json: url(manifest.workers.json), graphql: url(manifest.workers.graphql) },
    },
  };
}

/** The encodings an Accept-Encoding header allows (q > 0), e.g. "gzip, br;q=0.5". */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    if (name && (!q || Number(q[1]) > 0)) accepted.add(name);
  }
  return accepted;
}

/** A GraphQLError from auth (401/403) as the GraphQL error shape /graphql answers with. */
function sendAuthError(reply: FastifyReply, err: GraphQLError): FastifyReply {
  const http = err.extensions.http as { status: number; headers?: Map<string, string> };
  for (const [name, value] of http.headers ?? []) reply.header(name, value);
  return reply.code(http.status).type('application/json; charset=utf-8').send({ errors: [{ message: err.message, extensions: { code: err.extensions.code } }] });
}

export function explorerRoutes(opts: { headers: Record<string, string>; explorer: LocalExplorer | undefined }): FastifyPluginAsync {
  const page = opts.explorer && graphiqlHtml(opts.headers, opts.explorer.assets);
  return async (app) => {
    app.get('/graphiql', async (req, reply) => {
      if (!page) return sendHttpError(req, reply, 503, 'The local GraphiQL is not built: run `npm run build`');
      // The page may carry the dev key.
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page);
    });

    app.get<{ Params: { file: string } }>(`${ASSETS}:file`, async (req, reply) => {
      const { explorer } = opts;
      const file = req.params.file;
      if (!explorer?.files.has(file)) return sendHttpError(req, reply, 404, 'Not found');
      const accepted = acceptedEncodings(req.headers['accept-encoding'] as string | undefined);
      const encoding = ['br', 'gzip'].find((e) => accepted.has(e));
      const served = path.join(explorer.dir, encoding ? `${file}.${encoding === 'gzip' ? 'gz' : 'br'}` : file);
      let size: number;
      try {
        size = statSync(served).size;
      } catch {
        // Rebuilt under a running server: its pages name files that are gone until it restarts.
        return sendHttpError(req, reply, 404, 'Not found: the explorer was rebuilt; restart the gateway');
      }
      reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('vary', 'accept-encoding')
        .header('content-length', size)
        .type(TYPES[path.extname(file)] ?? 'application/octet-stream');
      if (encoding) reply.header('content-encoding', encoding);
      return reply.send(createReadStream(served));
    });
  };
}

/** `GET /schema.graphql`, registered where GraphQL is rate limited: it costs what introspection does. */
export function schemaRoute(opts: { schema: GraphQLSchema; keys: ApiKeys }): FastifyPluginAsync {
  let sdl: string | undefined; // printed on first use: boot need not pay for it
  return async (app) => {
    app.get('/schema.graphql', async (req, reply) => {
      try {
        assertScope(opts.keys.authenticate(req.headers.authorization), OperationTypeNode.QUERY);
      } catch (err) {
        if (err instanceof GraphQLError) return sendAuthError(reply, err);
        throw err;
      }
      sdl ??= printSdl(opts.schema);
      return reply.type('text/plain; charset=utf-8').send(sdl);
    });
  };
}

/**
 * A peer GraphQL server (PEER: apollo, yoga or mercurius-jit) serving the gateway's own SDL
 * (schema.graphql). For scenario 1, `providers` answers PEER_DATA (base64 JSON, the gateway's
 * answer), so every peer sends the same bytes for the same query. For scenario 2, with AVANSER
 * (the gateway's AVANSER account as JSON), `availableNumbers` searches AVANSER's stock through
 * the gateway's own AVANSER adapter and got client and presents the numbers as the gateway does.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NumberSearchFilter } from '../../src/datasources/provider.js';

const typeDefs = readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8');
const peer = process.env.PEER;

async function avanserSearch(account: string) {
  // The gateway's types module reads type-graphql's metadata when loaded.
  await import('reflect-metadata');
  const [{ AvanserAdapter }, { AvanserClient }, { presentNumber }, { pino }] = await Promise.all([
    import('../../src/datasources/avanser/adapter.js'),
    import('../../src/datasources/avanser/client.js'),
    import('../../src/types/present.js'),
    import('pino'),
  ]);
  const deps = { log: pino({ level: 'silent' }), timeoutMs: 10_000, webhookUrl: () => 'http://127.0.0.1/unused' };
  const adapter = new AvanserAdapter(new AvanserClient(JSON.parse(account), deps), deps);
  return async (_: unknown, { filter, first }: { filter: NumberSearchFilter; first: number }) => ({ edges: (await adapter.searchNumbers(filter, first)).map((n) => ({ node: presentNumber(n) })) });
}

function fixedProviders() {
  const providers = JSON.parse(Buffer.from(process.env.PEER_DATA ?? '', 'base64').toString()) as unknown;
  return { Query: { providers: () => providers } };
}

const resolvers = process.env.AVANSER ? { Query: { availableNumbers: await avanserSearch(process.env.AVANSER) } } : fixedProviders();

/**
 * Imported by a name TypeScript does not follow: Yoga's and Mercurius' declarations widen
 * graphql's and fastify's own types for the whole program (the gateway's sources included).
 */
const untyped = (name: string) => import(name) as Promise<any>;

async function listen(): Promise<{ url: string; close(): Promise<void> }> {
  if (peer === 'apollo') {
    const { ApolloServer } = await import('@apollo/server');
    const { startStandaloneServer } = await import('@apollo/server/standalone');
    const server = new ApolloServer({ typeDefs, resolvers });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    return { url: url.replace(/\/$/, ''), close: () => server.stop() };
  }
  if (peer === 'yoga') {
    const { createSchema, createYoga } = await untyped('graphql-yoga');
    const yoga = createYoga({ schema: createSchema({ typeDefs, resolvers }), logging: false, graphiql: false });
    const server = http.createServer(yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
  }
  if (peer === 'mercurius-jit') {
    const { default: Fastify } = await import('fastify');
    const { default: mercurius } = await untyped('mercurius');
    const app = Fastify();
    // jit: 1 compiles a document on its first repeat, as Mercurius' docs suggest.
    await app.register(mercurius, { schema: typeDefs, resolvers, jit: 1 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, close: () => app.close() };
  }
  throw new Error(`unknown PEER ${peer}`);
}

const server = await listen();
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));

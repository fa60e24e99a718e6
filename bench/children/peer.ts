/**
 * A peer GraphQL server for scenario 1 (PEER: apollo, yoga or mercurius-jit), serving the
 * gateway's own SDL (schema.graphql) with `providers` answering PEER_DATA (base64 JSON, the
 * gateway's answer), so every peer sends the same bytes for the same query.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const typeDefs = readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8');
const providers = JSON.parse(Buffer.from(process.env.PEER_DATA ?? '', 'base64').toString()) as unknown;
const resolvers = { Query: { providers: () => providers } };
const peer = process.env.PEER;

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

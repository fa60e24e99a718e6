/**
 * One operation sent both ways through a gateway: on the fast path (src/server/fast-path.ts),
 * twice (graphql-js runs a document's first sight, graphql-jit the next), and through Fastify
 * and Apollo, which take any body sent in chunks (no Content-Length: the fast path leaves it).
 */
import { expect } from 'vitest';
import { RW_KEY } from './gateway.js';

type Path = 'any' | 'apollo';

/** A request's body; to Apollo as a stream. */
export const bodyFor = (text: string, via: Path) => (via === 'apollo' ? { body: new Response(text).body!, duplex: 'half' as const } : { body: text });

export interface Answer {
  status: number;
  type: string | null;
  authenticate: string | null;
  body: string;
}

/** A time series with a null end runs to now, which its refusal names (read at each request). */
const unclocked = (body: string) => body.replace(/ to \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z makes \d+ buckets/g, ' to (now) makes (n) buckets');

/** `normalize`: what a comparison leaves out of an answer (a value that changes at every read), beside the clock in a series' refusal. */
export function bothPaths(graphqlUrl: string, normalize: (answer: Answer) => Answer = (answer) => answer) {
  async function post(body: Record<string, unknown>, headers: Record<string, string>, via: Path = 'any'): Promise<Answer> {
    const res = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, ...bodyFor(JSON.stringify(body), via) });
    return { status: res.status, type: res.headers.get('content-type'), authenticate: res.headers.get('www-authenticate'), body: unclocked(await res.text()) };
  }

  /** The fast path's answer (the second, compiled run, checked equal to the first) and Apollo's. */
  async function bothWays(body: Record<string, unknown>, headers: Record<string, string> = { authorization: `Bearer ${RW_KEY}` }) {
    const first = normalize(await post(body, headers));
    const compiled = normalize(await post(body, headers));
    const apollo = normalize(await post(body, headers, 'apollo'));
    expect(compiled).toEqual(first);
    return { fast: compiled, apollo };
  }

  return { post, bothWays };
}

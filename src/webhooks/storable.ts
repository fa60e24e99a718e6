/**
 * What the store can keep of a webhook. PostgreSQL text and jsonb refuse NUL characters and
 * lone surrogates (badText), and its JSON parser gives up on deep nesting; such payloads are bad input
 * (answered 4xx, never 5xx), found here before anything is stored.
 */
import { isUtf8 } from 'node:buffer';
import { badText } from '../domain/values.js';

/** No provider nests deeper than 2 (Exotel's `insights`); the routes' own wrapping adds a few. */
export const MAX_DEPTH = 32;

/** Why `value` (JSON-like) cannot be stored, or undefined when it can. Iterative: depth is the input's to choose. */
export function unstorable(value: unknown): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      const bad = badText(v);
      if (bad) return `the payload ${bad}`;
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= MAX_DEPTH) return `the payload is nested more than ${MAX_DEPTH} levels deep`;
      for (const [k, item] of Object.entries(v)) stack.push([k, depth], [item, depth + 1]);
    }
  }
  return undefined;
}

/** Text the store can keep, with what it cannot written as `\uXXXX` (for the query and reason of a rejected receipt). */
export function storableText(s: string): string {
  return badText(s) === undefined ? s : s.replace(/\u0000|[\ud800-\udfff]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A body as the receipt keeps it: its text when it is valid UTF-8 without NUL, else its
 * bytes in base64 (`encoding: 'base64'`), so that any delivery is kept byte for byte.
 */
export function storableBody(bytes: Buffer): { body: string; encoding?: 'base64' } {
  return isUtf8(bytes) && !bytes.includes(0) ? { body: bytes.toString('utf8') } : { body: bytes.toString('base64'), encoding: 'base64' };
}

export function bodyBytes(stored: { body: string; body_encoding: string | null }): Buffer {
  return Buffer.from(stored.body, stored.body_encoding === 'base64' ? 'base64' : 'utf8');
}

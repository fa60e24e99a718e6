/**
 * What the store can keep of a webhook. A payload it cannot keep (src/domain/values.ts
 * `unstorable`) is bad input (answered 4xx, never 5xx), found before anything is stored; what
 * is kept of it is written here.
 */
import { isUtf8 } from 'node:buffer';
import { badText } from '../domain/values.js';

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

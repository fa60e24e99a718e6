/**
 * What adapters check before any upstream call, said the same way for every provider: a
 * refusal is a BusinessError (a userError) on the input field it is about, a path inside the
 * mutation's input (`['avanser', 'numbers', '0']`). Checks run through `everyRefusal` report every
 * bad field at once, so a client fixes its input in one round trip.
 */
import { isEmail } from '../domain/email.js';
import type { E164 } from '../domain/model.js';
import { InvalidPhoneNumber, toE164 } from '../domain/phone.js';
import { MAX_INT } from '../domain/values.js';
import { BusinessError, ErrorCode, Refusals } from '../errors.js';

/** Refuse the input at `field`. */
export function refuse(field: string[], message: string, code: ErrorCode = ErrorCode.VALIDATION_FAILED): never {
  throw new BusinessError(code, message, field);
}

/** `value` as E.164, or INVALID_NUMBER at `field` saying why. */
export function phoneNumber(value: string | undefined, field: string[]): E164 {
  try {
    return toE164(value ?? '');
  } catch (err) {
    if (err instanceof InvalidPhoneNumber) refuse(field, err.message, ErrorCode.INVALID_NUMBER);
    throw err;
  }
}

/** An e-mail address, or a refusal at `field`; absent passes. */
export function checkEmail(value: string | undefined, field: string[]): void {
  if (value !== undefined && !isEmail(value)) refuse(field, `"${value}" is not an e-mail address`);
}

/** Runs every check, each on its own; refuses with all they found (the first refusal of each field). */
export function everyRefusal(checks: Array<() => unknown>): void {
  const found: BusinessError[] = [];
  for (const check of checks) {
    try {
      check();
    } catch (err) {
      if (!(err instanceof BusinessError)) throw err;
      for (const r of err instanceof Refusals ? err.all : [err]) {
        if (!found.some((f) => f.field?.join('.') === r.field?.join('.'))) found.push(r);
      }
    }
  }
  if (found.length === 1) throw found[0];
  if (found.length > 1) throw new Refusals(found);
}

/**
 * A table looked up by words a provider sends: without a prototype, so "constructor" or
 * "__proto__" finds nothing (in a plain object they find Object's own function or prototype).
 */
export function lookupTable<K extends string, V>(rows: Record<K, V>): Readonly<Record<K, V>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<K, V>, rows));
}

/** A whole number from `min` to GraphQL's Int maximum, as a provider wrote it (a number, or digits); undefined otherwise. */
export function wholeNumber(value: unknown, min = 0): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d{1,10}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= min && n <= MAX_INT ? n : undefined;
}

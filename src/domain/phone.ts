/**
 * Phone numbers: everything is E.164 inside the gateway. libphonenumber-js with its `max`
 * metadata validates (the default metadata only measures lengths).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { E164, NumberKind } from './model.js';

export class InvalidPhoneNumber extends Error {
  constructor(readonly value: string, reason: string) {
    super(`"${value}" is not a valid phone number: ${reason}`);
    this.name = 'InvalidPhoneNumber';
  }
}

/**
 * Normalise a number to E.164. National numbers need `defaultCountry`. Throws
 * InvalidPhoneNumber naming the value.
 */
export function toE164(value: string, defaultCountry?: CountryCode): E164 {
  const key = `${defaultCountry ?? ''}|${value}`;
  const known = valid.get(key);
  if (known) return known;
  const e164 = parseE164(value, defaultCountry);
  remember(valid, key, e164);
  return e164;
}

/*
 * Parsing with the full metadata costs tens of microseconds, and a telephony gateway sees the
 * same few numbers again and again (its own, its callers'): good parses are remembered.
 */
const MEMO_LIMIT = 10_000;
const valid = new Map<string, E164>();
const parts = new Map<E164, NumberParts>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

function parseE164(value: string, defaultCountry?: CountryCode): E164 {
  const cleaned = value.trim();
  if (!cleaned) throw new InvalidPhoneNumber(value, 'it is empty');
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  if (!parsed) {
    throw new InvalidPhoneNumber(value, cleaned.startsWith('+') || defaultCountry ? 'it cannot be read as a number' : 'it needs a leading + and country code');
  }
  if (!parsed.isValid()) throw new InvalidPhoneNumber(value, `no ${parsed.country ?? `+${parsed.countryCallingCode}`} number has this form`);
  return parsed.number;
}

/** Like toE164, but undefined instead of an error (for lenient webhook fields). */
export function tryE164(value: string | undefined | null, defaultCountry?: CountryCode): E164 | undefined {
  if (!value) return undefined;
  try {
    return toE164(value, defaultCountry);
  } catch {
    return undefined;
  }
}

export interface NumberParts {
  national: string;
  country?: string;
  countryCallingCode: string;
}

/** National form (with trunk prefix, no spaces) and country of an E.164 number. */
export function partsOf(e164: E164): NumberParts {
  let known: NumberParts | undefined = parts.get(e164);
  if (!known) {
    const parsed = parsePhoneNumberFromString(e164);
    known = parsed
      ? { national: parsed.formatNational().replace(/[^\d]/g, ''), country: parsed.country, countryCallingCode: parsed.countryCallingCode }
      : { national: e164, countryCallingCode: '' };
    remember(parts, e164, Object.freeze(known));
  }
  return known;
}

/** What libphonenumber's numbering plans say a number is, in our kinds (shared-cost plans are local rate). */
const KIND_OF_TYPE: Partial<Record<string, NumberKind>> = {
  FIXED_LINE: 'GEOGRAPHIC',
  FIXED_LINE_OR_MOBILE: 'GEOGRAPHIC',
  MOBILE: 'MOBILE',
  TOLL_FREE: 'TOLL_FREE',
  SHARED_COST: 'LOCAL_RATE',
};

/** The kind of a number by its country's numbering plan, for providers that do not say (Delacon). */
export function kindOfNumber(e164: E164): NumberKind | undefined {
  const type = parsePhoneNumberFromString(e164)?.getType();
  return type && KIND_OF_TYPE[type];
}

/** International digits without `+` (AVANSER, Delacon Auth-era APIs): `61280740802`. */
export function digitsOf(e164: E164): string {
  return e164.replace(/^\+/, '');
}

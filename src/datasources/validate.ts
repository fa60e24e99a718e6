/**
 * What adapters check before any upstream call, said the same way for every provider: a
 * refusal is a BusinessError (a userError) on the input field it is about, a path inside the
 * mutation's input (`['avanser', 'numbers', '0']`).
 */
import { isEmail } from '../domain/email.js';
import type { E164 } from '../domain/model.js';
import { InvalidPhoneNumber, toE164 } from '../domain/phone.js';
import { BusinessError, ErrorCode } from '../errors.js';

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

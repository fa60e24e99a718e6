/** Phone numbers: E.164 normalisation and national parts, the same on every call (parses are remembered). */
import { describe, expect, it } from 'vitest';
import { InvalidPhoneNumber, partsOf, toE164, tryE164 } from '../../src/domain/phone.js';

describe('phone numbers', () => {
  it('normalise national and international forms, the same on a repeat', () => {
    for (let i = 0; i < 2; i++) {
      expect(toE164('02 8074 0802', 'AU')).toBe('+61280740802');
      expect(toE164(' +61 2 8074 0802 ')).toBe('+61280740802');
      expect(toE164('080 4000 1001', 'IN')).toBe('+918040001001');
    }
  });

  it('read the same national digits differently per default country', () => {
    expect(toE164('2025550123', 'US')).toBe('+12025550123');
    expect(() => toE164('2025550123', 'AU')).toThrow(InvalidPhoneNumber);
  });

  it('refuse invalid numbers every time, naming the value (failures are not remembered as successes)', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => toE164('+6112')).toThrow('"+6112" is not a valid phone number');
      expect(() => toE164('0280740802')).toThrow('it needs a leading + and country code');
      expect(tryE164('not a number')).toBeUndefined();
    }
  });

  it('give national digits and country, the same (unchangeable) answer on a repeat', () => {
    const first = partsOf('+61280740802');
    expect(first).toEqual({ national: '0280740802', country: 'AU', countryCallingCode: '61' });
    expect(partsOf('+61280740802')).toEqual(first);
    expect(Object.isFrozen(partsOf('+61280740802'))).toBe(true);
    expect(partsOf('+918040001001')).toMatchObject({ country: 'IN', countryCallingCode: '91' });
  });
});

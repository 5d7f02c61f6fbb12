import { describe, expect, it } from 'vitest';
import { formatIsni, formatIswc, ipiCheckDigits, isniCheckCharacter, normalizeIpi, normalizeIsni, normalizeIsrc, normalizeIswc } from './identifiers';

describe('identifiers', () => {
  it('accepts ISRCs with or without hyphens and rejects malformed ones', () => {
    expect(normalizeIsrc('GB-EMI-76-12345')).toBe('GBEMI7612345');
    expect(normalizeIsrc('usrc17607839')).toBe('USRC17607839');
    expect(normalizeIsrc('GB-EMI-7-12345')).toBeNull();
    expect(normalizeIsrc('1B-EMI-76-12345')).toBeNull();
  });

  it('checks the ISWC check digit (ISO 15707)', () => {
    // T-034.524.680-1 is the ISWC of a published work used in the CISAC guide.
    expect(normalizeIswc('T-034.524.680-1')).toBe('T0345246801');
    expect(normalizeIswc('T-034.524.680-2')).toBeNull();
    expect(formatIswc('T0345246801')).toBe('T-034.524.680-1');
  });

  it('checks the ISNI check character (ISO 7064 MOD 11-2)', () => {
    // ISNI 0000 0001 2146 438X is a published example (ISNI of the British Library entry of a person).
    expect(isniCheckCharacter('000000012146438')).toBe('X');
    expect(normalizeIsni('0000 0001 2146 438X')).toBe('000000012146438X');
    expect(normalizeIsni('0000 0001 2146 4381')).toBeNull();
    expect(formatIsni('000000012146438X')).toBe('0000 0001 2146 438X');
  });

  it('pads IPI name numbers to 11 digits and verifies their mod-101 check digits', () => {
    // 00000000199 is the example IPI name number CISAC tools use (weighted sum 2, check 101 − 2 = 99).
    expect(normalizeIpi('00000000199')).toBe('00000000199');
    expect(normalizeIpi('000000199')).toBe('00000000199');
    expect(normalizeIpi('123456790')).toBe('00123456790');
    expect(normalizeIpi('00123456789')).toBeNull();
    expect(normalizeIpi('00000000198')).toBeNull();
    expect(normalizeIpi('12345')).toBeNull();
    // A weighted sum ≡ 1 (mod 101) has the complement 100, which wraps to 00; a sum ≡ 0 checks as 00 too.
    expect(ipiCheckDigits('000005899')).toBe('00');
    expect(ipiCheckDigits('000000000')).toBe('00');
  });
});

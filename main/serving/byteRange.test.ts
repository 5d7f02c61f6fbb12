import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byteRange';

describe('parseByteRange', () => {
  it.each([
    [undefined, { kind: 'whole' }],
    ['bytes=0-99', { kind: 'partial', start: 0, end: 99 }],
    ['bytes=64-', { kind: 'partial', start: 64, end: 999 }],
    ['bytes=-100', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=-5000', { kind: 'partial', start: 0, end: 999 }],
    ['bytes=990-5000', { kind: 'partial', start: 990, end: 999 }],
    ['Bytes=5-5', { kind: 'partial', start: 5, end: 5 }],
    ['items=0-5', { kind: 'whole' }],
  ] as const)('%s → %o', (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });

  it.each([
    ['bytes=1000-', /past the end/],
    ['bytes=9999999999999999-', /past the end/],
    ['bytes=50-10', /before it starts/],
    ['bytes=0-1,5-9', /one range at a time/],
    ['bytes=-0', /empty suffix/],
    ['bytes=-', /malformed/],
    ['bytes=a-b', /malformed/],
    ['bytes=1.5-2', /malformed/],
    ['bytes=+1-2', /malformed/],
    ['bytes=0x10-', /malformed/],
    ['bytes=12345678901234567-', /malformed/],
    ['bytes 0-10', /malformed/],
    ['=0-10', /malformed/],
    [`bytes=0-${'9'.repeat(200)}`, /too long/],
  ])('refuses %s', (header, reason) => {
    const range = parseByteRange(header, 1000);
    expect(range.kind).toBe('refused');
    expect(range.kind === 'refused' && range.reason).toMatch(reason);
  });

  it('refuses any range of an empty body', () => {
    expect(parseByteRange('bytes=0-', 0).kind).toBe('refused');
  });
});

import { describe, expect, it } from 'vitest';
import { formatNumber } from './formatNumber';

describe('formatNumber', () => {
  it.each([
    [3.900833333333333, 3, '3.901'],
    [2.5000001, 3, '2.5'],
    [4, 3, '4'],
    [0.0625, 3, '0.063'],
    [0.0625, 4, '0.0625'],
    [-0.0001, 3, '0'],
    [-1.23456, 2, '-1.23'],
    [1e-7, 3, '0'],
    [123456789.12345, 3, '123456789.123'],
    [1e20, 0, '100000000000000000000'],
    [100, 0, '100'],
    [100, 3, '100'],
    [10.5, 3, '10.5'],
    [Number.NaN, 3, 'NaN'],
  ])('%d with %i decimals → %s', (value, decimals, text) => {
    expect(formatNumber(value, decimals)).toBe(text);
  });
});

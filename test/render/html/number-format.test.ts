import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatNumber } from '../../../src/render/html/number-format.ts';

describe('number formatting', () => {
  it('prints counts as plain integers, without thousands separators', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(67974)).toBe('67974');
    expect(formatCount(1234567)).toBe('1234567');
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => formatCount(1.5)).toThrow();
    expect(() => formatCount(Number.NaN)).toThrow();
  });

  it('prints money as published: its own decimals, never padded', () => {
    expect(formatMoney(11.42)).toBe('11.42');
    expect(formatMoney(0)).toBe('0');
    expect(formatMoney(0.5)).toBe('0.5');
    expect(formatMoney(12000)).toBe('12000');
    expect(formatMoney(0.1 + 0.2)).toBe('0.3');
    expect(formatMoney(3.1416)).toBe('3.1416');
    expect(formatMoney(-0)).toBe('0');
  });

  it('dispatches on the unit', () => {
    expect(formatNumber(5, 'count')).toBe('5');
    expect(formatNumber(2.25, 'money')).toBe('2.25');
  });
});

/**
 * Numbers as the published tables print them: plain digits, no thousands separators; counts
 * whole, money (万元) with as many decimals as it has (11.42, 0.5, 0), never padded.
 */
import { MONEY_DECIMALS } from '../../format/index.ts';

export function formatCount(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`件数应为整数：${value}`);
  return String(value);
}

export function formatMoney(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`金额无效：${value}`);
  // Rounding to the allowed decimals first drops binary noise such as 0.1 + 0.2 = 0.30000000000000004.
  const fixed = value.toFixed(MONEY_DECIMALS).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

export const formatNumber = (value: number, unit: 'count' | 'money'): string =>
  unit === 'money' ? formatMoney(value) : formatCount(value);

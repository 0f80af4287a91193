import { describe, expect, it } from 'vitest';
import { suggestKey } from '../../src/validate/did-you-mean.ts';

const CHOICES = [
  { key: 'received', title: '一、本年新收政府信息公开申请数量' },
  { key: 'carriedOver', title: '二、上年结转政府信息公开申请数量' },
  { key: 'carriedForward', title: '四、结转下年度继续办理' },
  { key: 'shortName', title: '机关简称' },
];

describe('suggestKey', () => {
  it.each<[string, string | null]>([
    ['recieved', 'received'],
    ['recived', 'received'],
    ['shortname', 'shortName'],
    ['carriedforward', 'carriedForward'],
    ['carryOver', 'carriedOver'],
    ['机关简称', 'shortName'],
    ['上年结转', 'carriedOver'],
    ['xyz', null],
    ['attachments', null],
  ])('%s → %s', (unknown, expected) => {
    expect(suggestKey(unknown, CHOICES)?.key ?? null).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { titlePhrases } from '../../../src/render/html/print-title.ts';

describe('titlePhrases', () => {
  it('cuts titles between phrases, never inside a name or 2023年度', () => {
    expect(titlePhrases('神木市人民政府2023年度政府信息公开工作报告', ['神木市人民政府'])).toEqual([
      '神木市人民政府',
      '2023年度',
      '政府信息公开',
      '工作报告',
    ]);
    expect(titlePhrases('关于报送《神木市人民政府2023年度政府信息公开工作报告》的函', ['神木市人民政府'])).toEqual([
      '关于报送',
      '《神木市人民政府',
      '2023年度',
      '政府信息公开',
      '工作报告》',
      '的函',
    ]);
  });

  it('keeps a short name inside the full name whole, and 人民政府 with what it names', () => {
    const phrases = titlePhrases('锦界镇人民政府关于报送锦界镇2023年政府信息公开工作的报告', ['神木市锦界镇人民政府', '锦界镇']);
    expect(phrases).toEqual(['锦界镇人民政府', '关于报送', '锦界镇', '2023年', '政府信息公开工作', '的报告']);
  });

  it('gives the title back when joined', () => {
    const title = '新乡市人民政府办公室2023年政府信息公开工作年度报告';
    expect(titlePhrases(title, ['新乡市人民政府办公室']).join('')).toBe(title);
    expect(titlePhrases('年报')).toEqual(['年报']);
  });
});

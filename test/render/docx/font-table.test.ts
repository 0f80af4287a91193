/**
 * The fonts the Word templates name: each GB/T 9704 role's official font in styles.xml, and in
 * fontTable.xml an altName chain from it to a font every Windows has (仿宋_GB2312 → 仿宋 →
 * FangSong), which Word and WPS follow when the official font is not installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { ROLE_SPECS } from '../../../src/fonts/roles.ts';
import { TEMPLATES_DIR } from '../html/example-reports.ts';

/** Fonts of every Windows since Vista, by their Chinese and English names. */
const WINDOWS_FONTS = ['宋体', 'SimSun', '仿宋', 'FangSong', '楷体', 'KaiTi', '黑体', 'SimHei'];

function partsOf(name: string) {
  const zip = new PizZip(fs.readFileSync(path.join(TEMPLATES_DIR, name)));
  const fontTable = zip.file('word/fontTable.xml')!.asText();
  const alt = new Map(
    [...fontTable.matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)].map((m) => [m[1]!, /<w:altName w:val="([^"]+)"/.exec(m[2]!)?.[1] ?? null]),
  );
  const styles = zip.file('word/styles.xml')!.asText();
  const eastAsia = new Set([...styles.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]!).filter((f) => f !== 'zh-CN'));
  return { alt, eastAsia, styles };
}

describe.each(['report.docx', 'letter.docx'])('%s', (name) => {
  const { alt, eastAsia, styles } = partsOf(name);

  it('declares each role\'s official font with an altName chain that ends in a font Windows ships', () => {
    for (const spec of ROLE_SPECS) {
      const chain = [spec.docx[0]!];
      while (alt.get(chain.at(-1)!) && chain.length < 5) chain.push(alt.get(chain.at(-1)!)!);
      expect(chain, spec.role).toEqual(spec.docx.slice(0, chain.length));
      expect(chain.length, spec.role).toBeGreaterThanOrEqual(2);
      expect(WINDOWS_FONTS, `${spec.role}: ${chain.join(' → ')}`).toContain(chain.at(-1));
    }
  });

  it('names only declared fonts in its styles, and the official ones for the body, headings and title', () => {
    for (const font of eastAsia) expect(alt.has(font), font).toBe(true);
    const styleFont = (id: string) => new RegExp(`w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0].match(/w:eastAsia="([^"]+)"/)?.[1];
    expect(styleFont('Normal')).toBe('仿宋_GB2312');
    expect(/<w:rPrDefault>[\s\S]*?w:eastAsia="仿宋_GB2312"/.test(styles)).toBe(true);
    expect(styleFont('Title')).toBe('方正小标宋简体');
    expect(styleFont('Heading1')).toBe('黑体');
    expect(styleFont('Heading2')).toBe('楷体_GB2312');
    expect(styleFont('PageNumber')).toBe('宋体');
  });
});

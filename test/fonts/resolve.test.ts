/** Which font fills each role: found by the name table in the --fonts folder, else the web font, reported in Chinese. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontReport, formatFontReport, FontsError, missingFontsMessage, noSystemFonts, resolveFonts } from '../../src/fonts/index.ts';
import { readFontFaces } from '../../src/fonts/font-file.ts';
import { makeOfficeFonts } from './office-fonts.ts';

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-fonts-'));
  await makeOfficeFonts(dir, [
    // Named by its name table only: the file name says nothing.
    { file: 'font-1.ttf', family: 'FangSong_GB2312', fullName: '仿宋_GB2312' },
    // Known by its Chinese name.
    { file: 'nested/font-2.ttf', family: '楷体', postScriptName: 'KaiTi' },
    // A file called simhei.ttf that is not 黑体: the name table decides.
    { file: 'simhei.ttf', family: 'Some Other Font' },
  ]);
}, 60_000);

describe('resolveFonts', () => {
  it('finds the official fonts of a folder by their name tables, and substitutes the others', async () => {
    const plan = await resolveFonts({ fontsDir: dir, systemFonts: noSystemFonts });
    const byRole = Object.fromEntries(plan.choices.map((c) => [c.role, c]));
    expect(byRole.fangsong!.found).toMatchObject({ file: path.join(dir, 'font-1.ttf'), source: 'folder', postscriptName: 'FangSong_GB2312' });
    expect(byRole.kaiti!.found).toMatchObject({ family: '楷体', file: path.join(dir, 'nested', 'font-2.ttf') });
    expect(byRole.heiti!.found).toBeNull();
    expect(byRole.xiaobiaosong!.found).toBeNull();

    const report = fontReport(plan);
    const heiti = report.find((e) => e.role === 'heiti')!;
    expect(heiti).toMatchObject({ used: '思源黑体（Noto Sans SC）', source: 'web', substituted: true });
    expect(heiti.warning).toContain('一级标题应使用黑体');
    expect(heiti.warning).toContain('--fonts');
    expect(report.find((e) => e.role === 'fangsong')).toMatchObject({ substituted: false, warning: null, source: 'folder' });

    const text = formatFontReport(report);
    expect(text).toContain(`正文（仿宋_GB2312）：FangSong_GB2312（字体文件夹：${path.join(dir, 'font-1.ttf')}）`);
    expect(text).toContain('一级标题（黑体）：未找到，已用 思源黑体（Noto Sans SC） 代替');
    expect(text).toMatch(/警告：3 种公文字体未找到（方正小标宋简体、黑体、宋体）.*--fonts/);
    expect(missingFontsMessage(report)).toContain('--strict-fonts');
  });

  it('reads every name of a font, in each language it carries', async () => {
    const [face] = await readFontFaces(path.join(dir, 'font-1.ttf'));
    expect(face).toMatchObject({ trueType: true, index: 0 });
    expect(face!.names).toEqual(expect.arrayContaining(['FangSong_GB2312', '仿宋_GB2312']));
  });

  it('changes its digest when a font is added, and only then', async () => {
    const before = await resolveFonts({ fontsDir: dir, systemFonts: noSystemFonts });
    expect((await resolveFonts({ fontsDir: dir, systemFonts: noSystemFonts })).digest).toBe(before.digest);
    const more = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-fonts-more-'));
    await fs.cp(dir, more, { recursive: true });
    await makeOfficeFonts(more, [{ file: 'x.ttf', family: 'SimHei', fullName: '黑体' }]);
    const after = await resolveFonts({ fontsDir: more, systemFonts: noSystemFonts });
    expect(after.choices.find((c) => c.role === 'heiti')!.found?.family).toBe('SimHei');
    expect(after.digest).not.toBe(before.digest);
  });

  it('without a folder or machine fonts, every role takes the web font', async () => {
    const plan = await resolveFonts({ fontsDir: null, systemFonts: noSystemFonts });
    expect(plan.choices.every((c) => c.found === null)).toBe(true);
  });

  it('refuses a folder that does not exist, naming it', async () => {
    const missing = path.join(dir, 'no-such-folder');
    await expect(resolveFonts({ fontsDir: missing, systemFonts: noSystemFonts })).rejects.toBeInstanceOf(FontsError);
    await expect(resolveFonts({ fontsDir: missing, systemFonts: noSystemFonts })).rejects.toThrow(`字体文件夹不存在：${missing}`);
  });
});

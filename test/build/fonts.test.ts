/**
 * A build with an office's fonts (--fonts): the PDFs embed them under their own names as TrueType
 * subsets, the DOCX names them, the summary and each manifest say which font set each role, and
 * adding a font rebuilds the reports; --strict-fonts stops a build that lacks one, with exit code 3.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { formatBuildSummary } from '../../src/build/summary.ts';
import { main } from '../../src/cli/main.ts';
import { noSystemFonts, resolveFonts } from '../../src/fonts/index.ts';
import { resolveOptions } from '../../src/options.ts';
import { readManifest } from '../../src/write/manifest.ts';
import { makeOfficeFonts } from '../fonts/office-fonts.ts';
import { hasCommand } from '../print/pdf-inspect.ts';
import { copyAgency, listTree, tempDir } from './helpers.ts';

describe('a build with an office font folder', () => {
  it('sets the PDFs in the folder\'s fonts, names them in the DOCX and rebuilds when a font is added', async () => {
    const root = await tempDir('fonts-build');
    const data = path.join(root, 'data');
    const out = path.join(root, 'out');
    const fontsDir = path.join(root, 'fonts');
    await copyAgency('jinjie', data, 'jinjie');
    await makeOfficeFonts(fontsDir, [
      { file: 'office-1.ttf', family: 'FangSong_GB2312', fullName: '仿宋_GB2312' },
      { file: 'office-2.ttf', family: '方正小标宋_GBK', postScriptName: 'FZXiaoBiaoSong-B05K' },
    ]);
    // The published 2023 report only: jinjie's 2022 is sample data for trends.
    const options = resolveOptions({ dataDir: data, outDir: out, fontsDir, years: [2023], output: { quiet: true, color: false } });
    const fonts = await resolveFonts({ fontsDir, systemFonts: noSystemFonts });
    const summary = await build(options, { fonts, toolchain: 'test' });
    expect(summary.reports.map((r) => [r.status, r.error])).toEqual([['built', null]]);

    const body = summary.fonts.find((f) => f.role === 'fangsong')!;
    expect(body).toMatchObject({ used: 'FangSong_GB2312', source: 'folder', substituted: false, file: path.join(fontsDir, 'office-1.ttf') });
    expect(summary.fonts.find((f) => f.role === 'heiti')).toMatchObject({ substituted: true, source: 'web' });
    const text = formatBuildSummary(summary, options);
    expect(text).toContain('正文（仿宋_GB2312）：FangSong_GB2312（字体文件夹');
    expect(text).toContain('一级标题（黑体）：未找到，已用 思源黑体（Noto Sans SC） 代替');
    expect(JSON.parse(formatBuildSummary(summary, { ...options, output: { ...options.output, format: 'json' } })).fonts).toEqual(summary.fonts);
    const folder = path.join(out, 'jinjie', '2023');
    expect((await readManifest(folder))!.fonts).toEqual(summary.fonts);

    if (hasCommand('pdffonts')) {
      const rows = execFileSync('pdffonts', [path.join(folder, 'report.pdf')], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(rows.some((r) => /^[A-Z]{6}\+FangSong_GB2312\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/.test(r))).toBe(true);
      expect(rows.some((r) => /^[A-Z]{6}\+FZXiaoBiaoSong-B05K\s+CID TrueType/.test(r))).toBe(true);
      for (const row of rows) expect(row).toContain('CID TrueType');
    }

    const docx = new PizZip(await fs.readFile(path.join(folder, 'report.docx')));
    const styles = docx.file('word/styles.xml')!.asText();
    const fontTable = docx.file('word/fontTable.xml')!.asText();
    // 仿宋_GB2312 is also the font's name: the template's name stays. 方正小标宋_GBK is named, falling back to 方正小标宋简体.
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="方正小标宋_GBK"');
    expect(styles).not.toContain('w:eastAsia="方正小标宋简体"');
    expect(fontTable).toMatch(/<w:font w:name="方正小标宋_GBK"><w:altName w:val="方正小标宋简体"\/>/);
    expect(fontTable).toContain('<w:font w:name="方正小标宋简体">');

    // Nothing changed: current. A 黑体 added to the folder: the report is built again.
    const again = await build(options, { fonts, toolchain: 'test' });
    expect(again.reports.map((r) => r.status)).toEqual(['current']);
    await makeOfficeFonts(fontsDir, [{ file: 'office-3.ttf', family: 'SimHei', fullName: '黑体' }]);
    const more = await resolveFonts({ fontsDir, systemFonts: noSystemFonts });
    const rebuilt = await build(options, { fonts: more, toolchain: 'test' });
    expect(rebuilt.reports.map((r) => r.status)).toEqual(['built']);
    expect(rebuilt.fonts.find((f) => f.role === 'heiti')).toMatchObject({ used: 'SimHei', substituted: false });
  }, 240_000);

  it('--strict-fonts stops the build before anything is written, exit code 3, naming the missing fonts', async () => {
    const root = await tempDir('fonts-strict');
    const data = path.join(root, 'data');
    const out = path.join(root, 'out');
    const fontsDir = path.join(root, 'fonts');
    await copyAgency('xinxiang-office', data, 'xinxiang-office');
    await makeOfficeFonts(fontsDir, [{ file: 'a.ttf', family: 'FangSong_GB2312' }]);
    const stderr: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => (stderr.push(String(chunk)), true)) as typeof process.stderr.write;
    let code: number;
    try {
      code = await main(['build', '--data', data, '--out', out, '--fonts', fontsDir, '--strict-fonts', '--quiet']);
    } finally {
      process.stderr.write = write;
      process.exitCode = undefined;
    }
    expect(code).toBe(3);
    expect(stderr.join('')).toMatch(/缺少公文规定的字体：方正小标宋简体（发文机关标志和标题）、黑体（一级标题）.*--strict-fonts/);
    expect(stderr.join('')).not.toContain('仿宋_GB2312（正文）');
    expect(await listTree(out).catch(() => [])).toEqual([]);
  }, 60_000);
});

/**
 * The fonts of a build as the user reads them — in the build summary, its JSON and each report's
 * manifest: per role the font used and, where the official font was substituted, a warning that
 * says how to get the official look.
 */
import type { FontPlan } from './resolve.ts';
import type { FontRole } from './roles.ts';

export interface FontReportEntry {
  role: FontRole;
  /** 正文, 一级标题 … */
  use: string;
  /** The font GB/T 9704 asks for. */
  official: string;
  /** The font the PDFs are set in. */
  used: string;
  /** Where it came from: the --fonts folder, the machine, or the free font shipped with nianbao. */
  source: 'folder' | 'system' | 'web';
  file: string | null;
  substituted: boolean;
  /** Chinese; null when the official font is used. */
  warning: string | null;
}

const HOW_TO_FIX = '请安装该字体，或用 --fonts <文件夹> 指定存放字体文件的文件夹（也可设置环境变量 NIANBAO_FONTS）';

export function fontReport(plan: FontPlan): FontReportEntry[] {
  return plan.choices.map((c) => {
    const notes = c.notes.length ? `（${c.notes.join('；')}）` : '';
    return {
      role: c.role,
      use: c.use,
      official: c.official,
      used: c.found ? c.found.family : c.fallback.name,
      source: c.found ? c.found.source : 'web',
      file: c.found?.file ?? null,
      substituted: !c.found,
      warning: c.found ? null : `${c.use}应使用${c.official}，未找到${notes}，PDF 中已用${c.fallback.name}代替。${HOW_TO_FIX}。`,
    };
  });
}

const SOURCE_LABEL = { folder: '字体文件夹', system: '本机已安装', web: 'nianbao 自带的免费字体' } as const;

/** The summary's 字体 block: one line per role, then how to get the official fonts. */
export function formatFontReport(entries: readonly FontReportEntry[]): string {
  const lines = ['字体：'];
  for (const e of entries) {
    const where = e.file ? `（${SOURCE_LABEL[e.source]}：${e.file}）` : `（${SOURCE_LABEL[e.source]}）`;
    lines.push(`  ${e.use}（${e.official}）：${e.substituted ? `未找到，已用 ${e.used} 代替` : `${e.used}${where}`}`);
  }
  const missing = entries.filter((e) => e.substituted);
  if (missing.length) {
    lines.push(
      `  警告：${missing.length} 种公文字体未找到（${missing.map((e) => e.official).join('、')}），PDF 与公文格式不完全相符。${HOW_TO_FIX}；加 --strict-fonts 时缺字体即构建失败。`,
    );
  }
  return lines.join('\n');
}

/** --strict-fonts: why the build stops. */
export function missingFontsMessage(entries: readonly FontReportEntry[]): string {
  const missing = entries.filter((e) => e.substituted);
  return `缺少公文规定的字体：${missing.map((e) => `${e.official}（${e.use}）`).join('、')}。使用了 --strict-fonts，构建已停止，未生成任何文件。${HOW_TO_FIX}。`;
}

/**
 * The benchmark's figures: one JSON record per run (kept in bench/results/ to compare commits)
 * and the table printed from it. Times in ms, memory in MB.
 */
import type { MemoryPeaks } from './process-memory.ts';
import type { PrintFloor } from './print-floor.ts';
import type { LibreOfficeRun } from './libreoffice.ts';
import { formatTable } from '../../src/build/summary.ts';

export const RESULT_FORMAT = 1;

/** The stages of a report as the build records them, in pipeline order. */
export const STAGES = ['load', 'gate', 'html', 'docx', 'pdf', 'write'] as const;
export type StageName = (typeof STAGES)[number];

export interface BenchResult {
  format: typeof RESULT_FORMAT;
  date: string;
  commit: string | null;
  /** Uncommitted changes in the checkout measured. */
  dirty: boolean;
  machine: { cpus: number; cpuModel: string; memoryMb: number; node: string; loadAverage: number[] };
  data: { source: 'examples' | 'synthetic'; agencies: number; reports: number };
  runs: number;
  cold: {
    /** Median wall time of the new `nianbao build` process, browser launch included. */
    wallMs: number;
    samples: number[];
    /** Median of the build's own duration (wall time less Node start-up). */
    buildMs: number;
    /** Print documents (report.pdf, letter.pdf): what the floor prints and LibreOffice converts. */
    documents: number;
    files: number;
    documentsPerSecond: number;
    /** Each stage summed over the reports (median run); reports run side by side, so the sums overlap. */
    stagesMs: Record<StageName, number>;
    /** Highest over the runs. */
    memory: MemoryPeaks;
  };
  noop: { wallMs: number; samples: number[]; buildMs: number };
  floor: PrintFloor | null;
  libreoffice: LibreOfficeRun | null;
  ratios: { buildOverFloor: number | null; buildOverLibreOffice: number | null };
  reload: { ms: number; samples: number[] } | null;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const mb = (x: number | null) => (x === null ? '—' : `${x} MB`);
const ratio = (x: number | null) => (x === null ? '—' : `${x.toFixed(2)} ×`);
const range = (xs: readonly number[]) => (xs.length > 1 ? `${xs.length} 次，${ms(Math.min(...xs))}–${ms(Math.max(...xs))}` : '1 次');

const STAGE_LABELS: Record<StageName, string> = {
  load: '读取数据',
  gate: '检查',
  html: '网页 HTML',
  docx: 'DOCX',
  pdf: 'PDF（打印及后处理）',
  write: '写入',
};

export function formatResult(r: BenchResult): string {
  const { cold } = r;
  const rows: string[][] = [
    ['冷构建（新进程，含启动浏览器）', ms(cold.wallMs), `中位数，${range(cold.samples)}`],
    ['  其中构建本身', ms(cold.buildMs), '不含 Node 启动和加载模块'],
    ['  文档（PDF 打印件）', `${cold.documents} 份`, `每秒 ${cold.documentsPerSecond.toFixed(2)} 份；共写入 ${cold.files} 个文件`],
    ...STAGES.map((s) => [`  ${STAGE_LABELS[s]}`, ms(cold.stagesMs[s]), '各报告之和（报告并行，彼此重叠）']),
    ['  峰值内存：Node', mb(cold.memory.nodeRssMb), 'RSS 高水位'],
    ['  峰值内存：浏览器进程树', mb(cold.memory.browserRssMb), 'RSS 之和'],
    ['  峰值内存：合计', mb(cold.memory.totalRssMb), `RSS 之和；按比例分摊共享页（PSS）为 ${mb(cold.memory.totalPssMb)}`],
    ['无改动重建（新进程）', ms(r.noop.wallMs), `中位数，${range(r.noop.samples)}；构建本身 ${ms(r.noop.buildMs)}`],
    r.floor
      ? ['打印下限（同一页面连续打印）', ms(r.floor.totalMs), `${r.floor.documents} 份，每份 ${ms(r.floor.perDocumentMs)}`]
      : ['打印下限', '—', '未测量'],
    r.libreoffice
      ? ['LibreOffice 转换同样的 DOCX', ms(r.libreoffice.totalMs), `${r.libreoffice.files} 个文件，一次批量转换`]
      : ['LibreOffice', '—', '未安装或未测量'],
    ['构建 ÷ 打印下限', ratio(r.ratios.buildOverFloor), '冷构建墙钟时间之比'],
    ['构建 ÷ LibreOffice', ratio(r.ratios.buildOverLibreOffice), '冷构建墙钟时间之比'],
  ];
  if (r.reload) rows.push(['serve：保存数据文件到页面刷新', ms(r.reload.ms), `中位数，${range(r.reload.samples)}`]);
  const data = r.data.source === 'examples' ? `${r.data.agencies} 个示例机关` : `${r.data.agencies} 个合成机关`;
  const head = `nianbao bench：${data}、${r.data.reports} 份报告；${r.machine.cpus} 个 CPU（${r.machine.cpuModel}），负载 ${r.machine.loadAverage.map((x) => x.toFixed(2)).join(' ')}；${r.commit ?? '未知提交'}${r.dirty ? '（有未提交的改动）' : ''}`;
  return `${head}\n\n${formatTable(['测量', '数值', '说明'], rows)}\n`;
}

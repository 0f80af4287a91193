/**
 * `nianbao portal`: the portal of a province built in shards. Each shard (`nianbao build --shard
 * k/n`, on its own CI runner) writes its report folders and no portal; this takes the shards'
 * output folders, moves every report folder into one output folder (each atomically, as a build
 * writes it) and writes index.html, data.json and tables.csv from the manifests alone. The result
 * is, file for file, the output of one build of every agency.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { filesPresent, MANIFEST_FILE, type ReportManifest } from '../../write/manifest.ts';
import { commitFolder, reportFolder } from '../../write/report-folder.ts';
import { createStaging, recoverOutput, removeEmptyStagingRoot, type Staging } from '../../write/staging.ts';
import { lockOutput } from '../output-lock.ts';
import { writePortalFiles } from './index.ts';
import { entryOfManifest, publishedReports, type PublishedReport } from './published-reports.ts';

/** A problem with the inputs, in Chinese; the command exits 1 with it. */
export class PortalInputError extends Error {
  override name = 'PortalInputError';
}

export interface PortalRequest {
  /** The index for the office, with check status (see index-page.ts). */
  review?: boolean;
  outDir: string;
  /** Shard output folders to take report folders from; none when they are already in `outDir`. */
  inputs: string[];
}

export interface PortalSummary {
  /** Reports the portal lists. */
  reports: number;
  /** Report folders moved in from the inputs (not those already in place). */
  copied: number;
  /** Portal files that changed. */
  portal: string[];
}

const reportKey = (m: ReportManifest) => `${m.agencyId}/${m.year}`;

/** The report folders of every input; the same report in two inputs must be the same build. */
async function inputReports(inputs: readonly string[], outDir: string): Promise<PublishedReport[]> {
  const byKey = new Map<string, PublishedReport & { input: string }>();
  for (const input of inputs) {
    if (path.resolve(input) === path.resolve(outDir)) continue;
    const stat = await fs.stat(input).catch(() => null);
    if (!stat?.isDirectory()) throw new PortalInputError(`找不到分片输出目录 ${input}`);
    const reports = await publishedReports(input);
    if (!reports.length) throw new PortalInputError(`${input} 中没有任何报告（应为 nianbao build 的输出目录，每份报告一个 <机关>/<年度>/ 子目录，内有 ${MANIFEST_FILE}）`);
    for (const report of reports) {
      const key = reportKey(report.manifest);
      const seen = byKey.get(key);
      if (seen && seen.manifest.fingerprint !== report.manifest.fingerprint) {
        throw new PortalInputError(`${key} 同时出现在 ${seen.input} 和 ${input} 中，且内容不同：各分片的机关应互不重叠（用同一份数据和同一个 n 运行 --shard k/n）`);
      }
      if (!(await filesPresent(report.folder, report.manifest))) {
        throw new PortalInputError(`${report.folder} 不完整：${MANIFEST_FILE} 中列出的文件缺失或大小不符`);
      }
      byKey.set(key, { ...report, input });
    }
  }
  return [...byKey.values()];
}

/** Copies a report folder into staging, then moves it into place; skipped when `out/` holds the same build. */
async function bringIn(staging: Staging, report: PublishedReport): Promise<boolean> {
  const { agencyId, year, fingerprint } = report.manifest;
  const target = reportFolder(staging.outDir, agencyId, year);
  const present = await fs.readFile(path.join(target, MANIFEST_FILE), 'utf8').catch(() => null);
  if (present !== null && (JSON.parse(present) as ReportManifest).fingerprint === fingerprint) {
    if (await filesPresent(target, report.manifest)) return false;
  }
  const ready = await staging.makeDir(`${agencyId}@${year}`);
  await fs.cp(report.folder, ready, { recursive: true });
  commitFolder(staging.outDir, ready, agencyId, year);
  return true;
}

export async function assemblePortal(request: PortalRequest): Promise<PortalSummary> {
  const outDir = path.resolve(request.outDir);
  const incoming = await inputReports(request.inputs, outDir);
  await fs.mkdir(outDir, { recursive: true });
  const release = lockOutput(outDir);
  let staging: Staging | null = null;
  try {
    recoverOutput(outDir);
    staging = await createStaging(outDir);
    let copied = 0;
    for (const report of incoming) if (await bringIn(staging, report)) copied++;
    const reports = await publishedReports(outDir);
    if (!reports.length) throw new PortalInputError(`${outDir} 中没有任何报告：请先运行 nianbao build，或指定各分片的输出目录`);
    const portal = await writePortalFiles(staging, reports.map((r) => entryOfManifest(r.manifest)), { review: request.review });
    return { reports: reports.length, copied, portal };
  } finally {
    staging?.dispose();
    release();
    removeEmptyStagingRoot(outDir);
  }
}

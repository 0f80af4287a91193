/**
 * `importReports`: published reports (PDF, DOCX, HTML, text) → checked `data/<agency>/<year>.yaml`.
 * Each file is read (src/import/read), interpreted by the 2021 format's labels (src/import/interpret),
 * written as a tidy commented year file (and agency.yaml for a new agency), then put through the
 * gate, whose findings are those of the published report itself.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { check, type CheckSummary } from '../check/index.ts';
import { AGENCY_ID_PATTERN } from '../load/discover.ts';
import { displayPath } from '../diagnostics/display-path.ts';
import type { NianbaoOptions } from '../options.ts';
import { agencyTemplate } from '../create/agency-template.ts';
import { schemaLine, type FileKind } from '../validate/schema/index.ts';
import type { Finding } from './interpret/findings.ts';
import { interpret } from './interpret/index.ts';
import { readDocument, UnreadableDocumentError } from './read/index.ts';
import { readText } from './read/text.ts';
import { agenciesByName, resolveTarget } from './targets.ts';
import { exists, writeAtomically } from './write/atomic.ts';
import { yearFileYaml } from './write/year-file.ts';

export interface ImportRequest {
  /** Files or folders (every importable file in a folder). */
  paths: string[];
  agency?: string;
  year?: number;
  /** Overwrite an existing year file. */
  force?: boolean;
  /** Write nothing; return the YAML. */
  dryRun?: boolean;
}

export type ImportStatus = 'imported' | 'dry-run' | 'unusable' | 'unreadable' | 'needs-flag' | 'exists';

export interface ImportedFile {
  source: string;
  status: ImportStatus;
  /** For the user, when the file was not imported. */
  message?: string;
  agencyId?: string;
  year?: number;
  /** The year file it goes (or would go) to, absolute. */
  target?: string;
  /** Files written (absolute). */
  written: string[];
  /** The year file's YAML (and agency.yaml's when the agency is new). */
  yaml?: string;
  agencyYaml?: string;
  findings: Finding[];
  /** The gate on the result; diagnostics point into the written (or, dry, the would-be) file. */
  check?: CheckSummary;
}

export interface ImportSummary {
  files: ImportedFile[];
  /** 0 imported (even with findings), 1 nothing usable, 2 a flag is needed. */
  exitCode: 0 | 1 | 2;
}

/** Wrong usage (no file, a bad agency id); the message is for the user. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** What a folder argument imports. */
const IMPORTABLE_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm', '.txt', '.md', '.markdown'];

const schemaComment = (kind: FileKind) => schemaLine(kind).replace(/^#\s?/, '');

async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat) throw new ImportError(`找不到文件或目录：${p}`);
    if (!stat.isDirectory()) {
      files.push(p);
      continue;
    }
    const entries = await fs.readdir(p, { recursive: true, withFileTypes: true });
    const inside = entries
      .filter((e) => e.isFile() && IMPORTABLE_EXTENSIONS.includes(path.extname(e.name).toLowerCase()))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    if (!inside.length) throw new ImportError(`目录 ${p} 中没有可导入的文件（${IMPORTABLE_EXTENSIONS.join(' ')}）`);
    files.push(...inside);
  }
  return files;
}

export async function importReports(options: NianbaoOptions, request: ImportRequest): Promise<ImportSummary> {
  if (!request.paths.length) throw new ImportError('请给出要导入的文件或目录');
  if (request.agency !== undefined && !AGENCY_ID_PATTERN.test(request.agency)) {
    throw new ImportError(`机关标识“${request.agency}”不合规：须为小写英文字母、数字和连字符组成（如 shenmu 或 xinxiang-office）`);
  }
  const files = await expand(request.paths);
  const known = await agenciesByName(options.dataDir);
  const results: ImportedFile[] = [];
  for (const file of files) results.push(await importOne(options, request, file, known));
  const exitCode = results.some((r) => r.status === 'needs-flag') ? 2 : results.every((r) => r.status === 'imported' || r.status === 'dry-run') ? 0 : 1;
  return { files: results, exitCode };
}

async function importOne(options: NianbaoOptions, request: ImportRequest, file: string, known: Map<string, string>): Promise<ImportedFile> {
  const source = displayPath(path.resolve(file));
  const base: ImportedFile = { source, status: 'unusable', written: [], findings: [] };
  let doc;
  try {
    doc = await readDocument(source, await fs.readFile(file), readText);
  } catch (error) {
    if (!(error instanceof UnreadableDocumentError)) throw error;
    return { ...base, status: 'unreadable', message: error.message };
  }
  const reading = interpret(doc);
  const found = reading.rowsFound.proactive + reading.rowsFound.requests + reading.rowsFound.appeals;
  if (!found && !reading.sectionsFound.length) {
    return { ...base, message: '没有找到年度报告的任何部分或表格（不是政府信息公开工作年度报告，或文字无法提取）' };
  }
  const target = resolveTarget(options.dataDir, request, { name: reading.agency.name ?? null, year: reading.year }, known);
  if (!target.ok) return { ...base, status: 'needs-flag', message: target.message, findings: reading.findings };
  const { agencyId, year, yearFile, agencyFile, agencyDir } = target.target;
  const result: ImportedFile = { ...base, agencyId, year, target: yearFile, findings: reading.findings };

  const yaml = yearFileYaml(schemaComment('report'), year, reading.report, source, reading.findings);
  const newAgency = !(await exists(agencyFile));
  const agencyYaml = newAgency ? agencyTemplate(schemaComment('agency'), reading.agency, [`来源：${source}（由 nianbao import 导入，请核对）`]) : undefined;
  if (newAgency && !reading.agency.name) result.findings.push({ kind: 'missing', message: '文件中找不到机关全称：请在 agency.yaml 的 name 中填写' });
  Object.assign(result, { yaml, agencyYaml });

  if (request.dryRun) {
    result.status = 'dry-run';
    result.check = await checkStaged(options, agencyDir, agencyId, year, yaml, agencyYaml);
    return result;
  }
  if ((await exists(yearFile)) && !request.force) {
    return { ...result, status: 'exists', message: `${displayPath(yearFile)} 已存在，不会覆盖；确认要覆盖时加 --force` };
  }
  if (agencyYaml) {
    await writeAtomically(agencyFile, agencyYaml);
    result.written.push(agencyFile);
    known.set(reading.agency.name ?? '', agencyId);
  }
  await writeAtomically(yearFile, yaml);
  result.written.push(yearFile);
  result.status = 'imported';
  result.check = await check({ ...options, agencies: [agencyId], years: [year] });
  return result;
}

/**
 * The gate on files not written: the agency's folder copied to a temporary data folder with the
 * new files in it, findings pointed back at where the files would be.
 */
async function checkStaged(options: NianbaoOptions, agencyDir: string, agencyId: string, year: number, yaml: string, agencyYaml: string | undefined): Promise<CheckSummary> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-import-'));
  try {
    const staged = path.join(root, agencyId);
    await fs.mkdir(staged);
    for (const name of await fs.readdir(agencyDir).catch(() => [] as string[])) {
      if (/^(agency|\d{4})\.yaml$/.test(name)) await fs.copyFile(path.join(agencyDir, name), path.join(staged, name));
    }
    if (agencyYaml) await fs.writeFile(path.join(staged, 'agency.yaml'), agencyYaml);
    await fs.writeFile(path.join(staged, `${year}.yaml`), yaml);
    const summary = await check({ ...options, dataDir: root, agencies: [agencyId], years: [year] });
    const shown = (f: string) => (f.startsWith(displayPath(staged)) ? displayPath(path.join(agencyDir, path.relative(displayPath(staged), f))) : f);
    const diagnostics = summary.diagnostics.map((d) => ({ ...d, file: shown(d.file), related: d.related?.map((r) => ({ ...r, file: shown(r.file) })) }));
    const sources = Object.fromEntries(Object.entries(summary.sources).map(([f, t]) => [shown(f), t]));
    return { ...summary, diagnostics, sources };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

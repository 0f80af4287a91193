/**
 * `nianbao new <agency-id>`: writes a commented agency.yaml (for a new agency) and the year's data
 * file, started from the latest earlier year when there is one. Never overwrites a file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { AGENCY_FILE, AGENCY_ID_PATTERN, yearOfFile } from '../load/discover.ts';
import { displayPath } from '../diagnostics/display-path.ts';
import type { NianbaoOptions } from '../options.ts';
import { schemaLine, type FileKind } from '../validate/schema/index.ts';
import { agencyTemplate } from './agency-template.ts';
import { reportTemplate } from './report-template.ts';
import { readDraft } from './previous-year.ts';

export interface CreateRequest {
  agencyId: string;
  /** The report's year; defaults to last year (reports are written early in the following year). */
  year?: number;
  /** Today, for the default year; injectable for tests. */
  today?: Date;
}

export interface CreateResult {
  /** Absolute paths of the files written. */
  created: string[];
  /** The year the new file was started from, or null when it starts empty. */
  startedFrom: number | null;
  /**
   * Years between the one started from and the new one that have no data file (data for 2023,
   * creating 2025: [2024]); the carry-over is then left for the user to fill in.
   */
  missingYears: number[];
}

/** A refusal the user can fix (bad id, existing file); its message is for the user. */
export class CreateError extends Error {
  override name = 'CreateError';
}

const exists = (p: string) => fs.access(p).then(() => true, () => false);

/** Why `id` cannot be an agency id, or null when it can. */
export const agencyIdProblem = (id: string): string | null =>
  AGENCY_ID_PATTERN.test(id) ? null : `机关标识“${id}”不合规：须为小写英文字母、数字和连字符组成（如 shenmu 或 xinxiang-office）`;

export async function create(options: Pick<NianbaoOptions, 'dataDir'>, request: CreateRequest): Promise<CreateResult> {
  const { agencyId } = request;
  const problem = agencyIdProblem(agencyId);
  if (problem) throw new CreateError(problem);
  const year = request.year ?? (request.today ?? new Date()).getFullYear() - 1;
  const agencyDir = path.join(options.dataDir, agencyId);
  const agencyFile = path.join(agencyDir, AGENCY_FILE);
  const yearFile = path.join(agencyDir, `${year}.yaml`);
  if (await exists(yearFile)) {
    throw new CreateError(`${displayPath(yearFile)} 已存在，不会覆盖；如需重新生成，请先移走或删除该文件`);
  }

  const earlier = (await fs.readdir(agencyDir).catch(() => [] as string[]))
    .map(yearOfFile)
    .filter((y): y is number => y !== null && y < year)
    .sort((a, b) => b - a);
  const draft = earlier[0] ? await readDraft(path.join(agencyDir, `${earlier[0]}.yaml`), earlier[0]) : null;

  // The gate expects the schema line exactly as written for data/<id>/ in this repository.
  const schemaComment = (kind: FileKind) => schemaLine(kind).replace(/^#\s?/, '');
  const created: string[] = [];
  await fs.mkdir(agencyDir, { recursive: true });
  if (!(await exists(agencyFile))) {
    await writeNew(agencyFile, agencyTemplate(schemaComment('agency')));
    created.push(agencyFile);
  }
  await writeNew(yearFile, reportTemplate(schemaComment('report'), year, draft));
  created.push(yearFile);
  const missingYears = draft ? Array.from({ length: year - draft.year - 1 }, (_, i) => draft.year + 1 + i) : [];
  return { created, startedFrom: draft?.year ?? null, missingYears };
}

/** `wx`: fails instead of overwriting, even if the file appeared since the check above. */
async function writeNew(file: string, text: string): Promise<void> {
  try {
    await fs.writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CreateError(`${displayPath(file)} 已存在，不会覆盖`);
    throw error;
  }
}

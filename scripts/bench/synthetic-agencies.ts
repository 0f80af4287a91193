/**
 * N synthetic agencies for the benchmark, made from the five examples in data/ (real published
 * reports, so every one passes the gate). They cycle through five kinds, so a build of any N mixes
 * short and long documents, letters and red headers, single and several years:
 *   township    — jinjie: a short red-header report (红头文件);
 *   city-letter — shenmu: a city report with its 函, so also letter.pdf and submission.pdf;
 *   city-long   — shizuishan-office with its 五、六 repeated, a long report of several more pages;
 *   two-years   — shuozhou-office with the previous year as well (carry-over checked across years);
 *   office      — xinxiang-office: a mid-length report.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/options.ts';

export const AGENCY_KINDS = ['township', 'city-letter', 'city-long', 'two-years', 'office'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

const SOURCE: Record<AgencyKind, string> = {
  township: 'jinjie',
  'city-letter': 'shenmu',
  'city-long': 'shizuishan-office',
  'two-years': 'shuozhou-office',
  office: 'xinxiang-office',
};

/** How many times a long report repeats its 五、六 sections. */
const LONG_REPEAT = 3;

export interface SyntheticData {
  dataDir: string;
  agencies: number;
  /** Year files, i.e. reports. */
  reports: number;
}

/**
 * The agency file and the newest year file of one example agency: name → text. Older years of an
 * example are sample data for trends; each kind below decides itself how many years it has.
 */
async function exampleFiles(id: string): Promise<Map<string, string>> {
  const dir = path.join(PACKAGE_ROOT, 'data', id);
  const years = (await fs.readdir(dir)).filter((n) => /^\d{4}\.yaml$/.test(n)).sort();
  const names = ['agency.yaml', years[years.length - 1]!];
  return new Map(await Promise.all(names.map(async (n) => [n, await fs.readFile(path.join(dir, n), 'utf8')] as [string, string])));
}

/** A block scalar `key: |` repeated `times` times (its paragraphs again, after a blank line). */
function repeatBlock(text: string, key: string, times: number): string {
  const match = new RegExp(`^${key}: \\|\\n((?:  .*\\n|\\n)+)`, 'm').exec(text);
  if (!match) throw new Error(`示例中没有 ${key} 段落`);
  const body = match[1]!.replace(/\n+$/, '\n');
  return text.replace(match[0], `${key}: |\n${Array.from({ length: times }, () => body).join('\n')}\n`);
}

/**
 * The year before `text`'s year: every year and date moved back by one, and the documents in force
 * at its end those of the next year less the ones the next year issued and plus the ones it
 * repealed, so the cross-year rules find the two years consistent.
 */
function previousYear(text: string): string {
  return text
    .replace(/20(\d\d)(?=年|-\d\d-\d\d|$)/gm, (_, yy: string) => `20${String(Number(yy) - 1).padStart(2, '0')}`)
    .replace(/^(  (?:regulations|normativeDocuments): )\[(\d+), (\d+), (\d+)\]/gm, (_, key: string, issued: string, repealed: string, inForce: string) =>
      `${key}[${issued}, ${repealed}, ${Number(inForce) - Number(issued) + Number(repealed)}]`,
    );
}

/**
 * The township example lacks its 成文日期, 签发人 and 版记 (its source lost them); a synthetic one
 * gets made-up ones, as a real upward report has them.
 */
const withDocumentParts = (text: string): string =>
  text.replace(
    /^  closing: .*$/m,
    (line) => `${line}\n  signer: 王明\n  signature:\n    date: 2024-01-20\n  printed:\n    by: 锦界镇党政综合办公室\n    date: 2024-01-20`,
  );

function filesOf(kind: AgencyKind, example: Map<string, string>): Map<string, string> {
  const files = new Map(example);
  if (kind === 'township') files.set('2023.yaml', withDocumentParts(files.get('2023.yaml')!));
  if (kind === 'city-long') {
    const [name, text] = [...files].find(([n]) => n !== 'agency.yaml')!;
    files.set(name, repeatBlock(repeatBlock(text, 'problems', LONG_REPEAT), 'otherMatters', LONG_REPEAT));
  }
  if (kind === 'two-years') {
    const [name, text] = [...files].find(([n]) => n !== 'agency.yaml')!;
    const year = Number(name.slice(0, 4));
    files.set(`${year - 1}.yaml`, previousYear(text).replace(/^year: \d{4}$/m, `year: ${year - 1}`));
  }
  return files;
}

/** Writes `count` agencies (`agency-0001`…) into `dataDir`. */
export async function writeSyntheticAgencies(dataDir: string, count: number): Promise<SyntheticData> {
  const examples = new Map(await Promise.all(AGENCY_KINDS.map(async (k) => [k, await exampleFiles(SOURCE[k])] as const)));
  const variants = new Map(AGENCY_KINDS.map((k) => [k, filesOf(k, examples.get(k)!)]));
  let reports = 0;
  for (let i = 0; i < count; i++) {
    const kind = AGENCY_KINDS[i % AGENCY_KINDS.length]!;
    const dir = path.join(dataDir, `agency-${String(i + 1).padStart(4, '0')}`);
    await fs.mkdir(dir, { recursive: true });
    const files = variants.get(kind)!;
    await Promise.all([...files].map(([name, text]) => fs.writeFile(path.join(dir, name), text)));
    reports += files.size - 1;
  }
  return { dataDir, agencies: count, reports };
}

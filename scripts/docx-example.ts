/**
 * Writes the DOCX of one example for a look in Word or LibreOffice:
 * `node bin/run-ts.js scripts/docx-example.ts <agency-id> <year>` → out/<id>/<year>/{report,letter}.docx
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildReportModel } from '../src/model/report-model.ts';
import type { AgencyFile, YearFile } from '../src/model/types.ts';
import { PACKAGE_ROOT } from '../src/options.ts';
import { renderDocx } from '../src/render/docx/index.ts';

const [agencyId, year] = process.argv.slice(2);
if (!agencyId || !year) {
  console.error('用法：node bin/run-ts.js scripts/docx-example.ts <机关编号> <年度>');
  process.exit(2);
}
const agencyDir = path.join(PACKAGE_ROOT, 'data', agencyId);
const read = <T>(file: string): T => parse(fs.readFileSync(path.join(agencyDir, file), 'utf8')) as T;
const model = buildReportModel(agencyId, read<AgencyFile>('agency.yaml'), read<YearFile>(`${year}.yaml`));
const docs = await renderDocx(model, { templatesDir: path.join(PACKAGE_ROOT, 'templates'), agencyDir });
const outDir = path.join(PACKAGE_ROOT, 'out', agencyId, year);
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'report.docx'), docs.report);
if (docs.letter) fs.writeFileSync(path.join(outDir, 'letter.docx'), docs.letter);
console.log(`已写出 ${path.relative(process.cwd(), outDir)}/report.docx${docs.letter ? ' 和 letter.docx' : ''}`);

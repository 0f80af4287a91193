/**
 * Dev aid: prints one example report's documents without the build.
 *   node bin/run-ts.js scripts/print-example.ts <agency-id> <year>
 * writes out/<agency-id>/<year>/{report,letter,submission}.pdf and prints the printer's warnings.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { buildReportModel } from '../src/model/report-model.ts';
import type { AgencyFile, YearFile } from '../src/model/types.ts';
import { resolveOptions } from '../src/options.ts';
import { createPrinter, mergeSubmission, type PdfMeta } from '../src/print/index.ts';
import { renderPrintDocuments } from '../src/render/html/print-documents.ts';

const [agencyId, yearArg] = process.argv.slice(2);
if (!agencyId || !/^\d{4}$/.test(yearArg ?? '')) {
  process.stderr.write('用法：print-example.ts <agency-id> <year>\n');
  process.exit(2);
}
const options = resolveOptions();
const agencyDir = path.join(options.dataDir, agencyId);
const read = async <T>(file: string) => parse(await fs.readFile(path.join(agencyDir, file), 'utf8')) as T;
const model = buildReportModel(agencyId, await read<AgencyFile>('agency.yaml'), await read<YearFile>(`${yearArg}.yaml`));
const docs = await renderPrintDocuments(model, { templatesDir: options.templatesDir, agencyDir });
const outDir = path.join(options.outDir, agencyId, yearArg!);
await fs.mkdir(outDir, { recursive: true });
const meta = (title: string): PdfMeta => ({ title, author: model.agency.name, date: model.issuedOn, language: 'zh-CN' });

const printer = createPrinter(options);
try {
  const report = await printer.print(docs.report, meta(model.document?.title ?? model.title));
  await fs.writeFile(path.join(outDir, 'report.pdf'), report.pdf);
  const warnings = [...report.warnings];
  if (docs.letter && model.letter) {
    const letter = await printer.print(docs.letter, meta(model.letter.title));
    await fs.writeFile(path.join(outDir, 'letter.pdf'), letter.pdf);
    await fs.writeFile(path.join(outDir, 'submission.pdf'), await mergeSubmission(letter.pdf, report.pdf, meta(model.letter.title)));
    warnings.push(...letter.warnings);
  }
  for (const w of warnings) process.stderr.write(`警告：${w}\n`);
  process.stdout.write(`${outDir}\n`);
} finally {
  await printer.close();
}

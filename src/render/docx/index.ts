/**
 * The 函 and the report as DOCX, filled into Word templates offices can edit: the agency's own
 * `data/<agency-id>/templates/<name>.docx` when it has one, else the built-in one.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type PizZip from 'pizzip';
import { displayPath } from '../../diagnostics/display-path.ts';
import { documentProperties, type DocumentProperties } from '../../model/document-properties.ts';
import type { ReportModel } from '../../model/report-model.ts';
import { OVERRIDES_FOLDER, readIfFile, type TemplateDirs } from '../html/template-files.ts';
import { appXml, coreXml } from './doc-props.ts';
import { repackZip, zipDate } from './docx-zip.ts';
import { fillTemplate } from './fill-template.ts';
import { nameBuildFonts } from './font-names.ts';
import type { FontPlan } from '../../fonts/index.ts';
import { fitLetterheads } from './letterhead-size.ts';
import { LETTER_TAGS, letterTemplateData, RAW_XML_TAGS, REPORT_TAGS, reportTemplateData } from './template-data.ts';
import type { TemplateName } from './template-source.ts';

export { DocxTemplateError } from './fill-template.ts';

/** The agency's template when it has one, else the built-in one. */
async function findTemplate(name: TemplateName, ctx: TemplateDirs): Promise<{ file: string; bytes: Uint8Array }> {
  const read = (file: string) => ctx.listings?.file(file) ?? readIfFile(file);
  const own = path.join(ctx.agencyDir, OVERRIDES_FOLDER, `${name}.docx`);
  const ownBytes = await read(own);
  if (ownBytes) return { file: own, bytes: ownBytes };
  const builtIn = path.join(ctx.templatesDir, `${name}.docx`);
  return { file: builtIn, bytes: (await read(builtIn)) ?? (await fs.readFile(builtIn)) };
}

function finish(zip: PizZip, props: DocumentProperties, fonts: FontPlan | undefined): Uint8Array {
  fitLetterheads(zip);
  nameBuildFonts(zip, fonts);
  // Only parts the package already declares: a part without a content type makes Word refuse the file.
  if (zip.file('docProps/core.xml')) zip.file('docProps/core.xml', coreXml(props));
  if (zip.file('docProps/app.xml')) zip.file('docProps/app.xml', appXml(props));
  return repackZip(zip, zipDate(props.date));
}

async function render(
  name: TemplateName,
  data: object,
  tags: Record<string, string>,
  props: DocumentProperties,
  ctx: TemplateDirs,
  fonts: FontPlan | undefined,
) {
  const template = await findTemplate(name, ctx);
  return finish(fillTemplate(template.bytes, data, tags, displayPath(template.file), RAW_XML_TAGS), props, fonts);
}

/** `fonts`: the build's font plan, so the DOCX names the official fonts the build found. */
export async function renderDocx(
  model: ReportModel,
  ctx: TemplateDirs,
  fonts?: FontPlan,
): Promise<{ report: Uint8Array; letter: Uint8Array | null }> {
  const [report, letter] = await Promise.all([
    render('report', reportTemplateData(model), REPORT_TAGS, documentProperties(model, 'report'), ctx, fonts),
    model.letter
      ? render('letter', letterTemplateData(model.letter), LETTER_TAGS, documentProperties(model, 'letter'), ctx, fonts)
      : null,
  ]);
  return { report, letter };
}

/**
 * Zips templates/docx-src into templates/report.docx and templates/letter.docx.
 * Run after editing the XML: `node bin/run-ts.js scripts/pack-docx-templates.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/options.ts';
import { packTemplateSource, TEMPLATE_NAMES } from '../src/render/docx/template-source.ts';

const templatesDir = path.join(PACKAGE_ROOT, 'templates');
for (const name of TEMPLATE_NAMES) {
  const target = path.join(templatesDir, `${name}.docx`);
  fs.writeFileSync(target, packTemplateSource(path.join(templatesDir, 'docx-src'), name));
  console.log(`已生成 ${path.relative(process.cwd(), target)}`);
}

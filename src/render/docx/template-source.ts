/**
 * The built-in Word templates are kept as reviewable XML under templates/docx-src: parts shared by
 * both templates in `common/`, each template's own parts (which win) in `report/` and `letter/`.
 * scripts/pack-docx-templates.ts zips them into templates/<name>.docx; a test checks they agree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packParts, zipDate } from './docx-zip.ts';

export const TEMPLATE_NAMES = ['report', 'letter'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** The date every part of a packed template carries: the zip format's epoch. */
const TEMPLATE_DATE = '1980-01-01';

function readParts(dir: string, into: Map<string, Uint8Array>, prefix = ''): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) readParts(path.join(dir, entry.name), into, `${name}/`);
    else if (entry.isFile()) into.set(name, fs.readFileSync(path.join(dir, entry.name)));
  }
}

export function packTemplateSource(sourceRoot: string, name: TemplateName): Uint8Array {
  const parts = new Map<string, Uint8Array>();
  readParts(path.join(sourceRoot, 'common'), parts);
  readParts(path.join(sourceRoot, name), parts);
  // Stored, not deflated: the committed file is then the same whatever zlib made it, and a
  // build reads its parts without inflating them.
  return packParts(parts, zipDate(TEMPLATE_DATE), { store: true });
}

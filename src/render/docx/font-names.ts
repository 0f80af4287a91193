/**
 * The fonts a DOCX names. The templates name the official fonts (仿宋_GB2312, 黑体, 楷体_GB2312,
 * 方正小标宋简体, 宋体) with fontTable.xml's altName chain to the names Word and WPS on Windows
 * resolve (仿宋_GB2312 → 仿宋 → FangSong). When the build set a role in an official font that
 * goes by another name (an office's 方正仿宋_GBK from --fonts), the styles name that font instead,
 * and its fontTable entry falls back to the template's name, so the chain stays whole.
 */
import type PizZip from 'pizzip';
import type { FontPlan } from '../../fonts/index.ts';
import { ROLE_SPECS } from '../../fonts/roles.ts';

const STYLES = 'word/styles.xml';
const FONT_TABLE = 'word/fontTable.xml';

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Renames, per role, the template's font to the one the build used, where they differ. */
export function nameBuildFonts(zip: PizZip, plan: FontPlan | undefined): void {
  if (!plan) return;
  const renames = plan.choices.flatMap((choice) => {
    const spec = ROLE_SPECS.find((s) => s.role === choice.role);
    const [name] = choice.docxNames;
    return spec && name && name !== spec.docx[0] ? [{ from: spec.docx[0]!, to: name }] : [];
  });
  const styles = zip.file(STYLES)?.asText();
  const fontTable = zip.file(FONT_TABLE)?.asText();
  if (!renames.length || styles === undefined) return;
  let renamed = styles;
  for (const { from, to } of renames) {
    renamed = renamed.replace(
      new RegExp(`(w:(?:ascii|eastAsia|hAnsi)=")${escapeRegExp(escapeXml(from))}"`, 'g'),
      `$1${escapeXml(to)}"`,
    );
  }
  zip.file(STYLES, renamed);
  if (fontTable === undefined) return;
  const entries = renames
    .filter(({ to }) => !fontTable.includes(`w:name="${escapeXml(to)}"`))
    .map(
      ({ from, to }) =>
        `<w:font w:name="${escapeXml(to)}"><w:altName w:val="${escapeXml(from)}"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`,
    );
  zip.file(FONT_TABLE, fontTable.replace('</w:fonts>', `${entries.join('')}</w:fonts>`));
}

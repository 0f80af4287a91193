/**
 * The document properties Word shows under File → Info: title, author (the agency), dates. They
 * come from the model, never the clock, and replace whatever the template carried (an edited
 * template would otherwise pass on its editor's name and Word's stale page counts).
 */
import type { DocumentProperties } from '../../model/document-properties.ts';
import { escapeXml } from './wordml.ts';

export function coreXml(p: DocumentProperties): string {
  const when = `${p.date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(p.title)}</dc:title>` +
    `<dc:subject>${escapeXml(p.subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(p.author)}</dc:creator>` +
    `<cp:keywords>${escapeXml(p.keywords.join('; '))}</cp:keywords>` +
    `<cp:lastModifiedBy>${escapeXml(p.author)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appXml(p: DocumentProperties): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>nianbao</Application><DocSecurity>0</DocSecurity>' +
    `<Company>${escapeXml(p.author)}</Company>` +
    '</Properties>'
  );
}

/**
 * The JSON Schemas (draft 2020-12) of the data files, as written to `schema/*.schema.json` for
 * editors and as compiled by the gate. Both are generated from src/format and src/model.
 */
import { agencySchema } from './agency-schema.ts';
import { groupSchema } from './group-schema.ts';
import { reportSchema } from './report-schema.ts';
import type { SchemaNode } from './schema-node.ts';

export type FileKind = 'agency' | 'report' | 'group';

const SCHEMAS: Record<FileKind, SchemaNode> = { agency: agencySchema, report: reportSchema, group: groupSchema };

const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

export const SCHEMA_FILES: Record<FileKind, string> = {
  agency: 'agency.schema.json',
  report: 'report.schema.json',
  group: 'group.schema.json',
};

export function schemaFor(kind: FileKind): SchemaNode {
  return { $schema: SCHEMA_DIALECT, ...SCHEMAS[kind] };
}

/** The file's text exactly as committed under `schema/`. */
export const renderSchema = (kind: FileKind): string => `${JSON.stringify(schemaFor(kind), null, 2)}\n`;

/** The first line every data file carries, so the YAML extension of VS Code finds its schema. */
export const schemaLine = (kind: FileKind): string =>
  `# yaml-language-server: $schema=../../schema/${SCHEMA_FILES[kind]}`;

export type { SchemaNode } from './schema-node.ts';

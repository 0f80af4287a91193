/**
 * `npm run schema`: writes schema/agency.schema.json and schema/report.schema.json from their
 * TypeScript definitions, and schema/validators.cjs, the validators compiled from them ahead of
 * time so that no run pays for compiling them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/options.ts';
import { PRECOMPILED_FILE } from '../src/validate/compile.ts';
import { renderSchema, SCHEMA_FILES, type FileKind } from '../src/validate/schema/index.ts';
import { standaloneValidators } from '../src/validate/standalone.ts';

const dir = path.join(PACKAGE_ROOT, 'schema');
await fs.mkdir(dir, { recursive: true });
const files: Array<[string, string]> = [
  ...(Object.keys(SCHEMA_FILES) as FileKind[]).map((kind): [string, string] => [path.join(dir, SCHEMA_FILES[kind]), renderSchema(kind)]),
  [PRECOMPILED_FILE, standaloneValidators()],
];
for (const [file, text] of files) {
  await fs.writeFile(file, text);
  process.stdout.write(`已写入 ${path.relative(process.cwd(), file)}\n`);
}

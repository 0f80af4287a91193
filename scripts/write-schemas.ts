/** Writes schema/agency.schema.json and schema/report.schema.json from their TypeScript definitions (`npm run schema`). */
import fs from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/options.ts';
import { renderSchema, SCHEMA_FILES, type FileKind } from '../src/validate/schema/index.ts';

const dir = path.join(PACKAGE_ROOT, 'schema');
await fs.mkdir(dir, { recursive: true });
for (const kind of Object.keys(SCHEMA_FILES) as FileKind[]) {
  const file = path.join(dir, SCHEMA_FILES[kind]);
  await fs.writeFile(file, renderSchema(kind));
  process.stdout.write(`已写入 ${path.relative(process.cwd(), file)}\n`);
}

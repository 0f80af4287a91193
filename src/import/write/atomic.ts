/** Writes a file whole or not at all: a temporary file beside it, renamed into place. */
import fs from 'node:fs/promises';
import path from 'node:path';

export async function writeAtomically(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, text, { flag: 'wx' });
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

export const exists = (p: string) => fs.access(p).then(() => true, () => false);

/** How a file is named to the user in every message: relative to the working folder when inside it, else absolute. */
import path from 'node:path';

export const displayPath = (absolute: string): string => {
  const rel = path.relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
};

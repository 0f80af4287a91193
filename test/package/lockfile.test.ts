/** `npm install` on a fresh clone must leave package-lock.json as committed: it must agree with package.json. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/options.ts';

const readJson = (name: string) => JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, name), 'utf8'));

describe('package-lock.json', () => {
  it('records exactly the dependency ranges of package.json', () => {
    const pkg = readJson('package.json');
    const root = readJson('package-lock.json').packages[''];
    for (const key of ['dependencies', 'devDependencies', 'engines', 'bin'] as const) {
      expect(root[key], key).toEqual(pkg[key]);
    }
    expect(root.version).toBe(pkg.version);
  });
});

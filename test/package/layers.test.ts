/**
 * Imports point down the pipeline, never back up: a lower stage must not reach into a later one
 * (load → validate → check → model → render → print → write, driven by build; serve and cli on
 * top). Each rule below names a folder and what it must not import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/options.ts';

const SRC = path.join(PACKAGE_ROOT, 'src');

/** Every relative import of every module under src/, as paths relative to src/. */
function imports(): Array<{ from: string; to: string }> {
  const out: Array<{ from: string; to: string }> = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
          const target = path.resolve(path.dirname(full), m[1] ?? m[2]!);
          out.push({ from: path.relative(SRC, full).split(path.sep).join('/'), to: path.relative(SRC, target).split(path.sep).join('/') });
        }
      }
    }
  };
  walk(SRC);
  return out;
}

const RULES: ReadonlyArray<{ folder: string; mustNotImport: RegExp; why: string }> = [
  { folder: 'write/', mustNotImport: /^(build|check|serve|cli)\//, why: 'the writer stores what the build hands it' },
  { folder: 'diagnostics/', mustNotImport: /^(check|build|serve|cli)\//, why: 'findings are shared by every stage' },
  { folder: 'render/', mustNotImport: /^(load|check|build|serve|cli)\//, why: 'renderers see models, not files' },
  { folder: 'serve/', mustNotImport: /^build\/(?!preview-renderer\.ts$)/, why: 'serve uses the build through build/preview-renderer.ts only' },
];

describe('layers', () => {
  const all = imports();

  it('finds the imports it checks', () => {
    expect(all.some((i) => i.from === 'serve/index.ts' && i.to === 'build/preview-renderer.ts')).toBe(true);
  });

  it.each(RULES)('$folder does not import $mustNotImport ($why)', ({ folder, mustNotImport }) => {
    const wrong = all.filter((i) => i.from.startsWith(folder) && mustNotImport.test(i.to)).map((i) => `${i.from} → ${i.to}`);
    expect(wrong).toEqual([]);
  });
});

/**
 * Every option of nianbao, resolved in one place: CLI flags, environment and defaults.
 * Stages receive the resolved object and never read process.env or argv themselves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findProjectRoot } from './load/project-root.ts';

export interface NianbaoOptions {
  /** Folder of the agencies' data: `<dataDir>/<agency-id>/{agency.yaml,<year>.yaml}`. */
  dataDir: string;
  /** Where outputs go: `<outDir>/<agency-id>/<year>/…`. */
  outDir: string;
  /** Folder of the built-in templates. */
  templatesDir: string;
  /** Only these agencies (ids); empty means all. */
  agencies: string[];
  /** Only these years; empty means all. */
  years: number[];
  /**
   * Only these reports (`nianbao check <path>…`): an agency with one year, or with every year when
   * `year` is null. Empty means no such narrowing; `agencies` and `years` still apply.
   */
  reports: ReportSelector[];
  /** `k/n`: build only the k-th of n deterministic shares of the agencies. */
  shard: { index: number; count: number } | null;
  /** Rebuild even when outputs are current. */
  force: boolean;
  /** Warnings fail the gate too. */
  strict: boolean;
  /** The portal index shows each report's check status and finding counts (for the office, not for citizens). */
  review: boolean;
  /** How many documents print at once. */
  concurrency: number;
  /** Explicit browser executable (--browser, NIANBAO_BROWSER or PUPPETEER_EXECUTABLE_PATH); null to search. */
  browserPath: string | null;
  /** A folder of official font files (--fonts or NIANBAO_FONTS); null to use the machine's fonts only. */
  fontsDir: string | null;
  /** A missing official font fails the build instead of being substituted (--strict-fonts). */
  strictFonts: boolean;
  output: { format: 'text' | 'json'; quiet: boolean; verbose: boolean; color: boolean };
  /** The preview server (`nianbao serve`): it listens on 127.0.0.1 only. */
  serve: { port: number };
}

export interface ReportSelector {
  agencyId: string;
  year: number | null;
}

export type NianbaoOptionsInput = Partial<Omit<NianbaoOptions, 'output' | 'serve'>> & {
  output?: Partial<NianbaoOptions['output']>;
  serve?: Partial<NianbaoOptions['serve']>;
  cwd?: string;
};

/** Defaults of the options a user types; the CLI quotes them in its help instead of setting its own. */
export const DEFAULTS = { dataDir: 'data', outDir: 'out', format: 'text', port: 4173 } as const;

/**
 * The repository (or installed package) root, where templates and schemas live: the nearest
 * folder above this module holding nianbao's package.json (the module runs from src/ or from its
 * bundle in dist/<stamp>/).
 */
export const PACKAGE_ROOT = packageRoot(import.meta.dirname);

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'nianbao') return dir;
    } catch {
      // No package.json here: look further up.
    }
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

/**
 * Colour on a terminal unless NO_COLOR is set (https://no-color.org) or FORCE_COLOR is 0/false;
 * FORCE_COLOR=1 (2, 3, true) turns it on for a log or a pipe too.
 */
export function wantsColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (env.NO_COLOR) return false;
  if (force !== undefined) return true;
  return isTTY;
}

export function resolveOptions(input: NianbaoOptionsInput = {}, env: NodeJS.ProcessEnv = process.env): NianbaoOptions {
  const cwd = input.cwd ?? process.cwd();
  // Folders the user typed are relative to where they typed them; the defaults live in the project root.
  const root = input.dataDir !== undefined && input.outDir !== undefined ? cwd : (findProjectRoot(cwd) ?? cwd);
  const inRoot = (given: string | undefined, fallback: string) => (given === undefined ? path.join(root, fallback) : path.resolve(cwd, given));
  return {
    dataDir: inRoot(input.dataDir, DEFAULTS.dataDir),
    outDir: inRoot(input.outDir, DEFAULTS.outDir),
    templatesDir: path.resolve(cwd, input.templatesDir ?? path.join(PACKAGE_ROOT, 'templates')),
    agencies: input.agencies ?? [],
    years: input.years ?? [],
    reports: input.reports ?? [],
    shard: input.shard ?? null,
    force: input.force ?? false,
    strict: input.strict ?? false,
    review: input.review ?? false,
    concurrency: Math.max(1, input.concurrency ?? os.availableParallelism()),
    browserPath: input.browserPath ?? env.NIANBAO_BROWSER ?? env.PUPPETEER_EXECUTABLE_PATH ?? null,
    fontsDir: input.fontsDir ? path.resolve(cwd, input.fontsDir) : env.NIANBAO_FONTS ? path.resolve(cwd, env.NIANBAO_FONTS) : null,
    strictFonts: input.strictFonts ?? false,
    output: {
      format: input.output?.format ?? DEFAULTS.format,
      quiet: input.output?.quiet ?? false,
      verbose: input.output?.verbose ?? false,
      color: input.output?.color ?? wantsColor(env, Boolean(process.stdout.isTTY)),
    },
    serve: { port: input.serve?.port ?? DEFAULTS.port },
  };
}

/** Parses `k/n` (1 ≤ k ≤ n). */
export function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--shard 的格式应为 k/n（1 ≤ k ≤ n），收到“${value}”`);
  return { index, count };
}

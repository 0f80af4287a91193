/**
 * `npm run bench [-- --agencies N] [--runs R] [--json [file]] [--no-floor] [--no-libreoffice] [--no-reload]`.
 * Without --agencies the five examples of data/ are measured; with it, N synthetic agencies.
 */
import { parseArgs } from 'node:util';

export interface BenchArguments {
  /** Null: the examples in data/. */
  agencies: number | null;
  /** Cold builds and no-op rebuilds, each; medians are reported. */
  runs: number;
  /** Where the JSON goes: a path, `true` for bench/results/<date>-<commit>-<data>.json, or false. */
  json: string | true | false;
  floor: boolean;
  libreoffice: boolean;
  reload: boolean;
  concurrency: number | null;
}

const USAGE = '用法：npm run bench -- [--agencies N] [--runs R] [--concurrency n] [--json [文件]] [--no-floor] [--no-libreoffice] [--no-reload]';

function count(name: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`--${name} 应为正整数，收到“${value}”\n${USAGE}`);
  return Number(value);
}

export function parseBenchArguments(argv: string[]): BenchArguments {
  // `--json` may stand alone: give it an empty value when no file name follows.
  const args = argv.flatMap((a, i) => (a === '--json' && (i === argv.length - 1 || argv[i + 1]!.startsWith('--')) ? ['--json='] : [a]));
  const { values } = parseArgs({
    args,
    options: {
      agencies: { type: 'string' },
      runs: { type: 'string' },
      concurrency: { type: 'string' },
      json: { type: 'string' },
      'no-floor': { type: 'boolean' },
      'no-libreoffice': { type: 'boolean' },
      'no-reload': { type: 'boolean' },
    },
    strict: true,
  });
  const agencies = count('agencies', values.agencies);
  return {
    agencies,
    // A few runs for medians where they are cheap; one when a run takes minutes.
    runs: count('runs', values.runs) ?? ((agencies ?? 5) <= 20 ? 3 : 1),
    json: values.json === undefined ? false : values.json === '' ? true : values.json,
    floor: !values['no-floor'],
    libreoffice: !values['no-libreoffice'],
    reload: !values['no-reload'],
    concurrency: count('concurrency', values.concurrency),
  };
}

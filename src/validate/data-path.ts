/** Paths into the parsed data (`['requests', 'received', 0]`) and which of them the schema found broken. */
import type { DataPath } from '../load/source-file.ts';

/** `/requests/received/0` → `['requests', 'received', 0]` (JSON Pointer, RFC 6901). */
export const pointerToPath = (pointer: string): Array<string | number> =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));

/** `requests.results.withheld.stateSecret[2]`, as users write the YAML. */
export const formatPath = (dataPath: DataPath): string =>
  dataPath.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');

const isPrefix = (prefix: DataPath, of: DataPath) =>
  prefix.length <= of.length && prefix.every((s, i) => String(s) === String(of[i]));

/**
 * The places of a file the schema rejected. A rule may read a part only when nothing at, above or
 * below it was rejected, so arithmetic never runs on a value of the wrong shape.
 */
export class Soundness {
  private readonly broken: DataPath[] = [];

  markBroken(dataPath: DataPath): void {
    this.broken.push(dataPath);
  }

  isSound(dataPath: DataPath): boolean {
    return !this.broken.some((b) => isPrefix(b, dataPath) || isPrefix(dataPath, b));
  }

  get clean(): boolean {
    return this.broken.length === 0;
  }
}

/** What a path of the preview server asks for: `/<agency>/<year>/` and the files beside it. */
import { AGENCY_ID_PATTERN } from '../load/discover.ts';
import { OUTPUT_NAMES, type OutputName } from '../build/preview-renderer.ts';

interface At {
  agencyId: string;
  year: number;
}

export type ReportRoute =
  | (At & { view: 'redirect' })
  | (At & { view: 'page' })
  | (At & { view: 'fragment' })
  | (At & { view: 'print'; document: 'report' | 'letter' })
  | (At & { view: 'output'; output: OutputName });

const PATTERN = /^\/([^/]+)\/(\d{4})(\/(.*))?$/;

export function reportRoute(pathname: string): ReportRoute | null {
  const m = PATTERN.exec(pathname);
  if (!m || !AGENCY_ID_PATTERN.test(m[1]!)) return null;
  const base = { agencyId: m[1]!, year: Number(m[2]) };
  const file = m[4];
  if (m[3] === undefined) return { ...base, view: 'redirect' };
  if (file === '' || file === 'index.html') return { ...base, view: 'page' };
  if (file === 'fragment.html') return { ...base, view: 'fragment' };
  if (file === 'report.print.html' || file === 'letter.print.html') {
    return { ...base, view: 'print', document: file.startsWith('report') ? 'report' : 'letter' };
  }
  const output = OUTPUT_NAMES.find((name) => name === file);
  if (output && /\.(pdf|docx)$/.test(output)) return { ...base, view: 'output', output };
  return null;
}

/**
 * The real gate with instant (or deliberately slow) fake renderers and printer: the build's logic
 * without a browser. Free of vitest, so the interruption fixture can use it in its own process.
 */
import { checkReport } from '../../src/check/index.ts';
import type { BuildStages, Printer } from '../../src/build/stages.ts';
import { resolveOptions, type NianbaoOptions, type NianbaoOptionsInput } from '../../src/options.ts';

export const testOptions = (input: NianbaoOptionsInput): NianbaoOptions =>
  resolveOptions({ concurrency: 2, ...input, output: { quiet: true, color: false, ...input.output } });

export interface StubLog {
  gated: string[];
  rendered: string[];
  printed: string[];
}

export interface StubOptions {
  /** Each renderer waits this long (ms), to make a build slow enough to interrupt. */
  delayMs?: number;
  /** Rendering fails for reports whose `<agency>/<year>` this returns true for. */
  failOn?: (key: string) => boolean;
  log?: StubLog;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bytes = (text: string) => new TextEncoder().encode(text);

export function stubStages(options: NianbaoOptions, stub: StubOptions = {}): BuildStages {
  const log = stub.log;
  const delay = () => sleep(stub.delayMs ?? 0);
  const printer: Printer = {
    async print(doc, meta) {
      await delay();
      log?.printed.push(meta.title);
      return { pdf: bytes(`%PDF-stub ${(doc as { html: string }).html}`), warnings: [] };
    },
    async close() {},
  };
  return {
    async gate(input) {
      log?.gated.push(`${input.agencyId}/${input.year}`);
      return checkReport(input, options);
    },
    async web(model, ctx) {
      await delay();
      const key = `${model.agencyId}/${model.year}`;
      log?.rendered.push(key);
      if (stub.failOn?.(key)) throw new Error(`stub failure for ${key}`);
      const links = Object.values(ctx.links).filter(Boolean).join(' ');
      return { indexHtml: `<html><body>${model.title} ${links}</body></html>`, fragmentHtml: `<div>${model.title}</div>` };
    },
    async print(model) {
      const doc = (kind: 'report' | 'letter') => ({ kind, html: `${kind} ${model.title}`, assetRoots: [], madeOnRead: new Map(), footId: null, warnings: [] });
      return { report: doc('report'), letter: model.letter ? doc('letter') : null };
    },
    async docx(model) {
      await delay();
      return { report: bytes(`docx ${model.title}`), letter: model.letter ? bytes(`docx letter ${model.title}`) : null };
    },
    printer: async () => printer,
    async mergeSubmission(letter, report) {
      return new Uint8Array([...letter, ...report]);
    },
  };
}


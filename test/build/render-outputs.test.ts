/** One report's outputs: the print documents go to the printer before Node makes the DOCX and the web page. */
import { describe, expect, it } from 'vitest';
import { renderOutputs } from '../../src/build/render-outputs.ts';
import type { BuildStages, Printer } from '../../src/build/stages.ts';
import { loadExample, TEMPLATES_DIR } from '../render/html/example-reports.ts';
import { stubStages, testOptions } from './stub-stages.ts';

describe('renderOutputs', () => {
  it('hands the print documents to the printer first, then makes the DOCX and the web page while it prints', async () => {
    const example = loadExample('shenmu', 2023);
    const events: string[] = [];
    const stubs = stubStages(testOptions({}));
    const stages: BuildStages = {
      ...stubs,
      print: async (model, ctx) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push('print documents');
        return stubs.print(model, ctx);
      },
      docx: async (model, ctx) => (events.push('docx'), stubs.docx(model, ctx)),
      web: async (model, ctx) => (events.push('web'), stubs.web(model, ctx)),
    };
    const printer: Printer = {
      print: async (doc) => {
        events.push(`print ${doc.kind}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { pdf: new Uint8Array([1]), warnings: [] };
      },
      close: async () => {},
    };
    const rendered = await renderOutputs(example.model, stages, printer, { templatesDir: TEMPLATES_DIR, agencyDir: example.agencyDir });
    expect(events).toEqual(['print documents', 'print report', 'print letter', 'docx', 'web']);
    expect([...rendered.files.keys()].sort()).toEqual(['fragment.html', 'index.html', 'letter.docx', 'letter.pdf', 'report.docx', 'report.pdf', 'submission.pdf']);
  });
});

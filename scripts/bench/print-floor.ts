/**
 * The print floor: what printing alone costs, the part of a build no optimisation outside Chrome
 * can remove. The build's own print documents (the same HTML, made by the build's stages) are
 * opened one after another in one page of one warm browser; once a document's fonts are loaded,
 * only the print itself is timed, the call the printer makes (print-to-pdf.ts). No request guard,
 * no post-processing, no second pass for the 版记.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { defaultStages } from '../../src/build/default-stages.ts';
import { planBuild } from '../../src/build/plan.ts';
import { loadReportInput } from '../../src/load/report-input.ts';
import type { NianbaoOptions } from '../../src/options.ts';
import { findBrowser, nodeDiscoveryHost } from '../../src/print/browser-discovery.ts';
import { PDF_OPTIONS } from '../../src/print/pdf-options.ts';
import { printToPdf } from '../../src/print/print-to-pdf.ts';
import { makeAssets, type PrintDocument } from '../../src/print/print-document.ts';

export interface PrintFloor {
  documents: number;
  /** Sum of the print calls. */
  totalMs: number;
  perDocumentMs: number;
}

/** Every print document of the data folder, as the build makes them, one report at a time (never all in memory). */
async function* printDocuments(options: NianbaoOptions): AsyncGenerator<PrintDocument> {
  const stages = defaultStages(options);
  const plan = await planBuild(options);
  for (const planned of plan.reports) {
    const gate = await stages.gate(await loadReportInput(planned.agencyDir, planned.year));
    if (!gate.model) throw new Error(`${planned.agencyId}/${planned.year} 未通过检查`);
    const docs = await stages.print(gate.model, { templatesDir: options.templatesDir, agencyDir: planned.agencyDir });
    yield docs.report;
    if (docs.letter) yield docs.letter;
  }
}

export async function measurePrintFloor(options: NianbaoOptions): Promise<PrintFloor> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-floor-'));
  const found = await findBrowser(options.browserPath, nodeDiscoveryHost);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await puppeteer.launch({
    executablePath: found.executablePath,
    headless: 'shell',
    args: [...found.args, ...(root ? ['--no-sandbox'] : [])],
  });
  try {
    const page = await browser.newPage();
    const open = async (doc: PrintDocument) => {
      const file = path.join(dir, `${doc.kind}.html`);
      // Loaded from a file, not through the printer: the font subsets it names are made first.
      await makeAssets(doc);
      await fs.writeFile(file, doc.html);
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: PDF_OPTIONS.timeout });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    };
    let documents = 0;
    let totalMs = 0;
    for await (const doc of printDocuments(options)) {
      await open(doc);
      // The first document is printed once untimed, so the floor is that of a warm browser.
      if (!documents) await printToPdf(page);
      const started = performance.now();
      await printToPdf(page);
      totalMs += performance.now() - started;
      documents++;
    }
    return { documents, totalMs, perDocumentMs: documents ? totalMs / documents : 0 };
  } finally {
    await browser.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

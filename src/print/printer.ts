/**
 * Prints PrintDocuments to PDF: each document is written to a private temp folder, opened from
 * there with every foreign request refused, printed once its fonts are ready, and finished with
 * the metadata of its PdfMeta.
 */
import fs from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { NianbaoOptions } from '../options.ts';
import { BrowserSession } from './browser-session.ts';
import type { DiscoveryHost } from './browser-discovery.ts';
import { alignFontDescriptors } from './font-metrics.ts';
import { PDF_OPTIONS, printWithFoot } from './foot-placement.ts';
import { applyMetadata, saveWithId } from './pdf-metadata.ts';
import type { PdfMeta, PrintDocument, Printer, PrintResult } from './print-document.ts';
import { guardRequests, refusedRequestWarning } from './request-guard.ts';

export function createPrinter(options: Pick<NianbaoOptions, 'browserPath' | 'concurrency'>, host?: DiscoveryHost): Printer {
  const tempDirs = new TempDirs();
  const session = new BrowserSession({ browserPath: options.browserPath, concurrency: options.concurrency, host });
  return {
    print: (doc, meta) => printDocument(session, tempDirs, doc, meta),
    close: () => session.close(),
  };
}

/**
 * The temp folders of the prints under way. A process that exits mid-print never reaches their
 * `finally`, so they are also removed, synchronously, on exit.
 */
class TempDirs {
  #dirs = new Set<string>();
  #onExit = () => this.removeAll();

  /** Synchronous, so that no folder exists that the exit handler does not know of. */
  create(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-print-'));
    if (!this.#dirs.size) process.on('exit', this.#onExit);
    this.#dirs.add(dir);
    return dir;
  }

  async remove(dir: string): Promise<void> {
    this.#dirs.delete(dir);
    if (!this.#dirs.size) process.off('exit', this.#onExit);
    await fs.rm(dir, { recursive: true, force: true });
  }

  removeAll(): void {
    for (const dir of this.#dirs) rmSync(dir, { recursive: true, force: true });
    this.#dirs.clear();
    process.off('exit', this.#onExit);
  }
}

async function printDocument(session: BrowserSession, tempDirs: TempDirs, doc: PrintDocument, meta: PdfMeta): Promise<PrintResult> {
  const dir = tempDirs.create();
  try {
    const file = path.join(dir, `${doc.kind}.html`);
    await fs.writeFile(file, doc.html);
    const { pdf, refused, failed } = await session.withPage(async (page) => {
      const refused = await guardRequests(page, [dir, ...doc.assetRoots]);
      const failed: string[] = [];
      page.on('requestfailed', (r) => {
        if (!refused.includes(r.url())) failed.push(r.url());
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: PDF_OPTIONS.timeout });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = doc.footId ? await printWithFoot(page, doc.footId) : await page.pdf(PDF_OPTIONS);
      return { pdf, refused, failed };
    });
    const warnings = [
      ...doc.warnings,
      ...refused.map(refusedRequestWarning),
      ...failed.map((url) => `打印时无法读取文件：${url}`),
    ];
    return { pdf: await finishPdf(pdf, meta), warnings };
  } finally {
    await tempDirs.remove(dir);
  }
}

/** Chrome's PDF, finished: font metrics as laid out, then the metadata. */
async function finishPdf(bytes: Uint8Array, meta: PdfMeta): Promise<Uint8Array> {
  // updateMetadata: false keeps pdf-lib from stamping its own producer and the current time.
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  alignFontDescriptors(doc);
  applyMetadata(doc, meta);
  return saveWithId(doc, meta.idSeed);
}

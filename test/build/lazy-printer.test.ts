/** The build's printer: made by the first print only, and never again once closed. */
import { describe, expect, it } from 'vitest';
import { lazyPrinter } from '../../src/build/lazy-printer.ts';
import { PrinterClosedError, type PrintDocument, type Printer } from '../../src/print/print-document.ts';

const doc: PrintDocument = { kind: 'report', html: '<p>x</p>', assetRoots: [], madeOnRead: new Map(), footId: null, warnings: [] };
const meta = { title: '标题', author: '机关', date: '2024-01-01' };

function counting() {
  const counts = { made: 0, warmed: 0, printed: 0, closed: 0 };
  const make = async (): Promise<Printer> => {
    counts.made++;
    return {
      warm() {
        counts.warmed++;
      },
      async print() {
        counts.printed++;
        return { pdf: new Uint8Array(), warnings: [] };
      },
      async close() {
        counts.closed++;
      },
    };
  };
  return { counts, make };
}

describe('lazyPrinter', () => {
  it('makes the printer on the first print, once, and closes it once', async () => {
    const { counts, make } = counting();
    const printer = lazyPrinter(make);
    expect(counts.made).toBe(0);
    await Promise.all([printer.print(doc, meta), printer.print(doc, meta)]);
    expect(counts).toEqual({ made: 1, warmed: 0, printed: 2, closed: 0 });
    await Promise.all([printer.close(), printer.close()]);
    expect(counts.closed).toBe(1);
  });

  it('closed before any print: never makes a printer, and refuses prints', async () => {
    const { counts, make } = counting();
    const printer = lazyPrinter(make);
    await printer.close();
    await expect(printer.print(doc, meta)).rejects.toBeInstanceOf(PrinterClosedError);
    expect(counts.made).toBe(0);
  });

  it('warm() makes the printer and starts it ahead of the first print, which then reuses it', async () => {
    const { counts, make } = counting();
    const printer = lazyPrinter(make);
    const first = printer.warm!();
    printer.warm!();
    // Settles once the printer is made and warming.
    await first;
    expect(counts).toEqual({ made: 1, warmed: 2, printed: 0, closed: 0 });
    await printer.print(doc, meta);
    expect(counts.made).toBe(1);
  });

  it('warm() after close does nothing', async () => {
    const { counts, make } = counting();
    const printer = lazyPrinter(make);
    await printer.close();
    printer.warm!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(counts.made).toBe(0);
  });
});

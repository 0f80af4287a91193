/**
 * The one printer of a build (or of the preview server), made by the first print — a build with
 * nothing to print loads no printing module and launches no browser — and closed for good by
 * close(): a print after that is refused instead of making a new printer.
 */
import { PrinterClosedError, type Printer } from '../print/print-document.ts';

export function lazyPrinter(make: () => Promise<Printer>): Printer {
  let made: Promise<Printer> | null = null;
  let closing: Promise<void> | null = null;
  return {
    async print(doc, meta) {
      if (closing) throw new PrinterClosedError();
      return (await (made ??= make())).print(doc, meta);
    },
    async warm() {
      if (closing) return;
      await (made ??= make()).then((printer) => printer.warm?.(), () => undefined);
    },
    close() {
      closing ??= made ? made.then((printer) => printer.close(), () => undefined) : Promise.resolve();
      return closing;
    },
  };
}

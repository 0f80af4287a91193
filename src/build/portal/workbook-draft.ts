/**
 * The portal's workbook made ahead of the portal. It needs only each report's tables, which are
 * known once the report has passed its gate; the rest of the portal waits for every report to be
 * written. So at a build of every report, the workbook is drawn while the last documents print,
 * and the portal takes it when its reports turn out to be those the draft was made of (every
 * report built); otherwise it draws its own, as it always did. A portal's last file was the
 * workbook, the one step of the build's end that no browser work overlapped.
 */
import type { WorkbookReport } from '../../export/xlsx/tables-workbook.ts';
import type { ReportTables } from '../../model/report-tables.ts';

/** A report's caption in the workbook: the agency and the year. */
export const workbookReport = (agencyName: string, year: number, tables: ReportTables): WorkbookReport => ({
  caption: `${agencyName} ${year}年度`,
  tables,
});

const keyOf = (agencyId: string, year: number) => `${agencyId}@${year}`;

export class WorkbookDraft {
  readonly #order: string[];
  readonly #reports = new Map<string, WorkbookReport>();
  #made: { reports: WorkbookReport[]; bytes: Promise<Uint8Array> } | null = null;

  /** `order`: every report of the portal, in the portal's order. */
  constructor(order: ReadonlyArray<{ agencyId: string; year: number }>) {
    this.#order = order.map((r) => keyOf(r.agencyId, r.year));
  }

  /** A report passed its gate with these tables; the last of them starts the workbook. */
  add(agencyId: string, year: number, report: WorkbookReport): void {
    if (this.#made) return;
    this.#reports.set(keyOf(agencyId, year), report);
    if (this.#reports.size < this.#order.length || !this.#order.every((k) => this.#reports.has(k))) return;
    const reports = this.#order.map((k) => this.#reports.get(k)!);
    const bytes = import('../../export/xlsx/tables-workbook.ts').then((m) => m.tablesWorkbook(reports, { yielding: true }));
    // Whoever takes it sees a failure; a draft nobody takes must not be an unhandled rejection.
    bytes.catch(() => undefined);
    this.#made = { reports, bytes };
  }

  /** The workbook of `reports` when the draft was made of exactly these, else null. */
  take(reports: readonly WorkbookReport[]): Promise<Uint8Array> | null {
    const made = this.#made;
    if (!made || made.reports.length !== reports.length) return null;
    const same = made.reports.every((r, i) => r.caption === reports[i]!.caption && JSON.stringify(r.tables) === JSON.stringify(reports[i]!.tables));
    return same ? made.bytes : null;
  }
}

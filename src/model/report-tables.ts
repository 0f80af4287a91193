/** A report's three tables with their computed totals: what its manifest keeps for the portal's open data. */
import type { ReportModel } from './report-model.ts';

/** Enough of a report's model to regenerate the open data without the gate. */
export type ReportTables = Pick<ReportModel, 'proactive' | 'requests' | 'appeals'>;

export const tablesOf = (model: ReportModel): ReportTables => ({
  proactive: model.proactive,
  requests: model.requests,
  appeals: model.appeals,
});

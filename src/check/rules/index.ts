/** Every rule family of the gate, in the order their findings are easiest to read. */
import type { RuleFamily } from '../report-context.ts';
import { addressing } from './addressing.ts';
import { carryover, inForceDrift } from './cross-year.ts';
import { dateWindow, documentDate } from './dates.ts';
import { documentParts } from './document-parts.ts';
import { narrativeNumbers } from './narrative.ts';
import { requestsBalance, requestsResultsTotal } from './requests-balance.ts';
import { appealTotals, requestRowTotals } from './row-totals.ts';
import { yearMatchesFile } from './year.ts';

export const RULE_FAMILIES: readonly RuleFamily[] = [
  yearMatchesFile,
  requestRowTotals,
  requestsResultsTotal,
  requestsBalance,
  appealTotals,
  dateWindow,
  documentDate,
  documentParts,
  addressing,
  carryover,
  inForceDrift,
  narrativeNumbers,
];

/**
 * 四、政府信息公开行政复议、行政诉讼情况 as a table view: 行政复议 (five columns) beside 行政诉讼
 * split into 未经复议直接起诉 and 复议后起诉 (five each), three header rows, one row of numbers.
 */
import { APPEAL_GROUPS, APPEAL_OUTCOMES, LITIGATION_HEADER, TOTAL_LABEL, type AppealGroupKey } from '../../format/index.ts';
import type { Cells } from '../../model/report-model.ts';
import { headerCell, idMaker, numberCell, type CellView, type RowView, type TableView } from './table-view.ts';

const OUTCOME_LABELS = [...APPEAL_OUTCOMES.map((o) => o.label), TOTAL_LABEL];
const OUTCOME_KEYS = [...APPEAL_OUTCOMES.map((o) => o.key), 'total'];

export function buildAppealsTable(appeals: Record<AppealGroupKey, Cells>, caption: string, prefix: string): TableView {
  const id = idMaker(`${prefix}-appeals`);
  const litigation = id('litigation');
  const width = OUTCOME_LABELS.length;
  const litigationGroups = APPEAL_GROUPS.filter((g) => g.parent === LITIGATION_HEADER);

  const top: CellView[] = [];
  const middle: CellView[] = [];
  const bottom: CellView[] = [];
  const data: CellView[] = [];
  const outcomeHeaders = (groupKey: string, outer: string[], into: CellView[], rowspan: number) =>
    OUTCOME_LABELS.map((label, o) => {
      const cellId = id(groupKey, OUTCOME_KEYS[o]!);
      into.push(headerCell(label, 'column', { id: cellId, scope: 'col', headers: [...outer, id(groupKey)], rowspan }));
      return cellId;
    });

  let litigationOpened = false;
  for (const group of APPEAL_GROUPS) {
    const groupId = id(group.key);
    let columnIds: string[];
    let outer: string[];
    if (group.parent === null) {
      // A group standing alone: its label on the top row, its outcomes spanning the two rows below.
      top.push(headerCell(group.label, 'group', { id: groupId, scope: 'colgroup', colspan: width }));
      outer = [];
      columnIds = outcomeHeaders(group.key, outer, middle, 2);
    } else {
      if (!litigationOpened) {
        const colspan = width * litigationGroups.length;
        top.push(headerCell(LITIGATION_HEADER, 'group', { id: litigation, scope: 'colgroup', colspan }));
        litigationOpened = true;
      }
      outer = [litigation];
      middle.push(headerCell(group.label, 'group', { id: groupId, scope: 'colgroup', headers: outer, colspan: width }));
      columnIds = outcomeHeaders(group.key, outer, bottom, 1);
    }
    appeals[group.key].forEach((v, o) =>
      data.push(numberCell(v, 'count', { headers: [...outer, groupId, columnIds[o]!] }, o === width - 1 ? 'total' : 'number')),
    );
  }

  const head: RowView[] = [
    { kind: 'group', cells: top },
    { kind: 'group', cells: middle },
    { kind: 'columns', cells: bottom },
  ];
  return {
    id: id('table'),
    kind: 'appeals',
    captionId: id('caption'),
    caption,
    colgroups: APPEAL_GROUPS.map((g) => ({ span: width, kind: g.key })),
    head,
    repeatHead: true,
    scrolls: true,
    bodies: [{ rows: [{ kind: 'data', cells: data }] }],
  };
}

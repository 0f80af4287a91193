/**
 * 二、主动公开政府信息情况 as a table view: the four blocks of the 2021 format stacked in one
 * four-column table, each opened by its 第二十条第（…）项 row and its own column headers.
 */
import { PROACTIVE_BLOCKS, PROACTIVE_CONTENT_LABEL, DOCUMENT_COLUMNS, type ProactiveBlock } from '../../format/index.ts';
import type { ProactiveData } from '../../model/types.ts';
import { headerCell, idMaker, numberCell, type RowView, type TableView } from './table-view.ts';

/** 信息内容 plus the widest block's value columns. */
const WIDTH = 1 + DOCUMENT_COLUMNS.length;

export function buildProactiveTable(data: ProactiveData, caption: string, prefix: string): TableView {
  const id = idMaker(`${prefix}-proactive`);
  const blocks = PROACTIVE_BLOCKS.map((block, b) => blockRows(block, data, (...p) => id(`b${b + 1}`, ...p)));
  const [first, ...rest] = blocks;
  return {
    id: id('table'),
    kind: 'proactive',
    captionId: id('caption'),
    caption,
    colgroups: [
      { span: 1, kind: 'labels' },
      { span: WIDTH - 1, kind: 'values' },
    ],
    // The first block's two header rows head the table as printed; later blocks repeat theirs.
    head: first!.header,
    repeatHead: false,
    scrolls: false,
    // A later block's header rows never end a page: they stay with the block's first row of numbers.
    bodies: [{ rows: first!.data }, ...rest.map((b) => ({ rows: [...b.header.map((r) => ({ ...r, keepWithNext: true })), ...b.data] }))],
  };
}

function blockRows(block: ProactiveBlock, data: ProactiveData, id: (...parts: string[]) => string) {
  const item = id('item');
  const content = id('content');
  // A block with fewer value columns than the table stretches its last one to the edge.
  const span = (i: number) => (i === block.columns.length - 1 ? WIDTH - block.columns.length : 1);
  const columnIds = block.columns.map((_, c) => id('col', String(c + 1)));
  const header: RowView[] = [
    { kind: 'item', cells: [headerCell(block.item, 'item', { id: item, scope: 'colgroup', colspan: WIDTH })] },
    {
      kind: 'columns',
      cells: [
        headerCell(PROACTIVE_CONTENT_LABEL, 'column', { id: content, scope: 'col', headers: [item] }),
        ...block.columns.map((label, c) =>
          headerCell(label, 'column', { id: columnIds[c], scope: 'col', headers: [item], colspan: span(c) }),
        ),
      ],
    },
  ];
  const rows: RowView[] = block.rows.map((row) => {
    const rowId = id('row', row.key);
    const raw = data[row.key as keyof ProactiveData];
    const values = Array.isArray(raw) ? raw : [raw];
    return {
      kind: 'data',
      cells: [
        headerCell(row.label, 'row', { id: rowId, scope: 'row', headers: [item, content] }),
        ...values.map((v, c) =>
          numberCell(v, row.unit, { headers: [item, columnIds[c], rowId], colspan: span(c) }),
        ),
      ],
    };
  });
  return { header, data: rows };
}

/**
 * 二、主动公开政府信息情况: the four blocks of the 2021 table (第二十条第（一）（五）（六）（八）项).
 */

export interface ProactiveRow {
  /** Key in the YAML file under `proactive`. */
  key: string;
  label: string;
  /** Counts are whole numbers; money (万元) may carry decimals. */
  unit: 'count' | 'money';
}

export interface ProactiveBlock {
  /** 第二十条第（一）项 … */
  item: string;
  /** Header cells after 信息内容. */
  columns: readonly string[];
  rows: readonly ProactiveRow[];
}

export const PROACTIVE_CONTENT_LABEL = '信息内容';

/** Column keys of the 第（一）项 rows, in table order; a row is written `[issued, repealed, inForce]`. */
export const DOCUMENT_COLUMNS = [
  { key: 'issued', label: '本年制发件数' },
  { key: 'repealed', label: '本年废止件数' },
  { key: 'inForce', label: '现行有效件数' },
] as const;

export const PROACTIVE_BLOCKS: readonly ProactiveBlock[] = [
  {
    item: '第二十条第（一）项',
    columns: DOCUMENT_COLUMNS.map((c) => c.label),
    rows: [
      { key: 'regulations', label: '规章', unit: 'count' },
      { key: 'normativeDocuments', label: '行政规范性文件', unit: 'count' },
    ],
  },
  {
    item: '第二十条第（五）项',
    columns: ['本年处理决定数量'],
    rows: [{ key: 'licensing', label: '行政许可', unit: 'count' }],
  },
  {
    item: '第二十条第（六）项',
    columns: ['本年处理决定数量'],
    rows: [
      { key: 'punishment', label: '行政处罚', unit: 'count' },
      { key: 'coercion', label: '行政强制', unit: 'count' },
    ],
  },
  {
    item: '第二十条第（八）项',
    columns: ['本年收费金额（单位：万元）'],
    rows: [{ key: 'fees', label: '行政事业性收费', unit: 'money' }],
  },
];

/** Every row of the four blocks, in table order. */
export const PROACTIVE_ROWS: readonly ProactiveRow[] = PROACTIVE_BLOCKS.flatMap((block) => block.rows);

/** Rows of 第（一）项 hold three numbers; every other row holds one. */
export const DOCUMENT_ROW_KEYS = ['regulations', 'normativeDocuments'] as const;
export type DocumentRowKey = (typeof DOCUMENT_ROW_KEYS)[number];

export const isDocumentRow = (key: string): key is DocumentRowKey => (DOCUMENT_ROW_KEYS as readonly string[]).includes(key);

/** Money may carry at most this many decimals (万元 to the yuan). */
export const MONEY_DECIMALS = 4;

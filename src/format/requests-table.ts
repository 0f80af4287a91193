/**
 * 三、收到和处理政府信息公开申请情况: rows, columns and the 勾稽 structure of the 2021 table.
 *
 * Users enter only the leaf rows, each an array of the six applicant columns in table order
 * (an optional seventh number is 总计 and is checked). （七）总计 and the 总计 column are computed.
 */

export const REQUESTS_CORNER_NOTE =
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const APPLICANT_HEADER = '申请人情况';
export const LEGAL_PERSON_HEADER = '法人或其他组织';
export const TOTAL_LABEL = '总计';

export const APPLICANT_COLUMNS = [
  { key: 'natural', label: '自然人', legalPerson: false },
  { key: 'business', label: '商业企业', legalPerson: true },
  { key: 'research', label: '科研机构', legalPerson: true },
  { key: 'publicInterest', label: '社会公益组织', legalPerson: true },
  { key: 'legalService', label: '法律服务机构', legalPerson: true },
  { key: 'other', label: '其他', legalPerson: true },
] as const;

export const APPLICANT_COUNT = APPLICANT_COLUMNS.length;

export interface LeafRow {
  kind: 'leaf';
  key: string;
  label: string;
}

export interface GroupRow {
  kind: 'group';
  key: string;
  label: string;
  children: readonly LeafRow[];
}

/** A row of 三、本年度办理结果: a leaf such as （一）予以公开, or a group such as （三）不予公开. */
export type ResultRow = LeafRow | GroupRow;

const leaf = (key: string, label: string): LeafRow => ({ kind: 'leaf', key, label });

export const RESULT_ROWS: readonly ResultRow[] = [
  leaf('disclosed', '（一）予以公开'),
  leaf('partiallyDisclosed', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
  {
    kind: 'group',
    key: 'withheld',
    label: '（三）不予公开',
    children: [
      leaf('stateSecret', '1.属于国家秘密'),
      leaf('prohibitedByLaw', '2.其他法律行政法规禁止公开'),
      leaf('threeSecurities', '3.危及“三安全一稳定”'),
      leaf('thirdPartyRights', '4.保护第三方合法权益'),
      leaf('internalAffairs', '5.属于三类内部事务信息'),
      leaf('processInformation', '6.属于四类过程性信息'),
      leaf('enforcementFiles', '7.属于行政执法案卷'),
      leaf('queryMatters', '8.属于行政查询事项'),
    ],
  },
  {
    kind: 'group',
    key: 'unavailable',
    label: '（四）无法提供',
    children: [
      leaf('notHeld', '1.本机关不掌握相关政府信息'),
      leaf('needsCreation', '2.没有现成信息需要另行制作'),
      leaf('unclearAfterCorrection', '3.补正后申请内容仍不明确'),
    ],
  },
  {
    kind: 'group',
    key: 'notProcessed',
    label: '（五）不予处理',
    children: [
      leaf('petitions', '1.信访举报投诉类申请'),
      leaf('repeated', '2.重复申请'),
      leaf('publications', '3.要求提供公开出版物'),
      leaf('massRepeated', '4.无正当理由大量反复申请'),
      leaf('confirmation', '5.要求行政机关确认或重新出具已获取信息'),
    ],
  },
  {
    kind: 'group',
    key: 'otherHandling',
    label: '（六）其他处理',
    children: [
      leaf('overdueCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
      leaf('unpaidFees', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
      leaf('other', '3.其他'),
    ],
  },
];

/** （七）总计: computed as the sum of every result leaf; may be written under `results.total` and is then checked. */
export const RESULTS_TOTAL = { key: 'total', label: '（七）总计' } as const;

/** The top-level rows of the table, in order. */
export const REQUEST_ROWS = {
  received: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  results: '三、本年度办理结果',
  carriedForward: '四、结转下年度继续办理',
} as const;

export type RequestTopKey = keyof typeof REQUEST_ROWS;

/** One entry per leaf of 三、本年度办理结果, with its YAML path below `requests.results`. */
export interface ResultLeaf {
  path: readonly string[];
  label: string;
  /** The label of its group (（三）不予公开 …), when it has one. */
  group?: string;
}

export const RESULT_LEAVES: readonly ResultLeaf[] = RESULT_ROWS.flatMap((row): ResultLeaf[] =>
  row.kind === 'leaf'
    ? [{ path: [row.key], label: row.label }]
    : row.children.map((c) => ({ path: [row.key, c.key], label: c.label, group: row.label })),
);

/**
 * 四、政府信息公开行政复议、行政诉讼情况: three groups × five outcome columns.
 * A group is written as an array `[维持, 纠正, 其他, 尚未审结]`; an optional fifth number is 总计 and is checked.
 */

export const APPEAL_OUTCOMES = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
] as const;

export const APPEAL_OUTCOME_COUNT = APPEAL_OUTCOMES.length;

export const LITIGATION_HEADER = '行政诉讼';

export const APPEAL_GROUPS = [
  { key: 'review', label: '行政复议', parent: null },
  { key: 'litigationDirect', label: '未经复议直接起诉', parent: LITIGATION_HEADER },
  { key: 'litigationAfterReview', label: '复议后起诉', parent: LITIGATION_HEADER },
] as const;

export type AppealGroup = (typeof APPEAL_GROUPS)[number];
export type AppealGroupKey = AppealGroup['key'];

/** The group named on one line, as messages and field titles give it: 行政复议, 行政诉讼·复议后起诉. */
export const appealGroupLabel = (group: AppealGroup): string =>
  group.parent ? `${group.parent}·${group.label}` : group.label;

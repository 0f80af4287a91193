/**
 * Section headings and the sub-items of 一、总体情况, exactly as the 2021 national format
 * (国办公开办函〔2021〕30号) prints them.
 */

export const SECTION_HEADINGS = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项',
} as const;

export type SectionKey = keyof typeof SECTION_HEADINGS;

/** The five sub-items of 一、总体情况, in order; `title` is the default wording after （一）. */
export const OVERVIEW_ITEMS = [
  { key: 'proactive', number: '（一）', title: '主动公开情况', description: '主动公开政府信息的情况' },
  { key: 'onRequest', number: '（二）', title: '依申请公开情况', description: '依申请公开政府信息的办理情况' },
  { key: 'management', number: '（三）', title: '政府信息管理情况', description: '政府信息管理制度与执行情况' },
  { key: 'platform', number: '（四）', title: '平台建设情况', description: '政府信息公开平台建设情况' },
  { key: 'oversight', number: '（五）', title: '监督保障情况', description: '监督保障、考核与培训情况' },
] as const;

export type OverviewItemKey = (typeof OVERVIEW_ITEMS)[number]['key'];

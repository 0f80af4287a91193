/**
 * Whether a numbered document goes to a superior (上行文). Only a 上行文 carries 签发人
 * (GB/T 9704-2012 7.2.4). `document.direction` says so when given; otherwise the 文种 at the end
 * of the title decides: 报告 and 请示 are sent upward by definition (《党政机关公文处理工作条例》第八条).
 */
import type { DocumentDirection } from './types.ts';

export const DIRECTIONS = {
  upward: '上行文（报送上级机关，版头标注签发人）',
  parallel: '平行文（送不相隶属的机关）',
  downward: '下行文（发往下级机关）',
} as const satisfies Record<DocumentDirection, string>;

const UPWARD_KINDS = /(报告|请示)$/;

export const isUpward = (direction: DocumentDirection | undefined, title: string): boolean =>
  direction ? direction === 'upward' : UPWARD_KINDS.test(title.trim());

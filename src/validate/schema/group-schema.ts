/** The schema of `data/groups/<group-id>.yaml`: a superior office and the agencies whose reports it sums. */
import { AGENCY_ID_PATTERN } from '../../load/discover.ts';
import { list, object, text, type SchemaNode } from './schema-node.ts';

export const groupSchema: SchemaNode = object(
  {
    title: '汇总组（groups/<组标识>.yaml）',
    description: '上级机关（如政务公开办）和它汇总的下属机关：据此把各成员机关的年度报告表格相加，生成汇总报告和审核页面。',
  },
  {
    name: text({
      title: '汇总报告的主体',
      description: '汇总报告标题和署名中的名称，如“神木市”；标题为“神木市2023年政府信息公开工作年度报告（汇总）”',
      examples: ['神木市'],
    }),
    office: text({
      title: '汇总机关',
      description: '接收、审核并汇总下属机关年度报告的上级机关或机构，如政务公开办',
      examples: ['神木市人民政府办公室'],
    }),
    members: {
      ...list(
        { title: '成员机关', description: '纳入汇总的机关标识，即 data/ 下的机关目录名，每个只写一次' },
        text(
          { title: '机关标识', description: 'data/ 下某个机关目录的名称，小写英文字母、数字和连字符', examples: ['jinjie'] },
          { pattern: AGENCY_ID_PATTERN.source },
        ),
      ),
      minItems: 1,
    },
  },
  ['name', 'office', 'members'],
);

/**
 * The 函 and the red-header document must be addressable: a 主送机关 from the year file or from
 * agency.yaml (`recipient-missing`), and for the document a 发文字号 with its 机关代字
 * (`doc-number-prefix-missing`).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnostic } from '../../diagnostics/rules.ts';
import { formatDocNumber } from '../../model/report-model.ts';
import type { RuleFamily } from '../report-context.ts';

export const addressing: RuleFamily = {
  name: 'addressing',
  needs: {
    report: [['letter'], ['document']],
    agency: [['recipients'], ['docNumberPrefix']],
  },
  run(ctx) {
    const { letter, document } = ctx.report.data;
    const agency = ctx.agency!.data;
    const source = ctx.report.source;
    const out: Diagnostic[] = [];
    if (letter && !letter.recipient && !agency.recipients?.letter) {
      out.push(
        diagnostic('recipient-missing', source.locateKey(['letter']), '函没有主送机关：请填写 letter.recipient，或在 agency.yaml 中填写 recipients.letter 作为默认值'),
      );
    }
    if (document && !document.recipient && !agency.recipients?.document) {
      out.push(
        diagnostic('recipient-missing', source.locateKey(['document']), '红头文件没有主送机关：请填写 document.recipient，或在 agency.yaml 中填写 recipients.document 作为默认值'),
      );
    }
    if (document && !document.number.prefix && !agency.docNumberPrefix) {
      const example = '锦政字';
      out.push(
        diagnostic(
          'doc-number-prefix-missing',
          source.locateKey(['document', 'number']),
          `发文字号缺少机关代字（如“${formatDocNumber(example, document.number.year, document.number.number)}”中的“${example}”）：请填写 document.number.prefix，或在 agency.yaml 中填写 docNumberPrefix`,
        ),
      );
    }
    return out;
  },
};

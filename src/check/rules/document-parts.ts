/**
 * Parts GB/T 9704-2012 asks of a red-header document beyond its 发文字号: a 上行文 names its
 * 签发人 in the 版头 (7.2.4, `signer-missing`), and every numbered document closes with a 版记
 * giving 印发机关 and 印发日期 (7.4, `imprint-missing`). Warnings: the documents still build,
 * and an office that lacks the data sees exactly which field to fill.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnostic } from '../../diagnostics/rules.ts';
import { isUpward } from '../../model/direction.ts';
import { computeTitles } from '../../model/titles.ts';
import type { RuleFamily } from '../report-context.ts';

export const documentParts: RuleFamily = {
  name: 'document-parts',
  needs: {
    report: [['document']],
    agency: [['name'], ['shortName'], ['titles'], ['signer']],
  },
  run(ctx) {
    const doc = ctx.report.data.document;
    if (!doc) return [];
    const agency = ctx.agency!.data;
    const source = ctx.report.source;
    const out: Diagnostic[] = [];
    const title = computeTitles(agency, ctx.year).document;
    if (isUpward(doc.direction, title) && !doc.signer && !agency.signer) {
      out.push(
        diagnostic(
          'signer-missing',
          source.locateKey(['document']),
          '上行文红头文件没有签发人（GB/T 9704-2012 7.2.4）：请在 document.signer 中填写签发人姓名，或在 agency.yaml 中填写 signer 作为默认值；不是报送上级的文件请写 document.direction',
        ),
      );
    }
    if (!doc.printed) {
      out.push(
        diagnostic(
          'imprint-missing',
          source.locateKey(['document']),
          '红头文件没有版记的印发机关和印发日期（GB/T 9704-2012 7.4）：请在 document.printed 中填写 by（印发机关）和 date（印发日期，YYYY-MM-DD）',
        ),
      );
    }
    return out;
  },
};

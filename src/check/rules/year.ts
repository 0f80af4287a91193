/** The year inside a year file must be the year of its name (`year-mismatch`): 2023.yaml holds year: 2023. */
import { diagnostic } from '../../diagnostics/rules.ts';
import type { RuleFamily } from '../report-context.ts';

export const yearMatchesFile: RuleFamily = {
  name: 'year-mismatch',
  needs: { report: [['year']] },
  run(ctx) {
    const written = ctx.report.data.year;
    if (written === ctx.year) return [];
    return [
      diagnostic('year-mismatch', ctx.report.source.locate(['year']), `year 写的是 ${written}，但文件名是 ${ctx.year}.yaml；二者须一致`),
    ];
  },
};

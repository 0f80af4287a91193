/** `nianbao new <agency-id> [--year <y>]`: writes commented data files ready to fill in. */
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { AGENCY_ID_PATTERN } from '../load/discover.ts';
import { DEFAULTS, resolveOptions } from '../options.ts';
import { addOutputOptions, collectYear, EXIT, type OutputFlags } from './arguments.ts';

interface NewFlags extends OutputFlags {
  data?: string;
  year?: number[];
}

/** A bad id is wrong usage (exit 2), refused before anything is read. */
const agencyIdArgument = (value: string) => {
  if (!AGENCY_ID_PATTERN.test(value)) throw new InvalidArgumentError('须为小写英文字母、数字和连字符组成（如 shenmu 或 xinxiang-office）');
  return value;
};

export function addNewCommand(program: Command): void {
  const command = program
    .command('new')
    .description('为机关新建数据文件：agency.yaml 和年度报告文件（已有上一年度时以其为底稿）')
    .argument('<agency-id>', '机关标识，小写英文字母、数字和连字符，如 shenmu', agencyIdArgument)
    .option('--data <dir>', `数据目录（默认为项目根目录下的 ${DEFAULTS.dataDir}）`)
    .option('--year <year>', '报告年度（默认为今年的上一年）', collectYear);
  addOutputOptions(command, { quiet: '只在出错时输出', verbose: '同时说明从上一年度沿用了什么' }).action(
    async (agencyId: string, flags: NewFlags) => {
      const options = resolveOptions({ dataDir: flags.data, output: { quiet: flags.quiet, verbose: flags.verbose } });
      const { create, CreateError } = await import('../create/index.ts');
      const say = (text: string) => {
        if (!options.output.quiet) process.stdout.write(text);
      };
      try {
        const result = await create(options, { agencyId, year: flags.year?.at(-1) });
        for (const file of result.created) say(`已创建 ${path.relative(process.cwd(), file) || file}\n`);
        if (result.missingYears.length) {
          const missing = result.missingYears.map((y) => `${y} 年度`).join('、');
          process.stderr.write(
            `注意：缺少 ${missing}的数据文件（${result.missingYears.map((y) => `${y}.yaml`).join('、')}）。新文件以 ${result.startedFrom} 年度为底稿，` +
              `“上年结转”未自动填入，请按 ${result.missingYears.at(-1)} 年度报告填写；也可先运行 nianbao new ${agencyId} --year ${result.missingYears[0]} 补上。\n`,
          );
        }
        say(
          result.startedFrom
            ? `以 ${result.startedFrom} 年度为底稿：正文已沿用，表格已清零，日期留空待定稿时填写。填写后运行 nianbao check 检查。\n`
            : '请按注释填写各字段，然后运行 nianbao check 检查。\n',
        );
        if (options.output.verbose && result.startedFrom) {
          say('沿用的内容：各部分正文、署名、报送函和红头文件的设置（发文字号已改为下一年份）；“上年结转”取自上一年度的“结转下年度继续办理”。\n');
        }
        process.exitCode = EXIT.ok;
      } catch (error) {
        if (!(error instanceof CreateError)) throw error;
        process.stderr.write(`nianbao new: ${error.message}\n`);
        process.exitCode = EXIT.failed;
      }
    },
  );
}

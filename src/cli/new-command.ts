/** `nianbao new <agency-id> [--year <y>]`: writes commented data files ready to fill in. */
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULTS, resolveOptions } from '../options.ts';
import { collectYear, EXIT } from './arguments.ts';

interface NewFlags {
  data?: string;
  year?: number[];
}

export function addNewCommand(program: Command): void {
  program
    .command('new')
    .description('为机关新建数据文件：agency.yaml 和年度报告文件（已有上一年度时以其为底稿）')
    .argument('<agency-id>', '机关标识，小写英文字母、数字和连字符，如 shenmu')
    .option('--data <dir>', `数据目录（默认 ${DEFAULTS.dataDir}）`)
    .option('--year <year>', '报告年度（默认为上一年）', collectYear)
    .action(async (agencyId: string, flags: NewFlags) => {
      const options = resolveOptions({ dataDir: flags.data });
      const { create, CreateError } = await import('../create/index.ts');
      try {
        const result = await create(options, { agencyId, year: flags.year?.at(-1) });
        for (const file of result.created) process.stdout.write(`已创建 ${path.relative(process.cwd(), file) || file}\n`);
        process.stdout.write(
          result.startedFrom
            ? `以 ${result.startedFrom} 年度为底稿：正文已沿用，表格已清零，日期已清空。填写后运行 nianbao check 检查。\n`
            : '请按注释填写各字段，然后运行 nianbao check 检查。\n',
        );
        process.exitCode = EXIT.ok;
      } catch (error) {
        if (!(error instanceof CreateError)) throw error;
        process.stderr.write(`nianbao new: ${error.message}\n`);
        process.exitCode = EXIT.failed;
      }
    });
}

/** `nianbao check`: flags → options → check() → the findings and exit code. */
import { Option, type Command } from 'commander';
import { formatDiagnostics } from '../diagnostics/format.ts';
import { DEFAULTS, resolveOptions } from '../options.ts';
import { collect, collectYear, EXIT } from './arguments.ts';

interface CheckFlags {
  data?: string;
  agency?: string[];
  year?: number[];
  format?: 'text' | 'json';
  strict?: boolean;
}

export function addCheckCommand(program: Command): void {
  program
    .command('check')
    .description('检查数据文件（格式、勾稽关系、跨年度衔接、正文数字），不生成任何文件')
    .option('--data <dir>', `数据目录（默认 ${DEFAULTS.dataDir}）`)
    .option('--agency <id>', '只检查该机关（可重复）', collect)
    .option('--year <year>', '只检查该年度（可重复）', collectYear)
    .addOption(new Option('--format <format>', `输出格式（默认 ${DEFAULTS.format}）`).choices(['text', 'json']))
    .option('--strict', '有警告也以失败退出')
    .action(async (flags: CheckFlags) => {
      const options = resolveOptions({
        dataDir: flags.data,
        agencies: flags.agency,
        years: flags.year,
        strict: flags.strict,
        output: { format: flags.format },
      });
      // Loaded here, not at the top: the gate's schemas take a moment, and `build` with nothing to do must not pay for them.
      const { check } = await import('../check/index.ts');
      const summary = await check(options);
      process.stdout.write(formatDiagnostics(summary, options));
      process.exitCode = summary.failed ? EXIT.failed : EXIT.ok;
    });
}

/**
 * `nianbao check [path…]`: flags and paths → options → check() → the findings and exit code.
 * Paths are data files, agency folders or data folders, as a pre-commit hook or an editor passes
 * them; `nianbao check data/jinjie/2023.yaml` checks that report with its agency.yaml and last year's file.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { formatDiagnostics } from '../diagnostics/format.ts';
import { PathSelectionError, selectPaths } from '../load/path-selection.ts';
import { DEFAULTS, resolveOptions } from '../options.ts';
import { addOutputOptions, collect, collectYear, EXIT, type OutputFlags } from './arguments.ts';

interface CheckFlags extends OutputFlags {
  data?: string;
  agency?: string[];
  year?: number[];
  format?: 'text' | 'json';
  strict?: boolean;
}

export function addCheckCommand(program: Command): void {
  const command = program
    .command('check')
    .description('检查数据文件（格式、勾稽关系、跨年度衔接、正文数字），不生成任何文件')
    .argument('[路径...]', '只检查这些数据文件、机关目录或数据目录（如 data/jinjie/2023.yaml、data/jinjie）')
    .option('--data <dir>', `数据目录（默认为项目根目录下的 ${DEFAULTS.dataDir}）`)
    .option('--agency <id>', '只检查该机关（可重复）', collect)
    .option('--year <year>', '只检查该年度（可重复）', collectYear)
    .addOption(new Option('--format <format>', `输出格式（默认 ${DEFAULTS.format}）`).choices(['text', 'json']))
    .option('--strict', '有警告也以失败退出');
  addOutputOptions(command, { quiet: '每个问题只占一行，不显示所在行的上下文', verbose: '同时说明每条规则，并列出读取的数据文件' }).action(
    async (paths: string[], flags: CheckFlags) => {
      let options = resolveOptions({
        dataDir: flags.data,
        agencies: flags.agency,
        years: flags.year,
        strict: flags.strict,
        output: { format: flags.format, quiet: flags.quiet, verbose: flags.verbose },
      });
      if (paths.length) {
        try {
          const selection = selectPaths(paths, process.cwd(), { dataDir: options.dataDir, explicit: flags.data !== undefined });
          options = { ...options, ...selection };
        } catch (error) {
          if (!(error instanceof PathSelectionError)) throw error;
          process.stderr.write(`nianbao check: ${error.message}\n`);
          process.exitCode = EXIT.usage;
          return;
        }
      }
      // Loaded here, not at the top: the gate's schemas take a moment, and `build` with nothing to do must not pay for them.
      const { check } = await import('../check/index.ts');
      const summary = await check(options);
      if (options.output.verbose && options.output.format === 'text') {
        const files = Object.keys(summary.sources).sort();
        process.stdout.write(`数据目录 ${path.relative(process.cwd(), options.dataDir) || '.'}，读取了 ${files.length} 个数据文件：\n${files.map((f) => `  ${f}\n`).join('')}\n`);
      }
      process.stdout.write(formatDiagnostics(summary, options));
      process.exitCode = summary.failed ? EXIT.failed : EXIT.ok;
    },
  );
}

/**
 * The `nianbao` command: parses arguments, calls the programmatic API and maps the outcome to an
 * exit code. 0: clean; 1: the data or a report failed; 2: wrong usage; 3: the environment failed
 * (no browser, unwritable output, an unexpected error).
 */
import { Command, CommanderError, Option } from 'commander';
import { formatDiagnostics } from '../diagnostics/format.ts';
import { resolveOptions, type NianbaoOptionsInput } from '../options.ts';
import { addBuildCommand } from './build-command.ts';
import { addNewCommand } from './new-command.ts';
import { addServeCommand } from './serve-command.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2, environment: 3 } as const;

export const collect = (value: string, previous: string[] = []) => [...previous, value];
export const collectYear = (value: string, previous: number[] = []) => {
  if (!/^\d{4}$/.test(value)) throw new CommanderError(EXIT.usage, 'nianbao.year', `--year 应为四位年度，收到“${value}”`);
  return [...previous, Number(value)];
};

interface CommonFlags {
  data?: string;
  agency?: string[];
  year?: number[];
  format?: 'text' | 'json';
  strict?: boolean;
}

const commonInput = (flags: CommonFlags): NianbaoOptionsInput => ({
  dataDir: flags.data,
  agencies: flags.agency,
  years: flags.year,
  strict: flags.strict,
  output: { format: flags.format },
});

export function createProgram(): Command {
  const program = new Command('nianbao')
    .description('政府信息公开工作年度报告：检查数据，生成函、红头文件、网页及其 DOCX、PDF')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });

  program
    .command('check')
    .description('检查数据文件（格式、勾稽关系、跨年度衔接、正文数字），不生成任何文件')
    .option('--data <dir>', '数据目录', 'data')
    .option('--agency <id>', '只检查该机关（可重复）', collect)
    .option('--year <year>', '只检查该年度（可重复）', collectYear)
    .addOption(new Option('--format <format>', '输出格式').choices(['text', 'json']).default('text'))
    .option('--strict', '有警告也以失败退出')
    .action(async (flags: CommonFlags) => {
      const options = resolveOptions(commonInput(flags));
      // Loaded here, not at the top: the gate's schemas take a moment, and `build` with nothing to do must not pay for them.
      const { check } = await import('../check/index.ts');
      const summary = await check(options);
      process.stdout.write(formatDiagnostics(summary, options));
      process.exitCode = summary.failed ? EXIT.failed : EXIT.ok;
    });

  addBuildCommand(program);
  addNewCommand(program);
  addServeCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`nianbao: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.environment;
  }
}

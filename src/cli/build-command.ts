/**
 * `nianbao build`: flags → options → build() → summary and exit code. This command owns SIGINT and
 * SIGTERM: the first aborts the build (the browser closes, temp folders go) and the process exits
 * with 130/143; a second one exits at once (exit hooks still kill the browser and remove temp folders).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { BuildSummary } from '../build/index.ts';
import { DEFAULTS, parseShard, resolveOptions } from '../options.ts';
import { addOutputOptions, collect, collectYear, EXIT, type OutputFlags } from './arguments.ts';

interface BuildFlags extends OutputFlags {
  data?: string;
  out?: string;
  agency?: string[];
  year?: number[];
  shard?: { index: number; count: number };
  force?: boolean;
  concurrency?: number;
  browser?: string;
  fonts?: string;
  strictFonts?: boolean;
  strict?: boolean;
  review?: boolean;
  format?: 'text' | 'json';
}

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
/** After a signal, how long the build may take to wind down before the process exits anyway. */
const WIND_DOWN_MS = 8000;

const shardArgument = (value: string) => {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
};

const positiveInteger = (value: string) => {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError(`应为正整数，收到“${value}”`);
  return Number(value);
};

export function addBuildCommand(program: Command): void {
  const command = program
    .command('build')
    .description('生成全部或部分机关的年度报告：PDF（报告、函、报送件）、网页、DOCX，以及门户首页和开放数据')
    .option('--data <dir>', `数据目录（默认为项目根目录下的 ${DEFAULTS.dataDir}）`)
    .option('--out <dir>', `输出目录（默认为项目根目录下的 ${DEFAULTS.outDir}）`)
    .option('--agency <id>', '只生成该机关（可重复）', collect)
    .option('--year <year>', '只生成该年度（可重复）', collectYear)
    .option('--shard <k/n>', '把机关按标识排序后轮流分成 n 份，只生成第 k 份（多台机器分担）', shardArgument)
    .option('--force', '即使输出已是最新也重新生成')
    .option('--concurrency <n>', '同时打印的页面数（默认为 CPU 数）', positiveInteger)
    .option('--browser <path>', 'Chrome/Chromium 可执行文件路径（也可用环境变量 NIANBAO_BROWSER）')
    .option('--fonts <dir>', '存放公文字体文件（方正小标宋简体、仿宋_GB2312 等）的文件夹（也可用环境变量 NIANBAO_FONTS）')
    .option('--strict-fonts', '缺少公文规定的字体时构建失败，而不是用免费字体代替')
    .option('--strict', '有警告也视为失败')
    .option('--review', '门户首页 out/index.html 显示每份报告的检查状态和问题数（供机关内部审核，不要发布）')
    .addOption(new Option('--format <format>', `汇总的输出格式（默认 ${DEFAULTS.format}）`).choices(['text', 'json']));
  addOutputOptions(command, { quiet: '不显示进度，只输出汇总', verbose: '逐份报告显示详细过程' })
    .action(async (flags: BuildFlags) => {
      const options = resolveOptions({
        dataDir: flags.data,
        outDir: flags.out,
        agencies: flags.agency,
        years: flags.year,
        shard: flags.shard,
        force: flags.force,
        concurrency: flags.concurrency,
        browserPath: flags.browser,
        fontsDir: flags.fonts,
        strictFonts: flags.strictFonts,
        strict: flags.strict,
        review: flags.review,
        output: { format: flags.format, quiet: flags.quiet, verbose: flags.verbose },
      });
      // Loaded here, not at start: `--help`, `--version` and the other commands never need them.
      const [{ build }, { createReporter }, { formatBuildSummary }] = await Promise.all([
        import('../build/index.ts'),
        import('../build/progress.ts'),
        import('../build/summary.ts'),
      ]);
      const controller = new AbortController();
      let signalled: keyof typeof SIGNAL_EXIT | null = null;
      const onSignal = (signal: keyof typeof SIGNAL_EXIT) => {
        if (signalled) process.exit(SIGNAL_EXIT[signal]); // a second Ctrl-C stops waiting
        signalled = signal;
        process.stderr.write(`\n收到 ${signal}，正在停止：关闭浏览器、清理临时文件……\n`);
        controller.abort();
        setTimeout(() => process.exit(SIGNAL_EXIT[signal]), WIND_DOWN_MS).unref();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      let summary: BuildSummary;
      try {
        summary = await build(options, { reporter: createReporter(options.output), signal: controller.signal });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      process.stdout.write(formatBuildSummary(summary, options));
      if (signalled) process.exit(SIGNAL_EXIT[signalled]);
      process.exitCode = summary.failed ? EXIT.failed : EXIT.ok;
    });
}

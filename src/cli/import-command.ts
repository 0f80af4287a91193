/** `nianbao import <file|folder>… [--agency id] [--year y] [--force] [--dry-run]`: published reports → data files. */
import type { Command } from 'commander';
import { DEFAULTS, resolveOptions } from '../options.ts';
import { collectYear, EXIT } from './arguments.ts';

interface ImportFlags {
  data?: string;
  agency?: string;
  year?: number[];
  force?: boolean;
  dryRun?: boolean;
}

export function addImportCommand(program: Command): void {
  program
    .command('import')
    .description('把已发布的年度报告（PDF、Word、网页、文本）导入为 data/<机关>/<年度>.yaml，并检查其中的问题')
    .argument('<files...>', '报告文件或目录（目录中的每个报告都导入）')
    .option('--data <dir>', `数据目录（默认 ${DEFAULTS.dataDir}）`)
    .option('--agency <id>', '机关标识（不给时按文件中的机关名称在数据目录中查找）')
    .option('--year <year>', '报告年度（不给时从标题或正文中识别）', collectYear)
    .option('--force', '覆盖已有的年度文件')
    .option('--dry-run', '只显示将写入的 YAML，不写任何文件')
    .action(async (paths: string[], flags: ImportFlags) => {
      const options = resolveOptions({ dataDir: flags.data });
      // Loaded here, like the other commands' stages, so that `nianbao --help` stays quick.
      const { importReports, ImportError } = await import('../import/index.ts');
      const { formatImportSummary, dryRunYaml } = await import('../import/summary.ts');
      try {
        const summary = await importReports(options, { paths, agency: flags.agency, year: flags.year?.at(-1), force: flags.force, dryRun: flags.dryRun });
        if (flags.dryRun) {
          process.stdout.write(dryRunYaml(summary));
          process.stderr.write(formatImportSummary(summary, options));
        } else {
          process.stdout.write(formatImportSummary(summary, options));
        }
        process.exitCode = summary.exitCode;
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        process.stderr.write(`nianbao import: ${error.message}\n`);
        process.exitCode = EXIT.usage;
      }
    });
}

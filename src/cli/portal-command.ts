/**
 * `nianbao portal [--out dir] [inputs…]`: after a build in shards, moves the shards' report
 * folders into one output folder and writes its index.html, data.json and tables.csv.
 */
import type { Command } from 'commander';
import { DEFAULTS, resolveOptions } from '../options.ts';
import { addOutputOptions, EXIT, type OutputFlags } from './arguments.ts';

interface PortalFlags extends OutputFlags {
  out?: string;
  review?: boolean;
}

export function addPortalCommand(program: Command): void {
  const command = program
    .command('portal')
    .description('合并分片构建的输出：把各分片的报告目录移入输出目录，并生成门户首页 index.html 和开放数据 data.json、tables.csv')
    .argument('[inputs...]', '各分片的输出目录（省略时只根据输出目录中已有的报告生成门户首页）')
    .option('--out <dir>', `输出目录（默认为项目根目录下的 ${DEFAULTS.outDir}）`)
    .option('--review', '门户首页显示每份报告的检查状态（供机关内部审核，不要发布）');
  addOutputOptions(command, { quiet: '不输出结果说明', verbose: '同时列出读取的分片目录' })
    .action(async (inputs: string[], flags: PortalFlags) => {
      const { outDir, output } = resolveOptions({ outDir: flags.out, output: { quiet: flags.quiet, verbose: flags.verbose } });
      const { assemblePortal, PortalInputError } = await import('../build/portal/assemble.ts');
      try {
        const summary = await assemblePortal({ outDir, inputs, review: flags.review });
        const changed = summary.portal.length ? `已更新 ${summary.portal.join('、')}` : '门户文件无变化';
        if (!output.quiet) process.stdout.write(`门户已生成：共 ${summary.reports} 份报告，从分片移入 ${summary.copied} 份；${changed}。\n`);
        if (output.verbose && inputs.length) process.stdout.write(`分片目录：${inputs.join('、')}\n`);
        process.exitCode = EXIT.ok;
      } catch (error) {
        if (!(error instanceof PortalInputError)) throw error;
        process.stderr.write(`nianbao portal: ${error.message}\n`);
        process.exitCode = EXIT.failed;
      }
    });
}

/** `nianbao serve [--port 4173]`: the local preview server, until Ctrl-C. */
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULTS, resolveOptions } from '../options.ts';
import { addOutputOptions, EXIT, type OutputFlags } from './arguments.ts';

interface ServeFlags extends OutputFlags {
  data?: string;
  port?: number;
  browser?: string;
}

const portNumber = (value: string) => {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError(`端口应为 0–65535 的整数，收到“${value}”`);
  return port;
};

export function addServeCommand(program: Command): void {
  const command = program
    .command('serve')
    .description('本地预览：网页和打印效果随数据、模板的保存自动刷新；PDF、DOCX 按需生成')
    .option('--data <dir>', `数据目录（默认为项目根目录下的 ${DEFAULTS.dataDir}）`)
    .option('--port <port>', `端口（默认 ${DEFAULTS.port}，只监听 127.0.0.1）`, portNumber)
    .option('--browser <path>', '生成 PDF 用的 Chrome/Chromium 可执行文件路径');
  addOutputOptions(command, { quiet: '只显示预览地址，不报告每次刷新', verbose: '同时显示数据和模板目录，刷新时列出全部页面（含首页）' }).action(
    async (flags: ServeFlags) => {
      const options = resolveOptions({
        dataDir: flags.data,
        browserPath: flags.browser,
        serve: { port: flags.port },
        output: { quiet: flags.quiet, verbose: flags.verbose },
      });
      const { quiet, verbose } = options.output;
      const { serve } = await import('../serve/index.ts');
      const server = await serve(options, {
        onReload: (keys) => {
          const shown = verbose ? keys : keys.filter((k) => k !== 'index');
          if (!quiet && shown.length) process.stdout.write(`已重新生成并刷新：${shown.join('、')}\n`);
        },
      });
      if (verbose) process.stdout.write(`数据目录：${options.dataDir}\n模板目录：${options.templatesDir}\n`);
      process.stdout.write(`预览地址：${server.url}（按 Ctrl-C 停止）\n`);
      await new Promise<void>((resolve) => {
        let stopping = false;
        // Stays registered while closing, so that a repeated Ctrl-C cannot kill the process before the browser is closed.
        const stop = () => {
          if (stopping) return;
          stopping = true;
          process.stdout.write('正在停止预览……\n');
          void server.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      process.stdout.write('预览已停止。\n');
      process.exitCode = EXIT.ok;
    },
  );
}

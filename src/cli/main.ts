/**
 * The `nianbao` command: parses arguments, calls the programmatic API and maps the outcome to an
 * exit code (see EXIT): wrong usage is 2; an error no command expected (no browser, an unwritable
 * output folder) is 3.
 *
 * One file per command (`<name>-command.ts`, exporting `add<Name>Command(program)`), registered in
 * COMMANDS below; each turns its flags into options with resolveOptions and calls the API.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CommanderError, type Command } from 'commander';
import { PACKAGE_ROOT } from '../options.ts';
import { EXIT } from './arguments.ts';
import { addBuildCommand } from './build-command.ts';
import { addCheckCommand } from './check-command.ts';
import { addImportCommand } from './import-command.ts';
import { LocalizedCommand } from './localized-command.ts';
import { addNewCommand } from './new-command.ts';
import { addPortalCommand } from './portal-command.ts';
import { addServeCommand } from './serve-command.ts';
import { addSummaryCommand } from './summary-command.ts';

const COMMANDS: ReadonlyArray<(program: Command) => void> = [addCheckCommand, addBuildCommand, addNewCommand, addPortalCommand, addServeCommand, addImportCommand, addSummaryCommand];

const HELP_FOOTER = `
各命令的用法：nianbao <命令> --help
在子目录中运行时，向上查找含 data/ 目录（或 package.json 名为或依赖 nianbao）的项目根目录。
退出码：0 成功；1 数据或报告有错；2 命令用法错误；3 运行环境问题（如找不到或无法启动浏览器）。`;

export const packageVersion = (): string =>
  (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function createProgram(): Command {
  const program = new LocalizedCommand('nianbao')
    .description('政府信息公开工作年度报告：检查数据，生成函、红头文件、网页及其 DOCX、PDF')
    .version(`nianbao ${packageVersion()}`, '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .addHelpText('after', HELP_FOOTER)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  for (const add of COMMANDS) add(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) && error.exitCode === 0
        ? EXIT.ok
        : EXIT.usage;
    }
    process.stderr.write(`nianbao: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.environment;
  }
}

/**
 * The `nianbao` command: parses arguments, calls the programmatic API and maps the outcome to an
 * exit code (see EXIT): wrong usage is 2; an error no command expected (no browser, an unwritable
 * output folder) is 3.
 */
import { Command, CommanderError } from 'commander';
import { EXIT } from './arguments.ts';
import { addBuildCommand } from './build-command.ts';
import { addCheckCommand } from './check-command.ts';
import { addNewCommand } from './new-command.ts';
import { addServeCommand } from './serve-command.ts';
import { addSummaryCommand } from './summary-command.ts';

function createProgram(): Command {
  const program = new Command('nianbao')
    .description('政府信息公开工作年度报告：检查数据，生成函、红头文件、网页及其 DOCX、PDF')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  addCheckCommand(program);
  addBuildCommand(program);
  addNewCommand(program);
  addServeCommand(program);
  addSummaryCommand(program);
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

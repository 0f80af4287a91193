/**
 * commander speaking Chinese like the rest of nianbao: the help (用法、选项、命令、参数) and the
 * usage errors commander raises itself (unknown option, too many arguments, missing argument,
 * invalid value). Every command is made by `LocalizedCommand`, so subcommands inherit all of it.
 */
import { Command, Help, type Argument, type Option } from 'commander';
import { displayWidth } from '../diagnostics/display-width.ts';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

/** commander's trailing notes in option and argument descriptions: (choices: …), (default: …). */
const localizeNotes = (text: string): string =>
  text
    .replace(/ ?\(choices: ([^)]*)\)/, '（可选：$1）')
    .replace(/ ?\(default: ([^)]*)\)/, '（默认：$1）')
    .replace(/ ?\(env: ([^)]*)\)/, '（环境变量：$1）');

const localizeUsage = (usage: string): string => usage.replace('[options]', '[选项]').replace('[command]', '[命令]');

const suggestion = (text: string): string =>
  text
    .replace(/\n\(Did you mean one of (.+)\?\)$/, '\n（是否想输入以下之一：$1？）')
    .replace(/\n\(Did you mean (.+)\?\)$/, '\n（是否想输入 $1？）');

/** Each commander message by its code: the English pattern and its Chinese wording. */
const MESSAGES: Record<string, Array<[RegExp, (...m: string[]) => string]>> = {
  'commander.unknownOption': [[/^error: unknown option '([^']+)'/, (_, flag) => `错误：没有选项 ${flag}`]],
  'commander.unknownCommand': [[/^error: unknown command '([^']+)'/, (_, name) => `错误：没有命令 ${name}（可用 nianbao --help 查看全部命令）`]],
  'commander.excessArguments': [
    [
      /^error: too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\./,
      (_, command, expected, got) => `错误：${command ? `命令 ${command} 的` : ''}参数过多：应为 ${expected} 个，收到 ${got} 个`,
    ],
  ],
  'commander.missingArgument': [[/^error: missing required argument '([^']+)'/, (_, name) => `错误：缺少参数 <${name}>`]],
  'commander.optionMissingArgument': [[/^error: option '([^']+)' argument missing/, (_, flags) => `错误：选项 ${flags} 缺少取值`]],
  'commander.missingMandatoryOptionValue': [[/^error: required option '([^']+)' not specified/, (_, flags) => `错误：必须给出选项 ${flags}`]],
  'commander.conflictingOption': [[/^error: (.+) cannot be used with (.+)$/, (_, a, b) => `错误：${a} 不能与 ${b} 同时使用`]],
  'commander.invalidArgument': [
    [
      /^error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/,
      (_, flags, value, choices) => `错误：选项 ${flags} 的取值“${value}”无效，可选：${choices}`,
    ],
    [/^error: option '([^']+)' argument '([^']*)' is invalid\. ([\s\S]+)$/, (_, flags, _value, why) => `错误：选项 ${flags}：${why}`],
    [
      /^error: command-argument value '([^']*)' is invalid for argument '([^']+)'\. ([\s\S]+)$/,
      (_, value, name, why) => `错误：参数 <${name}> 的取值“${value}”无效：${why}`,
    ],
  ],
};

/** The Chinese wording of a commander error message; messages it does not know keep their text. */
export function localizeError(message: string, code: string | undefined): string {
  for (const [pattern, word] of MESSAGES[code ?? ''] ?? []) {
    const m = pattern.exec(message);
    if (m) return suggestion(word(...m) + message.slice(m[0].length).replace(/^\.?/, ''));
  }
  return message;
}

export class LocalizedCommand extends Command {
  override createCommand(name?: string): Command {
    return new LocalizedCommand(name);
  }

  override createHelp(): Help {
    const help = Object.assign(new Help(), this.configureHelp());
    help.styleTitle = (title) => TITLES[title] ?? title;
    help.styleUsage = localizeUsage;
    const subcommandTerm = help.subcommandTerm.bind(help);
    help.subcommandTerm = (command: Command) => localizeUsage(subcommandTerm(command));
    // Columns line up by terminal width: a Chinese character takes two.
    help.displayWidth = (text: string) => displayWidth(text.replace(/\u001b\[\d+(;\d+)*m/g, ''));
    const formatHelp = help.formatHelp.bind(help);
    help.formatHelp = (command: Command, helper: Help) => formatHelp(command, helper).replace(/^用法： /, '用法：');
    const optionDescription = help.optionDescription.bind(help);
    help.optionDescription = (option: Option) => localizeNotes(optionDescription(option));
    const argumentDescription = help.argumentDescription.bind(help);
    help.argumentDescription = (argument: Argument) => localizeNotes(argumentDescription(argument));
    return help;
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    return super.error(localizeError(message, errorOptions?.code), errorOptions);
  }
}

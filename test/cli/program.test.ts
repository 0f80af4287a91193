/** The `nianbao` program as a whole: version, help and commander's own messages in Chinese, shared flags, colour. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localizeError } from '../../src/cli/localized-command.ts';
import { PACKAGE_ROOT, wantsColor } from '../../src/options.ts';
import { runInProcess as run } from './run-in-process.ts';


const COMMANDS = ['check', 'build', 'new', 'serve', 'portal'];
const ENGLISH = /Usage:|Options:|Commands:|Arguments:|display help|output the version|error:|Did you mean|choices:|default:|\boption\b|argument/;

describe('nianbao (the program)', () => {
  it('prints its version with --version and -V', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = await run([flag]);
      expect(r).toEqual({ code: 0, stdout: `nianbao ${version}\n`, stderr: '' });
    }
  });

  it('helps in Chinese, with the exit codes in the footer', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^用法：nianbao \[选项\] \[命令\]/);
    expect(help.stdout).toContain('选项：');
    expect(help.stdout).toContain('命令：');
    expect(help.stdout).toContain('退出码：0 成功；1 数据或报告有错；2 命令用法错误；3 运行环境问题');
    expect(help.stdout).not.toMatch(ENGLISH);
    for (const command of COMMANDS) {
      const sub = await run([command, '--help']);
      expect(sub.code, command).toBe(0);
      expect(sub.stdout, command).toMatch(new RegExp(`^用法：nianbao ${command} \\[选项\\]`));
      expect(sub.stdout, command).not.toMatch(ENGLISH);
      // --quiet and --verbose on every command.
      expect(sub.stdout, command).toMatch(/--quiet\s+\S/);
      expect(sub.stdout, command).toMatch(/--verbose\s+\S/);
    }
  });

  it.each<[string[], RegExp]>([
    [['check', '--bogus'], /^错误：没有选项 --bogus\n/],
    [['check', '--agnecy', 'x'], /^错误：没有选项 --agnecy\n（是否想输入 --agency？）/],
    [['chek'], /^错误：没有命令 chek（可用 nianbao --help 查看全部命令）\n（是否想输入 check？）/],
    [['serve', 'extra'], /^错误：命令 serve 的参数过多：应为 0 个，收到 1 个/],
    [['new'], /^错误：缺少参数 <agency-id>/],
    [['build', '--agency'], /^错误：选项 --agency <id> 缺少取值/],
    [['check', '--format', 'xml'], /^错误：选项 --format <format> 的取值“xml”无效，可选：text, json/],
    [['check', '--year', '23'], /^错误：选项 --year <year>：--year 应为四位年度，收到“23”/],
    [['check', '--quiet', '--verbose'], /^错误：选项 --quiet 不能与 --verbose 同时使用/],
  ])('%j is wrong usage (exit 2), said in Chinese', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(ENGLISH);
  });

  it('keeps a message it does not know as it is', () => {
    expect(localizeError('error: something new', 'commander.somethingNew')).toBe('error: something new');
  });
});

describe('colour', () => {
  const saved = { FORCE_COLOR: process.env.FORCE_COLOR, NO_COLOR: process.env.NO_COLOR };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('honours FORCE_COLOR=0 like NO_COLOR, and FORCE_COLOR=1 outside a terminal', () => {
    expect(wantsColor({}, true)).toBe(true);
    expect(wantsColor({}, false)).toBe(false);
    expect(wantsColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColor({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(wantsColor({ FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(wantsColor({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColor({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(false);
  });

  // In-process, but the gate's schemas take a while to compile on a busy machine.
  it('reaches what `check` prints', { timeout: 60_000 }, async () => {
    const data = path.join(PACKAGE_ROOT, 'test/fixtures/requests-balance-column/data');
    delete process.env.NO_COLOR;
    process.env.FORCE_COLOR = '1';
    expect((await run(['check', '--data', data])).stdout).toContain('\u001b[');
    process.env.FORCE_COLOR = '0';
    expect((await run(['check', '--data', data])).stdout).not.toContain('\u001b[');
  });
});

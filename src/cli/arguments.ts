/** What every command shares: the exit codes, the output flags and the parsers of repeatable flags. */
import { InvalidArgumentError, Option, type Command } from 'commander';

/** 0: clean; 1: the data or a report failed; 2: wrong usage; 3: the environment failed. */
export const EXIT = { ok: 0, failed: 1, usage: 2, environment: 3 } as const;

export const collect = (value: string, previous: string[] = []) => [...previous, value];

export const collectYear = (value: string, previous: number[] = []) => {
  // InvalidArgumentError, not a bare CommanderError: commander prints only the former before exiting.
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError(`--year 应为四位年度，收到“${value}”`);
  return [...previous, Number(value)];
};

export interface OutputFlags {
  quiet?: boolean;
  verbose?: boolean;
}

/** --quiet and --verbose, the same on every command (and not both at once). */
export function addOutputOptions(command: Command, texts: { quiet: string; verbose: string }): Command {
  return command
    .addOption(new Option('--quiet', texts.quiet).conflicts('verbose'))
    .addOption(new Option('--verbose', texts.verbose));
}

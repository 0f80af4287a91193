/** What every command shares: the exit codes and the parsers of repeatable flags. */
import { InvalidArgumentError } from 'commander';

/** 0: clean; 1: the data or a report failed; 2: wrong usage; 3: the environment failed. */
export const EXIT = { ok: 0, failed: 1, usage: 2, environment: 3 } as const;

export const collect = (value: string, previous: string[] = []) => [...previous, value];

export const collectYear = (value: string, previous: number[] = []) => {
  // InvalidArgumentError, not a bare CommanderError: commander prints only the former before exiting.
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError(`--year 应为四位年度，收到“${value}”`);
  return [...previous, Number(value)];
};

/**
 * Failures of the machine rather than of the data: no browser, a browser that will not start, a
 * full or read-only disk. They exit with 3, and a report that failed this way keeps its last good
 * output and its status on the portal: nothing is known to be wrong with its data.
 */

/** Raised where nianbao knows the cause is the environment; the message says what to do. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

/** errno codes that mean the machine, not nianbao or the data, stopped the run. */
const ENVIRONMENT_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EMFILE', 'ENFILE', 'EIO']);

export function isEnvironmentError(error: unknown): boolean {
  if (error instanceof EnvironmentError) return true;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && ENVIRONMENT_CODES.has(code);
}

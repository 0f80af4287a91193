/**
 * A failure of the machine rather than of the data: no browser, an output folder that cannot be
 * written, a disk that is full. The message is the Chinese text shown to the user; the CLI maps
 * this class to exit code 3.
 */
export class EnvironmentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EnvironmentError';
  }
}

/**
 * Turns a failed write under the output or staging folder into one Chinese message naming the
 * path, so that a full disk or an unwritable folder ends the build at once (exit 3) instead of
 * failing every report, or retrying, one by one.
 */
import { EnvironmentError } from '../environment-error.ts';
import { displayPath } from '../load/source-file.ts';

export class OutputWriteError extends EnvironmentError {
  readonly path: string;
  constructor(message: string, target: string, cause: unknown) {
    super(message, { cause });
    this.name = 'OutputWriteError';
    this.path = target;
  }
}

const REASONS: Record<string, string> = {
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '所在的文件系统是只读的',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '超出了磁盘配额',
  ENOTDIR: '路径中有一段是文件而不是目录',
  EEXIST: '已有同名文件，而这里应是目录',
  EISDIR: '已有同名目录，而这里应是文件',
  ENOENT: '无法在这里创建目录',
  ENAMETOOLONG: '路径过长',
  EMFILE: '同时打开的文件过多',
  EIO: '磁盘读写出错',
};

/** Errors that come from the filesystem (they carry an errno code). */
export const isFsError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';

/** The Chinese form of a failed write at `target` (or at the path the error names). */
export function writeFailure(error: unknown, target: string): OutputWriteError {
  if (error instanceof OutputWriteError) return error;
  const fsError = isFsError(error) ? error : null;
  const where = fsError?.path ?? target;
  const reason = (fsError?.code && REASONS[fsError.code]) ?? `写入失败（${fsError?.code ?? (error instanceof Error ? error.message : String(error))}）`;
  return new OutputWriteError(`无法写入 ${displayPath(where)}：${reason}。已有的输出没有改动。`, where, error);
}

/** Runs `work`; any filesystem error becomes an OutputWriteError naming `target`. */
export async function guardWrite<T>(target: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isFsError(error) || error instanceof OutputWriteError ? writeFailure(error, target) : error;
  }
}

/** The synchronous form of {@link guardWrite}. */
export function guardWriteSync<T>(target: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw isFsError(error) || error instanceof OutputWriteError ? writeFailure(error, target) : error;
  }
}

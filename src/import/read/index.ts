/**
 * Picks the reader for a file by its content (a PDF's %PDF, a DOCX's zip with word/document.xml,
 * markup) and then its name, and reads it into an {@link ImportedDocument}.
 */
import path from 'node:path';
import type { ImportedDocument, SourceFormat } from '../document.ts';
import { readText } from './text.ts';

type Reader = (file: string, bytes: Uint8Array) => Promise<ImportedDocument>;

/** The binary-format readers, each in its own module, loaded only for files that need them. */
const BINARY_READERS: Record<Exclude<SourceFormat, 'text'>, { module: string; name: string }> = {
  pdf: { module: './pdf.ts', name: 'readPdf' },
  docx: { module: './docx.ts', name: 'readDocx' },
  html: { module: './html.ts', name: 'readHtml' },
};

export const IMPORTABLE_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm', '.txt', '.md', '.markdown', '.text'];

const startsWith = (bytes: Uint8Array, ascii: string) => [...ascii].every((c, i) => bytes[i] === c.charCodeAt(0));

export function detectFormat(file: string, bytes: Uint8Array): SourceFormat {
  if (startsWith(bytes, '%PDF')) return 'pdf';
  const ext = path.extname(file).toLowerCase();
  if (startsWith(bytes, 'PK')) return 'docx';
  if (ext === '.html' || ext === '.htm') return 'html';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<') && /<(table|body|div|p)[\s>]/.test(head))) return 'html';
  return 'text';
}

/** A file nianbao cannot read; the message is for the user. */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}

export async function readDocument(file: string, bytes: Uint8Array): Promise<ImportedDocument> {
  const format = detectFormat(file, bytes);
  if (format === 'text') return readText(file, bytes);
  const { module, name } = BINARY_READERS[format];
  const loaded = (await import(new URL(module, import.meta.url).href).catch(() => null)) as Record<string, unknown> | null;
  const reader = loaded?.[name] as Reader | undefined;
  if (!reader) throw new UnreadableFileError(`暂不能读取 ${format.toUpperCase()} 文件（缺少相应的读取模块）`);
  try {
    return await reader(file, bytes);
  } catch (error) {
    throw new UnreadableFileError(`无法读取：${error instanceof Error ? error.message : String(error)}`);
  }
}

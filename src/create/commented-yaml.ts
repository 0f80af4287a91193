/**
 * Small builders over the `yaml` Document API for data files with a comment above every field.
 * Values become YAML nodes through the library, so any text a user typed last year is quoted or
 * block-formatted correctly, never pasted into a template.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

export interface Field {
  key: string;
  /** Shown as `# …` lines above the field; `\n` starts a new comment line. */
  comment: string;
  value: unknown;
  /** An optional field is written commented out, as an example to uncomment. */
  example?: unknown;
}

/** A field; values may be plain data or nodes made by the builders below. */
export const field = (key: string, comment: string, value: unknown): Field => ({ key, comment, value });

/**
 * An optional field, written as commented-out example lines: left alone it is absent (an empty
 * value would fail the gate), uncommented it is ready to edit.
 */
export const optional = (key: string, comment: string, example: unknown): Field => ({ key, comment, value: undefined, example });

/** The example rendered by the library (so quoting is right), one comment line per YAML line. */
const exampleLines = (key: string, example: unknown): string[] =>
  new Document({ [key]: example }).toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd().split('\n');

const commentLines = (text: string): string =>
  text
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n');

export class CommentedDocument {
  readonly doc = new Document(new YAMLMap());

  constructor(header: string[]) {
    this.doc.commentBefore = commentLines(header.join('\n'));
  }

  /** A map whose entries each carry their comment. */
  map(fields: readonly Field[]): YAMLMap {
    const map = new YAMLMap();
    // Comment lines of optional fields wait for the next real field (or the map's end) to carry them.
    let pending: string[] = [];
    for (const f of fields) {
      const lines = f.comment ? f.comment.split('\n') : [];
      if (f.value === undefined) {
        pending.push(...lines, ...exampleLines(f.key, f.example));
        continue;
      }
      const key = new Scalar(f.key);
      if (pending.length || lines.length) key.commentBefore = commentLines([...pending, ...lines].join('\n'));
      pending = [];
      map.items.push(new Pair(key, this.node(f.value)));
    }
    if (pending.length) map.comment = commentLines(pending.join('\n'));
    return map;
  }

  /** A row of numbers on one line, `[0, 0, 0]`. */
  numbers(values: readonly number[]): YAMLSeq {
    const seq = this.doc.createNode([...values]) as YAMLSeq;
    seq.flow = true;
    return seq;
  }

  /** Narrative text: a literal block when it has content, `""` when it is still to be written. */
  text(value: string | undefined): Scalar {
    const scalar = new Scalar(value ?? '');
    if (value) {
      scalar.value = value.endsWith('\n') ? value : `${value}\n`;
      scalar.type = Scalar.BLOCK_LITERAL;
    } else {
      scalar.type = Scalar.QUOTE_DOUBLE;
    }
    return scalar;
  }

  /** A short string: plain when it can be, quoted when YAML needs it, `""` when empty. */
  string(value: string | undefined): Scalar {
    const scalar = new Scalar(value ?? '');
    if (!value) scalar.type = Scalar.QUOTE_DOUBLE;
    return scalar;
  }

  setRoot(fields: readonly Field[], trailer?: string[]): this {
    this.doc.contents = this.map(fields);
    if (trailer?.length) this.doc.comment = commentLines(trailer.join('\n'));
    return this;
  }

  toString(): string {
    return this.doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  }

  private node(value: unknown): unknown {
    if (value instanceof YAMLMap || value instanceof YAMLSeq || value instanceof Scalar) return value;
    return this.doc.createNode(value);
  }
}

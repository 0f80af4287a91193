/**
 * A typed subset of JSON Schema (draft 2020-12) and small builders that force every field to
 * carry a Chinese title and description: editors show them on hover and the gate names fields by them.
 */

export interface SchemaNode {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  /** Shown instead of `description` by VS Code and its YAML extension. */
  markdownDescription?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number';
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
  prefixItems?: SchemaNode[];
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  minLength?: number;
  pattern?: string;
  format?: 'date' | 'email' | 'uri';
  enum?: readonly string[];
  examples?: unknown[];
}

/** What every field must say about itself. */
export interface FieldDoc {
  title: string;
  description: string;
  markdownDescription?: string;
  examples?: unknown[];
}

/** Non-schema keywords of the annotation vocabulary, registered with AJV so that strict mode accepts them. */
export const ANNOTATION_KEYWORDS = ['markdownDescription'] as const;

/** A one-line (or longer) text; empty strings are refused, an unneeded field is left out instead. */
export const text = (doc: FieldDoc, extra: Partial<SchemaNode> = {}): SchemaNode => ({
  ...doc,
  type: 'string',
  minLength: 1,
  ...extra,
});

/** Narrative text in the Markdown subset (paragraphs, **bold**, ## and ### sub-heads). */
export const narrative = (doc: FieldDoc): SchemaNode =>
  text({
    ...doc,
    markdownDescription:
      doc.markdownDescription ??
      `${doc.description}\n\n用 \`|\` 开始多行文字；空一行分段，\`**加粗**\`，\`## （一）小标题\`、\`### 1.小标题\`。`,
  });

export const count = (doc: FieldDoc): SchemaNode => ({ ...doc, type: 'integer', minimum: 0 });

/** Money in 万元: non-negative, at most `decimals` decimals. */
export const money = (doc: FieldDoc, decimals: number): SchemaNode => ({
  ...doc,
  type: 'number',
  minimum: 0,
  multipleOf: Number((10 ** -decimals).toFixed(decimals)),
});

export const date = (doc: FieldDoc): SchemaNode => ({
  examples: ['2024-02-02'],
  ...doc,
  type: 'string',
  format: 'date',
});

export const object = (doc: FieldDoc, properties: Record<string, SchemaNode>, required: string[] = []): SchemaNode => ({
  ...doc,
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
  additionalProperties: false,
});

export const list = (doc: FieldDoc, items: SchemaNode): SchemaNode => ({ ...doc, type: 'array', items });

/**
 * A table row: `columns` numbers in table order, then optionally `optional` more (a written 总计
 * that the gate checks).
 */
export const row = (doc: FieldDoc, columns: SchemaNode[], optional: SchemaNode[] = []): SchemaNode => ({
  ...doc,
  type: 'array',
  prefixItems: [...columns, ...optional],
  minItems: columns.length,
  maxItems: columns.length + optional.length,
});

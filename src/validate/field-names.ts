/** Names a place of a data file in Chinese, from the titles of the schema that describes it. */
import type { DataPath } from '../load/source-file.ts';
import type { SchemaNode } from './schema/index.ts';

/** The schema node describing the value at `dataPath`, or null past the schema's end. */
export function schemaAt(root: SchemaNode, dataPath: DataPath): SchemaNode | null {
  let node: SchemaNode | null = root;
  for (const segment of dataPath) {
    if (!node) return null;
    if (typeof segment === 'number') node = node.prefixItems?.[segment] ?? node.items ?? null;
    else node = node.properties?.[segment] ?? null;
  }
  return node;
}

/**
 * `received（一、本年新收政府信息公开申请数量）` for a field;
 * `received（一、本年新收政府信息公开申请数量）的第 2 个数（商业企业）` for a cell of a row.
 */
export function fieldName(root: SchemaNode, dataPath: DataPath): string {
  if (dataPath.length === 0) return '文件';
  const last = dataPath[dataPath.length - 1]!;
  if (typeof last === 'number') {
    const parentPath = dataPath.slice(0, -1);
    const item = schemaAt(root, dataPath);
    return `${fieldName(root, parentPath)}的第 ${last + 1} 个${item?.type === 'string' ? '' : '数'}${item?.title ? `（${item.title}）` : ''}`;
  }
  const title = schemaAt(root, dataPath)?.title;
  return title ? `${last}（${title}）` : String(last);
}

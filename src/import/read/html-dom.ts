/** Small accessors over parse5's default tree, so the HTML reader reads like the DOM it walks. */
import type { DefaultTreeAdapterMap } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];
export type ParentNode = DefaultTreeAdapterMap['parentNode'];

export const isElement = (node: Node): node is Element => 'tagName' in node;
export const isText = (node: Node): node is DefaultTreeAdapterMap['textNode'] => node.nodeName === '#text';

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function childElements(node: ParentNode): Element[] {
  return node.childNodes.filter(isElement);
}

/** Every element under `node` (not `node` itself), depth first in document order. */
export function* descendants(node: ParentNode): Generator<Element> {
  for (const child of childElements(node)) {
    yield child;
    yield* descendants(child);
  }
}

export function findFirst(node: ParentNode, test: (e: Element) => boolean): Element | undefined {
  for (const e of descendants(node)) if (test(e)) return e;
  return undefined;
}

/** Never part of what a reader sees. */
const INVISIBLE = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'select', 'button', 'input', 'textarea', 'img', 'video', 'audio', 'canvas', 'map']);
/** Site chrome around an article: navigation, forms, share bars, footers. */
const CHROME_TAGS = new Set(['nav', 'aside', 'form', 'footer', 'menu']);
const CHROME_NAMES = /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|sidebar|share|bdsharebuttonbox|footer|foot|copyright|toolbar|search|login|weizhi|dqwz|position|location|related|xgwz|print|close)($|[\s_-])/iu;

export function isHidden(element: Element): boolean {
  if (INVISIBLE.has(element.tagName)) return true;
  if (attr(element, 'hidden') !== undefined || attr(element, 'aria-hidden') === 'true') return true;
  const style = (attr(element, 'style') ?? '').replace(/\s+/gu, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

export function isChrome(element: Element): boolean {
  if (CHROME_TAGS.has(element.tagName)) return true;
  const names = `${attr(element, 'class') ?? ''} ${attr(element, 'id') ?? ''}`;
  return CHROME_NAMES.test(names);
}

/** Visible text under `node`, chrome included; for scoring and for table cells. */
export function textContent(node: Node, skip: (e: Element) => boolean = isHidden): string {
  if (isText(node)) return node.value;
  if (!isElement(node) && node.nodeName !== '#document' && node.nodeName !== '#document-fragment') return '';
  if (isElement(node) && skip(node)) return '';
  if (isElement(node) && node.tagName === 'br') return '\n';
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.map((child) => textContent(child, skip)).join('');
}

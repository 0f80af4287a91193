/**
 * WordprocessingML through @xmldom/xmldom: a W3C DOM that keeps document order and
 * namespaces, so elements are matched by namespace and local name whatever prefix the
 * producer (Word, WPS, LibreOffice) chose.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export function parseXml(text: string, part: string): Element {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${part}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
  if (!doc.documentElement) throw new Error(`${part}: 没有根元素`);
  return doc.documentElement;
}

const isElement = (node: Node): node is Element => node.nodeType === 1;

/**
 * Child elements, with markup-compatibility wrappers resolved: of mc:AlternateContent only
 * mc:Fallback is read (the Choice needs extensions a reader may not understand).
 */
export function children(element: Element): Element[] {
  const out: Element[] = [];
  for (const node of Array.from(element.childNodes)) {
    if (!isElement(node)) continue;
    if (node.namespaceURI === MC && node.localName === 'AlternateContent') {
      const fallback = Array.from(node.childNodes).find((n): n is Element => isElement(n) && n.localName === 'Fallback');
      if (fallback) out.push(...children(fallback));
      continue;
    }
    out.push(node);
  }
  return out;
}

export const isW = (element: Element, name: string): boolean => element.namespaceURI === W && element.localName === name;

export function child(element: Element | undefined, name: string): Element | undefined {
  return element ? children(element).find((e) => isW(e, name)) : undefined;
}

export function val(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  return element.hasAttributeNS(W, 'val') ? element.getAttributeNS(W, 'val') ?? undefined : undefined;
}

/** An on/off property (w:b, w:vanish…): present and not switched off by val="0|false|off". */
export function isOn(element: Element | undefined): boolean {
  if (!element) return false;
  const v = val(element);
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}

/**
 * Finding a portal page's article among its site chrome. Known content containers are tried
 * first; otherwise the reader walks down from <body> into whichever child holds most of the
 * page's prose (text outside links), stopping where the text spreads over several children —
 * that element is the article.
 */
import { attr, childElements, descendants, isChrome, isElement, isHidden, isText, textContent, type Element, type Node, type ParentNode } from './html-dom.ts';

/** Containers that portal systems (TRS, 博思, 开普云, WordPress…) put the article text in. */
const CONTENT_NAMES = /(^|[\s_-])(trs_editor|trs_uehtml|article-?content|article-?body|news_?content|content_?text|detail-?content|zoom|zoomcon|con_?text|view(?:TextBox)?|bt_content|pages_content|wzcon|xxgk_content)($|[\s_-])/iu;
const SHARE_TO_DESCEND = 0.7;

export function contentRoot(body: ParentNode): ParentNode {
  const total = proseLength(body);
  const named = [...descendants(body)].filter((e) => !isHidden(e) && CONTENT_NAMES.test(`${attr(e, 'class') ?? ''} ${attr(e, 'id') ?? ''}`));
  // The outermost named container that holds a fair share of the prose.
  const chosen = named.find((e) => proseLength(e) >= total * 0.3);
  if (chosen) return chosen;
  let root: ParentNode = body;
  for (;;) {
    const own = proseLength(root);
    const next = childElements(root).find((child) => !isHidden(child) && !isChrome(child) && proseLength(child) >= own * SHARE_TO_DESCEND);
    if (!next || own === 0) return root;
    root = next;
  }
}

const lengths = new WeakMap<Node, number>();

/** Characters of visible text outside links and chrome: what a person would read as prose. */
export function proseLength(node: Node): number {
  const known = lengths.get(node);
  if (known !== undefined) return known;
  let length = 0;
  if (isText(node)) length = node.value.replace(/\s+/gu, '').length;
  else if (isElement(node) && (isHidden(node) || isChrome(node) || node.tagName === 'a')) length = 0;
  else if ('childNodes' in node) for (const child of node.childNodes) length += proseLength(child);
  lengths.set(node, length);
  return length;
}

const TITLE_NAMES = /(^|[\s_-])(title|bt|biaoti|article-?title|news-?title|detail-?title|xl-?title)($|[\s_-])/iu;

/**
 * The page's own statement of what it is: its first <h1>, else an element named as a title
 * that names a report, else <title> without the site name portals append after _ or |.
 */
export function pageTitle(document: ParentNode): string | undefined {
  const all = [...descendants(document)];
  const text = (e: Element | undefined) => (e ? textContent(e).replace(/\s+/gu, ' ').trim() : '');
  const heading = text(all.find((e) => e.tagName === 'h1' && !isHidden(e)));
  if (heading) return heading;
  const named = all.find((e) => !isHidden(e) && !isChrome(e) && TITLE_NAMES.test(`${attr(e, 'class') ?? ''} ${attr(e, 'id') ?? ''}`) && text(e).includes('报告'));
  if (named) return text(named);
  const parts = text(all.find((e) => e.tagName === 'title')).split(/\s*[_|｜—–]+\s*|\s+-\s+/u).filter(Boolean);
  return parts.find((p) => p.includes('报告')) ?? parts[0];
}

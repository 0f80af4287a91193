/** Which paragraph and character styles of a DOCX make text bold or hidden, basedOn chains followed. */
import type { Element } from '@xmldom/xmldom';
import { child, children, isOn, isW, val, W } from './docx-xml.ts';

export interface StyleFacts {
  bold: boolean;
  hidden: boolean;
}

export class DocxStyles {
  private readonly styles = new Map<string, Element>();
  private readonly resolved = new Map<string, StyleFacts>();

  constructor(root: Element | undefined) {
    for (const style of root ? children(root).filter((e) => isW(e, 'style')) : []) {
      const id = style.getAttributeNS(W, 'styleId');
      if (id) this.styles.set(id, style);
    }
  }

  facts(id: string | undefined, seen = new Set<string>()): StyleFacts {
    if (!id) return { bold: false, hidden: false };
    const known = this.resolved.get(id);
    if (known) return known;
    const style = this.styles.get(id);
    if (!style || seen.has(id)) return { bold: false, hidden: false };
    seen.add(id);
    const base = this.facts(val(child(style, 'basedOn')), seen);
    const rPr = child(style, 'rPr');
    const facts = {
      bold: child(rPr, 'b') ? isOn(child(rPr, 'b')) : base.bold,
      hidden: child(rPr, 'vanish') ? isOn(child(rPr, 'vanish')) : base.hidden,
    };
    this.resolved.set(id, facts);
    return facts;
  }

  /** The numbering a paragraph style carries (w:pPr/w:numPr), basedOn chain followed. */
  numberingOf(id: string | undefined, depth = 0): Element | undefined {
    const style = id ? this.styles.get(id) : undefined;
    if (!style || depth > 10) return undefined;
    return child(child(style, 'pPr'), 'numPr') ?? this.numberingOf(val(child(style, 'basedOn')), depth + 1);
  }

  /** A heading style: its bold is the heading's look, not an emphasis to keep. */
  isHeading(id: string | undefined): boolean {
    if (!id) return false;
    const style = this.styles.get(id);
    const name = style ? val(child(style, 'name')) ?? '' : '';
    return /^(heading|title|subtitle|标题)/iu.test(name) || /^(heading|title)/iu.test(id) || child(child(style, 'pPr'), 'outlineLvl') !== undefined;
  }
}

/**
 * Chrome names the structure elements of a tagged PDF after the DOM nodes they come from
 * (`/ID (node00004362)`, also in the IDTree and in table cells' /Headers), and a page that printed
 * documents before numbers its nodes on from there: the same document would print with other IDs
 * on a reused page. This pass renumbers every such name by rank — the first node 1, the next 2 … —
 * so that a document gives the same bytes on whichever page it printed.
 */
import { PDFArray, PDFDict, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

const NODE_ID = /^node(\d+)$/;

interface Slot {
  set(value: PDFString): void;
  node: number;
}

export function renumberStructureIds(doc: PDFDocument): void {
  const slots: Slot[] = [];
  const nodeOf = (value: PDFObject | undefined): number | null => {
    if (!(value instanceof PDFString)) return null;
    const m = NODE_ID.exec(value.asString());
    return m ? Number(m[1]) : null;
  };
  // Direct objects only: references lead to indirect objects, which the outer loop visits anyway.
  const visit = (object: PDFObject): void => {
    if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        const node = nodeOf(value);
        if (node !== null) slots.push({ node, set: (v) => object.set(key, v) });
        else visit(value);
      }
    } else if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) {
        const value = object.get(i);
        const node = nodeOf(value);
        if (node !== null) slots.push({ node, set: (v) => object.set(i, v) });
        else visit(value);
      }
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object);
  const rank = new Map([...new Set(slots.map((s) => s.node))].sort((a, b) => a - b).map((node, i) => [node, i + 1]));
  for (const slot of slots) slot.set(PDFString.of(`node${String(rank.get(slot.node)).padStart(8, '0')}`));
}

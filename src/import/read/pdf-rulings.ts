/**
 * The ruling lines of a PDF page, from its operator list: stroked straight segments and thin
 * filled rectangles (Chrome and many Word exports draw cell borders as hairline fills), plus
 * the edges of filled cell shading. Coordinates are page space (pt, y up), the current
 * transformation matrix followed through save/restore, cm and form XObjects.
 */
import type { Pdfjs } from './pdfjs.ts';

export interface Segment {
  /** 'h': y fixed, from x0 to x1; 'v': x fixed, from y0 to y1. */
  axis: 'h' | 'v';
  /** The fixed coordinate. */
  at: number;
  from: number;
  to: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** Thicker than this (pt) a filled rectangle is shading, not a line. */
const HAIRLINE = 2.5;
/** Path op codes inside constructPath data (pdf.js DrawOPS). */
const MOVE = 0, LINE = 1, CURVE = 2, QUAD = 3, CLOSE = 4;

/** `pdfjs`: its operator codes and matrix arithmetic (pdfjs.ts). */
export function rulingsOf(
  ops: { fnArray: number[]; argsArray: unknown[] },
  page: { width: number; height: number },
  { OPS, Util }: Pick<Pdfjs, 'OPS' | 'Util'>,
): Segment[] {
  const segments: Segment[] = [];
  const stack: { ctm: Matrix; white: boolean }[] = [];
  let ctm: Matrix = IDENTITY;
  let white = false;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push({ ctm, white });
    else if (fn === OPS.restore) ({ ctm, white } = stack.pop() ?? { ctm: IDENTITY, white: false });
    else if (fn === OPS.transform) ctm = Util.transform(ctm, args as Matrix) as Matrix;
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ctm, white });
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = Util.transform(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix) as Matrix;
    } else if (fn === OPS.paintFormXObjectEnd) ({ ctm, white } = stack.pop() ?? { ctm: IDENTITY, white: false });
    else if (fn === OPS.setFillRGBColor) white = isWhite(args);
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const stroke = [OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke].includes(paint);
      const fill = [OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke].includes(paint);
      if (!stroke && !fill) continue; // clipping paths and invisible paths draw nothing
      for (const polygon of polygonsOf(data, ctm, Util)) {
        if (stroke) segments.push(...straightEdges(polygon));
        if (fill && !white) segments.push(...fillEdges(polygon, page));
      }
    }
  }
  return segments;
}

/** White fills are backgrounds and knock-outs, never visible rules. */
function isWhite(args: unknown[]): boolean {
  const color = args[0];
  const channels =
    typeof color === 'string' && /^#[0-9a-f]{6}$/iu.test(color)
      ? [1, 3, 5].map((k) => Number.parseInt(color.slice(k, k + 2), 16))
      : Array.isArray(color) || ArrayBuffer.isView(color)
        ? Array.from(color as ArrayLike<number>)
        : [];
  return channels.length >= 3 && channels.every((c) => c >= 240);
}

/** The path as polygons in page space; curves keep only their end points (they are never rules). */
function polygonsOf(data: ArrayLike<number>, ctm: Matrix, Util: Pdfjs['Util']): { points: [number, number][]; curved: boolean }[] {
  const polygons: { points: [number, number][]; curved: boolean }[] = [];
  let current: { points: [number, number][]; curved: boolean } | undefined;
  const at = (x: number, y: number): [number, number] => {
    const p = [x, y];
    Util.applyTransform(p, ctm);
    return [p[0]!, p[1]!];
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE) {
      current = { points: [at(data[i]!, data[i + 1]!)], curved: false };
      polygons.push(current);
      i += 2;
    } else if (op === LINE) {
      current?.points.push(at(data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === CURVE || op === QUAD) {
      const n = op === CURVE ? 6 : 4;
      if (current) current.curved = true;
      current?.points.push(at(data[i + n - 2]!, data[i + n - 1]!));
      i += n;
    } else if (op === CLOSE) {
      if (current && current.points.length > 1) current.points.push(current.points[0]!);
    } else break;
  }
  return polygons;
}

/** The horizontal and vertical pieces of a stroked path. */
function straightEdges(polygon: { points: [number, number][]; curved: boolean }): Segment[] {
  if (polygon.curved) return [];
  const out: Segment[] = [];
  for (let k = 1; k < polygon.points.length; k++) {
    const [x0, y0] = polygon.points[k - 1]!;
    const [x1, y1] = polygon.points[k]!;
    if (Math.abs(y0 - y1) < 0.5 && Math.abs(x0 - x1) > 0.5) out.push({ axis: 'h', at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    else if (Math.abs(x0 - x1) < 0.5 && Math.abs(y0 - y1) > 0.5) out.push({ axis: 'v', at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  }
  return out;
}

/** A filled axis-aligned rectangle: a hairline is one rule; shading gives its four edges. */
function fillEdges(polygon: { points: [number, number][]; curved: boolean }, page: { width: number; height: number }): Segment[] {
  if (polygon.curved || polygon.points.length < 4) return [];
  const xs = polygon.points.map((p) => p[0]);
  const ys = polygon.points.map((p) => p[1]);
  const left = Math.min(...xs), right = Math.max(...xs), bottom = Math.min(...ys), top = Math.max(...ys);
  // Only rectangles: every point on the bounding box's corners.
  const onCorner = polygon.points.every(([x, y]) => (Math.abs(x - left) < 0.5 || Math.abs(x - right) < 0.5) && (Math.abs(y - bottom) < 0.5 || Math.abs(y - top) < 0.5));
  if (!onCorner) return [];
  const w = right - left, h = top - bottom;
  if (h <= HAIRLINE && w > h) return [{ axis: 'h', at: (top + bottom) / 2, from: left, to: right }];
  if (w <= HAIRLINE && h > w) return [{ axis: 'v', at: (left + right) / 2, from: bottom, to: top }];
  // A page-sized background is not a table.
  if (w > page.width * 0.9 && h > page.height * 0.5) return [];
  return [
    { axis: 'h', at: bottom, from: left, to: right },
    { axis: 'h', at: top, from: left, to: right },
    { axis: 'v', at: left, from: bottom, to: top },
    { axis: 'v', at: right, from: bottom, to: top },
  ];
}

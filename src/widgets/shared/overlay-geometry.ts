// Where each token's cell lies on the overlay, from the tokens' layout (src/tokens): one grid over
// the image, or several views, each showing its box of the image with its own grid. Views that do
// not overlap are drawn in place, together (an MLLM's tiles make up the image again); a view that
// overlaps one before it starts a new group beside the others (LLaVA-NeXT's base view and its
// tiles both cover the whole image: in place, one would hide the other). Pure: unit-tested.
import type { Layout } from '../../tokens/index.ts';

export interface OverlayPanel {
  name: string;
  grid: readonly [number, number];
  /** Index of the panel's first token (views are consecutive in token order). */
  first: number;
  /** Placement on the overlay, in its units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The part of the image the panel shows: [x0, y0, x1, y1], image width and height = 1. */
  box: readonly [number, number, number, number];
}

export interface TokenCell { x: number; y: number; width: number; height: number; panel: number; row: number; col: number }

export interface OverlayGeometry {
  width: number;
  height: number;
  panels: OverlayPanel[];
  cells: TokenCell[];
}

/** Units between panels. */
export const PANEL_GAP = 8;

/**
 * `image`: the image's pixel size, or null to draw the grids plainly (square cells for one grid,
 * square images for views). The longer side of the image (or of a plain grid) is `side` units.
 */
export function overlayGeometry(layout: Layout, n: number, image: { width: number; height: number } | null, side: number): OverlayGeometry {
  const views = layout.kind === 'grid' ? [{ name: 'grid', grid: layout.grid, box: [0, 0, 1, 1] as const }] : layout.views;
  let [imageW, imageH] = image === null ? [side, side] : [image.width, image.height];
  if (image === null && views.length === 1) {
    // A plain grid: square cells.
    const [rows, cols] = views[0].grid;
    const box = views[0].box;
    const cell = side / Math.max(rows, cols);
    [imageW, imageH] = [(cols * cell) / (box[2] - box[0]), (rows * cell) / (box[3] - box[1])];
  }
  const scale = side / Math.max(imageW, imageH);
  const panels: OverlayPanel[] = [];
  let x = 0;
  let first = 0;
  for (const group of inPlaceGroups(views.map((v) => v.box))) {
    const boxes = group.map((i) => views[i].box);
    const gx0 = Math.min(...boxes.map((b) => b[0]));
    const gy0 = Math.min(...boxes.map((b) => b[1]));
    const gx1 = Math.max(...boxes.map((b) => b[2]));
    for (const i of group) {
      const v = views[i];
      const [x0, y0, x1, y1] = v.box;
      panels[i] = {
        name: v.name, grid: v.grid, first: 0, box: v.box,
        x: x + (x0 - gx0) * imageW * scale, y: (y0 - gy0) * imageH * scale,
        width: (x1 - x0) * imageW * scale, height: (y1 - y0) * imageH * scale,
      };
    }
    x += (gx1 - gx0) * imageW * scale + PANEL_GAP;
  }
  for (const p of panels) {
    p.first = first;
    first += p.grid[0] * p.grid[1];
  }
  if (first !== n) throw new RangeError(`the layout holds ${first} tokens, not ${n}`);
  const cells: TokenCell[] = [];
  panels.forEach((p, index) => {
    const [rows, cols] = p.grid;
    const [w, h] = [p.width / cols, p.height / rows];
    for (let i = 0; i < rows * cols; i++) {
      const [row, col] = [Math.floor(i / cols), i % cols];
      cells.push({ x: p.x + col * w, y: p.y + row * h, width: w, height: h, panel: index, row, col });
    }
  });
  return { width: x - PANEL_GAP, height: Math.max(...panels.map((p) => p.y + p.height)), panels, cells };
}

type Box = readonly [number, number, number, number];

const overlap = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Consecutive views, split where a view overlaps one already in its group. */
function inPlaceGroups(boxes: readonly Box[]): number[][] {
  const groups: number[][] = [];
  boxes.forEach((box, i) => {
    const group = groups.at(-1);
    if (group === undefined || group.some((j) => overlap(boxes[j], box))) groups.push([i]);
    else group.push(i);
  });
  return groups;
}

/** The token under a point (overlay units), or -1. */
export function tokenAt(g: OverlayGeometry, px: number, py: number): number {
  const panel = g.panels.find((p) => px >= p.x && px < p.x + p.width && py >= p.y && py < p.y + p.height);
  if (panel === undefined) return -1;
  const [rows, cols] = panel.grid;
  const col = Math.floor(((px - panel.x) / panel.width) * cols);
  const row = Math.floor(((py - panel.y) / panel.height) * rows);
  return panel.first + Math.min(rows - 1, row) * cols + Math.min(cols - 1, col);
}

// Where objects lie, in exact integer arithmetic. Positions are in "units" of 1/16 view pixel,
// fine enough that every supersample of both renderings (384 and 768) sits on an integer unit.
// Pixel tests return 0 outside, 1 for the object's colour and 2 for its second tone (a pattern's
// darker shade, or a plate's ink).

import { INSIDE } from '../shapes.ts';
import type { Pattern } from '../world.ts';
import type { Object2, PlateObject } from './description.ts';
import { GLYPH_COLUMNS, GLYPH_ROWS, glyphInk } from './glyphs.ts';
import { SIZE_RADIUS_2 } from './world.ts';

export const UNITS_PER_PIXEL = 16;
const U = UNITS_PER_PIXEL;
const PLATE_MARGIN = 3; // view pixels of plate around the glyph

/** [x0, y0, x1, y1] in view pixels (x1, y1 excluded): the pixels an object may touch. */
export function objectBox(o: Object2): [number, number, number, number] {
  if (o.kind === 'plate') {
    const left = o.cx - ((GLYPH_COLUMNS * o.scale) >> 1) - PLATE_MARGIN;
    const top = o.cy - ((GLYPH_ROWS * o.scale) >> 1) - PLATE_MARGIN;
    return [left, top, left + GLYPH_COLUMNS * o.scale + 2 * PLATE_MARGIN, top + GLYPH_ROWS * o.scale + 2 * PLATE_MARGIN];
  }
  const r = SIZE_RADIUS_2[o.size];
  return [o.cx - r - 1, o.cy - r - 1, o.cx + r + 1, o.cy + r + 1];
}

/** Second tone of a pattern at offset (dx, dy) units from the centre: 6 px stripes or dots. */
function isShaded(pattern: Pattern, dx: number, dy: number): boolean {
  if (pattern === 'striped') return (Math.floor((dx + dy) / (3 * U)) & 1) === 1;
  if (pattern === 'dotted') {
    const period = 6 * U;
    const mx = ((((dx + period / 2) % period) + period) % period) - period / 2;
    const my = ((((dy + period / 2) % period) + period) % period) - period / 2;
    return 16 * (mx * mx + my * my) <= 49 * U * U; // dot radius 1.75 px
  }
  return false;
}

function plateTone(p: PlateObject, x: number, y: number): 0 | 1 | 2 {
  const [x0, y0, x1, y1] = objectBox(p);
  if (x < x0 * U || x >= x1 * U || y < y0 * U || y >= y1 * U) return 0;
  const cell = p.scale * U;
  const column = Math.floor((x - (x0 + PLATE_MARGIN) * U) / cell);
  const row = Math.floor((y - (y0 + PLATE_MARGIN) * U) / cell);
  const onGlyph = column >= 0 && column < GLYPH_COLUMNS && row >= 0 && row < GLYPH_ROWS;
  return onGlyph && glyphInk(p.glyph, column, row) ? 2 : 1;
}

/** The tone an object paints at point (x, y), in units from the image's top-left corner. */
export function toneAt(o: Object2, x: number, y: number): 0 | 1 | 2 {
  if (o.kind === 'plate') return plateTone(o, x, y);
  const dx = x - o.cx * U;
  const dy = y - o.cy * U;
  if (!INSIDE[o.shape](dx, dy, SIZE_RADIUS_2[o.size] * U)) return 0;
  return o.pattern !== 'plain' && isShaded(o.pattern, dx, dy) ? 2 : 1;
}

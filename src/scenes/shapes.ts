// Point-in-shape tests in exact arithmetic. Coordinates are integers in 1/8-pixel units relative
// to the object's centre (y downwards) and r is the half-width in the same units. Most tests are
// integer inequalities with rational constants; the star uses a fixed literal vertex table, so no
// engine-dependent Math.sin/cos ever reaches a pixel.

import type { Shape } from './world.ts';

export type InsideTest = (dx: number, dy: number, r: number) => boolean;

// Regular 5-point star, outer radius 1, inner radius 0.45, first point straight up.
// Vertices are cos/sin of multiples of 36°, written out to 6 decimals; flat [x0, y0, x1, y1, …].
const STAR_INNER = 0.45;
const STAR_VERTICES = Float64Array.from([
  0, -1, 0.587785 * STAR_INNER, -0.809017 * STAR_INNER,
  0.951057, -0.309017, 0.951057 * STAR_INNER, 0.309017 * STAR_INNER,
  0.587785, 0.809017, 0, STAR_INNER,
  -0.587785, 0.809017, -0.951057 * STAR_INNER, 0.309017 * STAR_INNER,
  -0.951057, -0.309017, -0.587785 * STAR_INNER, -0.809017 * STAR_INNER,
]);
const STAR_CORNERS = STAR_VERTICES.length / 2;

/** Even-odd crossing test against the star outline (it is not convex). */
function insideStar(dx: number, dy: number, r: number): boolean {
  if (dx * dx + dy * dy > r * r) return false; // outside the circumscribed circle
  const x = dx / r;
  const y = dy / r;
  let inside = false;
  for (let i = 0, j = STAR_CORNERS - 1; i < STAR_CORNERS; j = i++) {
    const xi = STAR_VERTICES[2 * i], yi = STAR_VERTICES[2 * i + 1];
    const xj = STAR_VERTICES[2 * j], yj = STAR_VERTICES[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export const INSIDE: Record<Shape, InsideTest> = {
  circle: (dx, dy, r) => dx * dx + dy * dy <= r * r,
  // Half-side 13/16 so a square's area stays close to a circle's of the same size.
  square: (dx, dy, r) => 16 * Math.abs(dx) <= 13 * r && 16 * Math.abs(dy) <= 13 * r,
  // Apex (0, -1), base corners (±1, 0.75).
  triangle: (dx, dy, r) => 4 * dy <= 3 * r && 4 * dy >= 7 * Math.abs(dx) - 4 * r,
  diamond: (dx, dy, r) => Math.abs(dx) + Math.abs(dy) <= r,
  star: insideStar,
  // Two bars of half-thickness 3/8.
  cross: (dx, dy, r) => {
    const ax = Math.abs(dx);
    const ay = Math.abs(dy);
    return (8 * ax <= 3 * r && ay <= r) || (8 * ay <= 3 * r && ax <= r);
  },
  // Annulus with inner radius 3/5.
  ring: (dx, dy, r) => {
    const d2 = dx * dx + dy * dy;
    return d2 <= r * r && 25 * d2 >= 9 * r * r;
  },
  // Corners (±1, 0) and (±1/2, ±13/15); 13/15 stands in for √3/2 to keep the test in integers.
  hexagon: (dx, dy, r) => {
    const ay = Math.abs(dy);
    return 15 * ay <= 13 * r && 15 * ay <= 26 * (r - Math.abs(dx));
  },
};

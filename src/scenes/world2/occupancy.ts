// Which object shows at each view pixel while a scene is being sampled (one sample per pixel, at
// its centre): lets the sampler allow partial occlusion yet keep every object mostly visible, and
// keep plates (whose glyphs must stay readable) clear of everything.

import type { Object2 } from './description.ts';
import { UNITS_PER_PIXEL, objectBox, toneAt } from './geometry.ts';
import { VIEW_SIZE } from './world.ts';

/** Share of an object's pixels that later objects may cover. */
export const MAX_HIDDEN = 0.4;
const EMPTY = -1;
const PLATE_ZONE = -2; // a plate and the gap around it: nothing else may be drawn there
const PLATE_GAP = 3; // view pixels
const CENTRE = UNITS_PER_PIXEL / 2;

export class Occupancy {
  private readonly owner = new Int16Array(VIEW_SIZE * VIEW_SIZE).fill(EMPTY);
  private readonly area: number[] = [];
  private readonly visible: number[] = [];

  /** Pixels o paints, or null when it does not lie wholly inside the image. */
  private footprint(o: Object2): number[] | null {
    const [x0, y0, x1, y1] = objectBox(o);
    if (x0 < 0 || y0 < 0 || x1 > VIEW_SIZE || y1 > VIEW_SIZE) return null;
    const pixels: number[] = [];
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        if (toneAt(o, x * UNITS_PER_PIXEL + CENTRE, y * UNITS_PER_PIXEL + CENTRE) !== 0) pixels.push(y * VIEW_SIZE + x);
      }
    }
    return pixels;
  }

  /** true when every pixel of o's box widened by `gap` is still empty. */
  private clear(o: Object2, gap: number): boolean {
    const [x0, y0, x1, y1] = objectBox(o);
    for (let y = Math.max(0, y0 - gap); y < Math.min(VIEW_SIZE, y1 + gap); y++) {
      for (let x = Math.max(0, x0 - gap); x < Math.min(VIEW_SIZE, x1 + gap); x++) {
        if (this.owner[y * VIEW_SIZE + x] !== EMPTY) return false;
      }
    }
    return true;
  }

  /**
   * o's pixels when it fits on top: inside the image, off every plate zone, and (when `overlap`
   * is false) `gap` pixels clear of everything; an object it partly covers must keep at least
   * 1 − MAX_HIDDEN of its pixels. Plates never overlap anything. null when it does not fit.
   */
  fits(o: Object2, overlap: boolean, gap: number): number[] | null {
    const pixels = this.footprint(o);
    if (pixels === null || pixels.length === 0) return null;
    if ((o.kind === 'plate' || !overlap) && !this.clear(o, o.kind === 'plate' ? PLATE_GAP : gap)) return null;
    const taken = new Map<number, number>();
    for (const p of pixels) {
      const owner = this.owner[p];
      if (owner === PLATE_ZONE) return null;
      if (owner !== EMPTY) taken.set(owner, (taken.get(owner) ?? 0) + 1);
    }
    for (const [i, n] of taken) if (this.visible[i] - n < (1 - MAX_HIDDEN) * this.area[i]) return null;
    return pixels;
  }

  /** Adds o on top, given the pixels `fits` returned for it. */
  add(o: Object2, pixels: readonly number[]): void {
    const index = this.area.length;
    for (const p of pixels) {
      if (this.owner[p] >= 0) this.visible[this.owner[p]]--;
      this.owner[p] = index;
    }
    this.area.push(pixels.length);
    this.visible.push(pixels.length);
    if (o.kind === 'plate') this.reserve(o);
  }

  /** Adds o when it fits; returns whether it was added. */
  place(o: Object2, overlap: boolean, gap: number): boolean {
    const pixels = this.fits(o, overlap, gap);
    if (pixels !== null) this.add(o, pixels);
    return pixels !== null;
  }

  private reserve(o: Object2): void {
    const [x0, y0, x1, y1] = objectBox(o);
    for (let y = Math.max(0, y0 - PLATE_GAP); y < Math.min(VIEW_SIZE, y1 + PLATE_GAP); y++) {
      for (let x = Math.max(0, x0 - PLATE_GAP); x < Math.min(VIEW_SIZE, x1 + PLATE_GAP); x++) this.owner[y * VIEW_SIZE + x] = PLATE_ZONE;
    }
  }
}

// The TypeScript rasterizer: 4×4 supersampling over an integer sample grid, so edges are
// anti-aliased and the bytes are identical in Node and every browser. Objects are drawn from
// the topmost down; each pixel keeps a 16-bit mask of the samples already covered, which gives
// exact occlusion and every object's visible coverage of every patch.

import { paintBackground } from './background.ts';
import type { SceneDescription, SceneObject } from './description.ts';
import { INSIDE } from './shapes.ts';
import { COLOR_RGB, GRID_SIZE, IMAGE_SIZE, PATCH_COUNT, PATCH_SIZE, SIZE_RADIUS, type Pattern } from './world.ts';

const SAMPLES = 4; // per pixel and axis
const UNITS = 8; // sample grid units per pixel; sample i of a pixel sits at 2i + 1
const SAMPLE_SHIFT = 4; // log2(SAMPLES²): divides a 16-sample sum
const SAMPLES_PER_PATCH = PATCH_SIZE * PATCH_SIZE * SAMPLES * SAMPLES;

export interface Rendering {
  /** 224×224 RGBA, row-major, alpha always 255. */
  rgba: Uint8ClampedArray;
  /** Per object (description order): fraction 0..1 of each of the 196 patches it visibly covers. */
  coverage: Float32Array[];
}

/** true where the pattern paints the darker shade; dx, dy in sample units from the centre. */
function isShaded(pattern: Pattern, dx: number, dy: number): boolean {
  if (pattern === 'striped') return (Math.floor((dx + dy) / 24) & 1) === 1; // 6 px diagonal period
  if (pattern === 'dotted') {
    const mx = ((((dx + 24) % 48) + 48) % 48) - 24; // dots every 6 px, one on the centre
    const my = ((((dy + 24) % 48) + 48) % 48) - 24;
    return mx * mx + my * my <= 196; // dot radius 1.75 px
  }
  return false;
}

interface Canvas {
  covered: Uint16Array; // per pixel: bit (4·sy + sx) set once a sample is painted
  sums: Uint16Array; // per pixel and channel: colour sum of the painted samples
}

/** Paints the still-uncovered samples inside `object`; returns its covered-sample count per patch. */
function paintObject(object: SceneObject, canvas: Canvas): Int32Array {
  const counts = new Int32Array(PATCH_COUNT);
  const radius = SIZE_RADIUS[object.size];
  const r = radius * UNITS;
  const inside = INSIDE[object.shape];
  const base = COLOR_RGB[object.color];
  const shade = base.map((v) => (v * 9) >> 4); // the pattern's darker tone
  const patterned = object.pattern !== 'plain';
  const x0 = Math.max(0, object.cx - radius - 1);
  const x1 = Math.min(IMAGE_SIZE - 1, object.cx + radius);
  const y0 = Math.max(0, object.cy - radius - 1);
  const y1 = Math.min(IMAGE_SIZE - 1, object.cy + radius);
  for (let py = y0; py <= y1; py++) {
    for (let px = x0; px <= x1; px++) {
      const p = py * IMAGE_SIZE + px;
      let covered = canvas.covered[p];
      let painted = 0;
      let shaded = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        const dy = (py - object.cy) * UNITS + 2 * sy + 1;
        for (let sx = 0; sx < SAMPLES; sx++) {
          const bit = 1 << (sy * SAMPLES + sx);
          if (covered & bit) continue;
          const dx = (px - object.cx) * UNITS + 2 * sx + 1;
          if (!inside(dx, dy, r)) continue;
          covered |= bit;
          painted++;
          if (patterned && isShaded(object.pattern, dx, dy)) shaded++;
        }
      }
      if (painted === 0) continue;
      canvas.covered[p] = covered;
      const plain = painted - shaded;
      for (let c = 0; c < 3; c++) canvas.sums[p * 3 + c] += plain * base[c] + shaded * shade[c];
      counts[Math.floor(py / PATCH_SIZE) * GRID_SIZE + Math.floor(px / PATCH_SIZE)] += painted;
    }
  }
  return counts;
}

/**
 * The objects' samples over the background: each pixel's painted samples plus the background in
 * its open ones, averaged with rounding (16 samples: a shift). Packed RGB background in, RGBA out.
 */
export function composite(canvas: { covered: Uint16Array; sums: Uint16Array }, background: Uint8Array, pixels: number): Uint8Array {
  // Every value written is already 0..255; a plain byte array skips the clamping on each store.
  const rgba = new Uint8Array(pixels * 4);
  const half = 1 << (SAMPLE_SHIFT - 1);
  for (let p = 0; p < pixels; p++) {
    rgba[p * 4 + 3] = 255;
    if (canvas.covered[p] === 0) {
      rgba[p * 4] = background[p * 3];
      rgba[p * 4 + 1] = background[p * 3 + 1];
      rgba[p * 4 + 2] = background[p * 3 + 2];
      continue;
    }
    const open = SAMPLES * SAMPLES - popcount16(canvas.covered[p]);
    for (let c = 0; c < 3; c++) {
      rgba[p * 4 + c] = (canvas.sums[p * 3 + c] + open * background[p * 3 + c] + half) >> SAMPLE_SHIFT;
    }
  }
  return rgba;
}

function popcount16(v: number): number {
  let n = 0;
  for (let x = v; x !== 0; x &= x - 1) n++;
  return n;
}

/** Draws a (validated) scene description. */
export function renderScene(scene: SceneDescription): Rendering {
  const background = new Uint8Array(IMAGE_SIZE * IMAGE_SIZE * 3);
  paintBackground(scene.background, background);
  const canvas: Canvas = {
    covered: new Uint16Array(IMAGE_SIZE * IMAGE_SIZE),
    sums: new Uint16Array(IMAGE_SIZE * IMAGE_SIZE * 3),
  };
  const counts: Int32Array[] = new Array(scene.objects.length);
  for (let k = scene.objects.length - 1; k >= 0; k--) counts[k] = paintObject(scene.objects[k], canvas);

  const rgba = composite(canvas, background, IMAGE_SIZE * IMAGE_SIZE);
  const coverage = counts.map((c) => Float32Array.from(c, (n) => n / SAMPLES_PER_PATCH));
  return { rgba: new Uint8ClampedArray(rgba.buffer), coverage };
}

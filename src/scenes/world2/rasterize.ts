// Draws a second-world scene at 384 (one view) or 768 (the anyres source) pixels, with the
// first world's method: 4×4 supersampling on an integer grid, objects drawn from the topmost
// down, a 16-bit mask per pixel of the samples already covered (exact occlusion and each
// object's visible coverage of every view patch).

import { composite } from '../rasterize.ts';
import { COLOR_RGB, PATCH_SIZE, type Rgb } from '../world.ts';
import { paintBackground2 } from './background.ts';
import type { Object2, SceneDescription2 } from './description.ts';
import { UNITS_PER_PIXEL, objectBox, toneAt } from './geometry.ts';
import { VIEW_GRID, VIEW_SIZE, VIEW_TOKENS, type RenderSize } from './world.ts';

const SAMPLES = 4; // per pixel and axis
const INK_DARK: Rgb = [16, 16, 16];
const INK_LIGHT: Rgb = [250, 250, 250];

export interface Rendering2 {
  size: RenderSize;
  /** size×size RGBA, row-major, alpha always 255. */
  rgba: Uint8ClampedArray;
  /** Per object (description order): fraction 0..1 of each of the 576 view patches it visibly covers. */
  coverage: Float32Array[];
}

/** Colour and second tone: a pattern's shade (9/16), or a plate's ink (dark on light plates). */
function tones(o: Object2): [Rgb, Rgb] {
  const base = COLOR_RGB[o.color];
  if (o.kind === 'shape') return [base, base.map((v) => (v * 9) >> 4) as unknown as Rgb];
  const light = 299 * base[0] + 587 * base[1] + 114 * base[2] >= 128_000;
  return [base, light ? INK_DARK : INK_LIGHT];
}

interface Canvas {
  size: number;
  covered: Uint16Array; // per pixel: bit (4·sy + sx) set once a sample is painted
  sums: Uint16Array; // per pixel and channel: colour sum of the painted samples
}

/** Paints the still-uncovered samples of `o`; returns its covered-sample count per view patch. */
function paintObject(o: Object2, canvas: Canvas): Int32Array {
  const counts = new Int32Array(VIEW_TOKENS);
  const { size } = canvas;
  const scale = size / VIEW_SIZE;
  const unit = UNITS_PER_PIXEL / scale; // units per rendered pixel
  const spacing = unit / SAMPLES;
  const patchPixels = PATCH_SIZE * scale;
  const [base, second] = tones(o);
  const [bx0, by0, bx1, by1] = objectBox(o);
  const x0 = Math.max(0, bx0 * scale), x1 = Math.min(size, bx1 * scale);
  const y0 = Math.max(0, by0 * scale), y1 = Math.min(size, by1 * scale);
  for (let py = y0; py < y1; py++) {
    for (let px = x0; px < x1; px++) {
      const p = py * size + px;
      let covered = canvas.covered[p];
      let painted = 0;
      let toned = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        const y = py * unit + spacing * sy + spacing / 2;
        for (let sx = 0; sx < SAMPLES; sx++) {
          const bit = 1 << (sy * SAMPLES + sx);
          if (covered & bit) continue;
          const tone = toneAt(o, px * unit + spacing * sx + spacing / 2, y);
          if (tone === 0) continue;
          covered |= bit;
          painted++;
          if (tone === 2) toned++;
        }
      }
      if (painted === 0) continue;
      canvas.covered[p] = covered;
      const plain = painted - toned;
      for (let c = 0; c < 3; c++) canvas.sums[p * 3 + c] += plain * base[c] + toned * second[c];
      counts[Math.floor(py / patchPixels) * VIEW_GRID + Math.floor(px / patchPixels)] += painted;
    }
  }
  return counts;
}

/** Draws a (validated) second-world description at 384 (default) or 768 pixels. */
export function renderScene2(scene: SceneDescription2, options: { size?: RenderSize } = {}): Rendering2 {
  const size = options.size ?? VIEW_SIZE;
  const pixels = size * size;
  const background = new Uint8Array(pixels * 3);
  paintBackground2(scene.background, scene.textures, size, background);
  const canvas: Canvas = { size, covered: new Uint16Array(pixels), sums: new Uint16Array(pixels * 3) };
  const counts: Int32Array[] = new Array(scene.objects.length);
  for (let k = scene.objects.length - 1; k >= 0; k--) counts[k] = paintObject(scene.objects[k], canvas);

  const rgba = composite(canvas, background, pixels);
  const samplesPerPatch = (PATCH_SIZE * size / VIEW_SIZE) ** 2 * SAMPLES * SAMPLES;
  const coverage = counts.map((c) => Float32Array.from(c, (n) => n / samplesPerPatch));
  return { size, rgba: new Uint8ClampedArray(rgba.buffer), coverage };
}

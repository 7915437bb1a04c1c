import { describe, expect, it } from 'vitest';
import {
  ANYRES_LAYOUT, ANYRES_TOKENS, anyresViews, downscale2x, renderScene2, sampleScene2,
} from '../../../src/scenes/index.ts';

describe('SynthScenes 2 anyres layout', () => {
  const scene = sampleScene2(7);
  const hires = renderScene2(scene, { size: 768 });
  const { layout, images } = anyresViews(hires);

  it('holds a base view then four 24×24 tiles: 2,880 tokens', () => {
    if (layout.kind !== 'views') throw new Error('expected views');
    expect(layout).toBe(ANYRES_LAYOUT);
    expect(layout.views.map((v) => v.name)).toEqual(['base', 'tile-0-0', 'tile-0-1', 'tile-1-0', 'tile-1-1']);
    expect(layout.views.reduce((n, v) => n + v.grid[0] * v.grid[1], 0)).toBe(ANYRES_TOKENS);
    expect(images).toHaveLength(5);
    for (const image of images) expect(image.length).toBe(384 * 384 * 4);
  });

  it('has tile boxes that tile the image exactly, and a base view over all of it', () => {
    if (layout.kind !== 'views') throw new Error('expected views');
    expect(layout.views[0].box).toEqual([0, 0, 1, 1]);
    const tiles = layout.views.slice(1);
    expect(tiles.reduce((a, v) => a + (v.box[2] - v.box[0]) * (v.box[3] - v.box[1]), 0)).toBe(1);
    for (const [i, a] of tiles.entries()) {
      for (const b of tiles.slice(i + 1)) {
        const overlap = Math.max(0, Math.min(a.box[2], b.box[2]) - Math.max(a.box[0], b.box[0])) * Math.max(0, Math.min(a.box[3], b.box[3]) - Math.max(a.box[1], b.box[1]));
        expect(overlap).toBe(0);
      }
    }
  });

  it('cuts each tile from the 768 rendering and box-filters the base view from it', () => {
    for (const [t, [row, col]] of [[0, 0], [0, 1], [1, 0], [1, 1]].entries()) {
      for (let k = 0; k < 200; k++) {
        const x = (k * 97) % 384, y = (k * 61) % 384;
        const from = ((row * 384 + y) * 768 + col * 384 + x) * 4;
        expect(images[1 + t][(y * 384 + x) * 4 + 1]).toBe(hires.rgba[from + 1]);
      }
    }
    expect(images[0]).toEqual(downscale2x(hires.rgba));
    const a = (x: number, y: number, c: number): number => hires.rgba[(y * 768 + x) * 4 + c];
    expect(images[0][(10 * 384 + 20) * 4]).toBe((a(40, 20, 0) + a(41, 20, 0) + a(40, 21, 0) + a(41, 21, 0) + 2) >> 2);
  });

  it('stays close to the 384 rendering (the base view is the same image, downscaled)', () => {
    const view = renderScene2(scene).rgba;
    let diff = 0;
    for (let i = 0; i < view.length; i++) diff += Math.abs(view[i] - images[0][i]);
    expect(diff / view.length).toBeLessThan(2);
  });

  it('refuses a 384 rendering', () => {
    expect(() => anyresViews(renderScene2(scene))).toThrow(RangeError);
  });
});

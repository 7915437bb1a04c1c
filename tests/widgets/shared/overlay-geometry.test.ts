import { describe, expect, test } from 'vitest';
import { GRID_SIZE, IMAGE_SIZE, PATCH_COUNT, PATCH_SIZE } from '../../../src/scenes/index.ts';
import { overlayGeometry, PANEL_GAP, tokenAt } from '../../../src/widgets/shared/overlay-geometry.ts';

describe('overlay geometry', () => {
  test('a SynthScenes image keeps its 14×14 cells of 16 pixels', () => {
    const g = overlayGeometry({ kind: 'grid', grid: [GRID_SIZE, GRID_SIZE] }, PATCH_COUNT, { width: IMAGE_SIZE, height: IMAGE_SIZE }, IMAGE_SIZE);
    expect([g.width, g.height]).toEqual([IMAGE_SIZE, IMAGE_SIZE]);
    expect(g.cells).toHaveLength(PATCH_COUNT);
    expect(g.cells[15]).toEqual({ x: PATCH_SIZE, y: PATCH_SIZE, width: PATCH_SIZE, height: PATCH_SIZE, panel: 0, row: 1, col: 1 });
    expect(tokenAt(g, 20, 20)).toBe(15);
  });

  test('a plain grid without image has square cells', () => {
    const g = overlayGeometry({ kind: 'grid', grid: [2, 8] }, 16, null, 400);
    expect([g.width, g.height]).toEqual([400, 100]);
    expect(g.cells[9]).toMatchObject({ x: 50, y: 50, width: 50, height: 50, row: 1, col: 1 });
  });

  test('views are panels side by side, each with its own grid, in token order', () => {
    const layout = { kind: 'views' as const, views: [
      { name: 'base', grid: [6, 6] as const, box: [0, 0, 1, 1] as const },
      { name: 'tiles', grid: [6, 12] as const, box: [0, 0, 1, 1] as const },
    ] };
    const g = overlayGeometry(layout, 108, { width: 48, height: 20 }, 480);
    expect(g.panels.map((p) => [p.first, p.x, p.width, p.height])).toEqual([[0, 0, 480, 200], [36, 480 + PANEL_GAP, 480, 200]]);
    expect(g.cells[36]).toMatchObject({ panel: 1, row: 0, col: 0, x: 480 + PANEL_GAP });
    expect(g.cells[107]).toMatchObject({ panel: 1, row: 5, col: 11 });
    expect(tokenAt(g, 480 + PANEL_GAP + 1, 1)).toBe(36);
    expect(tokenAt(g, 480 + 1, 1)).toBe(-1); // the gap
  });

  test('tiles that do not overlap are drawn in place, the whole-image view beside them', () => {
    const tile = (r: number, c: number) => ({ name: `tile ${r + 1},${c + 1}`, grid: [8, 8] as const, box: [c / 2, r / 2, (c + 1) / 2, (r + 1) / 2] as const });
    const layout = { kind: 'views' as const, views: [tile(0, 0), tile(0, 1), tile(1, 0), tile(1, 1), { name: 'whole image', grid: [8, 8] as const, box: [0, 0, 1, 1] as const }] };
    const g = overlayGeometry(layout, 320, { width: 600, height: 400 }, 300);
    expect(g.panels.map((p) => [p.first, p.x, p.y, p.width, p.height])).toEqual([
      [0, 0, 0, 150, 100], [64, 150, 0, 150, 100], [128, 0, 100, 150, 100], [192, 150, 100, 150, 100], [256, 300 + PANEL_GAP, 0, 300, 200],
    ]);
    expect([g.width, g.height]).toEqual([600 + PANEL_GAP, 200]);
    expect(tokenAt(g, 151, 101)).toBe(192);
    expect(tokenAt(g, 300 + PANEL_GAP + 299, 199)).toBe(319);
  });

  test('a layout that does not hold N is refused', () => {
    expect(() => overlayGeometry({ kind: 'grid', grid: [3, 3] }, 10, null, 100)).toThrow(/9 tokens/);
  });
});

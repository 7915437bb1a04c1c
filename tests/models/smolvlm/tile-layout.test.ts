import { expect, test } from 'vitest';
import { tileLayout } from '../../../src/models/smolvlm/smolvlm.ts';

test('tiles row-major, then the whole image, each an 8×8 grid', () => {
  const layout = tileLayout(3, 4, 64);
  if (layout.kind !== 'views') throw new Error('expected views');
  expect(layout.views).toHaveLength(13);
  expect(layout.views[0]).toEqual({ name: 'tile 1,1', grid: [8, 8], box: [0, 0, 0.25, 1 / 3] });
  expect(layout.views[5].box).toEqual([0.25, 1 / 3, 0.5, 2 / 3]);
  expect(layout.views[12]).toEqual({ name: 'whole image', grid: [8, 8], box: [0, 0, 1, 1] });
});

test('an untiled image is one grid', () => {
  expect(tileLayout(0, 0, 64)).toEqual({ kind: 'grid', grid: [8, 8] });
});

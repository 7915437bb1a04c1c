import { describe, expect, test } from 'vitest';
import { getMethod, METHODS } from '../../src/core/index.ts';
import { TokenFileError, engineGrid, layoutRefusal, parseLayout, type Layout } from '../../src/tokens/index.ts';

const views: Layout = {
  kind: 'views',
  views: [{ name: 'base', grid: [2, 2], box: [0, 0, 1, 1] }, { name: 'tiles', grid: [2, 3], box: [0, 0, 1, 1] }],
};

describe('parseLayout', () => {
  test('a grid, and views with a default box', () => {
    expect(parseLayout('{"grid": [3, 4]}', 12)).toEqual({ kind: 'grid', grid: [3, 4] });
    expect(parseLayout('{"views": [{"name": "base", "grid": [2, 2]}, {"name": "tiles", "grid": [2, 3], "box": [0, 0, 1, 1]}]}', 10)).toEqual(views);
  });

  test.each([
    ['not JSON', '{grid', 4, 'not JSON'],
    ['neither grid nor views', '{}', 4, 'exactly one'],
    ['both', '{"grid": [2, 2], "views": []}', 4, 'exactly one'],
    ['a grid of zero rows', '{"grid": [0, 4]}', 0, 'positive integers'],
    ['views that hold too few tokens', '{"views": [{"name": "a", "grid": [1, 2]}]}', 4, 'hold 2 tokens'],
    ['a view without a name', '{"views": [{"grid": [2, 2]}]}', 4, 'name'],
    ['an empty box', '{"views": [{"name": "a", "grid": [2, 2], "box": [0, 0, 0, 1]}]}', 4, 'x0 < x1'],
  ])('refuses %s', (_, text, n, words) => {
    expect(() => parseLayout(text, n)).toThrow(TokenFileError);
    expect(() => parseLayout(text, n)).toThrow(words);
  });
});

describe('methods and layouts', () => {
  test('only methods that read the grid are refused on several views, with the views named', () => {
    expect(layoutRefusal(views, getMethod('pool'))).toBe('Pool pools one token grid, and these tokens form 2 views (base 2×2, tiles 2×3)');
    for (const m of METHODS.filter((x) => x.id !== 'pool')) expect(layoutRefusal(views, m)).toBeNull();
    expect(layoutRefusal({ kind: 'grid', grid: [2, 5] }, getMethod('pool'))).toBeNull();
  });

  test('the engine gets the one grid, a single view, or one row', () => {
    expect(engineGrid({ kind: 'grid', grid: [2, 5] }, 10)).toEqual([2, 5]);
    expect(engineGrid({ kind: 'views', views: [views.views[1]] }, 6)).toEqual([2, 3]);
    expect(engineGrid(views, 10)).toEqual([1, 10]);
  });
});

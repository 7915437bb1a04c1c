/**
 * The `tops.layout` metadata: one grid, or several views (base view and tiles). A multi-view
 * file has no single raster grid, so methods that read the grid (`usesGrid`: Pool) are refused
 * on it rather than run on a made-up one; every other method ignores the layout.
 */
import type { Grid, MethodSpec } from '../core/index.ts';
import { TokenFileError } from './errors.ts';
import type { Layout, View } from './format.ts';

/** The layout the engine would assume: square when n is a square, else one row. */
export function defaultLayout(n: number): Layout {
  const side = Math.round(Math.sqrt(n));
  return { kind: 'grid', grid: side * side === n ? [side, side] : [1, n] };
}

export function parseLayout(text: string, n: number): Layout {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new TokenFileError('layout', `tops.layout is not JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TokenFileError('layout', 'tops.layout must be a JSON object with "grid" or "views"');
  const { grid, views } = value as Record<string, unknown>;
  if ((grid === undefined) === (views === undefined)) throw new TokenFileError('layout', 'tops.layout must have exactly one of "grid" and "views"');
  if (grid !== undefined) {
    const g = checkGrid(grid, 'tops.layout.grid');
    if (g[0] * g[1] !== n) throw new TokenFileError('layout', `tops.layout.grid [${g.join(', ')}] holds ${g[0] * g[1]} tokens, but features has N = ${n}`);
    return { kind: 'grid', grid: g };
  }
  if (!Array.isArray(views) || views.length === 0) throw new TokenFileError('layout', 'tops.layout.views must be a non-empty list');
  const checked = views.map(checkView);
  const total = checked.reduce((s, v) => s + v.grid[0] * v.grid[1], 0);
  if (total !== n) throw new TokenFileError('layout', `tops.layout.views hold ${total} tokens, but features has N = ${n}`);
  return { kind: 'views', views: checked };
}

/** The grid the engine gets: the one grid, or [1, N] for several views (no grid method runs). */
export function engineGrid(layout: Layout, n: number): Grid {
  if (layout.kind === 'grid') return layout.grid;
  return layout.views.length === 1 ? layout.views[0].grid : [1, n];
}

/** Why `method` cannot run on tokens with this layout, or null when it can. */
export function layoutRefusal(layout: Layout, method: Pick<MethodSpec, 'name' | 'usesGrid'>): string | null {
  if (!method.usesGrid || layout.kind === 'grid' || layout.views.length === 1) return null;
  const views = layout.views.map((v) => `${v.name} ${v.grid[0]}×${v.grid[1]}`).join(', ');
  return `${method.name} pools one token grid, and these tokens form ${layout.views.length} views (${views})`;
}

function checkView(value: unknown, i: number): View {
  const where = `tops.layout.views[${i}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TokenFileError('layout', `${where} must be an object`);
  const { name, grid, box } = value as Record<string, unknown>;
  if (typeof name !== 'string' || name.length === 0) throw new TokenFileError('layout', `${where}.name must be a non-empty string`);
  return { name, grid: checkGrid(grid, `${where}.grid`), box: box === undefined ? [0, 0, 1, 1] : checkBox(box, `${where}.box`) };
}

function checkGrid(value: unknown, where: string): [number, number] {
  if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => Number.isSafeInteger(v) && v >= 1)) {
    throw new TokenFileError('layout', `${where} must be [rows, cols] of positive integers, got ${JSON.stringify(value)}`);
  }
  return [value[0], value[1]];
}

function checkBox(value: unknown, where: string): [number, number, number, number] {
  if (!Array.isArray(value) || value.length !== 4 || !value.every((v) => typeof v === 'number' && Number.isFinite(v)) || !(value[0] < value[2] && value[1] < value[3])) {
    throw new TokenFileError('layout', `${where} must be [x0, y0, x1, y1] with x0 < x1 and y0 < y1, got ${JSON.stringify(value)}`);
  }
  return [value[0], value[1], value[2], value[3]];
}

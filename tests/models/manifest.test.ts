// The manifest's world and anyres fields: both shipped manifests, and the refusals.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModelError, parseManifest } from '../../src/models/index.ts';
import { ANYRES_LAYOUT } from '../../src/scenes/index.ts';

const WORLD_1 = readFileSync('public/models/tinyvlm/manifest.json', 'utf8');
const WORLD_2 = readFileSync('public/models/tinyvlm2/manifest.json', 'utf8');

function edited(text: string, edit: (m: Record<string, any>) => void): string {
  const m = JSON.parse(text) as Record<string, any>;
  edit(m);
  return JSON.stringify(m);
}

function refusal(text: string): string {
  try {
    parseManifest(text);
  } catch (e) {
    if (e instanceof ModelError && e.code === 'manifest') return e.message;
    throw e;
  }
  throw new Error('expected the manifest to be refused');
}

describe('manifest world and anyres', () => {
  it('reads world 1 from a manifest without the field, with patch ids only', () => {
    const m = parseManifest(WORLD_1);
    expect(m.world).toBe(1);
    expect(m.grid).toEqual([14, 14]);
    expect(m.anyres).toBeNull();
  });

  it('reads TinyVLM 2 as world 2 on 24×24 views with the scenes\' anyres layout of 2,880 tokens', () => {
    const m = parseManifest(WORLD_2);
    expect(m.world).toBe(2);
    expect(m.grid).toEqual([24, 24]);
    expect(m.anyres?.tokens).toBe(2880);
    expect(m.anyres?.layout).toEqual(ANYRES_LAYOUT);
  });

  it('refuses an unknown world and an anyres layout that does not fit', () => {
    expect(refusal(edited(WORLD_2, (m) => { m.world = 3; }))).toMatch(/world must be 1 or 2, got 3/);
    expect(refusal(edited(WORLD_2, (m) => { m.dims.anyres.tokens = 2879; }))).toMatch(/dims\.anyres\.layout is not a layout of 2879 tokens/);
    expect(refusal(edited(WORLD_2, (m) => { m.dims.anyres.layout = { grid: [48, 60] }; m.dims.anyres.tokens = 2880; }))).toMatch(/views of the model's grid \[24, 24\]/);
    expect(refusal(edited(WORLD_2, (m) => { m.dims.anyres.layout.views[2].grid = [12, 48]; }))).toMatch(/views of the model's grid/);
    expect(refusal(edited(WORLD_2, (m) => { m.dims.anyres.tokens = 0; }))).toMatch(/dims\.anyres\.tokens must be a positive integer/);
  });
});

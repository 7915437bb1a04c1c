import { describe, expect, test } from 'vitest';
import type { TokenFileSummary } from '../../../src/runtime/engine.ts';
import { defaultState } from '../../../src/state/index.ts';
import { refusedMethods } from '../../../src/widgets/playground/controls/tokens-control.ts';
import type { LoadedTokens } from '../../../src/widgets/playground/pipeline/token-files.ts';

function loaded(has: TokenFileSummary['has'], views: boolean): LoadedTokens {
  const layout: TokenFileSummary['layout'] = views
    ? { kind: 'views', views: [{ name: 'base', grid: [2, 2], box: [0, 0, 1, 1] }, { name: 'tiles', grid: [4, 4], box: [0, 0, 1, 1] }] }
    : { kind: 'grid', grid: [4, 5] };
  const summary: TokenFileSummary = {
    id: 'file:1:x', name: 'x', bytes: 1, n: 20, d: 4, m: has.text ? 2 : 0, grid: [4, 5], layout, layoutDeclared: true,
    image: null, metadata: {}, dtypes: { features: 'F32' }, has, readMs: 1,
  };
  return { name: 'x', summary, image: null, imageNote: null, loadMs: 1 };
}

describe('methods a token file cannot serve', () => {
  test('a complete single-grid file serves every method', () => {
    expect(refusedMethods(loaded({ text: true, clsAttn: true, textAttn: true }, false), defaultState())).toEqual([]);
  });

  test('missing inputs and several views are named with the reason', () => {
    const refused = refusedMethods(loaded({ text: false, clsAttn: true, textAttn: false }, true), defaultState());
    const by = Object.fromEntries(refused.map((r) => [r.method, r.why]));
    expect(by.FastV).toMatch(/text_attn/);
    expect(by.TOPS).toMatch(/instruction embeddings \(text\)/);
    expect(by.Pool).toMatch(/2 views/);
    expect(by.FasterVLM).toBeUndefined();
  });

  test('TOPS without relevance needs no text', () => {
    const state = defaultState();
    state.principles.relevance = false;
    const refused = refusedMethods(loaded({ text: false, clsAttn: true, textAttn: true }, false), state);
    expect(refused.map((r) => r.method)).not.toContain('TOPS');
  });
});

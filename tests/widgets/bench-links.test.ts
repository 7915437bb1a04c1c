// A benchmark point's playground link opens the results' world, on the example's scene and question,
// at that method and budget.
import { describe, expect, test } from 'vitest';
import { WORLDS, WORLD_SPLITS } from '../../src/scenes/index.ts';
import { encodeQuestion, parseState, stateWorld } from '../../src/state/index.ts';
import { benchWorld } from '../../src/widgets/benchmarks/bench-data.ts';
import { playgroundLink } from '../../src/widgets/benchmarks/links.ts';

describe.each(WORLDS)('world %i', (world) => {
  const b = benchWorld(world);

  test('every pruned row links to its world, test scene, question, method and k', () => {
    const { start, count } = WORLD_SPLITS[world].test;
    for (const r of b.report.results.filter((x) => x.method !== 'full')) {
      const href = playgroundLink(world, r.method, r.kept, r.example);
      expect(href.startsWith('/playground/?')).toBe(true);
      const { state, notices } = parseState(href.slice(href.indexOf('?') + 1));
      expect(notices).toEqual([]);
      expect(stateWorld(state)).toBe(world);
      expect(state.scene).toEqual({ kind: 'seed', seed: r.example.seed });
      expect(r.example.seed >= start && r.example.seed < start + count).toBe(true);
      expect(encodeQuestion(state.question)).toBe(r.example.question);
      expect([state.method, state.k]).toEqual([r.method, r.kept]);
    }
  });
});

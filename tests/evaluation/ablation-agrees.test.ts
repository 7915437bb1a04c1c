// The contract of the principles table: switching principles off means the same in the
// playground (a link's switches → effectiveParams) and in the principle ablation (variantParams),
// for every subset of principles, and the committed ablation results ran exactly those parameters.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PRINCIPLE_IDS, getMethod, paramsWithout, resolveParams, type PrincipleId } from '../../src/core/index.ts';
import { ABLATION_VARIANTS, variantParams } from '../../src/evaluation/ablation.ts';
import type { VqaReport } from '../../src/evaluation/report.ts';
import { defaultState, effectiveParams, parseState, writeState, type ExperimentState } from '../../src/state/index.ts';

const subsets: PrincipleId[][] = Array.from({ length: 1 << PRINCIPLE_IDS.length }, (_, mask) => PRINCIPLE_IDS.filter((_, i) => mask & (1 << i)));
const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** The playground with TOPS at its defaults and `off` switched off, as a reader would share it. */
function playgroundWith(off: readonly PrincipleId[]): ExperimentState {
  const state = defaultState();
  for (const id of PRINCIPLE_IDS) state.principles[id] = !off.includes(id);
  return parseState(writeState(state)).state;
}

describe('the playground and the ablation agree', () => {
  test.each(subsets.map((off) => [off.length === 0 ? 'none' : off.join(' + '), off] as const))('principles off: %s', (_, off) => {
    const playground = effectiveParams(playgroundWith(off), 'tops');
    expect(playground).toEqual(paramsWithout(resolveParams(getMethod('tops')), off));
    const variant = ABLATION_VARIANTS.find((v) => sameSet(v.off, off));
    if (variant !== undefined) expect(variantParams(variant, 2)).toEqual(playground);
    if (off.includes('relevance')) expect(playground).toMatchObject({ alpha: 0, lambda: 0 });
  });

  test('every ablation variant is a subset of principles off: all, each off, each alone', () => {
    expect(ABLATION_VARIANTS.map((v) => v.id)).toEqual([
      'all', 'no-relevance', 'no-coverage', 'no-diversity', 'relevance-only', 'coverage-only', 'diversity-only',
    ]);
    for (const v of ABLATION_VARIANTS) expect(variantParams(v, 2)).toEqual(effectiveParams(playgroundWith(v.off), 'tops'));
  });

  test('with any weights in a link, the switches apply the same off as the ablation', () => {
    fc.assert(fc.property(
      fc.record({ alpha: fc.double({ min: 0, max: 4, noNaN: true }), beta: fc.double({ min: 0, max: 4, noNaN: true }), gamma: fc.double({ min: 0, max: 4, noNaN: true }), lambda: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.subarray([...PRINCIPLE_IDS]),
      (weights, off) => {
        const state = playgroundWith(off);
        state.params.tops = { ...weights };
        expect(effectiveParams(state, 'tops')).toEqual(paramsWithout(weights, off));
      },
    ));
  });

  test.each([['vqa-test.json', 1], ['vqa-test2.json', 2]] as const)('the committed ablation in %s ran the parameters the table gives each variant in its world, so its labels describe the data', (file, world) => {
    const report: VqaReport = JSON.parse(readFileSync(new URL(`../../src/data/benchmarks/${file}`, import.meta.url), 'utf8'));
    expect(report.ablation).toBeDefined();
    for (const committed of report.ablation!.variants) {
      const variant = ABLATION_VARIANTS.find((v) => v.id === committed.id);
      expect(variant, committed.id).toBeDefined();
      expect(committed.params).toEqual(variantParams(variant!, world));
    }
  });
});

import { describe, expect, test } from 'vitest';
import { flops, LLM_SHAPES } from '../../src/core/index.ts';
import { costCurve, costSummary, keptAt } from '../../src/widgets/cost/cost-data.ts';

describe('cost', () => {
  const next = LLM_SHAPES.find((s) => s.id === 'llava-next-7b')!;
  test('the curve runs from no visual token to all of them, through core flops', () => {
    const curve = costCurve(next, 64, 8);
    expect(curve).toHaveLength(9);
    expect(curve[0].visualTokens).toBe(0);
    expect(curve.at(-1)!.visualTokens).toBe(2880);
    expect(curve.at(-1)!.tflops).toBe(flops('llava-next-7b', 2880, 64) / 1e12);
  });
  test('the paper’s 77.8 % keeps 640 of 2880 tokens', () => {
    expect(keptAt(next, 2 / 9)).toBe(640);
    const s = costSummary(next, 2 / 9, 64);
    expect(s.saving).toBeCloseTo(1 - flops('llava-next-7b', 640, 64) / flops('llava-next-7b', 2880, 64), 12);
    expect(s.textOnlyTflops).toBeLessThan(s.keptTflops);
    expect(keptAt(next, 0)).toBe(1);
  });
});

// Prefill FLOPs of the language model with all visual tokens and with a pruned set.
import { flops, LLM_SHAPES } from '../../../core/index.ts';
import type { Print } from '../format.ts';

export default function prefillFlops(print: Print): void {
  const textTokens = 64;
  for (const shape of LLM_SHAPES) {
    const kept = Math.round((shape.visualTokens * 2) / 9); // 7/9 = 77.8 % removed
    const full = flops(shape.id, shape.visualTokens, textTokens);
    const pruned = flops(shape.id, kept, textTokens);
    print(shape.name, `${shape.visualTokens} → ${kept} tokens:`, (full / 1e12).toFixed(2), '→', (pruned / 1e12).toFixed(2), 'TFLOPs');
  }
}

/**
 * VisionZip — dominant tokens by [CLS] attention, plus contextual tokens merged from the rest:
 * the remaining tokens (raster order) get c anchors at a uniform stride, every other token joins
 * its most cosine-similar anchor, and a contextual token is its anchor's feature plus the mean
 * of its members (the official code adds the mean onto the anchor rather than averaging both).
 * Official default split 54 dominant + 10 contextual at k = 64, i.e. c = round(k·10/64).
 * Similarity uses the tokens' own features (the official code uses the encoder's keys).
 * The official code counts [CLS] among the dominant tokens: its 54 at k = 64 are [CLS] + the 53
 * patches with the most [CLS] attention. The tokens here are patches only, so all k − c dominant
 * slots go to patches.
 * Yang et al., "VisionZip: Longer is Better but Not Necessary in Vision Language Models", CVPR 2025.
 */
import { ascending, topK } from '../select.ts';
import type { MethodSpec, Prepared, Params, PruneResult } from '../types.ts';

export const visionzip: MethodSpec = {
  id: 'visionzip',
  name: 'VisionZip',
  summary: 'Dominant tokens by [CLS] attention + contextual tokens merged from the rest.',
  citation: 'Yang et al., VisionZip: Longer is Better but Not Necessary in Vision Language Models, CVPR 2025 (arXiv:2412.04467).',
  params: {
    contextualRatio: { label: 'contextual share', description: 'Share of the budget spent on merged contextual tokens', default: 10 / 64, min: 0, max: 0.5, step: 0.005 },
  },
  needs: ['clsAttn'],
  run: runVisionZip,
};

function runVisionZip(p: Prepared, k: number, q: Params): PruneResult {
  const { n, d, gram } = p;
  const contextual = Math.min(k - 1, Math.round(k * q.contextualRatio));
  const dominant = topK(p.clsAttn!, k - contextual);
  const isDominant = new Uint8Array(n);
  for (const i of dominant) isDominant[i] = 1;
  const rest = Array.from({ length: n }, (_, i) => i).filter((i) => isDominant[i] === 0);

  const merged = new Map<number, Float32Array>();
  if (contextual > 0) {
    const stride = Math.floor(rest.length / contextual);
    const anchors = Array.from({ length: contextual }, (_, t) => rest[t * stride]);
    const isAnchor = new Set(anchors);
    const members = anchors.map(() => [] as number[]);
    for (const i of rest) {
      if (isAnchor.has(i)) continue;
      let best = 0;
      for (let a = 1; a < anchors.length; a++) if (gram[i * n + anchors[a]] > gram[i * n + anchors[best]]) best = a;
      members[best].push(i);
    }
    anchors.forEach((a, t) => {
      const row = p.features.slice(a * d, a * d + d);
      const group = members[t];
      for (const i of group) for (let c = 0; c < d; c++) row[c] += p.features[i * d + c] / group.length;
      merged.set(a, row);
    });
  }

  const kept = ascending([...dominant, ...merged.keys()]);
  const features = new Float32Array(kept.length * d);
  kept.forEach((i, t) => features.set(merged.get(i) ?? p.features.subarray(i * d, i * d + d), t * d));
  return { kept, features };
}

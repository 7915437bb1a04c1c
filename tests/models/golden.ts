// Compares the TypeScript runtime with the reference outputs recorded by notebooks/export.py
// (tests/fixtures/tinyvlm-golden.json) and returns every disagreement as a sentence.

import { readFileSync } from 'node:fs';
import type { TinyVlm } from '../../src/models/index.ts';
import { sha256Hex } from '../../src/models/index.ts';
import { generateSample, rgbFromRgba, RGB_BYTES } from '../../src/scenes/index.ts';

interface GoldenCase {
  seed: number;
  imageSha256: string;
  question: { text: string; tokens: number[]; type: string };
  answer: { id: number; text: string };
  patchTokens: { row0: number[]; row100: number[] };
  clsAttn: { sum: number; argmax: number };
  tokenEmbeds: { row0: number[] };
  full: { logits: number[]; argmax: number; textAttnArgmax: number };
  kept: { positions: number[]; logits: number[]; argmax: number; textAttn: number[] };
}

export interface Golden {
  model: Record<string, string>;
  tolerance: number;
  cases: GoldenCase[];
}

export function readGolden(path: string): Golden {
  return JSON.parse(readFileSync(path, 'utf8')) as Golden;
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

export async function goldenDisagreements(model: TinyVlm, golden: Golden): Promise<string[]> {
  const problems: string[] = [];
  const close = (what: string, got: ArrayLike<number>, want: number[]): void => {
    const worst = want.reduce((m, w, i) => Math.max(m, Math.abs(got[i] - w)), 0);
    if (got.length < want.length || !(worst <= golden.tolerance)) problems.push(`${what}: max abs diff ${worst} > ${golden.tolerance}`);
  };
  const same = (what: string, got: unknown, want: unknown): void => {
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  for (const [name, entry] of Object.entries(model.manifest.files)) same(`${name} sha256`, entry.sha256, golden.model[name]);

  const { encoder, reasoner } = model;
  const d = encoder.d;
  for (const c of golden.cases) {
    const at = `seed ${c.seed}`;
    const sample = generateSample(c.seed);
    const rgb = new Uint8Array(RGB_BYTES);
    rgbFromRgba(sample.rendering.rgba, rgb, 0);
    same(`${at} image sha256 (SynthScenes pixels)`, await sha256Hex(rgb), c.imageSha256);
    same(`${at} question tokens`, Array.from(encoder.tokenize(c.question.text)), c.question.tokens);
    same(`${at} answer text`, reasoner.answers[c.answer.id], c.answer.text);

    const tokens = await encoder.encodeImage(sample.rendering.rgba);
    close(`${at} patch_tokens[0]`, tokens.features.subarray(0, 8), c.patchTokens.row0);
    close(`${at} patch_tokens[100]`, tokens.features.subarray(100 * d, 100 * d + 8), c.patchTokens.row100);
    close(`${at} cls_attn sum`, [tokens.clsAttn.reduce((a, b) => a + b, 0)], [c.clsAttn.sum]);
    same(`${at} cls_attn argmax`, argmax(tokens.clsAttn), c.clsAttn.argmax);

    const instruction = await encoder.encodeText(c.question.text);
    close(`${at} token_embeds[0]`, instruction.embedding.subarray(0, 8), c.tokenEmbeds.row0);

    const all = Int32Array.from({ length: tokens.n }, (_, i) => i);
    const full = await reasoner.answer(tokens.features, all, instruction.tokens);
    close(`${at} full logits`, full.logits, c.full.logits);
    same(`${at} full argmax`, full.best, c.full.argmax);
    same(`${at} full text_attn argmax`, argmax(full.textAttn), c.full.textAttnArgmax);

    const visual = new Float32Array(c.kept.positions.length * d);
    c.kept.positions.forEach((p, i) => visual.set(tokens.features.subarray(p * d, (p + 1) * d), i * d));
    const kept = await reasoner.answer(visual, c.kept.positions, instruction.tokens);
    close(`${at} kept logits`, kept.logits, c.kept.logits);
    same(`${at} kept argmax`, kept.best, c.kept.argmax);
    close(`${at} kept text_attn`, kept.textAttn, c.kept.textAttn);
  }
  return problems;
}

// Compares the TypeScript runtime with the reference outputs recorded by notebooks/export.py
// (tests/fixtures/tinyvlm-golden.json, tinyvlm2-golden.json) and returns every disagreement as a
// sentence. The scenes come from the generator of the model's world (its manifest's `world`).

import { readFileSync } from 'node:fs';
import type { ModelWorld, TinyVlm } from '../../src/models/index.ts';
import { sha256Hex } from '../../src/models/index.ts';
import { generateSample, generateSample2, rgbFromRgba } from '../../src/scenes/index.ts';

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
  /** For an anyres model: the reasoner on token ids of all five views (rows from each view's encoding). */
  anyres?: { imagesSha256: string; positions: number[]; logits: number[]; argmax: number; textAttn: number[] };
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

/** A case's scene in the model's world: its view's RGBA, and its anyres views' when asked for. */
function goldenScene(world: ModelWorld, seed: number, anyres: boolean): { view: Uint8ClampedArray; views: Uint8ClampedArray[] } {
  if (world === 1) return { view: generateSample(seed).rendering.rgba, views: [] };
  const sample = generateSample2(seed, { anyres });
  return { view: sample.rendering.rgba, views: sample.anyres?.images ?? [] };
}

/** sha256 of images' RGB bytes back to back, as the dataset export writes them. */
async function rgbSha256(images: readonly Uint8ClampedArray[]): Promise<string> {
  const rgb = new Uint8Array(images.reduce((n, im) => n + (im.length / 4) * 3, 0));
  let offset = 0;
  for (const im of images) {
    rgbFromRgba(im, rgb, offset);
    offset += (im.length / 4) * 3;
  }
  return sha256Hex(rgb);
}

/** Rows of `features` (n×d) at `positions`, back to back. */
function rows(features: Float32Array, d: number, positions: readonly number[]): Float32Array {
  const out = new Float32Array(positions.length * d);
  positions.forEach((p, i) => out.set(features.subarray(p * d, (p + 1) * d), i * d));
  return out;
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
    const scene = goldenScene(model.manifest.world, c.seed, c.anyres !== undefined);
    same(`${at} image sha256 (SynthScenes pixels)`, await rgbSha256([scene.view]), c.imageSha256);
    same(`${at} question tokens`, Array.from(encoder.tokenize(c.question.text)), c.question.tokens);
    same(`${at} answer text`, reasoner.answers[c.answer.id], c.answer.text);

    const tokens = await encoder.encodeImage(scene.view);
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

    const kept = await reasoner.answer(rows(tokens.features, d, c.kept.positions), c.kept.positions, instruction.tokens);
    close(`${at} kept logits`, kept.logits, c.kept.logits);
    same(`${at} kept argmax`, kept.best, c.kept.argmax);
    close(`${at} kept text_attn`, kept.textAttn, c.kept.textAttn);

    same(`${at} anyres case present`, c.anyres !== undefined, model.manifest.anyres !== null);
    if (c.anyres === undefined) continue;
    same(`${at} anyres views sha256`, await rgbSha256(scene.views), c.anyres.imagesSha256);
    const pool = new Float32Array(scene.views.length * tokens.n * d);
    for (const [v, view] of scene.views.entries()) pool.set((await encoder.encodeImage(view)).features, v * tokens.n * d);
    const anyres = await reasoner.answer(rows(pool, d, c.anyres.positions), c.anyres.positions, instruction.tokens);
    close(`${at} anyres logits`, anyres.logits, c.anyres.logits);
    same(`${at} anyres argmax`, anyres.best, c.anyres.argmax);
    close(`${at} anyres text_attn`, anyres.textAttn, c.anyres.textAttn);
  }
  return problems;
}

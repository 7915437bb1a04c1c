// Fetches the preset scenes' precomputed model inputs (preset-format.ts) from the site.
import type { Precomputed } from '../../../runtime/engine.ts';
import { decodePresetData, PRESET_FORMAT, type PresetData, type PresetIndex } from './preset-format.ts';

const BASE = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}playground/presets/`;

let index: Promise<PresetIndex | null> | null = null;
const data = new Map<string, Promise<PresetData>>();

/** The index, or null when this site ships no preset data. */
export function presetIndex(): Promise<PresetIndex | null> {
  index ??= fetch(`${BASE}index.json`).then(async (response) => {
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`preset data index: HTTP ${response.status}`);
    const parsed = (await response.json()) as PresetIndex;
    if (parsed.format !== PRESET_FORMAT || typeof parsed.presets !== 'object') throw new Error(`preset data index has format ${String(parsed.format)}, expected ${PRESET_FORMAT}`);
    return parsed;
  });
  // A failed request is not remembered, so the next use tries again.
  index.catch(() => { index = null; });
  return index;
}

export function presetData(idx: PresetIndex, id: string): Promise<PresetData> | null {
  const entry = idx.presets[id];
  if (entry === undefined) return null;
  let pending = data.get(id);
  if (pending === undefined) {
    pending = fetch(`${BASE}${entry.file}`).then(async (response) => {
      if (!response.ok) throw new Error(`preset data ${entry.file}: HTTP ${response.status}`);
      return decodePresetData(idx, entry, await response.arrayBuffer());
    });
    pending.catch(() => data.delete(id));
    data.set(id, pending);
  }
  return pending;
}

/** The experiment's precomputed inputs for a preset scene and question, when the site ships them. */
export async function presetInputs(presetId: string, questionCode: string): Promise<Precomputed | null> {
  const idx = await presetIndex().catch(() => null);
  if (idx === null) return null;
  const data = await presetData(idx, presetId)?.catch(() => null);
  if (data === null || data === undefined) return null;
  const q = data.questions.get(questionCode);
  return {
    identity: idx.manifestSha256,
    image: { features: data.features, clsAttn: data.clsAttn, n: idx.n, d: idx.d, grid: idx.grid },
    question: q === undefined ? null : { tokens: q.tokens, embedding: q.embedding, m: q.m, textAttn: q.textAttn, logits: q.logits, answers: idx.answers },
  };
}

// npm run presets:export [-- --model DIR --out DIR]
// Runs TinyVLM on the playground's preset scenes and questions (the one experiment session) and writes what the page needs
// to prune and measure them before the model loads (format in
// src/widgets/playground/pipeline/preset-format.ts). Same model, same bytes.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cpuSession } from '../src/runtime/session.ts';
import { IMAGE_SIZE, questionText, renderScene } from '../src/scenes/index.ts';
import { encodeQuestion, PRESETS } from '../src/state/index.ts';
import {
  encodePresetData, PRESET_FORMAT, presetBytes,
  type PresetData, type PresetEntry, type PresetIndex,
} from '../src/widgets/playground/pipeline/preset-format.ts';
import { DEFAULT_MODEL_DIR, loadModelFromDisk } from './node-model.ts';

const { values } = parseArgs({ options: { model: { type: 'string' }, out: { type: 'string' } } });
const out = values.out ?? 'public/playground/presets';
const model = await loadModelFromDisk(values.model ?? DEFAULT_MODEL_DIR);
const { d, grid } = model.encoder;
const n = grid[0] * grid[1];
const index: PresetIndex = {
  format: PRESET_FORMAT, manifestSha256: model.manifestSha256, n, d, grid: [grid[0], grid[1]],
  answers: [...model.reasoner.answers], presets: {},
};
const session = await cpuSession(model);
mkdirSync(out, { recursive: true });
try {
  for (const preset of PRESETS) {
    const pixels = { rgba: renderScene(preset.scene).rgba, width: IMAGE_SIZE, height: IMAGE_SIZE };
    const entry: PresetEntry = { file: `${preset.id}.bin`, bytes: 0, questions: [] };
    let data: PresetData | null = null;
    for (const spec of preset.questions) {
      const code = encodeQuestion(spec);
      const result = await session.run({
        image: { key: `preset:${preset.id}`, pixels }, question: { text: questionText(spec), oracle: null },
        runs: [], measure: { metrics: false, details: false, answers: true, tensors: true },
      });
      if (!result.ok || result.inputs.tensors === null || result.inputs.full?.logits == null) throw new Error(`${preset.id} ${code}: no model inputs`);
      const { tensors: t, full } = result.inputs;
      data ??= { features: t.features, clsAttn: t.clsAttn!, questions: new Map() };
      entry.questions.push({ code, tokens: Array.from(t.tokens) });
      data.questions.set(code, { tokens: t.tokens, m: result.inputs.m, embedding: t.embedding, textAttn: t.textAttn!, logits: full.logits! });
      process.stderr.write(`${preset.id} ${code}: ${full.text} (${(100 * full.probs![full.best!]).toFixed(0)} %)\n`);
    }
    if (data === null) throw new Error(`${preset.id}: no questions`);
    entry.bytes = presetBytes(index, entry);
    writeFileSync(join(out, entry.file), encodePresetData(index, entry, data));
    index.presets[preset.id] = entry;
  }
} finally {
  await model.release();
}
writeFileSync(join(out, 'index.json'), JSON.stringify(index, null, 1) + '\n');
const total = Object.values(index.presets).reduce((s, e) => s + e.bytes, 0);
process.stderr.write(`wrote ${PRESETS.length} presets (${(total / 1024).toFixed(0)} KiB) to ${out}\n`);

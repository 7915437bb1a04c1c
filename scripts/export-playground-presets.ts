// npm run presets:export [-- --model DIR --out DIR]
// Runs TinyVLM on the playground's preset scenes and questions and writes what the page needs
// to prune and measure them before the model loads (format in
// src/widgets/playground/pipeline/preset-format.ts). Same model, same bytes.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { questionText, renderScene } from '../src/scenes/index.ts';
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
const all = Int32Array.from({ length: n }, (_, i) => i);
mkdirSync(out, { recursive: true });
try {
  for (const preset of PRESETS) {
    const image = await model.encoder.encodeImage(renderScene(preset.scene).rgba);
    const entry: PresetEntry = { file: `${preset.id}.bin`, bytes: 0, questions: [] };
    const data: PresetData = { features: image.features, clsAttn: image.clsAttn, questions: new Map() };
    for (const spec of preset.questions) {
      const code = encodeQuestion(spec);
      const instruction = await model.encoder.encodeText(questionText(spec));
      const full = await model.reasoner.answer(image.features, all, instruction.tokens);
      entry.questions.push({ code, tokens: Array.from(instruction.tokens) });
      data.questions.set(code, { tokens: instruction.tokens, m: instruction.m, embedding: instruction.embedding, textAttn: full.textAttn, logits: full.logits });
      process.stderr.write(`${preset.id} ${code}: ${full.bestText} (${(100 * full.probs[full.best]).toFixed(0)} %)\n`);
    }
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

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { encodeQuestion, PRESETS } from '../../../src/state/index.ts';
import {
  decodePresetData, encodePresetData, presetBytes, PRESET_FORMAT,
  type PresetData, type PresetEntry, type PresetIndex,
} from '../../../src/widgets/playground/pipeline/preset-format.ts';

const PRESET_DIR = 'public/playground/presets';
const MANIFEST = 'public/models/tinyvlm/manifest.json';

describe('preset data format', () => {
  test('encodes and decodes every block exactly', () => {
    const index: PresetIndex = { format: PRESET_FORMAT, manifestSha256: 'x', n: 4, d: 3, grid: [2, 2], answers: ['a', 'b'], presets: {} };
    const entry: PresetEntry = { file: 'p.bin', bytes: 0, questions: [{ code: 'color.star', tokens: [3, 4] }, { code: 'shape.red', tokens: [5] }] };
    const seq = (n: number, at: number): Float32Array => Float32Array.from({ length: n }, (_, i) => at + i / 7);
    const data: PresetData = {
      features: seq(12, 0), clsAttn: seq(4, 100),
      questions: new Map([
        ['color.star', { tokens: Int32Array.from([3, 4]), m: 2, embedding: seq(6, 200), textAttn: seq(4, 300), logits: seq(2, 400) }],
        ['shape.red', { tokens: Int32Array.from([5]), m: 1, embedding: seq(3, 500), textAttn: seq(4, 600), logits: seq(2, 700) }],
      ]),
    };
    const bytes = encodePresetData(index, entry, data);
    expect(bytes.length).toBe(presetBytes(index, entry));
    expect(decodePresetData(index, entry, bytes.buffer as ArrayBuffer)).toEqual(data);
    expect(() => decodePresetData(index, entry, bytes.buffer.slice(4) as ArrayBuffer)).toThrow(/bytes/);
  });
});

describe('committed preset data', () => {
  const index: PresetIndex = JSON.parse(readFileSync(`${PRESET_DIR}/index.json`, 'utf8'));

  test('was computed by the committed model', () => {
    const sha = createHash('sha256').update(readFileSync(MANIFEST)).digest('hex');
    expect(index.manifestSha256, 'run npm run presets:export after changing the model').toBe(sha);
  });

  test('holds every preset and every preset question, with the sizes the format needs', () => {
    for (const preset of PRESETS) {
      const entry = index.presets[preset.id];
      expect(entry, preset.id).toBeDefined();
      expect(entry.questions.map((q) => q.code)).toEqual(preset.questions.map(encodeQuestion));
      expect(statSync(`${PRESET_DIR}/${entry.file}`).size).toBe(presetBytes(index, entry));
    }
  });
});

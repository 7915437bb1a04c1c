import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ANSWERS, QUESTION_TYPES, RGB_BYTES, WORDS, generateSample, sceneLabel, type DatasetMeta, type SceneLabel,
} from '../../src/scenes/index.ts';

const root = mkdtempSync(join(tmpdir(), 'scenes-export-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function exportScenes(out: string, ...args: string[]): void {
  execFileSync(process.execPath, ['scripts/export-scenes.ts', ...args, '--out', out], { stdio: 'pipe' });
}

describe('scenes:export', () => {
  const first = join(root, 'a');
  const second = join(root, 'b');
  exportScenes(first, '--seeds', '2000000..2000012');
  exportScenes(second, '--split', 'test', '--count', '12');

  it('writes the same bytes for the same seeds', () => {
    for (const file of ['meta.json', 'vocab.json', 'images.u8', 'labels.jsonl']) {
      expect(readFileSync(join(first, file)).equals(readFileSync(join(second, file))), file).toBe(true);
    }
  });

  it('round-trips: meta, vocabulary, pixels and labels read back as generated', () => {
    const meta = JSON.parse(readFileSync(join(first, 'meta.json'), 'utf8')) as DatasetMeta;
    expect(meta).toMatchObject({
      format: 1, split: 'test', seeds: [2_000_000, 12], count: 12, imageSize: 224, patch: 16, grid: [14, 14],
      questionTypes: [...QUESTION_TYPES], files: { images: 'images.u8', labels: 'labels.jsonl', vocab: 'vocab.json' },
    });
    const vocab = JSON.parse(readFileSync(join(first, 'vocab.json'), 'utf8'));
    expect(vocab).toEqual({ words: WORDS, answers: ANSWERS, questionTypes: QUESTION_TYPES });

    const images = readFileSync(join(first, 'images.u8'));
    const labels = readFileSync(join(first, 'labels.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as SceneLabel);
    expect(images.length).toBe(12 * RGB_BYTES);
    expect(labels).toHaveLength(12);
    labels.forEach((label, i) => {
      const sample = generateSample(2_000_000 + i);
      expect(label).toEqual(sceneLabel(sample));
      const rgba = sample.rendering.rgba;
      const rgb = images.subarray(i * RGB_BYTES, (i + 1) * RGB_BYTES);
      for (let p = 0; p < 224 * 224; p += 97) {
        expect([rgb[3 * p], rgb[3 * p + 1], rgb[3 * p + 2]]).toEqual([rgba[4 * p], rgba[4 * p + 1], rgba[4 * p + 2]]);
      }
      for (const q of label.questions) expect(ANSWERS[q.answer]).toBe(q.answerText);
    });
  });

  it('labels a range outside one split as custom and refuses a missing --out', () => {
    const custom = join(root, 'c');
    exportScenes(custom, '--seeds', '999999..1000001');
    expect(JSON.parse(readFileSync(join(custom, 'meta.json'), 'utf8')).split).toBe('custom');
    expect(() => execFileSync(process.execPath, ['scripts/export-scenes.ts', '--split', 'test'], { stdio: 'pipe' })).toThrow(/--out/);
  });
});

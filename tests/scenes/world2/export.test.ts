import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ANSWERS_2, ANYRES_LAYOUT, ANYRES_RGB_BYTES, QUESTION_FAMILIES, VIEW_RGB_BYTES, WORDS_2, generateSample2, sceneLabel2,
  type DatasetMeta2, type SceneLabel2,
} from '../../../src/scenes/index.ts';

const root = mkdtempSync(join(tmpdir(), 'scenes2-export-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const exportScenes = (out: string, ...args: string[]): void => {
  execFileSync(process.execPath, ['scripts/export-scenes.ts', '--world', '2', ...args, '--out', out], { stdio: 'pipe' });
};

describe('scenes:export --world 2', () => {
  const out = join(root, 'a');
  exportScenes(out, '--split', 'test', '--count', '3');

  it('round-trips: meta, vocabulary, views, anyres views and labels read back as generated', () => {
    const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8')) as DatasetMeta2;
    expect(meta).toMatchObject({
      format: 2, world: 2, split: 'test', seeds: [12_000_000, 3], count: 3, imageSize: 384, anyresSize: 768, patch: 16,
      grid: [24, 24], tokens: 576, anyresTokens: 2880, layout: JSON.parse(JSON.stringify(ANYRES_LAYOUT)),
      files: { images: 'images.u8', anyres: 'anyres.u8', labels: 'labels.jsonl', vocab: 'vocab.json' },
    });
    expect(meta.glyphs.bitmaps['7']).toHaveLength(7);
    expect(JSON.parse(readFileSync(join(out, 'vocab.json'), 'utf8'))).toEqual({ words: WORDS_2, answers: ANSWERS_2, questionFamilies: QUESTION_FAMILIES });

    const images = readFileSync(join(out, 'images.u8'));
    const anyres = readFileSync(join(out, 'anyres.u8'));
    const labels = readFileSync(join(out, 'labels.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as SceneLabel2);
    expect(images.length).toBe(3 * VIEW_RGB_BYTES);
    expect(anyres.length).toBe(3 * ANYRES_RGB_BYTES);
    labels.forEach((label, i) => {
      const sample = generateSample2(12_000_000 + i, { anyres: true });
      expect(label).toEqual(JSON.parse(JSON.stringify(sceneLabel2(sample))));
      const views = [sample.rendering.rgba, ...(sample.anyres?.images ?? [])];
      const files = [images.subarray(i * VIEW_RGB_BYTES), ...[0, 1, 2, 3, 4].map((v) => anyres.subarray(i * ANYRES_RGB_BYTES + v * VIEW_RGB_BYTES))];
      views.forEach((rgba, v) => {
        for (let p = 0; p < 384 * 384; p += 331) {
          expect([files[v][3 * p], files[v][3 * p + 1], files[v][3 * p + 2]]).toEqual([rgba[4 * p], rgba[4 * p + 1], rgba[4 * p + 2]]);
        }
      });
      for (const q of label.questions) expect(ANSWERS_2[q.answer]).toBe(q.answerText);
    });
  });

  it('skips the anyres views with --no-anyres and refuses an unknown world', () => {
    const lean = join(root, 'b');
    exportScenes(lean, '--seeds', '12000000..12000002', '--no-anyres');
    expect(JSON.parse(readFileSync(join(lean, 'meta.json'), 'utf8')).files.anyres).toBeNull();
    expect(readFileSync(join(lean, 'images.u8')).equals(readFileSync(join(out, 'images.u8')).subarray(0, 2 * VIEW_RGB_BYTES))).toBe(true);
    expect(() => execFileSync(process.execPath, ['scripts/export-scenes.ts', '--world', '3', '--out', lean], { stdio: 'pipe' })).toThrow(/--world/);
  });
});

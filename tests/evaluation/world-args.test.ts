// --world in the evaluation CLIs (scripts/world-args.ts): the default, the model folder each world
// takes, the refusals, and each world's scenes as the evaluation reads them. Fast: no model runs.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selectScenes } from '../../scripts/seed-args.ts';
import { chooseWorld, parseWorld } from '../../scripts/world-args.ts';
import { EVAL_WORLDS } from '../../src/evaluation/eval-scene.ts';
import { QUESTION_FAMILIES, QUESTION_TYPES, generateSample, generateSample2 } from '../../src/scenes/index.ts';
import { encodeQuestion } from '../../src/state/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'world-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** stderr and exit status of a CLI that is expected to stop. */
function refusal(script: string, args: string[]): { status: number | null; stderr: string } {
  try {
    execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const { status, stderr } = e as { status: number | null; stderr: string };
    return { status, stderr };
  }
  throw new Error(`${script} ${args.join(' ')} did not stop`);
}

describe('--world', () => {
  it('defaults to world 2 and takes 1 or 2 only', () => {
    expect(parseWorld(undefined)).toBe(2);
    expect(parseWorld('1')).toBe(1);
    expect(parseWorld('2')).toBe(2);
    for (const bad of ['3', '0', '', '01', '2.0', 'two']) expect(() => parseWorld(bad)).toThrow(/--world takes 1 or 2/);
  });

  it('picks each world\'s shipped model unless --model names another of the same world', () => {
    expect(chooseWorld({})).toEqual({ world: 2, modelDir: 'public/models/tinyvlm2' });
    expect(chooseWorld({ world: '1' })).toEqual({ world: 1, modelDir: 'public/models/tinyvlm' });
    const copy = join(dir, 'copy');
    cpSync('public/models/tinyvlm2/manifest.json', join(copy, 'manifest.json'));
    expect(chooseWorld({ model: copy })).toEqual({ world: 2, modelDir: copy });
    expect(() => chooseWorld({ world: '1', model: 'public/models/tinyvlm2' })).toThrow(/holds a world-2 model; --world 1 takes a world-1 model such as public\/models\/tinyvlm$/);
    expect(() => chooseWorld({ model: 'public/models/tinyvlm' })).toThrow(/holds a world-1 model; --world 2/);
  });

  it('gives each world its token count, question types and scenes', () => {
    expect(EVAL_WORLDS[1]).toMatchObject({ tokens: 196, questionTypes: QUESTION_TYPES });
    expect(EVAL_WORLDS[2]).toMatchObject({ tokens: 576, questionTypes: QUESTION_FAMILIES });
    const one = EVAL_WORLDS[1].scene(2_000_000);
    const sample = generateSample(2_000_000);
    expect(one.pixels).toMatchObject({ width: 224, height: 224 });
    expect(one.pixels.rgba).toEqual(sample.rendering.rgba);
    expect(one.questions).toEqual(sample.questions.map((q) => ({ text: q.text, answer: q.answer, type: q.type, mask: q.mask, code: encodeQuestion(q.spec) })));
    const two = EVAL_WORLDS[2].scene(12_000_000);
    expect(two.pixels).toMatchObject({ width: 384, height: 384 });
    expect(two.pixels.rgba).toHaveLength(384 * 384 * 4);
    expect(two.questions.length).toBeGreaterThan(0);
    // Reports name a question by the code the playground opens it with in that world.
    expect(two.questions.map((q) => q.code)).toEqual(generateSample2(12_000_000).questions.map((q) => encodeQuestion(q.spec)));
    for (const q of two.questions) {
      expect(QUESTION_FAMILIES).toContain(q.type);
      expect(q.mask.every((i) => Number.isInteger(i) && i >= 0 && i < 576)).toBe(true);
    }
    // The session caches images by key: the same seed in two worlds is two images.
    expect(EVAL_WORLDS[1].scene(12_000_000).key).not.toBe(EVAL_WORLDS[2].scene(12_000_000).key);
  });

  it('selects the world\'s split seeds', () => {
    expect(selectScenes({ count: '3' }, 512, 2)).toEqual({ split: 'test', seeds: { start: 12_000_000, count: 3 } });
    expect(selectScenes({ split: 'validation', count: '3' }, 512, 1)).toEqual({ split: 'validation', seeds: { start: 1_000_000, count: 3 } });
    expect(selectScenes({ seeds: '2000000..2000002' }, 512, 2).split).toBe('custom');
  });

  it('stops each evaluation CLI before any work on a bad --world or a model of the other world', () => {
    for (const script of ['scripts/bench-vqa.ts', 'scripts/tune-tops.ts', 'scripts/bench-encode.ts']) {
      expect(refusal(script, ['--world', '3'])).toEqual({ status: 1, stderr: expect.stringMatching(/: --world takes 1 or 2, got "3"\n$/) });
      expect(refusal(script, ['--world', '1', '--model', 'public/models/tinyvlm2']).stderr).toMatch(/holds a world-2 model/);
    }
  }, 60_000);
});

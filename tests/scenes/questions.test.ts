import { describe, expect, it } from 'vitest';
import {
  ANSWERS, COLORS, QUESTION_TYPES, SHAPE_PLURALS, SHAPES, UNK_ID, generateSample, labelQuestion, objectMask,
  positionOf, renderScene, sampleScene, tokenize, unionMask, type LabelledQuestion, type Sample,
} from '../../src/scenes/index.ts';

const SEEDS = Array.from({ length: 400 }, (_, i) => 2_000_000 + i * 7);

/** The answer, read back from the question's words and the scene, independently of the templates. */
function recompute(sample: Sample, q: LabelledQuestion): { answer: string; about: number[] } {
  const words = q.text.replace('?', '').split(' ');
  const colorWord = words.find((w) => (COLORS as readonly string[]).includes(w));
  const shapeWord = words.find((w) => (SHAPES as readonly string[]).includes(w))
    ?? SHAPES.find((s) => words.includes(SHAPE_PLURALS[s]));
  const about = sample.objects.flatMap((o, i) =>
    (colorWord === undefined || o.color === colorWord) && (shapeWord === undefined || o.shape === shapeWord) ? [i] : []);
  const only = sample.objects[about[0]];
  switch (q.type) {
    case 'color': return { answer: only.color, about };
    case 'shape': return { answer: only.shape, about };
    case 'exist': return { answer: about.length > 0 ? 'yes' : 'no', about };
    case 'count': return { answer: String(about.length), about };
    case 'position': {
      const vertical = only.cy < 112 ? 'top' : 'bottom';
      const horizontal = only.cx < 112 ? 'left' : 'right';
      const middle = (v: number): boolean => v >= 75 && v <= 148;
      return { answer: middle(only.cx) && middle(only.cy) ? 'center' : `${vertical}-${horizontal}`, about };
    }
  }
}

describe('questions', () => {
  const samples = SEEDS.map(generateSample);

  it('have answers and masks that follow from the scene description', () => {
    for (const sample of samples) {
      for (const q of sample.questions) {
        const { answer, about } = recompute(sample, q);
        expect(q.answer, `${sample.seed}: ${q.text}`).toBe(answer);
        if (q.type === 'color' || q.type === 'shape' || q.type === 'position') expect(about).toHaveLength(1);
        expect(q.mask).toEqual(unionMask(about.map((i) => sample.objects[i].mask)));
        if (q.answer === 'no' || q.answer === '0') expect(q.mask).toEqual([]);
        else expect(q.mask.length).toBeGreaterThan(0);
      }
    }
  });

  it('come up to four per scene, one per type at most, in the closed vocabularies', () => {
    for (const sample of samples) {
      expect(sample.questions.length).toBeGreaterThanOrEqual(2); // exist and count always fit
      expect(sample.questions.length).toBeLessThanOrEqual(4);
      expect(new Set(sample.questions.map((q) => q.type)).size).toBe(sample.questions.length);
      for (const q of sample.questions) {
        expect(ANSWERS).toContain(q.answer);
        expect(Array.from(tokenize(q.text))).not.toContain(UNK_ID);
      }
      for (const o of sample.objects) expect(Array.from(tokenize(o.caption))).not.toContain(UNK_ID);
    }
  });

  it('are balanced: every type asked, existence about half yes, every answer of a type seen', () => {
    const all = samples.flatMap((s) => s.questions);
    for (const type of QUESTION_TYPES) {
      expect(all.filter((q) => q.type === type).length / all.length).toBeGreaterThan(0.15);
    }
    const exist = all.filter((q) => q.type === 'exist');
    const yes = exist.filter((q) => q.answer === 'yes').length / exist.length;
    expect(yes).toBeGreaterThan(0.4);
    expect(yes).toBeLessThan(0.6);
    const countAnswers = new Set(all.filter((q) => q.type === 'count').map((q) => q.answer));
    expect([...countAnswers].sort()).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('are refused when ill-posed for the scene', () => {
    const scene = sampleScene(11);
    const masks = renderScene(scene).coverage.map(objectMask);
    const first = scene.objects[0];
    const twins = { ...scene, objects: [first, { ...first, cx: first.cx }] };
    expect(labelQuestion(twins, [masks[0], masks[0]], { type: 'color', shape: first.shape })).toBeNull();
    expect(labelQuestion(twins, [masks[0], masks[0]], { type: 'position', color: first.color, shape: first.shape })).toBeNull();
    const six = { ...scene, objects: Array.from({ length: 6 }, () => first) };
    expect(labelQuestion(six, six.objects.map(() => masks[0]), { type: 'count', shape: first.shape })).toBeNull();
  });

  it('place centres in the documented regions', () => {
    expect(positionOf(0, 0)).toBe('top-left');
    expect(positionOf(111, 74)).toBe('top-left');
    expect(positionOf(112, 74)).toBe('top-right');
    expect(positionOf(75, 75)).toBe('center');
    expect(positionOf(148, 148)).toBe('center');
    expect(positionOf(149, 148)).toBe('bottom-right');
    expect(positionOf(74, 200)).toBe('bottom-left');
  });
});

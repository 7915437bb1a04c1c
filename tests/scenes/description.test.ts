import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COLORS, PATTERNS, SHAPES, SIZES, SceneError, parseScene, renderScene, sampleScene,
} from '../../src/scenes/index.ts';

const valid = () => ({
  background: { kind: 'flat', color: [10, 20, 30] },
  objects: [{ shape: 'star', color: 'red', size: 'small', pattern: 'dotted', cx: 10, cy: 20 }],
});

function errorOf(input: unknown): SceneError {
  try {
    parseScene(input);
  } catch (e) {
    if (e instanceof SceneError) return e;
    throw e;
  }
  throw new Error('expected a SceneError');
}

describe('scene descriptions', () => {
  it('survive JSON and parseScene unchanged', () => {
    for (let seed = 0; seed < 50; seed++) {
      const scene = sampleScene(seed);
      expect(parseScene(JSON.parse(JSON.stringify(scene)))).toEqual(scene);
    }
  });

  it('reject bad input with a typed error naming the field', () => {
    const cases: [unknown, string, RegExp][] = [
      [null, 'scene', /expected an object/],
      [{ ...valid(), objects: 'many' }, 'objects', /expected a list/],
      [{ ...valid(), background: undefined }, 'background', /expected an object but got nothing/],
      [{ ...valid(), background: { kind: 'plasma' } }, 'background.kind', /one of flat, gradient, noise, checker/],
      [{ ...valid(), background: { kind: 'flat', color: [1, 2] } }, 'background.color', /\[r, g, b\]/],
      [{ ...valid(), background: { kind: 'flat', color: [1, 2, 256] } }, 'background.color[2]', /0\.\.255/],
      [{ ...valid(), background: { kind: 'checker', colors: [[1, 2, 3], [1, 2, 3]], cell: 1 } }, 'background.cell', /2\.\.112/],
      [{ ...valid(), objects: [{ ...valid().objects[0], shape: 'blob' }] }, 'objects[0].shape', /"blob"/],
      [{ ...valid(), objects: [{ ...valid().objects[0], cx: 224 }] }, 'objects[0].cx', /0\.\.223/],
      [{ ...valid(), objects: [{ ...valid().objects[0], cy: 3.5 }] }, 'objects[0].cy', /integer/],
      [{ ...valid(), objects: Array.from({ length: 17 }, () => valid().objects[0]) }, 'objects', /at most 16/],
    ];
    for (const [input, path, message] of cases) {
      const error = errorOf(input);
      expect(error.path).toBe(path);
      expect(error.message).toMatch(message);
      expect(error.message).toContain(path);
    }
  });

  it('default a missing pattern to plain and drop unknown fields', () => {
    const input = { ...valid(), extra: 1, objects: [{ shape: 'ring', color: 'cyan', size: 'large', cx: 5, cy: 6, glow: true }] };
    expect(parseScene(input)).toEqual({
      background: valid().background,
      objects: [{ shape: 'ring', color: 'cyan', size: 'large', pattern: 'plain', cx: 5, cy: 6 }],
    });
  });

  it('render any valid description, overlapping or at the border, deterministically', () => {
    const object = fc.record({
      shape: fc.constantFrom(...SHAPES), color: fc.constantFrom(...COLORS), size: fc.constantFrom(...SIZES),
      pattern: fc.constantFrom(...PATTERNS), cx: fc.integer({ min: 0, max: 223 }), cy: fc.integer({ min: 0, max: 223 }),
    });
    const rgb = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255));
    const background = fc.oneof(
      fc.record({ kind: fc.constant('flat' as const), color: rgb }),
      fc.record({ kind: fc.constant('noise' as const), color: rgb, amplitude: fc.nat(64), seed: fc.nat() }),
      fc.record({ kind: fc.constant('gradient' as const), from: rgb, to: rgb, direction: fc.constantFrom('horizontal' as const, 'vertical' as const, 'diagonal' as const) }),
      fc.record({ kind: fc.constant('checker' as const), colors: fc.tuple(rgb, rgb), cell: fc.integer({ min: 2, max: 112 }) }),
    );
    fc.assert(fc.property(background, fc.array(object, { maxLength: 16 }), (bg, objects) => {
      const scene = parseScene({ background: bg, objects });
      const a = renderScene(scene);
      const b = renderScene(scene);
      expect(a.rgba).toEqual(b.rgba);
      for (const c of a.coverage) for (const f of c) if (!(f >= 0 && f <= 1)) throw new Error(`coverage ${f}`);
    }), { numRuns: 40 });
  });
});

// One palette per method for the whole site: every method has its own colour, readable on both themes.
import { expect, test } from 'vitest';
import { METHODS } from '../../src/core/index.ts';
import { METHOD_COLORS, methodColor } from '../../src/widgets/shared/method-colors.ts';

const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

test('every method has a distinct colour, with ≥ 3:1 contrast on white and on the dark theme', () => {
  const colours = METHODS.map((m) => methodColor(m.id));
  expect(new Set(colours).size).toBe(METHODS.length);
  expect(Object.keys(METHOD_COLORS).sort()).toEqual(METHODS.map((m) => m.id).sort());
  for (const c of colours) {
    expect(contrast(luminance(c), 1), c).toBeGreaterThanOrEqual(3);
    expect(contrast(luminance(c), luminance('#17181c')), c).toBeGreaterThanOrEqual(3);
  }
  expect(methodColor('tops')).toBe('#e8590c');
});

import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { METHODS } from '../../src/core/index.ts';

test('every method declares a complete parameter schema', () => {
  for (const m of METHODS) {
    expect(m.citation.length).toBeGreaterThan(10);
    for (const [name, s] of Object.entries(m.params)) {
      expect(s.min, `${m.id}.${name}`).toBeLessThanOrEqual(s.default);
      expect(s.default, `${m.id}.${name}`).toBeLessThanOrEqual(s.max);
      expect(s.step).toBeGreaterThan(0);
    }
  }
  expect(new Set(METHODS.map((m) => m.id)).size).toBe(METHODS.length);
});

test('each method file has its test file, and every registered method meets the contract there', () => {
  const sources = readdirSync(new URL('../../src/core/methods/', import.meta.url)).filter((f) => f.endsWith('.ts'));
  const tests = readdirSync(new URL('./methods/', import.meta.url)).filter((f) => f.endsWith('.test.ts'));
  expect(tests.sort()).toEqual(sources.map((f) => f.replace(/\.ts$/, '.test.ts')).sort());
  const text = tests.map((f) => readFileSync(new URL(`./methods/${f}`, import.meta.url), 'utf8')).join('\n');
  for (const m of METHODS) expect(text, m.id).toContain(`describeContract('${m.id}'`);
});

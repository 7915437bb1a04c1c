// The project's one-way flow, read from the import specifiers of every source file: nothing
// outside tests/ imports from tests/ (what both need lives in tools/), the model knows nothing of
// the world it was trained on (its vocabulary and word rule come from its manifest), and
// src/core, the reference for everything, imports nothing from the rest of src/.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const SOURCE = /\.(ts|mts|js|mjs|astro|mdx)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(path);
    return SOURCE.test(e.name) ? [path] : [];
  });
}

/** Static and dynamic imports, re-exports, and `new URL(…, import.meta.url)` references. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const re of [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g,
  ]) for (const m of text.matchAll(re)) found.push(m[1]);
  return found;
}

/** Each relative import of the files under `dir`, as repository paths: `from` imports `to`. */
function imports(dir: string): { from: string; to: string }[] {
  return files(join(ROOT, dir)).flatMap((file) => specifiers(readFileSync(file, 'utf8'))
    .filter((s) => s.startsWith('.'))
    .map((s) => ({ from: relative(ROOT, file), to: relative(ROOT, resolve(dirname(file), s)).split(sep).join('/') })));
}

const under = (folder: string) => (e: { to: string }): boolean => e.to === folder || e.to.startsWith(`${folder}/`);

describe('architecture', () => {
  it('reads the import graph (the check is not vacuous)', () => {
    expect(imports('scripts').some(under('tools'))).toBe(true);
    expect(imports('src/models').some(under('src/models'))).toBe(true);
    expect(specifiers(`import a from './a.ts';\nexport { b } from "../b.ts";\nimport type {\n  C,\n} from './c.ts';\nawait import('./d.ts');\nimport './e.css';`))
      .toEqual(['./a.ts', '../b.ts', './c.ts', './e.css', './d.ts']);
  });

  it('scripts/, src/ and tools/ import nothing from tests/', () => {
    const bad = ['scripts', 'src', 'tools'].flatMap(imports).filter(under('tests'));
    expect(bad).toEqual([]);
  });

  it('src/models imports nothing from src/scenes', () => {
    expect(imports('src/models').filter(under('src/scenes'))).toEqual([]);
  });

  it('pages and widgets hold no model code: models load and run in the runtime', () => {
    const bad = ['src/widgets', 'src/components', 'content'].flatMap(imports).filter(under('src/models'));
    expect(bad).toEqual([]);
  });

  it('src/core imports only from src/core', () => {
    expect(imports('src/core').filter((e) => !under('src/core')(e))).toEqual([]);
  });
});

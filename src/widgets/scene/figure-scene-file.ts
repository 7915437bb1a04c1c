/**
 * src/data/figure-scenes.json: the scene each figure opens on, as `npm run figures:scenes` chose
 * it — the first validation seed and question, in order, on which every claim of the figure
 * holds with the model named here — checked on import so a stale or hand-edited file fails the
 * build and the tests instead of a page.
 */
import { FIGURE_IDS, type FigureId } from './scene-figures.ts';
import type { ClaimCheck } from './figure-claims.ts';

export const FIGURE_SCENES_FILE = 'src/data/figure-scenes.json';
export const FIGURE_SCENES_COMMAND = 'npm run figures:scenes';

export interface FigureScene {
  seed: number;
  /** The question's link code (src/state), e.g. `count.square`. */
  question: string;
  text: string;
  k: number;
  /** Questions of the figure's families tried, in seed order, up to and including this one. */
  tried: number;
  claims: ClaimCheck[];
}

export interface FigureScenesFile {
  command: string;
  /** The model the scenes were chosen with: a different manifest means run the command again. */
  model: { folder: string; name: string; manifestSha256: string; trainingSteps: number | null };
  /** Seeds scanned from the start of the second world's validation split. */
  seeds: { start: number; limit: number };
  figures: Record<FigureId, FigureScene>;
}

function fail(what: string): never {
  throw new Error(`${FIGURE_SCENES_FILE}: ${what} (rerun ${FIGURE_SCENES_COMMAND})`);
}

const isInt = (v: unknown): v is number => Number.isInteger(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';

function checkScene(id: FigureId, v: unknown): FigureScene {
  const s = v as Partial<FigureScene> | null;
  if (typeof s !== 'object' || s === null) fail(`figures.${id} is missing`);
  if (!isInt(s.seed) || !isText(s.question) || !isText(s.text) || !isInt(s.k) || !isInt(s.tried) || !Array.isArray(s.claims)) {
    fail(`figures.${id} needs seed, question, text, k, tried and claims`);
  }
  if (!s.claims.every((c) => isText(c?.text) && c.holds === true)) fail(`figures.${id}: every recorded claim must hold`);
  return s as FigureScene;
}

export function checkFigureScenes(json: unknown): FigureScenesFile {
  const f = json as Partial<FigureScenesFile> | null;
  if (typeof f !== 'object' || f === null || typeof f.model !== 'object' || !isText(f.model?.manifestSha256) || typeof f.figures !== 'object' || f.figures === null) {
    fail('expected { command, model: { manifestSha256, … }, seeds, figures }');
  }
  const figures = Object.fromEntries(FIGURE_IDS.map((id) => [id, checkScene(id, (f.figures as Record<string, unknown>)[id])])) as Record<FigureId, FigureScene>;
  return { ...(f as FigureScenesFile), figures };
}

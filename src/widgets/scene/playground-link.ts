/** A scene figure's panel as a playground link: the same second-world scene, question, budget and selection. */
import { seedState, writeState } from '../../state/index.ts';
import type { QuestionSpec2 } from '../../scenes/index.ts';
import type { FigurePanel } from './scene-figures.ts';

/** The link's query. A panel that is not TOPS is compared with TOPS at its defaults; a TOPS panel stands alone. */
export function panelQuery(panel: FigurePanel, seed: number, question: QuestionSpec2, k: number): string {
  const state = seedState(2, seed, panel.method, k);
  state.question = question;
  state.params[panel.method] = { ...state.params[panel.method], ...panel.params };
  state.compare = panel.method === 'tops' ? 'none' : 'tops';
  return writeState(state);
}

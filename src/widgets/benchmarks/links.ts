/** Playground permalinks for benchmark points: that method and budget on a scene of the split. */
import { decodeQuestion, defaultState, writeState } from '../../state/index.ts';
import type { Example } from '../../evaluation/report.ts';

export function playgroundLink(method: string, k: number, example: Example): string {
  const state = defaultState();
  state.scene = { kind: 'seed', seed: example.seed };
  const question = decodeQuestion(example.question);
  if (question.ok) state.question = question.value;
  state.method = method;
  state.k = k;
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}playground/?${writeState(state)}`;
}

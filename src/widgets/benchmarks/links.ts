/** Playground permalinks for benchmark points: that method and budget on a scene of the split. */
import { STATE_VERSION, decodeQuestion, parseState, writeState } from '../../state/index.ts';
import type { Example } from '../../evaluation/report.ts';

export function playgroundLink(method: string, k: number, example: Example): string {
  // The benchmarks measure the first world: its scenes, its questions and its model.
  const { state } = parseState(`v=${STATE_VERSION}&world=1`);
  state.scene = { kind: 'seed', seed: example.seed };
  const question = decodeQuestion(example.question, 1);
  if (question.ok) state.question = question.value;
  state.method = method;
  state.k = k;
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}playground/?${writeState(state)}`;
}

/** Playground permalinks for benchmark points: that method and budget on a scene of the results' world. */
import type { Example } from '../../evaluation/report.ts';
import type { World } from '../../scenes/index.ts';
import { decodeQuestion, seedState, writeState } from '../../state/index.ts';

export function playgroundLink(world: World, method: string, k: number, example: Example): string {
  // The world's scenes, questions and model, whichever world the playground defaults to.
  const state = seedState(world, example.seed, method, k);
  // Reports name questions by their code in the world (eval-scene.ts); anything else leaves the
  // scene's first question rather than a broken link.
  const question = decodeQuestion(example.question, world);
  if (question.ok) state.question = question.value;
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}playground/?${writeState(state)}`;
}

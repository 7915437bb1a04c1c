// What the page knows about the scene and question without any model: pixels, object masks, the
// question's text, its true answer and the patches it is about (the oracle for recall). A token
// file has none of these: its facts are the loaded file (or none, when the link named a file this
// page has not read) and its own instruction.
import {
  answerQuestion, objectMask, objectsAbout, questionText, renderScene, unionMask,
  type QuestionSpec, type SceneDescription,
} from '../../../scenes/index.ts';
import { describeScene, encodeScene, type SceneChoice } from '../../../state/index.ts';
import type { LoadedTokens } from './token-files.ts';

export interface SceneFacts {
  /** The scene's link code (equal codes, equal pixels), or a loaded token file's engine id. */
  key: string;
  /** null for a token file. */
  description: SceneDescription | null;
  rgba: Uint8ClampedArray | null;
  objectMasks: number[][];
  /** The token file, for a file scene whose file this page has read; null otherwise. */
  file: LoadedTokens | null;
}

export interface QuestionFacts {
  text: string;
  /** The true answer, or null when the question has none here (e.g. "the circle" with two circles). */
  truth: string | null;
  /** Patches of the objects the question is about (empty when there are none). */
  oracle: number[];
}

let last: SceneFacts | null = null;

/** Rendering is deterministic, so the last scene is reused until the scene changes. */
export function sceneFacts(choice: SceneChoice, file: (name: string) => LoadedTokens | null = () => null): SceneFacts {
  if (choice.kind === 'file') {
    const loaded = file(choice.name);
    return { key: loaded?.summary.id ?? encodeScene(choice), description: null, rgba: null, objectMasks: [], file: loaded };
  }
  const key = encodeScene(choice);
  if (last?.key === key) return last;
  const description = describeScene(choice);
  const { rgba, coverage } = renderScene(description);
  last = { key, description, rgba, objectMasks: coverage.map(objectMask), file: null };
  return last;
}

export function questionFacts(scene: SceneFacts, spec: QuestionSpec): QuestionFacts {
  if (scene.description === null) {
    const metadata = scene.file?.summary.metadata ?? {};
    return { text: metadata.instruction ?? metadata.prompt ?? '', truth: null, oracle: [] };
  }
  return {
    text: questionText(spec),
    truth: answerQuestion(scene.description, spec),
    oracle: unionMask(objectsAbout(scene.description, spec).map((i) => scene.objectMasks[i])),
  };
}

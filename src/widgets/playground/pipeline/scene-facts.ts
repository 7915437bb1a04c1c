// What the page knows about the scene and question without any model: pixels, object masks, the
// question's text, its true answer and the patches it is about (the oracle for recall).
import {
  answerQuestion, objectMask, objectsAbout, questionText, renderScene, unionMask,
  type QuestionSpec, type SceneDescription,
} from '../../../scenes/index.ts';
import { describeScene, encodeScene, type SceneChoice } from '../../../state/index.ts';

export interface SceneFacts {
  /** The scene's link code: equal codes, equal pixels. */
  key: string;
  description: SceneDescription;
  rgba: Uint8ClampedArray;
  objectMasks: number[][];
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
export function sceneFacts(choice: SceneChoice): SceneFacts {
  const key = encodeScene(choice);
  if (last?.key === key) return last;
  const description = describeScene(choice);
  const { rgba, coverage } = renderScene(description);
  last = { key, description, rgba, objectMasks: coverage.map(objectMask) };
  return last;
}

export function questionFacts(scene: SceneFacts, spec: QuestionSpec): QuestionFacts {
  return {
    text: questionText(spec),
    truth: answerQuestion(scene.description, spec),
    oracle: unionMask(objectsAbout(scene.description, spec).map((i) => scene.objectMasks[i])),
  };
}

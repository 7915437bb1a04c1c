// What the page knows about the scene and question without any model: pixels, object masks, the
// question's text, its true answer and the patches it is about (the oracle for recall), each from
// its world's scene module, in one view or (second world) the anyres layout. A token file has
// none of these: its facts are the loaded file (or none, when the link named a file this page has
// not read) and its own instruction.
import {
  ANYRES_DRAWN, ANYRES_SIZE, ONE_VIEW_DRAWN, answerQuestion, answerQuestion2, anyresMask, anyresViews, objectMask, objectMask2, objectsAbout,
  objectsAbout2, questionText, questionText2, renderScene, renderScene2, unionMask, unionMask2,
  type DrawnLayout, type SceneDescription, type SceneDescription2, type World,
} from '../../../scenes/index.ts';
import { describeScene, encodeScene, isQuestion2, isScene2, type Question, type SceneChoice, type Views } from '../../../state/index.ts';
import type { LoadedTokens } from './token-files.ts';

export interface SceneFacts {
  /** The scene's world, views and link code (equal keys, equal pixels), or a loaded token file's engine id. */
  key: string;
  /** null for a token file. */
  description: SceneDescription | SceneDescription2 | null;
  /** The image as drawn: the world's view, or the 768 rendering the anyres views are cut from. */
  rgba: Uint8ClampedArray | null;
  /** The image's side and the tokens' layout; null for a token file. */
  drawn: DrawnLayout | null;
  /** The anyres layout's view images (base, then tiles), each the model's input; null in one view. */
  viewImages: Uint8ClampedArray[] | null;
  /** Each object's tokens, in the drawn layout. */
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
export function sceneFacts(choice: SceneChoice, world: World, views: Views, file: (name: string) => LoadedTokens | null = () => null): SceneFacts {
  if (choice.kind === 'file') {
    const loaded = file(choice.name);
    return { key: loaded?.summary.id ?? encodeScene(choice), description: null, rgba: null, drawn: null, viewImages: null, objectMasks: [], file: loaded };
  }
  const anyres = views === 'anyres';
  const key = `${world}:${anyres ? 'anyres:' : ''}${encodeScene(choice)}`;
  if (last?.key === key) return last;
  const description = describeScene(choice, world);
  if (isScene2(description)) {
    const { rgba, coverage } = renderScene2(description);
    const masks = coverage.map(objectMask2);
    if (anyres) {
      // Masks come from the 576 view (as the dataset's anyresMask); pixels from the 768 rendering.
      const hires = renderScene2(description, { size: ANYRES_SIZE });
      last = { key, description, rgba: hires.rgba, drawn: ANYRES_DRAWN, viewImages: anyresViews(hires).images, objectMasks: masks.map(anyresMask), file: null };
    } else {
      last = { key, description, rgba, drawn: ONE_VIEW_DRAWN[2], viewImages: null, objectMasks: masks, file: null };
    }
  } else {
    const { rgba, coverage } = renderScene(description);
    last = { key, description, rgba, drawn: ONE_VIEW_DRAWN[1], viewImages: null, objectMasks: coverage.map(objectMask), file: null };
  }
  return last;
}

export function questionFacts(scene: SceneFacts, spec: Question): QuestionFacts {
  const { description, objectMasks } = scene;
  if (description === null) {
    const metadata = scene.file?.summary.metadata ?? {};
    return { text: metadata.instruction ?? metadata.prompt ?? '', truth: null, oracle: [] };
  }
  const masksOf = (objects: number[]): number[][] => objects.map((i) => objectMasks[i]);
  if (isScene2(description) && isQuestion2(spec)) {
    const tokens = scene.drawn?.tokens;
    return { text: questionText2(spec), truth: answerQuestion2(description, spec), oracle: unionMask2(masksOf(objectsAbout2(description, spec)), tokens) };
  }
  if (!isScene2(description) && !isQuestion2(spec)) {
    return { text: questionText(spec), truth: answerQuestion(description, spec), oracle: unionMask(masksOf(objectsAbout(description, spec))) };
  }
  // The state reads scene and question in one world (src/state), so this is a broken invariant.
  throw new Error('the question and the scene are of different worlds');
}

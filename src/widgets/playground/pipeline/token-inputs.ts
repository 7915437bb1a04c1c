// The model inputs of the current scene and question: precomputed for presets (usable before the
// model loads), computed by TinyVLM otherwise. Never invented: without either, it says why.
import type { TinyVlm } from '../../../models/index.ts';
import { encodeQuestion, type ExperimentState } from '../../../state/index.ts';
import { summarize, summarizeLogits, type AnswerSummary } from './answers.ts';
import type { ModelLoader } from './model-loader.ts';
import { presetData, presetIndex } from './preset-data.ts';
import type { QuestionFacts, SceneFacts } from './scene-facts.ts';

export interface TokenInputs {
  /** Identifies these exact inputs (scene + question + source), for caching what is derived from them. */
  key: string;
  features: Float32Array;
  clsAttn: Float32Array;
  n: number;
  d: number;
  grid: readonly [number, number];
  /** The question's word ids and their embeddings (m×d). */
  tokens: Int32Array;
  text: Float32Array;
  m: number;
  /** Reasoner attention from the last question token over all visual tokens (FastV's signal). */
  textAttn: Float32Array;
  /** The model's answer from all visual tokens. */
  full: AnswerSummary;
  source: 'precomputed' | 'model';
}

export type InputsResult = { ok: true; inputs: TokenInputs } | { ok: false; message: string };

type ImagePart = Pick<TokenInputs, 'features' | 'clsAttn' | 'n' | 'd' | 'grid'>;
const imageCache = new Map<string, Promise<ImagePart>>();
const MAX_CACHED_IMAGES = 8;

function encodeImage(model: TinyVlm, scene: SceneFacts): Promise<ImagePart> {
  let part = imageCache.get(scene.key);
  if (part === undefined) {
    part = model.encoder.encodeImage(scene.rgba);
    imageCache.set(scene.key, part);
    if (imageCache.size > MAX_CACHED_IMAGES) imageCache.delete(imageCache.keys().next().value as string);
  }
  return part;
}

async function fromPreset(state: ExperimentState, code: string, loader: ModelLoader): Promise<{ image: ImagePart; question: Omit<TokenInputs, keyof ImagePart | 'key' | 'source'> | null } | null> {
  if (state.scene.kind !== 'preset') return null;
  const index = await presetIndex().catch(() => null);
  if (index === null) return null;
  const sha = await loader.manifestSha256;
  if (sha !== null && sha !== index.manifestSha256) return null; // made by another model
  const data = await presetData(index, state.scene.id)?.catch(() => null);
  if (data === null || data === undefined) return null;
  const image = { features: data.features, clsAttn: data.clsAttn, n: index.n, d: index.d, grid: index.grid };
  const q = data.questions.get(code);
  const question = q === undefined ? null : { tokens: q.tokens, text: q.embedding, m: q.m, textAttn: q.textAttn, full: summarizeLogits(q.logits, index.answers) };
  return { image, question };
}

const found = new Map<string, TokenInputs>();

/** Inputs for the state's scene and question; each is computed once (budget and method changes reuse them). */
export async function tokenInputs(state: ExperimentState, scene: SceneFacts, question: QuestionFacts, loader: ModelLoader): Promise<InputsResult> {
  const code = encodeQuestion(state.question);
  const key = `${scene.key}|${code}`;
  const known = found.get(key);
  if (known !== undefined) return { ok: true, inputs: known };
  const result = await computeInputs(state, key, code, scene, question, loader);
  if (result.ok) {
    found.set(key, result.inputs);
    if (found.size > MAX_CACHED_IMAGES) found.delete(found.keys().next().value as string);
  }
  return result;
}

async function computeInputs(state: ExperimentState, key: string, code: string, scene: SceneFacts, question: QuestionFacts, loader: ModelLoader): Promise<InputsResult> {
  const preset = await fromPreset(state, code, loader);
  if (preset?.question) return { ok: true, inputs: { key: `${key}|precomputed`, ...preset.image, ...preset.question, source: 'precomputed' } };

  const model = loader.model;
  if (model === null) {
    const why = loader.status.phase === 'failed' ? 'the model could not be loaded' : 'the model is still loading';
    const what = state.scene.kind === 'preset' ? 'this question is not one of the preset\'s precomputed ones' : 'only preset scenes have precomputed features';
    return { ok: false, message: `No token features yet: ${what}, and ${why}.` };
  }
  const image = preset?.image ?? await encodeImage(model, scene);
  const instruction = await model.encoder.encodeText(question.text);
  const all = Int32Array.from({ length: image.n }, (_, i) => i);
  const full = await model.reasoner.answer(image.features, all, instruction.tokens);
  return {
    ok: true,
    inputs: {
      key: `${key}|model`, ...image, tokens: instruction.tokens, text: instruction.embedding, m: instruction.m,
      textAttn: full.textAttn, full: summarize(full), source: 'model',
    },
  };
}

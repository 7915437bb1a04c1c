import type { Params, PrincipleId } from '../core/index.ts';
import type { BackendPreference } from '../runtime/backend-names.ts';
import type { QuestionSpec, QuestionSpec2, SceneDescription, SceneDescription2, World } from '../scenes/index.ts';

/** The permalink format this code writes; parsing also reads every older one (see versions.ts). */
export const STATE_VERSION = 5;

/** A link format this code reads. */
export type StateVersion = 1 | 2 | 3 | 4 | typeof STATE_VERSION;

export type { World } from '../scenes/index.ts';

/** A question of either world: the first world's (`type`) or the second's (`family`). */
export type Question = QuestionSpec | QuestionSpec2;

/**
 * Where the tokens come from: a named preset (first world), a seed sampled in the state's world,
 * an edited description (its world is its own, `sceneWorld`), or a token file on the reader's
 * device (`name` is the file's safe name; its tokens are never in the link).
 */
export type SceneChoice =
  | { kind: 'preset'; id: string }
  | { kind: 'seed'; seed: number }
  | { kind: 'custom'; description: SceneDescription | SceneDescription2 }
  | { kind: 'file'; name: string };

/** Backend names are the engine's own (one declaration, in the runtime). */
export type { BackendPreference } from '../runtime/backend-names.ts';

/** A TOPS principle (core PRINCIPLES); switching one off applies its `off` without forgetting the weights. */
export type Principle = PrincipleId;

/** What the token overlay shows besides kept vs dropped. */
export type OverlayMode = 'kept' | 'relevance' | 'order';

/** Metrics the budget sweep can plot against retention. */
export type SweepMetric = 'relevanceRecall' | 'oracleRecall' | 'coverage' | 'reconError' | 'diversity' | 'erank';

export interface ViewOptions {
  overlay: OverlayMode;
  /** Outline the patches the question is truly about. */
  truth: boolean;
  sweep: SweepMetric;
  /** Which LLM's prefill cost "FLOPs saved" refers to (an id of core LLM_SHAPES). */
  llm: string;
}

/** Everything a permalink reproduces. */
export interface ExperimentState {
  /** The link format the state was read as: it decides what an omitted parameter means. */
  v: StateVersion;
  /**
   * The world of the scene and of the model that encodes it. Absent for the first world, as a
   * scene description without `world` is a first-world one, so a state read from an older link is
   * exactly the state it always was (`stateWorld` reads it).
   */
  world?: 2;
  /**
   * The second world's LLaVA-NeXT "anyres" layout (base view + 2×2 tiles, 2,880 tokens) instead of
   * one 576-token view. Absent for one view, so every older link reads as it always did.
   */
  views?: 'anyres';
  scene: SceneChoice;
  question: Question;
  /** An id of core METHODS. */
  method: string;
  /** A second method shown side by side, or 'none'. */
  compare: string;
  /** Parameters of every method, by method id (ranges and defaults from core METHODS). */
  params: Record<string, Params>;
  principles: Record<Principle, boolean>;
  /** Kept visual tokens; retention is k / N (N = the world's tokens, 196 or 576; a token file's own N). */
  k: number;
  backend: BackendPreference;
  view: ViewOptions;
}

/** Why part of a link was not used as written. Shown to the reader as plain text. */
export interface StateNotice {
  /** The URL key concerned. */
  field: string;
  kind: 'invalid' | 'unknown' | 'duplicate' | 'version';
  message: string;
}

export interface ParsedState {
  state: ExperimentState;
  notices: StateNotice[];
}

/** The state's world: 1 unless it says 2. */
export const stateWorld = (state: Pick<ExperimentState, 'world'>): World => state.world ?? 1;

/** How a SynthScenes image becomes tokens: one view of its world's grid, or world 2's anyres layout. */
export type Views = 'one' | 'anyres';

/** The state's views: one unless it says anyres. */
export const stateViews = (state: Pick<ExperimentState, 'views'>): Views => state.views ?? 'one';

export function setViews(state: ExperimentState, views: Views): void {
  if (views === 'anyres') state.views = 'anyres';
  else delete state.views;
}

/** Puts the state in `world` (the first world leaves the field out, see ExperimentState.world). */
export function setWorld(state: ExperimentState, world: World): void {
  if (world === 2) state.world = 2;
  else delete state.world;
}

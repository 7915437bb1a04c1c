/**
 * A scene figure measured: the figure's selections on one second-world scene and question, at a
 * budget, through the one experiment function — the page's engine (`engine.experiment`) or a
 * session in Node (`cpuSession(model).run`) for the search and the tests. The numbers they see
 * are therefore the numbers the page prints.
 */
import type { SetMetrics } from '../../core/index.ts';
import { evalScene2 } from '../../evaluation/eval-scene.ts';
import type { ExperimentRunner } from '../../evaluation/question-eval.ts';
import type { ExperimentRequest, ImageInput, ModelLocation } from '../../runtime/engine.ts';
import { generateSample2, type LabelledQuestion2 } from '../../scenes/index.ts';
import { encodeQuestion } from '../../state/index.ts';
import { checkClaim, type ClaimCheck } from './figure-claims.ts';
import type { FigurePanel, SceneFigureSpec } from './scene-figures.ts';

/** A second-world scene as the figures use it: its pixels under the evaluation's image key, and its questions. */
export interface FigureSample {
  seed: number;
  image: { key: string; pixels: ImageInput };
  questions: readonly LabelledQuestion2[];
}

export function figureSample(seed: number): FigureSample {
  const sample = generateSample2(seed);
  const { key, pixels } = evalScene2(sample);
  return { seed, image: { key, pixels }, questions: sample.questions };
}

/** The question a link code (src/state) names on this scene, or undefined when it asks none such. */
export function findQuestion(sample: FigureSample, code: string): LabelledQuestion2 | undefined {
  return sample.questions.find((q) => encodeQuestion(q.spec) === code);
}

export interface MeasuredPanel {
  panel: FigurePanel;
  kept: Int32Array;
  metrics: SetMetrics;
}

export interface MeasuredFigure {
  /** Width of the model's visual tokens. */
  d: number;
  panels: MeasuredPanel[];
}

/** `model`: which of the page's models encodes (the engine's worker may hold both worlds'); none in Node. */
export function figureRequest(spec: SceneFigureSpec, sample: FigureSample, question: LabelledQuestion2, k: number, model?: ModelLocation): ExperimentRequest {
  return {
    image: sample.image,
    question: { text: question.text, oracle: question.mask },
    model: model ?? null,
    runs: spec.panels.map((p) => ({ id: p.id, method: p.method, k, params: p.params })),
    measure: { metrics: true, details: false, answers: false },
  };
}

export async function measureFigure(run: ExperimentRunner, request: ExperimentRequest, spec: SceneFigureSpec): Promise<MeasuredFigure> {
  const result = await run(request);
  if (!result.ok) throw new Error(result.message);
  const panels = result.runs.map((r): MeasuredPanel => {
    if (!r.ok) throw new Error(`${r.id}: ${r.message}`);
    return { panel: spec.panels.find((p) => p.id === r.id)!, kept: r.selection.kept, metrics: r.metrics! };
  });
  return { d: result.inputs.d, panels };
}

/** Each of the figure's claims checked on these measurements. */
export function checkFigure(spec: SceneFigureSpec, measured: MeasuredFigure): ClaimCheck[] {
  const byId = new Map(measured.panels.map((p) => [p.panel.id, p.metrics]));
  return spec.claims.map((c) => checkClaim(c, (id) => {
    const metrics = byId.get(id);
    if (metrics === undefined) throw new Error(`figure ${spec.id}: a claim names no panel "${id}"`);
    return metrics;
  }));
}

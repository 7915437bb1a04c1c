/**
 * A scene figure measured on its committed scene (src/data/figure-scenes.json) exactly as its
 * widget measures it (src/widgets/scene/figure-measure.ts), with the committed TinyVLM 2 in a CPU
 * session: one model load and one experiment per test file.
 */
import type { SetMetrics } from '../../../src/core/index.ts';
import { cpuSession } from '../../../src/runtime/session.ts';
import { FIGURE_DIGITS, type ClaimMetric } from '../../../src/widgets/scene/figure-claims.ts';
import { FIGURE_SCENES } from '../../../src/widgets/scene/committed-scenes.ts';
import { figureRequest, figureSample, findQuestion, measureFigure, type MeasuredFigure } from '../../../src/widgets/scene/figure-measure.ts';
import type { FigureScene } from '../../../src/widgets/scene/figure-scene-file.ts';
import { SCENE_FIGURES, type FigureId, type SceneFigureSpec } from '../../../src/widgets/scene/scene-figures.ts';
import { shownMetric } from '../../../src/widgets/shared/metric-table.ts';
import { MODEL_DIRS, loadModelFromDisk } from '../../../scripts/node-model.ts';

export interface MeasuredScene {
  spec: SceneFigureSpec;
  scene: FigureScene;
  measured: MeasuredFigure;
  /** A panel's metric as the figure's table prints it (null where undefined). */
  shown(panel: string, metric: ClaimMetric): number | null;
  metrics(panel: string): SetMetrics;
}

export async function measureCommittedScene(id: FigureId): Promise<MeasuredScene> {
  const spec = SCENE_FIGURES[id];
  const scene = FIGURE_SCENES.figures[id];
  const sample = figureSample(scene.seed);
  const question = findQuestion(sample, scene.question);
  if (question === undefined) throw new Error(`seed ${scene.seed} asks no ${scene.question}`);
  const model = await loadModelFromDisk(MODEL_DIRS[2]);
  let measured: MeasuredFigure;
  try {
    const session = await cpuSession(model);
    measured = await measureFigure((r) => session.run(r), figureRequest(spec, sample, question, spec.k), spec);
  } finally {
    await model.release();
  }
  const metrics = (panel: string): SetMetrics => {
    const found = measured.panels.find((p) => p.panel.id === panel);
    if (found === undefined) throw new Error(`figure ${id} has no panel ${panel}`);
    return found.metrics;
  };
  const shown = (panel: string, metric: ClaimMetric): number | null => {
    const v = metrics(panel)[metric];
    return v === null ? null : shownMetric(metric, v, FIGURE_DIGITS);
  };
  return { spec, scene, measured, shown, metrics };
}

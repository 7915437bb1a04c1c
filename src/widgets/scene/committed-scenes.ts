/** The scene each figure opens on, as `npm run figures:scenes` last chose it (src/data/figure-scenes.json). */
import figureScenesJson from '../../data/figure-scenes.json';
import { checkFigureScenes, type FigureScenesFile } from './figure-scene-file.ts';

export const FIGURE_SCENES: FigureScenesFile = checkFigureScenes(figureScenesJson);

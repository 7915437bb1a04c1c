/**
 * A SynthScenes image with its 14×14 token grid: dropped tokens dimmed, kept ones outlined, and
 * the patches the question is about (the ground-truth mask) drawn dashed. The pixels come from
 * the scene module's rasterizer, embedded as an <image>, so the SVG exports as one file.
 */
import { select } from 'd3';
import { GRID_SIZE, IMAGE_SIZE, PATCH_SIZE } from '../../scenes/index.ts';

export interface SceneFrame {
  /** Kept token indices, or null when nothing was pruned (the image is shown whole). */
  kept: ArrayLike<number> | null;
  /** Ground-truth patches of what the question asks about. */
  mask: readonly number[];
}

export interface SceneView {
  svg: SVGSVGElement;
  setImage(rgba: Uint8ClampedArray): void;
  render(frame: SceneFrame): void;
}

const patches = Array.from({ length: GRID_SIZE * GRID_SIZE }, (_, i) => ({ i, x: (i % GRID_SIZE) * PATCH_SIZE, y: Math.floor(i / GRID_SIZE) * PATCH_SIZE }));

export function sceneView(label: string): SceneView {
  const svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))
    .attr('viewBox', `0 0 ${IMAGE_SIZE} ${IMAGE_SIZE}`)
    .attr('class', 'tl-scene')
    .attr('role', 'img')
    .attr('aria-label', label);
  const image = svg.append('image').attr('width', IMAGE_SIZE).attr('height', IMAGE_SIZE).attr('preserveAspectRatio', 'none');
  const cells = svg.append('g').attr('class', 'tl-scene-cells').selectAll('rect').data(patches).join('rect')
    .attr('x', (p) => p.x).attr('y', (p) => p.y).attr('width', PATCH_SIZE).attr('height', PATCH_SIZE);
  const grid = svg.append('g').attr('class', 'tl-scene-grid');
  for (let g = 1; g < GRID_SIZE; g++) {
    grid.append('line').attr('x1', g * PATCH_SIZE).attr('x2', g * PATCH_SIZE).attr('y1', 0).attr('y2', IMAGE_SIZE);
    grid.append('line').attr('y1', g * PATCH_SIZE).attr('y2', g * PATCH_SIZE).attr('x1', 0).attr('x2', IMAGE_SIZE);
  }
  const oracle = svg.append('g').attr('class', 'tl-scene-oracle');

  return {
    svg: svg.node()!,
    setImage(rgba) {
      const canvas = document.createElement('canvas');
      canvas.width = IMAGE_SIZE;
      canvas.height = IMAGE_SIZE;
      canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), IMAGE_SIZE, IMAGE_SIZE), 0, 0);
      image.attr('href', canvas.toDataURL('image/png'));
    },
    render({ kept, mask }) {
      const isKept = new Uint8Array(patches.length);
      if (kept !== null) for (let t = 0; t < kept.length; t++) isKept[kept[t]] = 1;
      cells.attr('class', (p) => (kept === null ? 'tl-cell' : isKept[p.i] === 1 ? 'tl-cell is-kept' : 'tl-cell is-dropped'));
      oracle.selectAll('rect').data(mask).join('rect')
        .attr('x', (i) => (i % GRID_SIZE) * PATCH_SIZE + 1).attr('y', (i) => Math.floor(i / GRID_SIZE) * PATCH_SIZE + 1)
        .attr('width', PATCH_SIZE - 2).attr('height', PATCH_SIZE - 2);
    },
  };
}

/**
 * A SynthScenes image with its token grid: dropped tokens dimmed, kept ones outlined, and the
 * patches the question is about (the ground-truth mask) drawn dashed. Sizes come from the world's
 * view (its image side and grid), so one view draws either world. The pixels come from the scene
 * module's rasterizer, embedded as an <image>, so the SVG exports as one file.
 */
import { select } from 'd3';
import type { WorldView } from '../../scenes/index.ts';

export interface SceneFrame {
  /** Kept token indices, or null when nothing was pruned (the image is shown whole). */
  kept: ArrayLike<number> | null;
  /** Ground-truth patches of what the question asks about. */
  mask: readonly number[];
}

export interface SceneView {
  svg: SVGSVGElement;
  setImage(rgba: Uint8Array | Uint8ClampedArray): void;
  render(frame: SceneFrame): void;
}

export function sceneView(label: string, { imageSize: side, grid }: WorldView): SceneView {
  const patch = side / grid;
  const patches = Array.from({ length: grid * grid }, (_, i) => ({ i, x: (i % grid) * patch, y: Math.floor(i / grid) * patch }));
  const svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))
    .attr('viewBox', `0 0 ${side} ${side}`)
    .attr('class', 'tl-scene')
    .attr('role', 'img')
    .attr('aria-label', label);
  const image = svg.append('image').attr('width', side).attr('height', side).attr('preserveAspectRatio', 'none');
  const cells = svg.append('g').attr('class', 'tl-scene-cells').selectAll('rect').data(patches).join('rect')
    .attr('x', (p) => p.x).attr('y', (p) => p.y).attr('width', patch).attr('height', patch);
  const lines = svg.append('g').attr('class', 'tl-scene-grid');
  for (let g = 1; g < grid; g++) {
    lines.append('line').attr('x1', g * patch).attr('x2', g * patch).attr('y1', 0).attr('y2', side);
    lines.append('line').attr('y1', g * patch).attr('y2', g * patch).attr('x1', 0).attr('x2', side);
  }
  const oracle = svg.append('g').attr('class', 'tl-scene-oracle');

  return {
    svg: svg.node()!,
    setImage(rgba) {
      const canvas = document.createElement('canvas');
      canvas.width = side;
      canvas.height = side;
      canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), side, side), 0, 0);
      image.attr('href', canvas.toDataURL('image/png'));
    },
    render({ kept, mask }) {
      const isKept = new Uint8Array(patches.length);
      if (kept !== null) for (let t = 0; t < kept.length; t++) isKept[kept[t]] = 1;
      cells.attr('class', (p) => (kept === null ? 'tl-cell' : isKept[p.i] === 1 ? 'tl-cell is-kept' : 'tl-cell is-dropped'));
      oracle.selectAll('rect').data(mask).join('rect')
        .attr('x', (i) => (i % grid) * patch + 1).attr('y', (i) => Math.floor(i / grid) * patch + 1)
        .attr('width', patch - 2).attr('height', patch - 2);
    },
  };
}

/**
 * Draws a token cloud as SVG with d3: tokens (kept ones larger and coloured), optional links from
 * every token to the kept token that covers it, pick numbers, and the draggable instruction
 * point (pointer drag, click to place, arrow keys). Colours come from theme CSS variables, so the
 * figure follows the dark/light switch without redrawing. Coordinates are rounded to 0.1 so the
 * markup is stable enough for golden snapshots.
 */
import { drag, pointer, select } from 'd3';
import type { Cloud, Point } from './cloud-data.ts';

export interface CloudFrame {
  kept: ArrayLike<number>;
  /** Per token, 0..1: how strongly to draw a dropped token (e.g. its relevance). */
  shade?: ArrayLike<number> | null;
  /** Per token, the kept token that covers it best (drawn as a line). */
  links?: ArrayLike<number> | null;
  /** Greedy pick order: kept tokens are numbered by it. */
  order?: ArrayLike<number> | null;
  /** A token to ring (the pick being explained). */
  current?: number | null;
}

export interface CloudViewOptions {
  /** What the figure shows, for assistive technology. */
  label: string;
  instruction: Point | null;
  onInstruction?: (p: Point) => void;
  /** Side of the square viewBox in user units. */
  size?: number;
}

export interface CloudView {
  svg: SVGSVGElement;
  render(frame: CloudFrame): void;
  /** Shows another cloud (a new seed); the next `render` draws its kept set. */
  setCloud(cloud: Cloud): void;
  setInstruction(p: Point | null): void;
}

const PAD = 8;
const KEY_STEP = 0.02;
const round = (v: number): number => Math.round(v * 10) / 10;
const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

export function cloudView(initial: Cloud, o: CloudViewOptions): CloudView {
  let cloud = initial;
  const size = o.size ?? 360;
  const toPx = (v: number): number => round(PAD + v * (size - 2 * PAD));
  const fromPx = (v: number): number => clamp01((v - PAD) / (size - 2 * PAD));
  const svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))
    .attr('viewBox', `0 0 ${size} ${size}`)
    .attr('class', 'tl-cloud')
    .attr('role', 'group')
    .attr('aria-label', o.label);
  svg.append('rect').attr('class', 'tl-cloud-frame').attr('width', size).attr('height', size).attr('rx', 6);
  const labels = svg.append('g').attr('class', 'tl-cluster-labels').attr('aria-hidden', 'true');
  const links = svg.append('g').attr('class', 'tl-links').attr('aria-hidden', 'true');
  const tokens = svg.append('g').attr('class', 'tl-tokens').attr('aria-hidden', 'true');
  const numbers = svg.append('g').attr('class', 'tl-pick-numbers').attr('aria-hidden', 'true');
  const ring = svg.append('circle').attr('class', 'tl-current').attr('r', 9).attr('visibility', 'hidden');

  const setCloud = (next: Cloud): void => {
    cloud = next;
    labels.selectAll('text').data(cloud.clusters).join('text')
      .attr('x', (c) => toPx(c.cx)).attr('y', (c) => toPx(Math.max(0.04, c.cy - 2.4 * c.spread - 0.03)))
      .attr('text-anchor', 'middle').text((c) => c.label);
    tokens.selectAll('circle').data(cloud.tokens).join('circle')
      .attr('cx', (t) => toPx(t.x)).attr('cy', (t) => toPx(t.y));
  };
  setCloud(cloud);

  const handle = svg.append('g').attr('class', 'tl-instruction').attr('tabindex', 0).attr('role', 'button')
    .attr('aria-roledescription', 'draggable point');
  handle.append('circle').attr('class', 'tl-instruction-halo').attr('r', 14);
  handle.append('path').attr('class', 'tl-instruction-mark').attr('d', 'M0,-9L2.6,-2.6L9,0L2.6,2.6L0,9L-2.6,2.6L-9,0L-2.6,-2.6Z');

  let instruction = o.instruction;
  const place = (p: Point | null): void => {
    instruction = p;
    handle.attr('display', p === null ? 'none' : null);
    if (p === null) return;
    handle.attr('transform', `translate(${toPx(p.x)},${toPx(p.y)})`)
      .attr('aria-label', `Instruction at x ${p.x.toFixed(2)}, y ${p.y.toFixed(2)}. Drag it, or move it with the arrow keys.`);
  };
  const move = (p: Point): void => {
    const next = { x: clamp01(p.x), y: clamp01(p.y) };
    place(next);
    o.onInstruction?.(next);
  };
  if (o.onInstruction !== undefined) {
    handle.call(drag<SVGGElement, unknown>().on('drag', (event) => {
      const [x, y] = pointer(event, svg.node());
      move({ x: fromPx(x), y: fromPx(y) });
    }));
    svg.on('click', (event: MouseEvent) => {
      if (instruction === null) return;
      const [x, y] = pointer(event, svg.node());
      move({ x: fromPx(x), y: fromPx(y) });
    });
    handle.on('keydown', (event: KeyboardEvent) => {
      if (instruction === null) return;
      const step = event.shiftKey ? 5 * KEY_STEP : KEY_STEP;
      const delta: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      const d = delta[event.key];
      if (d === undefined) return;
      event.preventDefault();
      move({ x: instruction.x + d[0], y: instruction.y + d[1] });
    });
  }
  place(instruction);

  const render = (frame: CloudFrame): void => {
    const kept = new Uint8Array(cloud.tokens.length);
    for (let t = 0; t < frame.kept.length; t++) kept[frame.kept[t]] = 1;
    tokens.selectAll<SVGCircleElement, unknown>('circle')
      .attr('class', (_, i) => (kept[i] === 1 ? 'tl-token is-kept' : 'tl-token'))
      .attr('r', (_, i) => (kept[i] === 1 ? 5.5 : 3.2))
      .attr('fill-opacity', (_, i) => (kept[i] === 1 || !frame.shade ? null : round(0.15 + 0.85 * frame.shade[i])));
    const pairs: [number, number][] = [];
    if (frame.links) for (let j = 0; j < cloud.tokens.length; j++) if (kept[j] === 0) pairs.push([j, frame.links[j]]);
    links.selectAll('line').data(pairs).join('line')
      .attr('x1', ([j]) => toPx(cloud.tokens[j].x)).attr('y1', ([j]) => toPx(cloud.tokens[j].y))
      .attr('x2', ([, i]) => toPx(cloud.tokens[i].x)).attr('y2', ([, i]) => toPx(cloud.tokens[i].y));
    const order = frame.order ? Array.from(frame.order) : [];
    numbers.selectAll('text').data(order).join('text')
      .attr('x', (i) => toPx(cloud.tokens[i].x) + 6).attr('y', (i) => toPx(cloud.tokens[i].y) - 6)
      .text((_, step) => step + 1);
    const current = frame.current ?? null;
    ring.attr('visibility', current === null ? 'hidden' : 'visible');
    if (current !== null) ring.attr('cx', toPx(cloud.tokens[current].x)).attr('cy', toPx(cloud.tokens[current].y));
  };

  return { svg: svg.node()!, render, setCloud, setInstruction: place };
}

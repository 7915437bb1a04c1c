/**
 * The one export helper every widget shares: the figure as SVG or PNG, its data as CSV or JSON.
 * Figures are styled with theme CSS variables; an exported file resolves them to the colours on
 * screen, so it looks the same outside the page.
 */
import { toCsv, type Row } from './csv.ts';
import { button } from './controls.ts';

export interface WidgetData {
  /** Settings the figure was computed with (JSON only). */
  meta: Readonly<Record<string, unknown>>;
  rows: readonly Row[];
}

export interface ExportSource {
  /** File stem, e.g. `tops-ablation`. */
  name: string;
  /** The figure, or several panels tiled `columns` to a row in the exported file. */
  figure(): SVGSVGElement | SVGSVGElement[];
  columns?: number;
  data(): WidgetData;
}

interface Markup { markup: string; width: number; height: number }

/** Presentation properties that may come from CSS (classes, variables) and must be inlined. */
const STYLE_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity',
  'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'paint-order', 'visibility',
] as const;

/** A self-contained copy of an on-screen SVG: computed styles inlined, a background, explicit size. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll('*')];
  const targets = [copy, ...copy.querySelectorAll('*')];
  sources.forEach((source, t) => {
    const style = getComputedStyle(source);
    const declarations = STYLE_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
    targets[t].setAttribute('style', declarations);
    targets[t].removeAttribute('class');
  });
  copy.querySelectorAll('style').forEach((s) => s.remove());
  const { width, height } = figureSize(svg);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
  copy.insertBefore(background, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

function figureSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box !== null && box.width > 0) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: Math.round(rect.width), height: Math.round(rect.height) };
}

/** Several figures as one standalone SVG: panels tiled left to right, `columns` to a row. */
export function tiledSvg(svgs: readonly SVGSVGElement[], columns: number): Markup {
  if (svgs.length === 1) return { markup: standaloneSvg(svgs[0]), ...figureSize(svgs[0]) };
  const panels = svgs.map((svg) => ({ markup: standaloneSvg(svg), ...figureSize(svg) }));
  const parts: string[] = [];
  let y = 0;
  let width = 0;
  for (let start = 0; start < panels.length; start += columns) {
    const row = panels.slice(start, start + columns);
    let x = 0;
    for (const panel of row) {
      parts.push(panel.markup.replace('<svg', `<svg x="${x}" y="${y}"`));
      x += panel.width;
    }
    width = Math.max(width, x);
    y += Math.max(...row.map((p) => p.height));
  }
  return {
    markup: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}">${parts.join('')}</svg>`,
    width,
    height: y,
  };
}

/** Rasterizes standalone SVG markup at `scale`× its size. */
export async function svgToPng(markup: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob === null ? reject(new Error('PNG encoding failed')) : resolve(blob)), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The row of export buttons under a figure. */
export function exportBar(source: ExportSource): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'tl-export';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Export');
  const figure = (): Markup => {
    const f = source.figure();
    return tiledSvg(Array.isArray(f) ? f : [f], source.columns ?? 1);
  };
  const actions: [string, string, () => Promise<void> | void][] = [
    ['SVG', 'Download the figure as SVG', () => download(`${source.name}.svg`, new Blob([figure().markup], { type: 'image/svg+xml' }))],
    ['PNG', 'Download the figure as PNG', async () => {
      const { markup, width, height } = figure();
      download(`${source.name}.png`, await svgToPng(markup, width, height));
    }],
    ['CSV', 'Download the data as CSV', () => download(`${source.name}.csv`, new Blob([toCsv(source.data().rows)], { type: 'text/csv' }))],
    ['JSON', 'Download the data and settings as JSON', () => {
      download(`${source.name}.json`, new Blob([JSON.stringify(source.data(), null, 2)], { type: 'application/json' }));
    }],
  ];
  const label = document.createElement('span');
  label.className = 'tl-export-label';
  label.textContent = 'Export';
  label.setAttribute('aria-hidden', 'true');
  bar.append(label, ...actions.map(([text, title, act]) => button(text, act, { title, className: 'tl-export-button' })));
  return bar;
}

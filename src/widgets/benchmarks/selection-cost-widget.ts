/**
 * What pruning costs and saves: selection time against N per method on the CPU (bench:core) and
 * with WebGPU where measured (bench:gpu; SwiftShader timings are CPU-emulated and labelled so),
 * and the LLaVA-scale prefill FLOPs each benchmark retention saves (core `flops`).
 */
import './benchmarks.css';
import * as Plot from '@observablehq/plot';
import { controlRow, select } from '../shared/controls.ts';
import { exportBar } from '../shared/export.ts';
import { asFigure } from '../shared/plot-figure.ts';
import { dataTable } from '../shared/table.ts';
import { box, widgetBody, type MountContext } from '../shared/widget.ts';
import { benchWorldOf, methodColor, methodName, provenanceText } from './bench-data.ts';
import { fitWidth } from './curve-plot.ts';
import { provenanceLine } from './provenance-line.ts';
import { CORE, CORE_FILE, GPU, GPU_FILE, TEXT_TOKENS, flopsAt } from './cost-data.ts';

interface Line { method: string; backend: string; n: number; ms: number; series: string }

const dims = [...new Set(CORE.prune.map((t) => t.d))].sort((a, b) => a - b);
const shares = [...new Set(CORE.prune.map((t) => Math.round((1000 * t.k) / t.n) / 1000))].sort((a, b) => a - b);

const yDomain = (lines: readonly Line[]): [number, number] => [Math.min(...lines.map((l) => l.ms)), Math.max(...lines.map((l) => l.ms))];

/**
 * The method names at the right end of the CPU lines, moved apart vertically so no two overlap
 * (they used to run into each other, "FastVrVLM"): positions on the log axis in pixels, then a
 * minimum gap of one line of text, pushed down from the top.
 */
function endLabels(cpu: readonly Line[], height: number): (Line & { labelMs: number })[] {
  const last = Math.max(...cpu.map((c) => c.n));
  const [lo, hi] = yDomain(cpu);
  const top = 20;
  const inner = height - top - 30;
  const px = (ms: number): number => top + (hi === lo ? 0 : ((Math.log(hi) - Math.log(ms)) / (Math.log(hi) - Math.log(lo))) * inner);
  const ends = cpu.filter((l) => l.n === last).map((l) => ({ ...l, y: px(l.ms), dy: 0 })).sort((a, b) => a.y - b.y);
  const GAP = 13;
  for (let i = 1; i < ends.length; i++) ends[i].dy = Math.max(ends[i].y, ends[i - 1].y + ends[i - 1].dy + GAP) - ends[i].y;
  const ms = (y: number): number => Math.exp(Math.log(hi) - ((y - top) / inner) * (Math.log(hi) - Math.log(lo)));
  return ends.map((e) => ({ ...e, labelMs: ms(e.y + e.dy) }));
}

export function mount(root: HTMLElement, { config, dataReady }: MountContext): void {
  const body = widgetBody(root);
  // The methods and retentions of the page's results; the timings and FLOPs themselves are world-independent.
  const b = benchWorldOf(config);
  const want = { d: dims[dims.length - 1], share: shares.find((s) => Math.abs(s - 2 / 9) < 0.01) ?? shares[0] };
  const chart = box('tl-figure tl-plot');
  const gpuLabel = GPU.adapter.software ? 'WebGPU, CPU-emulated (SwiftShader)' : `WebGPU (${GPU.adapter.description || GPU.adapter.vendor})`;
  let lines: Line[] = [];

  const draw = (): void => {
    const cpu = CORE.prune
      .filter((t) => t.d === want.d && Math.abs(t.k / t.n - want.share) < 0.01)
      .map((t) => ({ method: t.method, backend: 'CPU (Node)', n: t.n, ms: t.ms, series: `${t.method} CPU` }));
    // bench:gpu times one share (2/9) at its own widths; shown beside the CPU lines when that share is picked.
    const gpu = Math.abs(want.share - 2 / 9) < 0.01
      ? GPU.timings.filter((t) => t.k > 0).map((t) => ({ method: t.method, backend: gpuLabel, n: t.n, ms: t.gpuMs, series: `${t.method} GPU` }))
      : [];
    lines = [...cpu, ...gpu];
    const width = fitWidth(body);
    const height = 340;
    const plot = Plot.plot({
      width, height, marginLeft: 56, marginRight: width < 500 ? 76 : 96,
      style: { fontSize: '12px' },
      x: { type: 'log', label: 'Visual tokens N →', ticks: [...new Set(lines.map((l) => l.n))] },
      y: { type: 'log', label: '↑ Selection time, ms (median)', grid: true, domain: yDomain(lines) },
      marks: [
        Plot.line(cpu.filter((l) => l.method !== 'tops'), { x: 'n', y: 'ms', z: 'series', stroke: (l: Line) => methodColor(l.method), strokeWidth: 1.5 }),
        Plot.line(cpu.filter((l) => l.method === 'tops'), { x: 'n', y: 'ms', stroke: methodColor('tops'), strokeWidth: 3 }),
        Plot.dot(cpu, { x: 'n', y: 'ms', fill: (l: Line) => methodColor(l.method), r: 3, title: (l: Line) => `${methodName(l.method)}, CPU: ${l.ms.toFixed(2)} ms at N = ${l.n}` }),
        Plot.line(gpu, { x: 'n', y: 'ms', z: 'series', stroke: (l: Line) => methodColor(l.method), strokeDasharray: '5,4', strokeWidth: 2 }),
        Plot.dot(gpu, { x: 'n', y: 'ms', stroke: (l: Line) => methodColor(l.method), fill: 'var(--sl-color-bg, white)', r: 4, title: (l: Line) => `${methodName(l.method)}, ${gpuLabel}: ${l.ms.toFixed(2)} ms at N = ${l.n}` }),
        Plot.text(endLabels(cpu, height), { x: 'n', y: 'labelMs', text: (l: Line) => methodName(l.method), dx: 8, textAnchor: 'start', fill: (l: Line) => methodColor(l.method) }),
      ],
    });
    chart.replaceChildren(asFigure(plot, `Selection time against N at D = ${want.d}, k = ${(100 * want.share).toFixed(1)} % of N: solid lines CPU (bench:core)${gpu.length > 0 ? `, dashed ${gpuLabel} (bench:gpu)` : ''}. The table below lists every value.`));
    const ns = [...new Set(cpu.map((l) => l.n))].sort((a, b) => a - b);
    timeTable.update(['Method', ...ns.map((n) => `N = ${n}, CPU`), ...(gpu.length > 0 ? [...new Set(gpu.map((l) => l.n))].map((n) => `N = ${n}, ${GPU.adapter.software ? 'WebGPU (emulated)' : 'WebGPU'}`) : [])],
      b.methods.map((m) => [methodName(m), ...ns.map((n) => cpu.find((l) => l.method === m && l.n === n)?.ms.toFixed(2) ?? '—'),
        ...[...new Set(gpu.map((l) => l.n))].map((n) => gpu.find((l) => l.method === m && l.n === n)?.ms.toFixed(2) ?? '—')]));
  };

  const timeTable = dataTable('Selection time, ms (median of repeated runs)');
  const flops = flopsAt(b.retentions);
  const flopsTable = dataTable(`LLaVA-scale prefill with ${TEXT_TOKENS} text tokens: visual tokens kept, TFLOPs and share saved at each benchmark retention (core flops)`);
  flopsTable.update(
    ['Retention', ...flops[0].models.flatMap((m) => [`${m.model} tokens`, `${m.model} TFLOPs`, `${m.model} saved`])],
    flops.map((f) => [`${(100 * f.retention).toFixed(1)} %`, ...f.models.flatMap((m) => [`${m.keptTokens} / ${m.fullTokens}`, m.keptTflops.toFixed(2), `${(100 * m.saving).toFixed(1)} %`])]),
  );
  const dSelect = select('Feature width D', dims.map((d) => ({ value: String(d), label: String(d) })), String(want.d), (v) => { want.d = Number(v); draw(); });
  const kSelect = select('Budget k', shares.map((s) => ({ value: String(s), label: `${(100 * s).toFixed(1)} % of N` })), String(want.share), (v) => { want.share = Number(v); draw(); });
  draw();
  dataReady();
  const provenance = provenanceLine(`${provenanceText(CORE_FILE, { commit: CORE.commit, date: CORE.date, node: CORE.machine.node, machine: `${CORE.machine.cpu} × ${CORE.machine.cores}` })} ${provenanceText(GPU_FILE, GPU.provenance)} ${GPU.note}.`);
  body.append(
    controlRow('Timing settings', dSelect.element, kSelect.element), chart, timeTable.element, flopsTable.element, provenance,
    exportBar({
      get name() { return `tops-lab-selection-cost-d${want.d}`; },
      figure: () => chart.querySelector('svg')!,
      data: () => ({
        meta: { sources: [CORE_FILE, GPU_FILE], core: { commit: CORE.commit, date: CORE.date, machine: CORE.machine }, gpu: { provenance: GPU.provenance, adapter: GPU.adapter, note: GPU.note }, d: want.d, share: want.share, textTokens: TEXT_TOKENS },
        rows: [
          ...lines.map((l) => ({ kind: 'selection', method: l.method, backend: l.backend, n: l.n, ms: l.ms })),
          ...flops.flatMap((f) => f.models.map((m) => ({ kind: 'prefill', retention: f.retention, model: m.model, kept: m.keptTokens, tflops: m.keptTflops, saved: m.saving }))),
        ],
      }),
    }),
  );
}

/**
 * Starts every widget on the page when it scrolls near the viewport. Each kind is its own chunk,
 * so a page downloads only the widgets it shows. Times are recorded as performance measures
 * (`tl-data:<kind>`, `tl-render:<kind>`) for `npm run bench:site`.
 */
import { errorReporter, type WidgetConfig, type WidgetModule } from './shared/widget.ts';

const LOADERS: Record<string, () => Promise<WidgetModule>> = {
  hero: () => import('./hero/hero-widget.ts'),
  cost: () => import('./cost/cost-widget.ts'),
  principle: () => import('./principle/principle-widget.ts'),
  scene: () => import('./scene/scene-widget.ts'),
  greedy: () => import('./greedy/greedy-widget.ts'),
  failure: () => import('./failure/failure-widget.ts'),
  ablation: () => import('./ablation/ablation-widget.ts'),
  run: () => import('./api/run-widget.ts'),
  'bench-curves': () => import('./benchmarks/curves-widget.ts'),
  'bench-ablation': () => import('./benchmarks/ablation-results-widget.ts'),
  'bench-cost': () => import('./benchmarks/selection-cost-widget.ts'),
  'bench-live': () => import('./benchmarks/live-widget.ts'),
};

async function start(root: HTMLElement): Promise<void> {
  const kind = root.dataset.widget ?? '';
  const load = LOADERS[kind];
  root.dataset.state = 'loading';
  try {
    if (load === undefined) throw new Error(`unknown widget "${kind}"`);
    const config = JSON.parse(root.dataset.config ?? '{}') as WidgetConfig;
    const module = await load();
    const begin = performance.now();
    let dataAt = begin;
    await module.mount(root, { config, dataReady: () => { dataAt = performance.now(); } });
    requestAnimationFrame(() => {
      performance.measure(`tl-data:${kind}`, { start: begin, end: dataAt });
      performance.measure(`tl-render:${kind}`, { start: dataAt, end: performance.now() });
      root.dataset.state = 'ready';
    });
  } catch (err) {
    root.dataset.state = 'error';
    errorReporter(root)(err);
  }
}

function startWhenVisible(root: HTMLElement): void {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    void start(root);
  }, { rootMargin: '300px 0px' });
  observer.observe(root);
}

document.querySelectorAll<HTMLElement>('[data-widget]').forEach(startWhenVisible);

/**
 * An Observable Plot chart as one labelled image for assistive technology. Plot names each mark's
 * group (`<g aria-label="line">`), which ARIA forbids on elements without a role; the chart is
 * read as a whole through its own label instead. A chart whose marks are links is a labelled
 * group instead: an image may not hold anything focusable.
 */
export function asFigure<T extends SVGSVGElement | HTMLElement>(plot: T, label: string): T {
  plot.setAttribute('role', plot.querySelector('a') === null ? 'img' : 'group');
  plot.setAttribute('aria-label', label);
  plot.querySelectorAll('[aria-label], [aria-description]').forEach((el) => {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  });
  return plot;
}

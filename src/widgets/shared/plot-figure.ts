/**
 * An Observable Plot chart as one labelled image for assistive technology. Plot names each mark's
 * group (`<g aria-label="line">`), which ARIA forbids on elements without a role; the chart is
 * read as a whole through its own label instead.
 */
export function asFigure<T extends SVGSVGElement | HTMLElement>(plot: T, label: string): T {
  plot.setAttribute('role', 'img');
  plot.setAttribute('aria-label', label);
  plot.querySelectorAll('[aria-label], [aria-description]').forEach((el) => {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  });
  return plot;
}

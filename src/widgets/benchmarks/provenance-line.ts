/** The line under a benchmarks figure that names the files its numbers came from, and their provenance. */
export function provenanceLine(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'tl-provenance';
  p.textContent = text;
  return p;
}

/**
 * One colour per method for the whole site (benchmarks curves and tables, the cost chart, the
 * playground's sweep and agreement overlay). Ten distinct hues, each at a relative luminance of
 * 0.13–0.29, so every one has ≥ 3:1 contrast on both the light and the dark theme's background.
 * TOPS is orange everywhere.
 */
export const METHOD_COLORS: Readonly<Record<string, string>> = Object.freeze({
  tops: '#e8590c',
  random: '#868e96',
  pool: '#8c6d46',
  fastervlm: '#1c7ed6',
  fastv: '#7950f2',
  visionzip: '#0ca678',
  vispruner: '#c2255c',
  divprune: '#5c940d',
  cdpruner: '#be4bdb',
  dart: '#b08900',
});

export function methodColor(id: string): string {
  return METHOD_COLORS[id] ?? 'currentColor';
}

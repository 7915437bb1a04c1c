/**
 * Where a model load stands: one typed union for every page and every model. The phases follow
 * a load in order — initiate (reading the manifest), download (sizes known, bytes about to flow),
 * progress (bytes), verify (sizes and sha256 checked, sessions starting), ready — or end in error.
 * `idle` is the state before anything was asked for: no byte is fetched until a page asks.
 */

export type ModelStatus =
  | { phase: 'idle' }
  | { phase: 'initiate' }
  /** `total` is null while the runtime comes from a server that did not announce its size. */
  | { phase: 'download'; total: number | null; modelBytes: number; cached: boolean }
  | { phase: 'progress'; loaded: number; total: number | null; modelBytes: number; cached: boolean }
  | { phase: 'verify'; total: number; cached: boolean }
  /**
   * `cached`: read from Cache Storage; `stored`: kept there for the next visit. A hub model also
   * says which execution provider runs it and which variant of its graphs was loaded.
   */
  | { phase: 'ready'; total: number; cached: boolean; stored: boolean; identity: string; provider?: 'wasm' | 'webgpu'; variant?: string }
  | { phase: 'error'; message: string; code: string | null };

export type ModelPhase = ModelStatus['phase'];

/** A load in flight: between asking and ready or error. */
export const isLoading = (s: ModelStatus): boolean => s.phase !== 'idle' && s.phase !== 'ready' && s.phase !== 'error';

/** Bytes read so far, for a progress bar; null before the sizes are known. */
export function bytesLoaded(s: ModelStatus): { loaded: number; total: number | null } | null {
  if (s.phase === 'download') return { loaded: 0, total: s.total };
  if (s.phase === 'progress') return { loaded: s.loaded, total: s.total };
  if (s.phase === 'verify' || s.phase === 'ready') return { loaded: s.total, total: s.total };
  return null;
}

// The "Real photos" page's settings and its address: photo, question, method, the method's
// parameters, the budget, the tiles, and (when the reader gave them) the hub and the execution
// provider. Reading a link never fails: each field that cannot be read falls back to its default
// with a notice saying so. An uploaded photo is not in the link (it never leaves the device).
import { getMethod, METHODS, type MethodSpec, type Params } from '../../core/index.ts';
import type { RealPhoto } from '../../data/real/photos.ts';
import { normalizeHub, type ExecutionProvider } from '../../runtime/hub-model.ts';

export interface RealSettings {
  /** A bundled photo's id. */
  photo: string;
  /** null: the photo's own question. */
  question: string | null;
  method: string;
  /** The method's parameters, every one given. */
  params: Params;
  /** Share of the image tokens kept, percent. */
  keep: number;
  /** Tiles along the longest side (longest edge 512·tiles); null: the default for the provider. */
  tiles: number | null;
  /** The hub's base URL when the reader named one (`?hub=`). */
  hub: string | null;
  /** The execution provider when the reader forced one (`?ep=`). */
  ep: ExecutionProvider | null;
}

export const TILE_CHOICES = [1, 2, 3, 4] as const;
export const KEEP_RANGE = { min: 1, max: 100, default: 25 } as const;
const DEFAULT_METHOD = 'tops';

export const defaultParams = (method: MethodSpec): Params =>
  Object.fromEntries(Object.entries(method.params).map(([name, spec]) => [name, spec.default]));

export function defaultSettings(photos: readonly RealPhoto[]): RealSettings {
  return { photo: photos[0].id, question: null, method: DEFAULT_METHOD, params: defaultParams(getMethod(DEFAULT_METHOD)), keep: KEEP_RANGE.default, tiles: null, hub: null, ep: null };
}

/** A number in [min, max] (an integer where asked), or null. */
function numberIn(raw: string, min: number, max: number, integer: boolean): number | null {
  const v = raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v)) ? v : null;
}

/** The settings a link asks for, and a notice for each part of it that could not be used. */
export function readLink(search: string, photos: readonly RealPhoto[]): { settings: RealSettings; notices: string[] } {
  const q = new URLSearchParams(search);
  const s = defaultSettings(photos);
  const notices: string[] = [];
  const photo = q.get('photo');
  if (photo !== null) {
    if (photos.some((p) => p.id === photo)) s.photo = photo;
    else notices.push(`The link names a photo "${photo}" this page does not have; showing ${photos[0].title} instead.`);
  }
  const question = q.get('q');
  if (question !== null && question.trim() !== '') s.question = question;
  const method = q.get('method');
  if (method !== null) {
    if (METHODS.some((m) => m.id === method)) s.method = method;
    else notices.push(`The link names a method "${method}" this page does not know; using TOPS.`);
  }
  const spec = getMethod(s.method);
  s.params = defaultParams(spec);
  for (const [name, p] of Object.entries(spec.params)) {
    const raw = q.get(`p.${name}`);
    if (raw === null) continue;
    const v = numberIn(raw, p.min, p.max, p.integer === true);
    if (v !== null) s.params[name] = v;
    else notices.push(`${spec.name}'s ${p.label} must be ${p.integer ? 'an integer' : 'a number'} in [${p.min}, ${p.max}], not "${raw}"; using ${p.default}.`);
  }
  const keep = q.get('keep');
  if (keep !== null) {
    const v = numberIn(keep, KEEP_RANGE.min, KEEP_RANGE.max, true);
    if (v !== null) s.keep = v;
    else notices.push(`The budget must be a whole percentage from ${KEEP_RANGE.min} to ${KEEP_RANGE.max}, not "${keep}"; using ${KEEP_RANGE.default} %.`);
  }
  const tiles = q.get('tiles');
  if (tiles !== null) {
    const v = numberIn(tiles, 1, TILE_CHOICES.length, true);
    if (v !== null) s.tiles = v;
    else notices.push(`Tiles must be one of ${TILE_CHOICES.join(', ')}, not "${tiles}"; using the default.`);
  }
  const hub = q.get('hub');
  if (hub !== null) {
    try { s.hub = normalizeHub(hub); } catch { notices.push(`The hub "${hub}" is not an http(s) address; using the default hub.`); }
  }
  const ep = q.get('ep');
  if (ep !== null) {
    if (ep === 'wasm' || ep === 'webgpu') s.ep = ep;
    else notices.push(`The execution provider must be wasm or webgpu, not "${ep}"; choosing one automatically.`);
  }
  return { settings: s, notices };
}

/** The query string that reopens `s` (parameters at their defaults are left out). */
export function writeLink(s: RealSettings): string {
  const q = new URLSearchParams({ photo: s.photo });
  if (s.question !== null) q.set('q', s.question);
  q.set('method', s.method);
  const spec = getMethod(s.method);
  for (const [name, p] of Object.entries(spec.params)) if (s.params[name] !== p.default) q.set(`p.${name}`, String(s.params[name]));
  q.set('keep', String(s.keep));
  if (s.tiles !== null) q.set('tiles', String(s.tiles));
  if (s.hub !== null) q.set('hub', s.hub);
  if (s.ep !== null) q.set('ep', s.ep);
  return `?${q}`;
}

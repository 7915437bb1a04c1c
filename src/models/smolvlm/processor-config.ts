// The image half of a SmolVLM / Idefics3 `preprocessor_config.json`, read field by field. A field
// that is absent takes transformers' default for Idefics3ImageProcessor, so an older or partial
// file behaves as it does in Python. `do_pad` is not read: one image's frames are all one tile, so
// padding them changes nothing (see image-processor.ts).

import { ModelError } from '../errors.ts';

export interface Idefics3ImageConfig {
  readonly doConvertRgb: boolean;
  readonly doResize: boolean;
  /** The first resize: longest edge to this length, or an exact size. */
  readonly size: { readonly longestEdge: number } | { readonly height: number; readonly width: number };
  /** The side of a square tile (`max_image_size.longest_edge`). */
  readonly tileSize: number;
  readonly doImageSplitting: boolean;
  readonly doRescale: boolean;
  readonly rescaleFactor: number;
  readonly doNormalize: boolean;
  readonly imageMean: readonly [number, number, number];
  readonly imageStd: readonly [number, number, number];
}

/** Pillow's number for LANCZOS, the only filter implemented (`lanczos-resize.ts`). */
const LANCZOS = 1;
const FILE = 'preprocessor_config.json';

function fail(message: string): never {
  throw new ModelError('manifest', message, FILE);
}

function flag(json: Record<string, unknown>, key: string, fallback: boolean): boolean {
  const v = json[key] ?? fallback;
  return typeof v === 'boolean' ? v : fail(`${key} must be true or false, got ${JSON.stringify(v)}`);
}

function positive(v: unknown, key: string): number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fail(`${key} must be a positive integer, got ${JSON.stringify(v)}`);
}

function triple(json: Record<string, unknown>, key: string): readonly [number, number, number] {
  const v = json[key] ?? [0.5, 0.5, 0.5];
  const values = typeof v === 'number' ? [v, v, v] : v;
  if (!Array.isArray(values) || values.length !== 3 || !values.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    return fail(`${key} must be a number or three numbers, got ${JSON.stringify(v)}`);
  }
  return [values[0], values[1], values[2]];
}

function readSize(v: unknown): Idefics3ImageConfig['size'] {
  if (typeof v !== 'object' || v === null) return fail(`size must be an object, got ${JSON.stringify(v)}`);
  const size = v as Record<string, unknown>;
  if (size.longest_edge !== undefined) return { longestEdge: positive(size.longest_edge, 'size.longest_edge') };
  return { height: positive(size.height, 'size.height'), width: positive(size.width, 'size.width') };
}

/** The image settings of a parsed `preprocessor_config.json` (its other fields are ignored). */
export function readImageConfig(json: unknown): Idefics3ImageConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('the file must hold a JSON object');
  const j = json as Record<string, unknown>;
  const resample = j.resample ?? LANCZOS;
  if (resample !== LANCZOS) fail(`resample ${JSON.stringify(resample)} is not supported (only LANCZOS = 1)`);
  const tile = (j.max_image_size ?? { longest_edge: 364 }) as Record<string, unknown>;
  const rescaleFactor = j.rescale_factor ?? 1 / 255;
  if (typeof rescaleFactor !== 'number' || !Number.isFinite(rescaleFactor)) fail(`rescale_factor must be a number, got ${JSON.stringify(rescaleFactor)}`);
  return {
    doConvertRgb: flag(j, 'do_convert_rgb', true),
    doResize: flag(j, 'do_resize', true),
    size: readSize(j.size ?? { longest_edge: 4 * 364 }),
    tileSize: positive(tile?.longest_edge, 'max_image_size.longest_edge'),
    doImageSplitting: flag(j, 'do_image_splitting', true),
    doRescale: flag(j, 'do_rescale', true),
    rescaleFactor,
    doNormalize: flag(j, 'do_normalize', true),
    imageMean: triple(j, 'image_mean'),
    imageStd: triple(j, 'image_std'),
  };
}

// The goldens recorded from Pillow and transformers by notebooks/smolvlm_preprocess_goldens.py.

import { readFileSync } from 'node:fs';

export interface ResizeGolden {
  width: number; height: number; seed: number; imageSha256: string;
  outWidth: number; outHeight: number; sha256: string; first: number[];
}

export interface ProcessorGolden {
  name: string; width: number; height: number; seed: number; alpha: boolean;
  config: Record<string, unknown>; imageSha256: string;
  shape: [number, number, number, number]; rows: number; cols: number;
  /** Every resize the processor made, in order (uint8 HWC). */
  resizes: { width: number; height: number; sha256: string }[];
  pixelValuesSha256: string; maskSha256: string; maskSum: number;
  samples: { index: number; value: number }[];
}

export interface PreprocessGoldens {
  config: Record<string, unknown>;
  resize: ResizeGolden[];
  flattenAlphaSha256: string;
  processor: ProcessorGolden[];
}

export const goldens = JSON.parse(
  readFileSync(new URL('../../fixtures/smolvlm/preprocess-goldens.json', import.meta.url), 'utf8'),
) as PreprocessGoldens;

/**
 * Reads a token file into the engine's PrepareInput, plus its layout, image and metadata.
 * Pure (no DOM, no Node APIs): the same code serves the CLI and the page. Everything the header
 * says is checked before the tensors are decoded; values are checked for NaN/Inf after.
 */
import { MAX_TOKENS, type PrepareInput } from '../core/index.ts';
import { TokenFileError } from './errors.ts';
import { FLOAT_DTYPES, FORMAT_VERSION, IMAGE_MIMES, METADATA, TENSORS, type ImageMime, type Layout } from './format.ts';
import { defaultLayout, engineGrid, parseLayout } from './layout.ts';
import { parseHeader, toFloat32, type TensorEntry } from './safetensors.ts';

export interface TokenFile {
  /** What prepare() takes: features, n, d, grid, and text/m, clsAttn, textAttn where present. */
  input: PrepareInput;
  layout: Layout;
  /** False when the file has no `tops.layout` and the engine's default grid was assumed. */
  layoutDeclared: boolean;
  image: { mime: ImageMime; bytes: Uint8Array } | null;
  /** Every `__metadata__` entry, free-form ones (model, layer, prompt, …) included. */
  metadata: Record<string, string>;
  /** The stored dtype of each tensor that was read. */
  dtypes: Record<string, string>;
  /** Tensors the format does not name (e.g. the exporter's `vision_features`): checked, not read. */
  extras: string[];
}

export function readTokenFile(data: ArrayBuffer | Uint8Array): TokenFile {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const { tensors, metadata } = parseHeader(bytes);
  const version = metadata[METADATA.format];
  if (version !== undefined && version !== FORMAT_VERSION && !version.startsWith(`${FORMAT_VERSION}.`)) {
    throw new TokenFileError('metadata', `tops.format is "${version}"; this reader reads ${FORMAT_VERSION}`);
  }

  // Shapes and dtypes first: nothing below allocates until the whole header has passed.
  const features = tensors.get(TENSORS.features);
  if (features === undefined) throw new TokenFileError('missing', `no "${TENSORS.features}" tensor (N×D visual tokens); tensors: ${[...tensors.keys()].join(', ') || 'none'}`);
  const [n, d] = matrixShape(features, 'N×D');
  if (n > MAX_TOKENS) throw new TokenFileError('too-large', `features has N = ${n} tokens, more than the engine accepts (${MAX_TOKENS})`);
  const text = tensors.get(TENSORS.text);
  let m = 0;
  if (text !== undefined) {
    const [rows, width] = matrixShape(text, 'M×D');
    if (width !== d) throw new TokenFileError('shape', `text has D = ${width} but features has D = ${d}; both must live in the same space`);
    m = rows;
  }
  const clsAttn = tensors.get(TENSORS.clsAttn);
  const textAttn = tensors.get(TENSORS.textAttn);
  for (const t of [clsAttn, textAttn]) if (t !== undefined) vectorShape(t, n);
  const layoutText = metadata[METADATA.layout];
  const layout = layoutText === undefined ? defaultLayout(n) : parseLayout(layoutText, n);
  const image = checkImage(tensors.get(TENSORS.image), metadata[METADATA.imageMime], bytes);

  const input: PrepareInput = { features: finite(toFloat32(bytes, features), features), n, d, grid: engineGrid(layout, n) };
  if (text !== undefined) { input.text = finite(toFloat32(bytes, text), text); input.m = m; }
  if (clsAttn !== undefined) input.clsAttn = finite(toFloat32(bytes, clsAttn), clsAttn);
  if (textAttn !== undefined) input.textAttn = finite(toFloat32(bytes, textAttn), textAttn);

  const known = new Set<string>(Object.values(TENSORS));
  const dtypes: Record<string, string> = {};
  for (const t of [features, text, clsAttn, textAttn, tensors.get(TENSORS.image)]) if (t !== undefined) dtypes[t.name] = t.dtype;
  return {
    input, layout, layoutDeclared: layoutText !== undefined, image, metadata, dtypes,
    extras: [...tensors.keys()].filter((name) => !known.has(name)),
  };
}

function floatDtype(t: TensorEntry): void {
  if (!FLOAT_DTYPES.includes(t.dtype)) throw new TokenFileError('dtype', `${t.name} must be ${FLOAT_DTYPES.join(', ')}, got ${t.dtype}`);
}

function matrixShape(t: TensorEntry, dims: string): [number, number] {
  floatDtype(t);
  if (t.shape.length !== 2) throw new TokenFileError('shape', `${t.name} must be ${dims}, got shape [${t.shape.join(', ')}]`);
  const [rows, cols] = t.shape;
  if (rows === 0 || cols === 0) throw new TokenFileError('shape', `${t.name} has shape [${rows}, ${cols}]: ${dims} needs at least one row and one column`);
  return [rows, cols];
}

function vectorShape(t: TensorEntry, n: number): void {
  floatDtype(t);
  if (t.shape.length !== 1 || t.shape[0] !== n) throw new TokenFileError('shape', `${t.name} must hold one value per token, shape [${n}], got [${t.shape.join(', ')}]`);
}

function checkImage(t: TensorEntry | undefined, mime: string | undefined, bytes: Uint8Array): TokenFile['image'] {
  if (t === undefined) return null;
  if (t.dtype !== 'U8' || t.shape.length !== 1 || t.shape[0] === 0) throw new TokenFileError('image', `image must be U8 bytes of shape [B > 0], got ${t.dtype} [${t.shape.join(', ')}]`);
  if (mime === undefined || !(mime in IMAGE_MIMES)) {
    throw new TokenFileError('image', `image needs ${METADATA.imageMime} = ${Object.keys(IMAGE_MIMES).join(' or ')}, got ${mime === undefined ? 'none' : JSON.stringify(mime)}`);
  }
  const data = bytes.slice(t.begin, t.end);
  if (!IMAGE_MIMES[mime](data)) throw new TokenFileError('image', `image bytes do not start like ${mime}`);
  return { mime: mime as ImageMime, bytes: data };
}

function finite(values: Float32Array, t: TensorEntry): Float32Array {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      const at = t.shape.length === 2 ? `[${Math.floor(i / t.shape[1])}, ${i % t.shape[1]}]` : `[${i}]`;
      throw new TokenFileError('non-finite', `${t.name}${at} is ${values[i]} (stored as ${t.dtype}); the engine needs finite values`);
    }
  }
  return values;
}

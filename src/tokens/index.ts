/** Bring your own tokens: the token file format, its reader and writer. Pure: Node and browser. */
export { readTokenFile, type TokenFile } from './read.ts';
export { writeTokenFile, writeSafetensors, encodeFloats, type TokenFileContents, type RawTensor, type FloatDtype } from './write.ts';
export { layoutRefusal, engineGrid, defaultLayout, parseLayout } from './layout.ts';
export { TokenFileError, type TokenFileErrorCode } from './errors.ts';
export { FORMAT_VERSION, TENSORS, METADATA, FLOAT_DTYPES, IMAGE_MIMES, type Layout, type View, type ImageMime } from './format.ts';
export { parseHeader, DTYPE_BYTES, MAX_HEADER_BYTES, type TensorEntry } from './safetensors.ts';

// TinyVLM runtime over onnxruntime-web, for the page and (with file-source.ts) for Node.

export { loadTinyVlm, CONTRACTS, type LoadOptions, type TinyVlm } from './tinyvlm.ts';
export type { Encoder, TokenSet } from './encoder.ts';
export type { ImageInput, Instruction, ModelAnswer, ModelInfo, VisionLanguageModel, VisualTokens } from './vlm.ts';
export type { Answer, Reasoner } from './reasoner.ts';
export { ModelError, type ModelErrorCode } from './errors.ts';
export { parseManifest, MODEL_FILES, type AnyresSpec, type FileEntry, type ModelFile, type ModelManifest, type ModelWorld, type TokenizerSpec } from './manifest.ts';
export { httpSource, type ByteSource, type ByteStream } from './sources.ts';
export { sha256Hex, type LoadProgress, type ProgressCallback } from './download.ts';
export { configureOnnxRuntime, onnxRuntime, type ExecutionProvider, type OnnxRuntimeOptions } from './onnx.ts';
export { wordTokenizer, type Tokenizer } from './tokenizer.ts';

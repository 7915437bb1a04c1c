// Typed model-loading and inference errors: the page shows `message`; code lets callers react
// (offer a reload on `checksum`, a fallback backend on `corrupt`, …).

export type ModelErrorCode =
  | 'missing' // the file is not there (HTTP 404, ENOENT)
  | 'unreachable' // the request failed for another reason (network, HTTP 5xx)
  | 'truncated' // fewer bytes than the manifest promises
  | 'oversized' // more bytes than the manifest promises
  | 'checksum' // right size, wrong sha256
  | 'manifest' // manifest.json is not valid JSON or lacks a required field
  | 'corrupt' // onnxruntime cannot load the file, or its inputs/outputs differ from the contract
  | 'input' // a call got an argument of the wrong shape or type
  | 'output'; // a model returned a tensor of an unexpected shape

export class ModelError extends Error {
  readonly code: ModelErrorCode;
  /** The file concerned (path relative to the model folder), when there is one. */
  readonly file: string | null;
  constructor(code: ModelErrorCode, message: string, file: string | null = null, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelError';
    this.code = code;
    this.file = file;
  }
}

/** Why a token file was refused. Callers branch on `code`; `message` is one line for people. */
export type TokenFileErrorCode =
  | 'not-safetensors' // too short for a header, or the header is not a JSON object
  | 'truncated' // the header or a tensor's bytes run past the end of the file
  | 'header' // a header entry is malformed, or its shape disagrees with its bytes
  | 'dtype' // an unknown dtype, or one the field does not take
  | 'missing' // no `features` tensor
  | 'shape' // a tensor's shape does not fit the format (N or D of 0, text D ≠ features D, …)
  | 'too-large' // more tokens than the engine accepts
  | 'non-finite' // NaN or ±Infinity in a value the engine reads
  | 'layout' // the layout metadata is not valid JSON, or its grids do not hold N tokens
  | 'image' // image bytes without a known MIME type, or bytes that are not that type
  | 'metadata'; // __metadata__ is not a map of strings, or names a format version we do not read

export class TokenFileError extends Error {
  readonly code: TokenFileErrorCode;
  constructor(code: TokenFileErrorCode, message: string) {
    super(message);
    this.name = 'TokenFileError';
    this.code = code;
  }
}

/** Why an engine call was refused. Callers branch on `code`; `message` is for people. */
export type PruneErrorCode =
  | 'shape' // lengths disagree with n, d, m or the grid
  | 'too-large' // more tokens than the engine accepts (MAX_TOKENS)
  | 'non-finite' // NaN or ±Infinity in an input
  | 'degenerate' // a zero feature vector has no direction to normalize
  | 'budget' // k is not an integer in [1, n]
  | 'missing-input' // the method needs text, clsAttn or textAttn and it was not given
  | 'unknown-method'
  | 'param'; // a parameter is unknown, not a number or out of range

export class PruneError extends Error {
  readonly code: PruneErrorCode;
  constructor(code: PruneErrorCode, message: string) {
    super(message);
    this.name = 'PruneError';
    this.code = code;
  }
}

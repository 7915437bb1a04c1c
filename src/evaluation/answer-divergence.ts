// How far a pruned answer distribution moved from the full-token one.

/** log-softmax in float64: float32 probabilities underflow for confident answers. */
export function logSoftmax(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i] > max) max = logits[i];
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i] - max);
  const shift = max + Math.log(sum);
  return Float64Array.from({ length: logits.length }, (_, i) => logits[i] - shift);
}

/** KL(full ‖ pruned) in nats from the two answers' logits; 0 when they agree exactly. */
export function answerKl(fullLogits: ArrayLike<number>, prunedLogits: ArrayLike<number>): number {
  if (fullLogits.length !== prunedLogits.length) throw new RangeError('answer logits differ in length');
  const p = logSoftmax(fullLogits);
  const q = logSoftmax(prunedLogits);
  let kl = 0;
  for (let i = 0; i < p.length; i++) kl += Math.exp(p[i]) * (p[i] - q[i]);
  return Math.max(0, kl);
}

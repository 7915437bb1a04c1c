// Counting for bench:vqa: accuracy and agreement with the full-token answer, overall and per
// question type, and the chance level of each type.

export interface Counts {
  questions: number;
  correct: number;
  /** Same answer as with all visual tokens. */
  agree: number;
}

export interface Tally {
  all: Counts;
  byType: Map<string, Counts>;
}

const zero = (): Counts => ({ questions: 0, correct: 0, agree: 0 });

export function newTally(): Tally {
  return { all: zero(), byType: new Map() };
}

export function count(tally: Tally, type: string, correct: boolean, agree: boolean): void {
  let t = tally.byType.get(type);
  if (t === undefined) tally.byType.set(type, (t = zero()));
  for (const c of [tally.all, t]) {
    c.questions++;
    if (correct) c.correct++;
    if (agree) c.agree++;
  }
}

export const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/**
 * Chance level of each type: the share of its most frequent true answer, i.e. the accuracy of
 * always giving that answer (a stricter floor than one over the number of answers).
 */
export function chanceLevels(answersByType: Map<string, Map<string, number>>): Record<string, number> {
  const chance: Record<string, number> = {};
  for (const [type, answers] of answersByType) {
    const counts = [...answers.values()];
    chance[type] = ratio(Math.max(...counts), counts.reduce((a, b) => a + b, 0));
  }
  return chance;
}

// The chance level of each question type, printed and stored beside full-token accuracy.

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

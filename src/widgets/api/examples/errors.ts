// Every refusal is a PruneError with a code to branch on, and a message for people.
import { PruneError, prepare, prune } from '../../../core/index.ts';
import type { Print } from '../format.ts';

export default function errors(print: Print): void {
  const p = prepare({ features: new Float32Array([1, 0, 0, 1]), n: 2, d: 2 });
  const attempts: [string, () => unknown][] = [
    ['budget', () => prune('tops', p, 3)],
    ['needs text', () => prune('cdpruner', p, 1)],
    ['bad parameter', () => prune('tops', p, 1, { alpha: -1 })],
    ['unknown method', () => prune('nope', p, 1)],
    ['shape', () => prepare({ features: new Float32Array(3), n: 2, d: 2 })],
  ];
  for (const [what, attempt] of attempts) {
    try {
      attempt();
    } catch (err) {
      if (err instanceof PruneError) print(what.padEnd(15), err.code.padEnd(15), err.message);
    }
  }
}

import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseState, type ExperimentState, type StateNotice } from '../../src/state/index.ts';

interface GoldenCase { link: string; state: ExperimentState; notices: Pick<StateNotice, 'field' | 'kind'>[] }

// Committed once, by hand review, when each link format was published; never regenerated.
const golden: { cases: GoldenCase[] } = JSON.parse(readFileSync(new URL('./golden-links.json', import.meta.url), 'utf8'));

test.each(golden.cases.map((c) => [c.link === '' ? '(empty link)' : c.link.slice(0, 70), c] as const))('old link keeps its meaning: %s', (_, c) => {
  const { state, notices } = parseState(c.link);
  expect(state).toEqual(c.state);
  expect(notices.map(({ field, kind }) => ({ field, kind }))).toEqual(c.notices);
});

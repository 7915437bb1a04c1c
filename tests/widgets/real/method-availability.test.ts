import { expect, test } from 'vitest';
import { getMethod, METHODS } from '../../../src/core/index.ts';
import { defaultParams } from '../../../src/widgets/real/link.ts';
import { unavailableReason } from '../../../src/widgets/real/method-availability.ts';

const reason = (id: string, views: number): string | null => unavailableReason(getMethod(id), defaultParams(getMethod(id)), views);

test('methods reading [CLS] or decoder attention never run on SmolVLM; Pool only on one grid', () => {
  expect(reason('fastervlm', 1)).toMatch(/\[CLS\]/);
  expect(reason('visionzip', 1)).toMatch(/\[CLS\]/);
  expect(reason('vispruner', 1)).toMatch(/\[CLS\]/);
  expect(reason('fastv', 1)).toMatch(/decoder’s attention/);
  expect(reason('pool', 1)).toBeNull();
  expect(reason('pool', 5)).toMatch(/5 views/);
  const open = METHODS.filter((m) => reason(m.id, 17) === null).map((m) => m.id);
  expect(open).toEqual(['tops', 'random', 'divprune', 'cdpruner', 'dart']);
});

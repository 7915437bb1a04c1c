import { describe, expect, test } from 'vitest';
import { formatLine } from '../../src/widgets/api/format.ts';

describe('API example output', () => {
  test('API example output: typed arrays as lists, four decimals', () => {
    expect(formatLine(['kept', Int32Array.from([1, 2]), { r: 1 / 3 }])).toBe('kept [1,2] {"r":0.3333}');
  });
});

import { describe, expect, test } from 'vitest';
import { toCsv } from '../../src/widgets/shared/csv.ts';
import { latestOnly } from '../../src/widgets/shared/latest.ts';
import { formatMetric, metricRows } from '../../src/widgets/shared/metric-table.ts';

describe('CSV', () => {
  test('header from the keys in first-seen order; quoting per RFC 4180; empty for null', () => {
    expect(toCsv([{ a: 1, b: 'x,y' }, { b: 'say "hi"', c: null, a: true }]))
      .toBe('a,b,c\r\n1,"x,y",\r\ntrue,"say ""hi""",\r\n');
    expect(toCsv([{ v: Number.NaN }])).toBe('v\r\n\r\n');
  });
});

describe('latestOnly', () => {
  test('requests during a run collapse into one more run; errors are reported, not thrown', async () => {
    let runs = 0;
    const errors: unknown[] = [];
    let release!: () => void;
    const gate = new Promise<void>((ok) => { release = ok; });
    const update = latestOnly(async () => {
      runs++;
      if (runs === 1) await gate;
      if (runs === 2) throw new Error('boom');
    }, (e) => errors.push(e));
    const first = update();
    update();
    update();
    const last = update();
    release();
    await Promise.all([first, last]);
    expect(runs).toBe(2);
    expect(errors).toHaveLength(1);
    await update();
    expect(runs).toBe(3);
  });
});

describe('metric formatting', () => {
  test('metrics: percent, effective rank with one decimal, a dash when undefined', () => {
    expect(formatMetric('coverage', 0.8912)).toBe('89 %');
    expect(formatMetric('erank', 10.46)).toBe('10.5');
    expect(formatMetric('oracleRecall', null)).toBe('—');
    const m = { relevanceRecall: null, oracleRecall: 1, coverage: 0.5, reconError: 0.5, diversity: 1, erank: 2 };
    expect(metricRows([{ name: 'x', metrics: m }])).toEqual([{ set: 'x', ...m }]);
  });
});

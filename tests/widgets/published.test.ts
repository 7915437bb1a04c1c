import { describe, expect, test } from 'vitest';
import { formatPublished, PUBLISHED, resultsFor } from '../../src/components/related/published.ts';

describe('published results', () => {
  test('every table is sourced and its rows fit its columns', () => {
    for (const t of PUBLISHED) {
      expect(t.source.length).toBeGreaterThan(5);
      expect(t.url).toMatch(/^https:\/\//);
      for (const row of t.rows) expect(row.values).toHaveLength(t.columns.length);
    }
  });
  test('a method’s results are gathered from every table that lists it', () => {
    expect(resultsFor('CDPruner').map((r) => r.table.id)).toEqual(['cdpruner-llava15', 'cdpruner-next']);
    expect(resultsFor('TOPS')).toHaveLength(2);
  });
});

describe('published number formatting', () => {
  test('published numbers keep the source’s decimals', () => {
    expect([99, 98.75, 92.8, null, '96.3 / 96.4'].map(formatPublished)).toEqual(['99.0', '98.75', '92.8', '–', '96.3 / 96.4']);
  });
});

import { describe, expect, test } from 'vitest';
import { prepare } from '../../src/core/index.ts';
import {
  askedCluster, cloudInput, clusterMembers, CLUSTERS, describeKept, keptPerCluster, lift, LIFT_DIMENSIONS,
  makeCloud, SALIENT_CLUSTER, SMALL_CLUSTER, toyAttention,
} from '../../src/widgets/cloud/cloud-data.ts';

const cosine = (a: Float32Array, b: Float32Array): number => {
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < a.length; i++) { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
  return ab / Math.sqrt(aa * bb);
};
const lifted = (x: number, y: number): Float32Array => {
  const out = new Float32Array(LIFT_DIMENSIONS);
  lift({ x, y }, out);
  return out;
};

describe('token cloud', () => {
  test('the same seed gives the same cloud; another seed another one', () => {
    expect(makeCloud(1)).toEqual(makeCloud(1));
    expect(makeCloud(2).tokens).not.toEqual(makeCloud(1).tokens);
  });

  test('clusters have their sizes and every token lies inside the square', () => {
    const cloud = makeCloud(7);
    expect(cloud.tokens).toHaveLength(CLUSTERS.reduce((n, c) => n + c.count, 0));
    CLUSTERS.forEach((c, i) => expect(clusterMembers(cloud, i)).toHaveLength(c.count));
    for (const t of cloud.tokens) for (const v of [t.x, t.y]) expect(v > 0 && v < 1).toBe(true);
  });

  test('lifted features: cosine falls with distance and is never negative', () => {
    const here = lifted(0.5, 0.5);
    const near = cosine(here, lifted(0.52, 0.5));
    const mid = cosine(here, lifted(0.7, 0.5));
    const far = cosine(here, lifted(0.95, 0.95));
    expect(near).toBeGreaterThan(0.95);
    expect(mid).toBeLessThan(near);
    expect(far).toBeLessThan(mid);
    expect(far).toBeGreaterThanOrEqual(0);
  });

  test('toy attention sums to 1 and peaks on the salient cluster', () => {
    const cloud = makeCloud(3);
    const attention = toyAttention(cloud);
    expect(attention.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    const best = attention.indexOf(Math.max(...attention));
    expect(cloud.tokens[best].cluster).toBe(SALIENT_CLUSTER);
  });

  test('engine input: relevance is highest near the instruction', () => {
    const cloud = makeCloud(1);
    const small = CLUSTERS[SMALL_CLUSTER];
    const p = prepare(cloudInput(cloud, { x: small.cx, y: small.cy }));
    const r = p.relevance!;
    const best = r.indexOf(Math.max(...r));
    expect(cloud.tokens[best].cluster).toBe(SMALL_CLUSTER);
    expect(p.clsAttn).not.toBeNull();
    expect(prepare(cloudInput(cloud, null)).relevance).toBeNull();
  });

  test('the asked-about cluster is the one nearest the instruction', () => {
    const cloud = makeCloud(1);
    CLUSTERS.forEach((c, i) => expect(askedCluster(cloud, { x: c.cx, y: c.cy })).toBe(i));
  });

  test('kept tokens are counted per cluster and described in one sentence', () => {
    const cloud = makeCloud(1);
    const kept = [...clusterMembers(cloud, SMALL_CLUSTER), clusterMembers(cloud, 0)[0]];
    expect(keptPerCluster(cloud, kept)).toEqual([1, 0, 0, CLUSTERS[SMALL_CLUSTER].count]);
    expect(describeKept(cloud, kept)).toBe('Kept 7 of 118 tokens: background 1 of 64, salient object 0 of 28, second object 0 of 20, small object 6 of 6.');
  });
});

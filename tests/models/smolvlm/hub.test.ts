import { expect, test } from 'vitest';
import { approxBytes, expectedGraphs, normalizeHub, repoBase, SMOLVLM_HUB, SMOLVLM_VARIANTS, treeUrl } from '../../../src/models/smolvlm/hub.ts';

const wasm = SMOLVLM_VARIANTS.wasm;

test('the repo folder and listing sit at the pinned revision under the hub base', () => {
  expect(repoBase('https://huggingface.co/')).toBe(`https://huggingface.co/${SMOLVLM_HUB.repo}/resolve/${SMOLVLM_HUB.revision}/`);
  expect(treeUrl('http://127.0.0.1:9000')).toBe(`http://127.0.0.1:9000/api/models/${SMOLVLM_HUB.repo}/tree/${SMOLVLM_HUB.revision}/onnx`);
  expect(() => normalizeHub('file:///etc')).toThrow(/http/);
  expect(() => normalizeHub('not a url')).toThrow();
});

test('the hub listing gives exact sizes and hashes', () => {
  const listing = [{ path: wasm.files.decoder.path, size: 134, lfs: { oid: 'a'.repeat(64), size: 123_456 } }];
  const expected = expectedGraphs(wasm, listing, 'https://mirror.example');
  expect(expected[wasm.files.decoder.path]).toEqual({ bytes: 123_456, sha256: 'a'.repeat(64) });
  // Files the mirror does not list: no size, no hash of its own, and ours are for the default hub only.
  expect(expected[wasm.files.vision.path]).toEqual({ bytes: null, sha256: null });
});

test('without a listing the default hub is held to the pinned hashes', () => {
  const expected = expectedGraphs(wasm, null, 'https://huggingface.co');
  for (const file of Object.values(wasm.files)) expect(expected[file.path]).toEqual({ bytes: null, sha256: file.sha256 });
});

test('a malformed hash in a listing is not trusted', () => {
  const listing = [{ path: wasm.files.embed.path, size: 10, lfs: { oid: 'not-a-sha', size: 10 } }];
  expect(expectedGraphs(wasm, listing, 'https://huggingface.co')[wasm.files.embed.path]).toEqual({ bytes: 10, sha256: wasm.files.embed.sha256 });
});

test('the consent size is the three graphs and the text files', () => {
  for (const variant of Object.values(SMOLVLM_VARIANTS)) {
    expect(approxBytes(variant)).toBeGreaterThan(100e6);
    expect(approxBytes(variant)).toBeLessThan(300e6);
  }
});

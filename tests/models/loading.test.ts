import { describe, expect, it } from 'vitest';
import { loadTinyVlm, ModelError, httpSource, type ByteSource, type LoadProgress, type ModelErrorCode } from '../../src/models/index.ts';
import { fileSource } from '../../src/models/file-source.ts';
import { IDENTITY_ONNX, memorySource, modelFolder, type Files } from './fake-model.ts';

async function loadError(source: ByteSource): Promise<ModelError> {
  try {
    await loadTinyVlm(source);
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error('expected loading to fail');
}

async function expectFailure(files: Files, code: ModelErrorCode, file: string, message: RegExp): Promise<void> {
  const error = await loadError(memorySource(files));
  expect(error.code).toBe(code);
  expect(error.file).toBe(file);
  expect(error.message).toMatch(message);
}

describe('loading TinyVLM files', () => {
  it('refuses a missing manifest or file', async () => {
    const folder = await modelFolder();
    await expectFailure({}, 'missing', 'manifest.json', /not found/);
    const { ['text.onnx']: _gone, ...withoutText } = folder;
    await expectFailure(withoutText, 'missing', 'text.onnx', /not found: memory:text\.onnx/);
  });

  it('refuses a truncated, an oversized and a tampered file', async () => {
    const folder = await modelFolder();
    await expectFailure({ ...folder, 'vision.onnx': folder['vision.onnx'].subarray(0, 2999) }, 'truncated', 'vision.onnx', /2999 of 3000 bytes/);
    await expectFailure({ ...folder, 'reasoner.onnx': new Uint8Array(2600).fill(3) }, 'oversized', 'reasoner.onnx', /more than the 2500 bytes/);
    const tampered = folder['text.onnx'].slice();
    tampered[1234] ^= 0xff;
    await expectFailure({ ...folder, 'text.onnx': tampered }, 'checksum', 'text.onnx', /does not match the manifest: sha256 [0-9a-f]{64}, expected/);
  });

  it('refuses files that pass the checksum but are not loadable models, or break the contract', async () => {
    await expectFailure(await modelFolder(), 'corrupt', 'vision.onnx', /onnxruntime cannot load vision\.onnx/);
    const wrongNames = await modelFolder({ vision: IDENTITY_ONNX });
    await expectFailure(wrongNames, 'corrupt', 'vision.onnx', /lacks input "pixels", output "patch_tokens", output "cls_attn"/);
  });

  it('refuses a manifest that is not JSON or lacks a field, naming the field', async () => {
    const folder = await modelFolder();
    const manifest = JSON.parse(new TextDecoder().decode(folder['manifest.json']));
    const withManifest = (m: unknown): Files => ({ ...folder, 'manifest.json': new TextEncoder().encode(typeof m === 'string' ? m : JSON.stringify(m)) });
    await expectFailure(withManifest('{ "files": '), 'manifest', 'manifest.json', /not valid JSON/);
    await expectFailure(withManifest({ ...manifest, dims: { D: 0, grid: [14, 14], patch: 16 } }), 'manifest', 'manifest.json', /dims\.D must be a positive integer/);
    await expectFailure(withManifest({ ...manifest, files: { ...manifest.files, text: { ...manifest.files.text, path: '../secret' } } }), 'manifest', 'manifest.json', /files\.text\.path/);
    await expectFailure(withManifest({ ...manifest, files: { ...manifest.files, reasoner: { ...manifest.files.reasoner, sha256: 'abc' } } }), 'manifest', 'manifest.json', /files\.reasoner\.sha256/);
    await expectFailure(withManifest({ ...manifest, preprocessing: { mean: [0, 0, 0], std: [1, 0, 1] } }), 'manifest', 'manifest.json', /preprocessing\.std must be three positive numbers/);
    await expectFailure(withManifest({ ...manifest, vocab: { ...manifest.vocab, answers: [] } }), 'manifest', 'manifest.json', /vocab\.answers/);
    const { tokenizer: _rule, ...untokenized } = manifest;
    await expectFailure(withManifest(untokenized), 'manifest', 'manifest.json', /tokenizer must be an object/);
    await expectFailure(withManifest({ ...manifest, tokenizer: { ...manifest.tokenizer, pattern: '(a|b)+' } }), 'manifest', 'manifest.json', /tokenizer\.pattern must be one character class/);
    await expectFailure(withManifest({ ...manifest, tokenizer: { ...manifest.tokenizer, pattern: '[z-a]+' } }), 'manifest', 'manifest.json', /tokenizer\.pattern is not a regular expression/);
    await expectFailure(withManifest({ ...manifest, tokenizer: { ...manifest.tokenizer, unknown: '<oov>' } }), 'manifest', 'manifest.json', /tokenizer\.unknown must be one of vocab\.words/);
  });

  it('reports progress that only grows and ends at the total of the three files', async () => {
    const events: LoadProgress[] = [];
    const folder = await modelFolder();
    await expect(loadTinyVlm(memorySource(folder, 700), { onProgress: (p) => events.push({ ...p }) })).rejects.toThrow(/cannot load/);
    expect(events[0].loaded).toBe(0);
    for (let i = 1; i < events.length; i++) expect(events[i].loaded).toBeGreaterThanOrEqual(events[i - 1].loaded);
    expect(events.at(-1)).toEqual({ file: 'reasoner.onnx', loaded: 7500, total: 7500 });
    expect(new Set(events.map((e) => e.file))).toEqual(new Set(['vision.onnx', 'text.onnx', 'reasoner.onnx']));
  });
});

describe('byte sources', () => {
  it('map HTTP 404 to missing, other failures to unreachable, and stream the body', async () => {
    const fetchFile = (async (url: string | URL | Request) => {
      const path = String(url);
      if (path.endsWith('gone.onnx')) return new Response('no', { status: 404 });
      if (path.endsWith('down.onnx')) return new Response('no', { status: 503 });
      if (path.endsWith('offline.onnx')) throw new TypeError('fetch failed');
      return new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-length': '3' } });
    }) as typeof fetch;
    const source = httpSource('http://localhost/models/tinyvlm/', fetchFile);
    await expect(source.open('gone.onnx')).rejects.toMatchObject({ code: 'missing', file: 'gone.onnx' });
    await expect(source.open('down.onnx')).rejects.toMatchObject({ code: 'unreachable', message: /HTTP 503/ });
    await expect(source.open('offline.onnx')).rejects.toMatchObject({ code: 'unreachable', message: /fetch failed/ });
    const stream = await source.open('ok.onnx');
    expect(stream.announced).toBe(3);
    const chunks: number[] = [];
    for await (const c of stream.chunks) chunks.push(...c);
    expect(chunks).toEqual([1, 2, 3]);
    expect(source.describe('ok.onnx')).toBe('http://localhost/models/tinyvlm/ok.onnx');
  });

  it('name a file whose connection drops mid-body as truncated', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) { c.enqueue(new Uint8Array([1, 2])); },
      pull(c) { c.error(new TypeError('network error')); },
    });
    const source = httpSource('http://localhost/hub/', (async () => new Response(body, { headers: { 'content-length': '4' } })) as typeof fetch);
    const stream = await source.open('onnx/decoder.onnx');
    const read = async (): Promise<void> => { for await (const _ of stream.chunks) { /* drain */ } };
    await expect(read()).rejects.toMatchObject({ code: 'truncated', file: 'onnx/decoder.onnx', message: /decoder\.onnx was cut off after 2 bytes \(network error\)/ });
  });

  it('read from disk in Node, with missing files reported as missing', async () => {
    const error = await loadError(fileSource('/nonexistent-model-folder'));
    expect(error.code).toBe('missing');
    expect(error.message).toMatch(/\/nonexistent-model-folder\/manifest\.json/);
  });
});

// schemas/tokens.schema.json names what src/tokens reads: the two must not drift apart.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { MAX_TOKENS } from '../../src/core/index.ts';
import { DTYPE_BYTES, FLOAT_DTYPES, FORMAT_VERSION, IMAGE_MIMES, METADATA, TENSORS, parseHeader } from '../../src/tokens/index.ts';
import { fixture } from './files.ts';

const schema = JSON.parse(readFileSync(new URL('../../schemas/tokens.schema.json', import.meta.url), 'utf8'));
const defs = schema.$defs;

test('tensor names, dtypes and the N limit', () => {
  expect(Object.keys(schema.properties).filter((k) => k !== '__metadata__').sort()).toEqual(Object.values(TENSORS).sort());
  expect(defs.tensor.properties.dtype.enum).toEqual(Object.keys(DTYPE_BYTES));
  expect(defs.floatTensor.properties.dtype.enum).toEqual(FLOAT_DTYPES);
  expect(schema.properties.features.properties.shape.allOf[1].prefixItems[0].maximum).toBe(MAX_TOKENS);
});

test('metadata keys, format version and image types', () => {
  expect(Object.keys(defs.metadata.properties).sort()).toEqual(Object.values(METADATA).sort());
  expect(new RegExp(defs.metadata.properties['tops.format'].pattern).test(FORMAT_VERSION)).toBe(true);
  expect(defs.metadata.properties['tops.image_mime'].enum).toEqual(Object.keys(IMAGE_MIMES));
});

test("the exporter's fixtures use only the schema's names for what the reader reads", () => {
  for (const name of ['llava-tiny.safetensors', 'llava-next-tiny.safetensors']) {
    const { tensors, metadata } = parseHeader(fixture(name));
    for (const t of tensors.values()) expect(defs.tensor.properties.dtype.enum).toContain(t.dtype);
    for (const key of Object.keys(metadata).filter((k) => k.startsWith('tops.'))) expect(Object.values(METADATA)).toContain(key);
  }
});

// The committed real photos against their list (src/data/real/photos.json): every file is there
// with the size, hash and pixel size listed, and every photo may be redistributed.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPhotos, PHOTOS } from '../../src/data/real/photos.ts';

const DIR = 'public/real/photos';
const ALLOWED_LICENCES = ['CC0 1.0 Universal', 'Public domain'];

/** Width and height from a PNG's IHDR or a JPEG's first start-of-frame segment. */
function pixelSize(bytes: Buffer): [number, number] {
  if (bytes.readUInt32BE(0) === 0x89504e47) return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  for (let at = 2; at < bytes.length;) {
    const marker = bytes[at + 1];
    // SOF0–SOF15, less DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return [bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5)];
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  throw new Error('no start-of-frame segment');
}

describe('real photos', () => {
  it('lists at least eight photos, each under a licence that allows redistribution', () => {
    expect(PHOTOS.length).toBeGreaterThanOrEqual(8);
    for (const p of PHOTOS) expect(ALLOWED_LICENCES, p.id).toContain(p.licence);
  });

  it('has unique, URL-safe ids that name their files', () => {
    expect(new Set(PHOTOS.map((p) => p.id)).size).toBe(PHOTOS.length);
    for (const p of PHOTOS) {
      expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.file).toMatch(new RegExp(`^${p.id}\\.(jpg|png)$`));
    }
  });

  it('finds each file with the listed bytes, sha256 and pixel size', () => {
    for (const p of PHOTOS) {
      const bytes = readFileSync(join(DIR, p.file));
      expect(bytes.length, p.file).toBe(p.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), p.file).toBe(p.sha256);
      expect(pixelSize(bytes), p.file).toEqual([p.width, p.height]);
      expect(Math.max(p.width, p.height), p.file).toBeLessThanOrEqual(1024);
    }
  });

  it('holds no unlisted photo, credits every one in LICENSES.md, and stays under 2.5 MB', () => {
    const files = readdirSync(DIR).filter((f) => f !== 'LICENSES.md').sort();
    expect(files).toEqual(PHOTOS.map((p) => p.file).sort());
    const licences = readFileSync(join(DIR, 'LICENSES.md'), 'utf8');
    for (const p of PHOTOS) expect(licences, p.file).toContain(`\`${p.file}\``);
    expect(PHOTOS.reduce((s, p) => s + p.bytes, 0)).toBeLessThanOrEqual(2.5e6);
  });

  it('refuses a list with a missing field', () => {
    const { credit: _, ...noCredit } = PHOTOS[0];
    expect(() => checkPhotos([noCredit])).toThrow(/"credit"/);
    const { licenceUrl: __, ...noLicenceUrl } = PHOTOS[0];
    expect(() => checkPhotos([noLicenceUrl])).toThrow(/"licenceUrl"/);
    expect(() => checkPhotos({})).toThrow(/not an array/);
  });
});

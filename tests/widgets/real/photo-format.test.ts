import { describe, expect, test } from 'vitest';
import { photoRefusal, sniffPhoto } from '../../../src/widgets/real/photo-format.ts';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('photo signatures and limits', () => {
  test('JPEG, PNG and WebP are told by their first bytes', () => {
    expect(sniffPhoto(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffPhoto(bytes([0x89], 'PNG\r\n\x1a\n'))).toBe('image/png');
    expect(sniffPhoto(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffPhoto(bytes('GIF89a'))).toBeNull();
    expect(sniffPhoto(new Uint8Array(0))).toBeNull();
  });

  test('one line per refusal: empty, too large, another type, not an image', () => {
    const png = bytes([0x89], 'PNG\r\n\x1a\n');
    expect(photoRefusal('a.png', 0, 'image/png', png)).toBe('a.png is empty.');
    expect(photoRefusal('a.png', 25e6, 'image/png', png)).toMatch(/25\.0 MB; photos up to 20 MB/);
    expect(photoRefusal('a.png', 10, 'image/png', bytes('hello'))).toMatch(/not a JPEG, PNG or WebP/);
    expect(photoRefusal('a.gif', 10, 'image/gif', bytes('GIF89a'))).toBe('a.gif is image/gif; JPEG, PNG and WebP photos are accepted.');
    expect(photoRefusal('a.jpg', 10, 'image/jpeg', png)).toBeNull();
    expect(photoRefusal('a.png', 10, 'image/png', png)).toBeNull();
    expect(photoRefusal('pasted', 10, '', png)).toBeNull();
    expect(photoRefusal('served.jpg', 10, 'application/octet-stream', png)).toBeNull();
  });
});

// What the page accepts as a reader's photo, checked before any decoding: the file's size, and its
// first bytes (a JPEG, PNG or WebP signature), since a file's name and MIME type can say anything.

export const PHOTO_LIMITS = { bytes: 20e6, pixels: 50e6 } as const;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

const ascii = (bytes: Uint8Array, from: number, text: string): boolean =>
  [...text].every((ch, i) => bytes[from + i] === ch.charCodeAt(0));

/** The format the first bytes announce, or null. */
export function sniffPhoto(head: Uint8Array): PhotoType | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head[0] === 0x89 && ascii(head, 1, 'PNG\r\n\x1a\n')) return 'image/png';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'image/webp';
  return null;
}

/** One line saying why `file` cannot be used, or null when its size and signature are fine. */
export function photoRefusal(name: string, size: number, mime: string, head: Uint8Array): string | null {
  if (size === 0) return `${name} is empty.`;
  if (size > PHOTO_LIMITS.bytes) return `${name} is ${(size / 1e6).toFixed(1)} MB; photos up to ${PHOTO_LIMITS.bytes / 1e6} MB are accepted.`;
  // No type, or a server's "some bytes": the signature below decides.
  const unlabelled = mime === '' || mime === 'application/octet-stream';
  if (!unlabelled && !(PHOTO_TYPES as readonly string[]).includes(mime)) return `${name} is ${mime}; JPEG, PNG and WebP photos are accepted.`;
  // A JPEG saved as .png decodes fine: the bytes decide, not the label.
  if (sniffPhoto(head) === null) return `${name} is not a JPEG, PNG or WebP image (its first bytes are no such signature).`;
  return null;
}

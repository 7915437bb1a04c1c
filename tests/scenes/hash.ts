// FNV-1a (32-bit) for golden values: small, dependency-free, same in every engine.

export function fnv1a(bytes: ArrayLike<number>): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function fnv1aText(text: string): string {
  return fnv1a(new TextEncoder().encode(text));
}

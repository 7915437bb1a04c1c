// The fixed 5×7 bitmap font of the plates: digits and a few letters that are not English words
// (so a glyph never reads as a question word). Each row is 5 bits, the high bit leftmost.

export const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export const LETTERS = ['e', 'f', 'h', 'k', 'p', 'x'] as const;
export const GLYPHS = [...DIGITS, ...LETTERS] as const;
export type Glyph = (typeof GLYPHS)[number];

export const GLYPH_COLUMNS = 5;
export const GLYPH_ROWS = 7;

export const GLYPH_BITMAPS: Record<Glyph, readonly number[]> = {
  0: [0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110],
  1: [0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110],
  2: [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111],
  3: [0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110],
  4: [0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010],
  5: [0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110],
  6: [0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110],
  7: [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000],
  8: [0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110],
  9: [0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100],
  e: [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b11111],
  f: [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b10000],
  h: [0b10001, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001],
  k: [0b10001, 0b10010, 0b10100, 0b11000, 0b10100, 0b10010, 0b10001],
  p: [0b11110, 0b10001, 0b10001, 0b11110, 0b10000, 0b10000, 0b10000],
  x: [0b10001, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001, 0b10001],
};

/** true where the glyph's cell (column, row) is inked. */
export function glyphInk(glyph: Glyph, column: number, row: number): boolean {
  return ((GLYPH_BITMAPS[glyph][row] >> (GLYPH_COLUMNS - 1 - column)) & 1) === 1;
}

export const isDigit = (glyph: Glyph): boolean => (DIGITS as readonly string[]).includes(glyph);

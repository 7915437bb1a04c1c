// Scenes in a link. Four forms, all made of characters URLSearchParams leaves alone:
//   preset.<id>                      a named preset (presets.ts)
//   seed.<n>                         the SynthScenes sample for seed n
//   file.<name>                      a token file on the reader's device, by its safe name
//                                    (safeFileName); the tokens themselves are not in the link
//   edit.<background>.<object>…      an edited description, e.g.
//     edit.f-262830.ycisp-40-180.wsqld-120-64
// Background: f-<rgb> flat | g-<rgb>-<rgb>-<h|v|d> gradient | n-<rgb>-<amplitude>-<seed> noise |
// c-<rgb>-<rgb>-<cell> checker (rgb as 6 hex digits). Object: colour initial, two-letter shape,
// size initial, pattern initial, then centre x and y in pixels.
import { GRADIENT_DIRECTIONS } from '../scenes/description.ts';
import { COLORS, PATTERNS, SHAPES, SIZES, parseScene, type Background, type Rgb, type SceneObject } from '../scenes/index.ts';
import { accept, reject, type Decoded } from './decoded.ts';
import { PRESETS } from './presets.ts';
import type { SceneChoice } from './types.ts';

const COLOR_CODES = ['r', 'g', 'b', 'y', 'p', 'o', 'c', 'w'] as const; // order of COLORS
const SHAPE_CODES = ['ci', 'sq', 'tr', 'di', 'st', 'cr', 'ri', 'hx'] as const; // order of SHAPES
const SIZE_CODES = ['s', 'm', 'l'] as const; // order of SIZES
const PATTERN_CODES = ['p', 's', 'd'] as const; // order of PATTERNS
const DIRECTION_CODES = ['h', 'v', 'd'] as const; // order of GRADIENT_DIRECTIONS

/** Largest seed a link may name (the SynthScenes samplers take 32-bit seeds). */
export const MAX_SEED = 0xffffffff;

const hex = (c: Rgb): string => c.map((v) => v.toString(16).padStart(2, '0')).join('');

function encodeBackground(b: Background): string {
  switch (b.kind) {
    case 'flat': return `f-${hex(b.color)}`;
    case 'gradient': return `g-${hex(b.from)}-${hex(b.to)}-${DIRECTION_CODES[GRADIENT_DIRECTIONS.indexOf(b.direction)]}`;
    case 'noise': return `n-${hex(b.color)}-${b.amplitude}-${b.seed}`;
    case 'checker': return `c-${hex(b.colors[0])}-${hex(b.colors[1])}-${b.cell}`;
  }
}

function encodeObject(o: SceneObject): string {
  return COLOR_CODES[COLORS.indexOf(o.color)] + SHAPE_CODES[SHAPES.indexOf(o.shape)]
    + SIZE_CODES[SIZES.indexOf(o.size)] + PATTERN_CODES[PATTERNS.indexOf(o.pattern)] + `-${o.cx}-${o.cy}`;
}

export function encodeScene(choice: SceneChoice): string {
  switch (choice.kind) {
    case 'preset': return `preset.${choice.id}`;
    case 'seed': return `seed.${choice.seed}`;
    case 'custom': return ['edit', encodeBackground(choice.description.background), ...choice.description.objects.map(encodeObject)].join('.');
    case 'file': return `file.${choice.name}`;
  }
}

/** Longest file name a link carries. */
export const MAX_FILE_NAME = 80;
const FILE_NAME = new RegExp(`^[A-Za-z0-9._-]{1,${MAX_FILE_NAME}}$`);

/**
 * A file's name as a link may carry it: letters, digits, '.', '_' and '-' (anything else becomes
 * '-'), at most MAX_FILE_NAME characters. It only names the file for the reader; nothing is read by it.
 */
export function safeFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '-').slice(-MAX_FILE_NAME);
  return safe === '' ? 'tokens' : safe;
}

// Decoding maps codes back to plain JSON and lets parseScene (the scene module's single gate
// for untrusted input) check ranges; unknown codes become values parseScene rejects.
const rgbOf = (s: string | undefined): unknown => (s !== undefined && /^[0-9a-f]{6}$/.test(s)
  ? [0, 2, 4].map((i) => parseInt(s.slice(i, i + 2), 16)) : s);
const intOf = (s: string | undefined): unknown => (s !== undefined && /^\d{1,10}$/.test(s) ? Number(s) : s);
const lookup = <T>(codes: readonly string[], names: readonly T[], code: string): T | string =>
  codes.includes(code) ? names[codes.indexOf(code)] : code;

function backgroundJson(code: string): unknown {
  const [kind, a, b, c, ...rest] = code.split('-');
  if (rest.length > 0) return code;
  switch (kind) {
    case 'f': return b === undefined ? { kind: 'flat', color: rgbOf(a) } : code;
    case 'g': return { kind: 'gradient', from: rgbOf(a), to: rgbOf(b), direction: lookup(DIRECTION_CODES, GRADIENT_DIRECTIONS, c ?? '') };
    case 'n': return { kind: 'noise', color: rgbOf(a), amplitude: intOf(b), seed: intOf(c) };
    case 'c': return { kind: 'checker', colors: [rgbOf(a), rgbOf(b)], cell: intOf(c) };
    default: return code;
  }
}

function objectJson(code: string): unknown {
  const m = /^([a-z])([a-z]{2})([a-z])([a-z])-(\d{1,3})-(\d{1,3})$/.exec(code);
  if (m === null) return code;
  return {
    color: lookup(COLOR_CODES, COLORS, m[1]), shape: lookup(SHAPE_CODES, SHAPES, m[2]),
    size: lookup(SIZE_CODES, SIZES, m[3]), pattern: lookup(PATTERN_CODES, PATTERNS, m[4]),
    cx: Number(m[5]), cy: Number(m[6]),
  };
}

/** The scene a code names, or why it names none. */
export function decodeScene(code: string): Decoded<SceneChoice> {
  const [kind, ...parts] = code.split('.');
  if (kind === 'preset') {
    const id = parts.join('.');
    return PRESETS.some((p) => p.id === id) ? accept({ kind: 'preset', id }) : reject(`no preset is called that (presets: ${PRESETS.map((p) => p.id).join(', ')})`);
  }
  if (kind === 'seed') {
    const seed = parts.length === 1 && /^\d{1,10}$/.test(parts[0]) ? Number(parts[0]) : NaN;
    return seed <= MAX_SEED ? accept({ kind: 'seed', seed }) : reject(`a seed is a whole number from 0 to ${MAX_SEED}`);
  }
  if (kind === 'file') {
    const name = parts.join('.');
    return FILE_NAME.test(name) ? accept({ kind: 'file', name }) : reject(`a file name is 1 to ${MAX_FILE_NAME} letters, digits, '.', '_' or '-'`);
  }
  if (kind !== 'edit' || parts.length === 0) return reject(`expected ${SCENE_EXPECTS}`);
  try {
    return accept({ kind: 'custom', description: parseScene({ background: backgroundJson(parts[0]), objects: parts.slice(1).map(objectJson) }) });
  } catch (err) {
    return reject((err as Error).message);
  }
}

export const SCENE_EXPECTS = 'preset.<name>, seed.<0…4294967295>, edit.<background>.<objects…> or file.<name>';

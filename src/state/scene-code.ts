// Scenes in a link. Four forms, all made of characters URLSearchParams leaves alone:
//   preset.<id>                      a named preset (presets.ts; first-world scenes)
//   seed.<n>                         the sample for seed n in the link's world
//   file.<name>                      a token file on the reader's device, by its safe name
//                                    (safeFileName); the tokens themselves are not in the link
//   edit.<background>.<item>…        an edited description in the link's world, e.g.
//     edit.f-262830.ycisp-40-180.wsqld-120-64
// Background: f-<rgb> flat | g-<rgb>-<rgb>-<h|v|d> gradient | n-<rgb>-<amplitude>-<seed> noise |
// c-<rgb>-<rgb>-<cell> checker (rgb as 6 hex digits). A shape: colour initial, two-letter shape,
// size initial, pattern initial, then centre x and y in pixels. The second world adds textures,
// t<motif>-<rgb>-<rgb>-<period>-<x0>-<y0>-<x1>-<y1> (written before the objects), plates,
// <colour>pl<glyph><scale>-<x>-<y>, and the size t(iny); its pixels are the 384 view's.
import { GRADIENT_DIRECTIONS } from '../scenes/description.ts';
import {
  COLORS, PATTERNS, SHAPES, SIZES, SIZES_2, TEXTURE_MOTIFS, parseScene, parseScene2, sceneWorld,
  type Background, type Object2, type Rgb, type SceneDescription, type SceneDescription2, type SceneObject, type Texture,
} from '../scenes/index.ts';
import { accept, reject, type Decoded } from './decoded.ts';
import { PRESETS } from './presets.ts';
import { isScene2 } from './scene-choice.ts';
import type { SceneChoice, World } from './types.ts';

const COLOR_CODES = ['r', 'g', 'b', 'y', 'p', 'o', 'c', 'w'] as const; // order of COLORS
const SHAPE_CODES = ['ci', 'sq', 'tr', 'di', 'st', 'cr', 'ri', 'hx'] as const; // order of SHAPES
const SIZE_CODES = ['s', 'm', 'l'] as const; // order of SIZES
const SIZE_CODES_2 = ['t', 's', 'm', 'l'] as const; // order of SIZES_2
const PATTERN_CODES = ['p', 's', 'd'] as const; // order of PATTERNS
const DIRECTION_CODES = ['h', 'v', 'd'] as const; // order of GRADIENT_DIRECTIONS
const MOTIF_CODES = ['c', 's', 'd'] as const; // order of TEXTURE_MOTIFS

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

const encodeTexture = (t: Texture): string =>
  `t${MOTIF_CODES[TEXTURE_MOTIFS.indexOf(t.motif)]}-${hex(t.colors[0])}-${hex(t.colors[1])}-${t.period}-${t.box.join('-')}`;

function encodeObject2(o: Object2): string {
  const color = COLOR_CODES[COLORS.indexOf(o.color)];
  if (o.kind === 'plate') return `${color}pl${o.glyph}${o.scale}-${o.cx}-${o.cy}`;
  return color + SHAPE_CODES[SHAPES.indexOf(o.shape)] + SIZE_CODES_2[SIZES_2.indexOf(o.size)] + PATTERN_CODES[PATTERNS.indexOf(o.pattern)] + `-${o.cx}-${o.cy}`;
}

function encodeDescription(d: SceneDescription | SceneDescription2): string[] {
  if (isScene2(d)) return [encodeBackground(d.background), ...d.textures.map(encodeTexture), ...d.objects.map(encodeObject2)];
  return [encodeBackground(d.background), ...d.objects.map(encodeObject)];
}

export function encodeScene(choice: SceneChoice): string {
  switch (choice.kind) {
    case 'preset': return `preset.${choice.id}`;
    case 'seed': return `seed.${choice.seed}`;
    case 'custom': return ['edit', ...encodeDescription(choice.description)].join('.');
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

// Decoding maps codes back to plain JSON and lets the world's parseScene (the scene module's gate
// for untrusted input) check ranges; unknown codes become values it rejects.
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

const SHAPE_CODE = /^([a-z])([a-z]{2})([a-z])([a-z])-(\d{1,3})-(\d{1,3})$/;

/** A shape's fields from its code, sizes read with the world's size codes. */
function shapeJson(m: RegExpExecArray, sizeCodes: readonly string[], sizes: readonly string[]): Record<string, unknown> {
  return {
    color: lookup(COLOR_CODES, COLORS, m[1]), shape: lookup(SHAPE_CODES, SHAPES, m[2]),
    size: lookup(sizeCodes, sizes, m[3]), pattern: lookup(PATTERN_CODES, PATTERNS, m[4]),
    cx: Number(m[5]), cy: Number(m[6]),
  };
}

function objectJson(code: string): unknown {
  const m = SHAPE_CODE.exec(code);
  return m === null ? code : shapeJson(m, SIZE_CODES, SIZES);
}

const TEXTURE_CODE = /^t([a-z])-([0-9a-f]{6})-([0-9a-f]{6})-(\d{1,2})-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})$/;
const PLATE_CODE = /^([a-z])pl([0-9a-z])(\d)-(\d{1,3})-(\d{1,3})$/;
const isTextureCode = (code: string): boolean => /^t[a-z]-/.test(code);

function textureJson(code: string): unknown {
  const m = TEXTURE_CODE.exec(code);
  if (m === null) return code;
  return { motif: lookup(MOTIF_CODES, TEXTURE_MOTIFS, m[1]), colors: [rgbOf(m[2]), rgbOf(m[3])], period: Number(m[4]), box: m.slice(5, 9).map(Number) };
}

function objectJson2(code: string): unknown {
  const plate = PLATE_CODE.exec(code);
  if (plate !== null) return { kind: 'plate', color: lookup(COLOR_CODES, COLORS, plate[1]), glyph: plate[2], scale: Number(plate[3]), cx: Number(plate[4]), cy: Number(plate[5]) };
  const m = SHAPE_CODE.exec(code);
  return m === null ? code : { kind: 'shape', ...shapeJson(m, SIZE_CODES_2, SIZES_2) };
}

/** An edited description's JSON in the link's world, before its gate. */
function descriptionJson(parts: readonly string[], world: World): unknown {
  const background = backgroundJson(parts[0]);
  const items = parts.slice(1);
  if (world === 1) return { background, objects: items.map(objectJson) };
  return { world: 2, background, textures: items.filter(isTextureCode).map(textureJson), objects: items.filter((c) => !isTextureCode(c)).map(objectJson2) };
}

/** Untrusted JSON through the gate of the world it says it is from (no `world`: the first). */
function parseDescription(json: unknown): SceneDescription | SceneDescription2 {
  return sceneWorld(json) === 2 ? parseScene2(json) : parseScene(json);
}

/** The scene a code names in `world`, or why it names none there. */
export function decodeScene(code: string, world: World): Decoded<SceneChoice> {
  const [kind, ...parts] = code.split('.');
  if (kind === 'preset') {
    const id = parts.join('.');
    if (world === 2) return reject(`the presets are first-world scenes (world=1); this link is in the second world`);
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
  if (kind !== 'edit' || parts.length === 0) return reject(`expected ${SCENE_EXPECTS[world]}`);
  try {
    return accept({ kind: 'custom', description: parseDescription(descriptionJson(parts, world)) });
  } catch (err) {
    return reject((err as Error).message);
  }
}

export const SCENE_EXPECTS: Readonly<Record<World, string>> = {
  1: 'preset.<name>, seed.<0…4294967295>, edit.<background>.<objects…> or file.<name>',
  2: 'seed.<0…4294967295>, edit.<background>.<textures…>.<objects…> or file.<name>',
};

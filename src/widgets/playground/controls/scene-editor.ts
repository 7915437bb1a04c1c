// Edits a custom scene of either world: add, move, delete and recolour objects (up to the world's
// maximum; in the second world shapes and glyph plates, its textures kept as they are). Objects
// can also be dragged on the image (scene-drag.ts). Rows are updated in place so focus survives edits.
import {
  COLORS, GLYPHS, GLYPH_SCALES, MAX_OBJECTS, MAX_OBJECTS_2, PATTERNS, SHAPES, SIZES, SIZES_2, WORLD_VIEWS,
  type Object2, type SceneObject,
} from '../../../scenes/index.ts';
import { isScene2, type ExperimentState } from '../../../state/index.ts';
import { el, selectOf, wordOptions as words } from '../../shared/dom.ts';
import type { Store } from '../store.ts';

type Editable = SceneObject | Object2;
type Choices = readonly [key: string, values: readonly (string | number)[]][];

const SHAPE_CHOICES: Choices = [['color', COLORS], ['shape', SHAPES], ['size', SIZES], ['pattern', PATTERNS]];
const SHAPE_CHOICES_2: Choices = [['color', COLORS], ['shape', SHAPES], ['size', SIZES_2], ['pattern', PATTERNS]];
const PLATE_CHOICES: Choices = [['color', COLORS], ['glyph', GLYPHS], ['scale', GLYPH_SCALES]];
/** Fields whose values are numbers (the rest are words). */
const NUMERIC = new Set(['cx', 'cy', 'scale']);

/** What an object's row offers: its world's and its kind's fields. */
const choicesOf = (o: Editable): Choices => (!('kind' in o) ? SHAPE_CHOICES : o.kind === 'plate' ? PLATE_CHOICES : SHAPE_CHOICES_2);

/** `side`: the world's image side, which bounds the centres. */
function editObjects(store: Store, change: (objects: Editable[], side: number) => void): void {
  store.update((s) => {
    if (s.scene.kind !== 'custom') return;
    const d = s.scene.description;
    change(d.objects, WORLD_VIEWS[isScene2(d) ? 2 : 1].imageSize);
  }, 'final');
}

function objectRow(store: Store, index: number, object: Editable, side: number): { row: HTMLElement; show(o: Editable): void } {
  const inputs = new Map<string, HTMLSelectElement | HTMLInputElement>();
  const set = (key: string, value: string): void => editObjects(store, (objects, bound) => {
    const o = objects[index];
    if (!NUMERIC.has(key)) { Object.assign(o, { [key]: value }); return; }
    const v = Math.round(Number(value));
    if (!Number.isFinite(v)) return;
    Object.assign(o, { [key]: key === 'scale' ? v : Math.min(bound - 1, Math.max(0, v)) });
  });
  const row = el('li', { className: 'pg-object' });
  for (const [key, values] of choicesOf(object)) {
    const select = selectOf(words(values), '');
    select.setAttribute('aria-label', `object ${index + 1} ${key}`);
    select.addEventListener('change', () => set(key, select.value));
    inputs.set(key, select);
    row.append(select);
  }
  for (const key of ['cx', 'cy'] as const) {
    const input = el('input', { className: 'pg-number', attrs: { type: 'number', min: '0', max: String(side - 1), step: '1', 'aria-label': `object ${index + 1} ${key === 'cx' ? 'x' : 'y'}` } });
    input.addEventListener('change', () => set(key, input.value));
    inputs.set(key, input);
    row.append(input);
  }
  const remove = el('button', { text: 'Delete', attrs: { type: 'button', 'aria-label': `delete object ${index + 1}` } });
  remove.addEventListener('click', () => editObjects(store, (objects) => { objects.splice(index, 1); }));
  row.append(remove);
  return { row, show: (o) => { for (const [key, input] of inputs) input.value = String((o as unknown as Record<string, string | number>)[key]); } };
}

export function sceneEditor(store: Store): { element: HTMLElement; show(state: ExperimentState): void } {
  const list = el('ol', { className: 'pg-objects' });
  let rows: ReturnType<typeof objectRow>[] = [];
  let shape = ''; // the world and kinds the rows were made for
  const add = el('button', { text: 'Add object', testid: 'scene-add', attrs: { type: 'button' } });
  const addPlate = el('button', { text: 'Add plate', testid: 'scene-add-plate', attrs: { type: 'button' } });
  add.addEventListener('click', () => store.update((s) => {
    if (s.scene.kind !== 'custom') return;
    const d = s.scene.description;
    const centre = WORLD_VIEWS[isScene2(d) ? 2 : 1].imageSize / 2;
    if (isScene2(d)) { if (d.objects.length < MAX_OBJECTS_2) d.objects.push({ kind: 'shape', shape: 'circle', color: 'red', size: 'medium', pattern: 'plain', cx: centre, cy: centre }); }
    else if (d.objects.length < MAX_OBJECTS) d.objects.push({ shape: 'circle', color: 'red', size: 'medium', pattern: 'plain', cx: centre, cy: centre });
  }, 'final'));
  addPlate.addEventListener('click', () => store.update((s) => {
    if (s.scene.kind !== 'custom' || !isScene2(s.scene.description)) return;
    const d = s.scene.description;
    const centre = WORLD_VIEWS[2].imageSize / 2;
    if (d.objects.length < MAX_OBJECTS_2) d.objects.push({ kind: 'plate', color: 'white', glyph: '7', scale: 2, cx: centre, cy: centre });
  }, 'final'));
  const hint = el('p', { className: 'pg-hint' });
  const element = el('section', { className: 'pg-panel pg-editor', attrs: { 'aria-label': 'Scene editor' } },
    el('h2', { text: 'Objects' }), hint, list, el('div', { className: 'pg-row' }, add, addPlate));
  return {
    element,
    show(state) {
      element.hidden = state.scene.kind !== 'custom';
      if (state.scene.kind !== 'custom') return;
      const d = state.scene.description;
      const second = isScene2(d);
      const objects: readonly Editable[] = d.objects;
      const side = WORLD_VIEWS[second ? 2 : 1].imageSize;
      const made = `${second ? 2 : 1}:${objects.map((o) => ('kind' in o ? o.kind : 'shape')).join(',')}`;
      if (made !== shape) {
        rows = objects.map((o, i) => objectRow(store, i, o, side));
        list.replaceChildren(...rows.map((r) => r.row));
        shape = made;
      }
      objects.forEach((o, i) => rows[i].show(o));
      hint.textContent = second
        ? `Colour, shape, size, pattern and centre (pixels of the ${side} view) of each shape; colour, glyph and scale of each plate. Later objects are drawn on top; the textures stay as they are. Drag an object on the image to move it.`
        : 'Colour, shape, size, pattern and centre (pixels) of each object; later objects are drawn on top. Drag an object on the image to move it.';
      addPlate.hidden = !second;
      add.disabled = addPlate.disabled = objects.length >= (second ? MAX_OBJECTS_2 : MAX_OBJECTS);
    },
  };
}

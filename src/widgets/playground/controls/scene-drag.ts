// Drag objects of an edited scene (either world) on the image. The address bar follows the drag
// without new history entries; releasing makes one entry.
import { objectBox, SIZE_RADIUS, WORLD_VIEWS, type Object2, type SceneObject } from '../../../scenes/index.ts';
import { isScene2, stateViews } from '../../../state/index.ts';
import type { Store } from '../store.ts';

/** Whether (x, y) in image pixels falls on the object: its box in the second world, its half-width square in the first. */
function hits(o: SceneObject | Object2, x: number, y: number): boolean {
  if ('kind' in o) {
    const [x0, y0, x1, y1] = objectBox(o);
    return x >= x0 && x < x1 && y >= y0 && y < y1;
  }
  const r = SIZE_RADIUS[o.size];
  return Math.abs(x - o.cx) <= r && Math.abs(y - o.cy) <= r;
}

export function attachSceneDrag(surface: SVGSVGElement, store: Store): void {
  let dragging: { index: number; dx: number; dy: number } | null = null;
  /** The image's side for the scene being edited (its world's view). */
  const side = (): number => {
    const scene = store.state.scene;
    return WORLD_VIEWS[scene.kind === 'custom' && isScene2(scene.description) ? 2 : 1].imageSize;
  };
  const pixel = (e: PointerEvent): [number, number] => {
    const box = surface.getBoundingClientRect();
    return [((e.clientX - box.left) / box.width) * side(), ((e.clientY - box.top) / box.height) * side()];
  };
  const move = (e: PointerEvent, commit: 'live' | 'final'): void => {
    if (dragging === null) return;
    const [x, y] = pixel(e);
    const { index, dx, dy } = dragging;
    const clamp = (v: number): number => Math.min(side() - 1, Math.max(0, Math.round(v)));
    store.update((s) => {
      if (s.scene.kind !== 'custom' || s.scene.description.objects[index] === undefined) return;
      Object.assign(s.scene.description.objects[index], { cx: clamp(x - dx), cy: clamp(y - dy) });
    }, commit);
  };

  surface.addEventListener('pointerdown', (e) => {
    const scene = store.state.scene;
    // The anyres overlay shows the image twice (base view, tiles): objects are dragged in one view.
    if (scene.kind !== 'custom' || stateViews(store.state) === 'anyres') return;
    const [x, y] = pixel(e);
    const objects: readonly (SceneObject | Object2)[] = scene.description.objects;
    // Topmost first: later objects are drawn over earlier ones.
    for (let i = objects.length - 1; i >= 0; i--) {
      const o = objects[i];
      if (hits(o, x, y)) {
        dragging = { index: i, dx: x - o.cx, dy: y - o.cy };
        surface.setPointerCapture(e.pointerId);
        surface.classList.add('is-dragging');
        e.preventDefault();
        return;
      }
    }
  });
  surface.addEventListener('pointermove', (e) => move(e, 'live'));
  const end = (e: PointerEvent): void => {
    move(e, 'final');
    dragging = null;
    surface.classList.remove('is-dragging');
  };
  surface.addEventListener('pointerup', end);
  surface.addEventListener('pointercancel', end);
}

// Drag objects of an edited scene on the image. The address bar follows the drag without new
// history entries; releasing makes one entry.
import { IMAGE_SIZE, SIZE_RADIUS } from '../../../scenes/index.ts';
import type { Store } from '../store.ts';

export function attachSceneDrag(surface: SVGSVGElement, store: Store): void {
  let dragging: { index: number; dx: number; dy: number } | null = null;
  const pixel = (e: PointerEvent): [number, number] => {
    const box = surface.getBoundingClientRect();
    return [((e.clientX - box.left) / box.width) * IMAGE_SIZE, ((e.clientY - box.top) / box.height) * IMAGE_SIZE];
  };
  const move = (e: PointerEvent, commit: 'live' | 'final'): void => {
    if (dragging === null) return;
    const [x, y] = pixel(e);
    const { index, dx, dy } = dragging;
    const clamp = (v: number): number => Math.min(IMAGE_SIZE - 1, Math.max(0, Math.round(v)));
    store.update((s) => {
      if (s.scene.kind !== 'custom' || s.scene.description.objects[index] === undefined) return;
      Object.assign(s.scene.description.objects[index], { cx: clamp(x - dx), cy: clamp(y - dy) });
    }, commit);
  };

  surface.addEventListener('pointerdown', (e) => {
    const scene = store.state.scene;
    if (scene.kind !== 'custom') return;
    const [x, y] = pixel(e);
    const objects = scene.description.objects;
    // Topmost first: later objects are drawn over earlier ones.
    for (let i = objects.length - 1; i >= 0; i--) {
      const o = objects[i];
      const r = SIZE_RADIUS[o.size];
      if (Math.abs(x - o.cx) <= r && Math.abs(y - o.cy) <= r) {
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

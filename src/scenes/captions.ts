// Short object captions for CLIP-style alignment of text and image patches.

import type { SceneObject } from './description.ts';

/** e.g. ["small", "striped", "red", "circle"]; plain objects have no pattern word. */
export function captionWords(o: SceneObject): string[] {
  return o.pattern === 'plain' ? [o.size, o.color, o.shape] : [o.size, o.pattern, o.color, o.shape];
}

export function caption(o: SceneObject): string {
  return captionWords(o).join(' ');
}

// A SynthScenes image as an URL the overlay's SVG <image> can show (and so its export can hold).
import { IMAGE_SIZE } from '../../../scenes/index.ts';

/** The scene's pixels as a PNG data URL, for the figures' SVG <image> (and so for their export). */
export function sceneImageUrl(rgba: Uint8ClampedArray): string {
  const canvas = document.createElement('canvas');
  canvas.width = IMAGE_SIZE;
  canvas.height = IMAGE_SIZE;
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), IMAGE_SIZE, IMAGE_SIZE), 0, 0);
  return canvas.toDataURL('image/png');
}

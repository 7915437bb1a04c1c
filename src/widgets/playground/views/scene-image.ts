// A SynthScenes image as an URL the overlay's SVG <image> can show (and so its export can hold).

/** The scene's `side`×`side` pixels as a PNG data URL, for the figures' SVG <image> (and so for their export). */
export function sceneImageUrl(rgba: Uint8ClampedArray, side: number): string {
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), side, side), 0, 0);
  return canvas.toDataURL('image/png');
}

// Decodes one photo off the page's thread: the browser's decoder with the EXIF orientation applied
// (as transformers' load_image does), no colour-profile conversion (Pillow applies none either),
// then the RGBA bytes of an OffscreenCanvas. Refuses more than `maxPixels` before allocating them.
import type { DecodeReply, DecodeRequest } from './photo-decode.ts';

const post = (reply: DecodeReply, transfer: Transferable[] = []): void => (self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = async (e: MessageEvent<DecodeRequest>) => {
  const { id, blob, maxPixels } = e.data;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image', colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  } catch (err) {
    post({ id, ok: false, message: `it could not be decoded (${(err as Error).message || 'the image data is damaged'})` });
    return;
  }
  const { width, height } = bitmap;
  if (width * height > maxPixels) {
    bitmap.close();
    post({ id, ok: false, message: `it is ${width}×${height} = ${(width * height / 1e6).toFixed(1)} megapixels; photos up to ${maxPixels / 1e6} megapixels are accepted` });
    return;
  }
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const rgba = context.getImageData(0, 0, width, height).data;
  post({ id, ok: true, width, height, rgba }, [rgba.buffer]);
};
